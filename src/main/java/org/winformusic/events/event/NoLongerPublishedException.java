package org.winformusic.events.event;

/**
 * A public page of an event that was published once and is not now: answered with the
 * page that says so (a 404, as the event may be published again), never with the event.
 */
public class NoLongerPublishedException extends RuntimeException {

	private final String title;

	NoLongerPublishedException(String title) {
		super(null, null, false, false);
		this.title = title;
	}

	/** The event's title in the visitor's language. */
	public String title() {
		return this.title;
	}

}
