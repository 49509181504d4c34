package org.winformusic.events.registration;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other packages fold the tally deltas now, as the scheduled compaction
 * would, without making {@link RegistrationTallyCompaction} public API.
 */
public final class TallyTestAccess {

	private final RegistrationTallyCompaction compaction;

	public TallyTestAccess(ApplicationContext context) {
		this.compaction = context.getBean(RegistrationTallyCompaction.class);
	}

	public int compact() {
		return this.compaction.compact();
	}

}
