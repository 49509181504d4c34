package org.winformusic.events.event;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * An event's facts in one language, as pages and emails show them.
 *
 * @param description what attendees will learn, one entry per paragraph
 * @param agenda agenda items in order
 * @param about paragraphs about the organiser and the regional network
 * @param country where the event takes place (ISO 3166-1 alpha-2)
 * @param countryName the country's name in this language
 * @param calendarRevision how many times the event was saved since it was created: the
 * calendar files' SEQUENCE grows with it
 */
public record EventInfo(long id, String slug, String title, String summary, List<String> description,
		List<String> agenda, List<String> about, Instant startsAt, Instant endsAt, ZoneId zone, String venueName,
		String venueAddress, String venueMapUrl, boolean requiresApproval, Instant registrationOpensAt,
		Instant registrationClosesAt, boolean published, List<SpeakerInfo> speakers, List<PartnerInfo> partners,
		String country, String countryName, int calendarRevision) {

	/** An event never edited since it was created. */
	public EventInfo(long id, String slug, String title, String summary, List<String> description, List<String> agenda,
			List<String> about, Instant startsAt, Instant endsAt, ZoneId zone, String venueName, String venueAddress,
			String venueMapUrl, boolean requiresApproval, Instant registrationOpensAt, Instant registrationClosesAt,
			boolean published, List<SpeakerInfo> speakers, List<PartnerInfo> partners, String country,
			String countryName) {
		this(id, slug, title, summary, description, agenda, about, startsAt, endsAt, zone, venueName, venueAddress,
				venueMapUrl, requiresApproval, registrationOpensAt, registrationClosesAt, published, speakers, partners,
				country, countryName, 0);
	}

	/**
	 * The venue's address with the country, as pages, emails and calendar files show it
	 * ("Chapinero, Bogotá, Colombia"); unchanged when the address names the country
	 * already.
	 */
	public String venuePlace() {
		return placeOf(this.venueAddress);
	}

	/**
	 * An address of this event's venue (the one it had before a move) with the country,
	 * as {@link #venuePlace()} shows the current one.
	 */
	public String placeOf(String address) {
		if (this.countryName == null || this.countryName.isEmpty() || Countries.mentions(address, this.country)) {
			return address;
		}
		return address + ", " + this.countryName;
	}

	/**
	 * Whether the event is in Latin America, where WIN's LatAm Network works: its pages
	 * name the network only there.
	 */
	public boolean latinAmerican() {
		return Countries.inLatinAmerica(this.country);
	}

	/** Where the event's registration window stands at {@code now}. */
	public RegistrationWindow registrationWindow(Instant now) {
		return window(this.published, this.registrationOpensAt, this.registrationClosesAt, this.startsAt, now);
	}

	/** Whether the event is over at {@code now}: its end has come. */
	public boolean ended(Instant now) {
		return !now.isBefore(this.endsAt);
	}

	/**
	 * The window as the public will see it once the event is published: what a staff
	 * preview of an unpublished event shows.
	 */
	public RegistrationWindow registrationWindowOncePublished(Instant now) {
		return window(true, this.registrationOpensAt, this.registrationClosesAt, this.startsAt, now);
	}

	/** Registration is open while published, from opening until closing or the start. */
	static RegistrationWindow window(boolean published, Instant opensAt, Instant closesAt, Instant startsAt,
			Instant now) {
		if (!published) {
			return RegistrationWindow.UNPUBLISHED;
		}
		if (opensAt != null && now.isBefore(opensAt)) {
			return RegistrationWindow.NOT_YET_OPEN;
		}
		boolean closed = (closesAt != null) ? !now.isBefore(closesAt) : !now.isBefore(startsAt);
		return closed ? RegistrationWindow.CLOSED : RegistrationWindow.OPEN;
	}

	static List<String> paragraphs(String text) {
		return split(text, "\\R\\s*\\R");
	}

	static List<String> lines(String text) {
		return split(text, "\\R");
	}

	private static List<String> split(String text, String separator) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.strip().split(separator)).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	/**
	 * A speaker, with the role in the page's language and the country's localized name.
	 */
	public record SpeakerInfo(String name, String role, String organization, String countryCode, String country) {
	}

	/** A partner organisation. */
	public record PartnerInfo(String name, String description, String url) {
	}

	/** Whether the registration form accepts submissions. */
	public enum RegistrationWindow {

		OPEN, NOT_YET_OPEN, CLOSED, UNPUBLISHED

	}

}
