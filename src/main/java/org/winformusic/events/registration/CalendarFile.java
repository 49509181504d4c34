package org.winformusic.events.registration;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.shared.MailFrom;

/**
 * The iCalendar file of one registration: the manage page offers it, and the mail feature
 * attaches it to confirmation and promotion emails. The UID is stable per registration,
 * so a calendar updates the entry instead of adding a second one; times are UTC.
 *
 * <p>
 * The file links to the event's public page, never to the manage link: calendar entries
 * are synced to shared and delegated calendars, where anyone who reads the entry could
 * otherwise change or cancel the registration.
 */
public final class CalendarFile {

	/** The media type of the file. */
	public static final String MEDIA_TYPE = "text/calendar";

	/**
	 * Where SEQUENCE starts. Files sent before it counted the seconds from 2024 to the
	 * registration's last change (about 9.5 × 10<sup>7</sup> at the end of 2026), which
	 * two changes within one second could not tell apart. A calendar keeps the entry with
	 * the highest SEQUENCE, so the new numbers must start above every one already sent:
	 * 10<sup>9</sup> seconds after 2024 is September 2055. A constant rather than a floor
	 * per registration (its last change's seconds, or the max of both): no clock enters
	 * the number, so two instances whose clocks differ, or a clock set back, cannot make
	 * a later file carry a lower one. It leaves room for half a billion changes of one
	 * registration below 2<sup>31</sup> - 1, the largest INTEGER of RFC 5545.
	 */
	static final long SEQUENCE_BASE = 1_000_000_000L;

	private CalendarFile() {
	}

	/**
	 * The iCalendar text for a registration.
	 * @param event the event, in the registrant's language
	 * @param registration the registration (a cancelled or declined one gives a cancelled
	 * entry)
	 * @param eventLink the event's public page, put into the URL and the description
	 * @param organizer the sender of the site's emails, named as the ORGANIZER
	 */
	public static String build(EventInfo event, RegistrationView registration, String eventLink, MailFrom organizer) {
		return write(event, registration, eventLink, organizer, false);
	}

	/**
	 * The iCalendar text that removes the registration's entry from the person's calendar
	 * (sent with the cancellation and decline emails, and when staff move a confirmed
	 * person to the waitlist): the same UID as the file they got, {@code METHOD:CANCEL},
	 * {@code STATUS:CANCELLED} and a higher SEQUENCE.
	 * @param eventLink the event's public page, put into the URL and the description
	 * @param organizer the sender of the site's emails, named as the ORGANIZER
	 */
	public static String cancel(EventInfo event, RegistrationView registration, String eventLink, MailFrom organizer) {
		return write(event, registration, eventLink, organizer, true);
	}

	/** The {@code method} parameter of the file's Content-Type. */
	public static String method(String ics) {
		return ics.contains("\r\nMETHOD:CANCEL\r\n") ? "CANCEL" : "PUBLISH";
	}

	private static String write(EventInfo event, RegistrationView registration, String link, MailFrom organizer,
			boolean cancel) {
		ICalendar calendar = new ICalendar();
		calendar.setProductId("-//WIN Events//Registration//EN");
		calendar.setMethod(cancel ? Method.cancel() : Method.publish());
		VEvent entry = new VEvent();
		entry.setUid("registration-" + registration.id() + "@win-events");
		entry.setSequence(sequence(registration.version(), event.calendarRevision(), cancel));
		entry.setDateTimeStamp(Date.from(registration.updatedAt()));
		entry.setDateStart(Date.from(event.startsAt()));
		entry.setDateEnd(Date.from(event.endsAt()));
		entry.setSummary(event.title());
		entry.setLocation(event.venueName() + ", " + event.venuePlace());
		StringBuilder description = new StringBuilder();
		if (event.summary() != null) {
			description.append(event.summary()).append("\n\n");
		}
		description.append(link);
		entry.setDescription(description.toString());
		entry.setUrl(link);
		// RFC 5546 requires an ORGANIZER in PUBLISH and CANCEL, and clients apply a
		// CANCEL only from the organizer of the entry they hold: the From of the email
		// that carries it. A parameter value cannot hold a double quote (biweekly quotes
		// one with , ; or :), so it becomes a single one.
		if (organizer.address() != null) {
			entry.setOrganizer(new Organizer(organizer.name().replace('"', '\''), organizer.address()));
		}
		boolean ended = cancel || !registration.status().active();
		entry.setStatus(ended ? Status.cancelled() : Status.confirmed());
		calendar.addEvent(entry);
		return fold(Biweekly.write(calendar).go());
	}

	/**
	 * The entry's SEQUENCE (RFC 5546 2.1.4: a calendar applies a file only over an entry
	 * with a lower one). Every change of a registration adds one to its version (status
	 * changes, promotions, edits, check-in), and each version has two numbers: the file
	 * that adds the entry, then the one that removes it. So a cancellation comes out
	 * above the entry it removes even at the same version, and a seat given back after it
	 * (a new version) above the cancellation, however close together. Files are written
	 * when an email is sent, from the registration as it is then, so one that waited in
	 * the outbox carries the number of the latest state.
	 */
	static int sequence(int version, boolean cancel) {
		return sequence(version, 0, cancel);
	}

	/**
	 * The SEQUENCE of a registration's entry at {@code version} of an event saved
	 * {@code eventRevision} times: organizers moving the event (date, hours, venue,
	 * title) change no registration, yet the next file must outrank the entry people
	 * have. Both numbers only grow, so their sum does too.
	 */
	static int sequence(int version, int eventRevision, boolean cancel) {
		long changes = (long) Math.max(0, version) + Math.max(0, eventRevision);
		long sequence = SEQUENCE_BASE + 2L * changes + (cancel ? 1 : 0);
		return (int) Math.min(Integer.MAX_VALUE, sequence);
	}

	/**
	 * RFC 5545 3.1: content lines are folded at 75 octets, never inside a UTF-8
	 * character. biweekly folds at 75 characters, which is up to 300 octets with accents
	 * or emoji, so its folding is undone and done again by octets.
	 */
	static String fold(String ics) {
		String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
		StringBuilder out = new StringBuilder(unfolded.length() + 64);
		for (String line : unfolded.split("\r\n")) {
			int octets = 0;
			int limit = 75;
			for (int i = 0; i < line.length();) {
				int codePoint = line.codePointAt(i);
				int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
				if (octets + size > limit) {
					out.append("\r\n ");
					// The continuation's leading space counts towards its 75 octets.
					octets = 1;
				}
				out.appendCodePoint(codePoint);
				octets += size;
				i += Character.charCount(codePoint);
			}
			out.append("\r\n");
		}
		return out.toString();
	}

}
