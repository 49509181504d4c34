package org.winformusic.events.admin;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.Regions;
import org.winformusic.events.registration.RegistrationRow;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.shared.EventTimes;

import org.springframework.context.MessageSource;

/**
 * A line of the registrations list as staff read it: every word already in their language
 * and every time in the event's zone. Public, as the template reads it with compiled
 * expressions. The list shows fifty of these per page; looking each word up once per page
 * here, instead of once per cell in the template, is most of what the page costs to
 * render.
 *
 * @param id the registration
 * @param fullName as registered
 * @param email as registered
 * @param company as registered
 * @param companyType the company type's name
 * @param state the region's name (or the code as typed where the country has no list)
 * @param status for the row's actions and its style
 * @param statusLabel the status in words
 * @param registered when they registered, {@code yyyy-MM-dd HH:mm} in the event's zone
 * @param interest their answer about the association, in words
 * @param checkedIn the time they were checked in, or a dash
 * @param selectLabel the accessible name of the row's checkbox
 */
public record ListedRegistration(long id, String fullName, String email, String company, String companyType,
		String state, RegistrationStatus status, String statusLabel, String registered, String interest,
		String checkedIn, String selectLabel) {

	private static final DateTimeFormatter REGISTERED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	public boolean pending() {
		return this.status == RegistrationStatus.PENDING;
	}

	/** The rows of a page in {@code locale}, each label looked up once. */
	static List<ListedRegistration> of(List<RegistrationRow> rows, EventInfo event, Locale locale,
			MessageSource messages, Regions regions, EventTimes times) {
		Map<String, String> words = new HashMap<>();
		ZoneId zone = event.zone();
		return rows.stream().map((row) -> {
			String checkedIn = row.checkedIn() ? times.time(row.checkedInAt(), zone) : "—";
			return new ListedRegistration(row.id(), row.fullName(), row.email(), row.company(),
					words.computeIfAbsent("registration.companyType." + row.companyType(),
							(key) -> messages.getMessage(key, null, locale)),
					words.computeIfAbsent(
							"state:" + row.state(), (key) -> regions.label(event.country(), row.state(), locale)),
					row.status(),
					words.computeIfAbsent("admin.status." + row.status(),
							(key) -> messages.getMessage(key, null, locale)),
					REGISTERED.format(row.createdAt().atZone(zone)),
					words.computeIfAbsent("registration.interest." + row.associationInterest(),
							(key) -> messages.getMessage(key, null, locale)),
					checkedIn, messages.getMessage("admin.bulk.selectOne", new Object[] { row.fullName() }, locale));
		}).toList();
	}

}
