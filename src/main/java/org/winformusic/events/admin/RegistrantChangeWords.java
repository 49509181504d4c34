package org.winformusic.events.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.winformusic.events.registration.PhoneNumbers;
import org.winformusic.events.registration.Regions;
import org.winformusic.events.shared.EventTimes;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a change did, in the words of the person it is about (their data page and file),
 * not in staff's: a field by the name the public form gives it ("Estado", not "Estado
 * (entidad)"), a status as the registrant's pages say it ("En revisión", not "Por
 * revisar"), an email by what it was for them, in second person. A line of any other
 * shape (an answer to the event's own questions) reads as {@link AuditWords} says it.
 */
@Component
class RegistrantChangeWords {

	/** "field: before -> after" about the registration (no staff user in front). */
	private static final Pattern CHANGE = Pattern.compile("([A-Za-z]+): (.*) -> (.*)");

	/** "type=CONFIRMED" or "outbox=12 CONFIRMED COPIED": an email sent again. */
	private static final Pattern RESENT = Pattern.compile("(?:type=|outbox=\\d+ )([A-Z_]+)(?: [A-Z_]+)?");

	private static final Pattern CHECKED_IN_AT = Pattern.compile("checkedInAt=(\\S+)");

	/** The registration's fields the public form asks for, by the form's own labels. */
	private static final Set<String> FORM_FIELDS = Set.of("fullName", "email", "company", "jobTitle", "companyType",
			"city", "phone", "referralSource", "comments");

	private final MessageSource messages;

	private final Regions regions;

	private final PhoneNumbers phones;

	private final EventTimes times;

	private final AuditWords staffWords;

	RegistrantChangeWords(MessageSource messages, Regions regions, PhoneNumbers phones, EventTimes times,
			AuditWords staffWords) {
		this.messages = messages;
		this.regions = regions;
		this.phones = phones;
		this.times = times;
		this.staffWords = staffWords;
	}

	/**
	 * The details of one history entry, one line per change, in the registrant's words.
	 */
	List<String> lines(String details, long eventId, String country, ZoneId zone, Locale locale) {
		List<String> lines = new ArrayList<>();
		if (details == null || details.isBlank()) {
			return lines;
		}
		for (String line : details.split("\n")) {
			lines.add(line(line.strip(), eventId, country, zone, locale));
		}
		return lines;
	}

	private String line(String line, long eventId, String country, ZoneId zone, Locale locale) {
		Matcher change = CHANGE.matcher(line);
		String label = change.matches() ? label(change.group(1), country, locale) : null;
		if (label != null) {
			String field = change.group(1);
			return this.messages.getMessage("privacy.change", new Object[] { label,
					value(field, change.group(2), country, locale), value(field, change.group(3), country, locale) },
					locale);
		}
		Matcher resent = RESENT.matcher(line);
		if (resent.matches()) {
			return this.messages.getMessage("privacy.change.email",
					new Object[] { word("privacy.email.kind." + resent.group(1), resent.group(1), locale) }, locale);
		}
		Matcher checkedInAt = CHECKED_IN_AT.matcher(line);
		if (checkedInAt.matches()) {
			try {
				return this.messages.getMessage("privacy.change.checkedInAt",
						new Object[] { this.times.dateTime(Instant.parse(checkedInAt.group(1)), zone, locale) },
						locale);
			}
			catch (DateTimeParseException ex) {
				// Not a time: as staff read it.
			}
		}
		return this.staffWords.details(line, eventId, country, zone, locale);
	}

	/**
	 * The field's name on the public form (and on the data page); null if not a field.
	 */
	private String label(String field, String country, Locale locale) {
		if (FORM_FIELDS.contains(field)) {
			return word("registration.field." + field, field, locale);
		}
		return switch (field) {
			case "state" -> this.regions.fieldLabel(country, locale);
			case "associationInterest" -> this.regions.interestQuestion(country, locale);
			case "status", "newsOptIn" -> word("privacy.change.field." + field, field, locale);
			default -> null;
		};
	}

	private String value(String field, String value, String country, Locale locale) {
		if ("null".equals(value) || value.isEmpty()) {
			return word("privacy.change.empty", "", locale);
		}
		return switch (field) {
			case "status" -> word("registration.status.short." + value, value, locale);
			case "companyType" -> word("registration.companyType." + value, value, locale);
			case "associationInterest" -> word("registration.interest." + value, value, locale);
			case "state" -> this.regions.label(country, value, locale);
			case "phone" -> this.phones.display(value, country);
			case "newsOptIn" ->
				word("true".equals(value) ? "registration.manage.yes" : "registration.manage.no", value, locale);
			default -> value;
		};
	}

	private String word(String key, String fallback, Locale locale) {
		return this.messages.getMessage(key, null, fallback, locale);
	}

}
