package org.winformusic.events.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.winformusic.events.registration.ChangeDetails;
import org.winformusic.events.registration.PhoneNumbers;
import org.winformusic.events.registration.Regions;
import org.winformusic.events.registration.AnswerFilters;
import org.winformusic.events.registration.RegistrationAnswers;
import org.winformusic.events.shared.EventTimes;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Audit entries in the reader's words. The log stores stable codes ({@code APPROVED},
 * {@code status: PENDING -> CONFIRMED}) so that it can be filtered and read by scripts;
 * staff read them through this: "Aprobado", "Situación: Por revisar → Confirmado". Text
 * that matches no known shape is shown as stored, so nothing recorded is hidden.
 */
@Component("auditWords")
class AuditWords {

	/**
	 * "name: before -> after", the shape of status, capacity, role and edit details; a
	 * role change starts with the staff user's id.
	 */
	private static final Pattern CHANGE = Pattern.compile("(?:user=(\\S+) )?([A-Za-z]+): (.*) -> (.*)");

	/**
	 * "answer.12: before -> after", a changed answer to the event's question 12
	 * ({@link ChangeDetails#answers}).
	 */
	private static final Pattern ANSWER = Pattern
		.compile(Pattern.quote(ChangeDetails.ANSWER) + "(\\d{1,18}): (.*) -> (.*)");

	/** "type=CONFIRMED", the detail of a resent registration email. */
	private static final Pattern EMAIL_TYPE = Pattern.compile("type=([A-Z_]+)");

	/** "outbox=12 CONFIRMED COPIED", the detail of an email resent from the outbox. */
	private static final Pattern OUTBOX = Pattern.compile("outbox=(\\d+) ([A-Z_]+) ([A-Z_]+)");

	/** "user=3 role=ADMIN", "user=3", or "user=3 email=ana@win.test" (whose it was). */
	private static final Pattern STAFF_USER = Pattern.compile("user=(\\S+)(?: role=([A-Z_]+)| email=(\\S+))?");

	/**
	 * Where "name=value" pairs part: "format=CSV, rows=7, status=CONFIRMED" (an export),
	 * "matches=1" (a personal data search), "suppressed=0 anonymized=3" (retention),
	 * "token=crm sync" (an API token's name, any text).
	 */
	private static final Pattern PAIR_SEPARATOR = Pattern.compile("(?:,\\s*|\\s+)(?=[A-Za-z]+=)");

	private static final Pattern PAIR = Pattern.compile("([A-Za-z]+)=(.*)");

	/**
	 * "checkedInAt=2028-03-01T16:55:00Z": a status change took away a check-in; when they
	 * had arrived.
	 */
	private static final Pattern CHECKED_IN_AT = Pattern.compile("checkedInAt=(\\S+)");

	/** Counts in words: "7 filas", the emails of an event's move ("told=7"). */
	private static final Set<String> COUNTS = Set.of("matches", "rows", "people", "suppressed", "anonymized", "told",
			"notTold");

	/** An export's filter ("Situación: Confirmado"), a choice an event edit removed. */
	private static final Set<String> FILTERS = Set.of("status", "companyType", "state", "associationInterest",
			"checkedIn", "choice", "choiceRemoved", "yesNo");

	/** The actions about an API token itself (created, revoked), whose line names it. */
	private static final String TOKEN_ACTIONS = "API_TOKEN_", TOKEN_LINE = "token=";

	private final MessageSource messages;

	private final Regions regions;

	private final EventTimes times;

	private final EventFieldWords eventFields;

	private final QuestionWords questions;

	private final PhoneNumbers phones;

	AuditWords(MessageSource messages, Regions regions, EventTimes times, RegistrationAnswers answers,
			AnswerFilters filters, PhoneNumbers phones) {
		this.phones = phones;
		this.messages = messages;
		this.regions = regions;
		this.times = times;
		this.eventFields = new EventFieldWords(messages, times);
		this.questions = new QuestionWords(messages, answers, filters);
	}

	/** "Aprobado" for {@code APPROVED}; an unknown code as stored. */
	public String action(String code, Locale locale) {
		return word("ux.audit.action." + code, code, locale);
	}

	/**
	 * The details, one line per change, in words; a region in the words of
	 * {@code country}, the event's (codes such as {@code GUA} mean another place in
	 * another country), a choice of one of its questions by its label; a time in
	 * {@code zone}: the event's (next to a registration, and for an entry about an event
	 * in the audit log), else UTC, said so.
	 */
	public String details(String details, Long eventId, String country, ZoneId zone, Locale locale) {
		return details(null, details, eventId, country, zone, locale);
	}

	/**
	 * The details of an entry of {@code action} in words: the token of an
	 * {@code API_TOKEN_...} entry is the one created or revoked ("Token de API “crm
	 * sync”"), where an export's is the one it was made with ("Con el token de API …").
	 */
	public String details(String action, String details, Long eventId, String country, ZoneId zone, Locale locale) {
		if (details == null || details.isBlank()) {
			return "";
		}
		boolean tokenAction = action != null && action.startsWith(TOKEN_ACTIONS);
		List<String> lines = new ArrayList<>();
		for (String line : details.split("\n")) {
			String stripped = line.strip();
			lines.add((tokenAction && stripped.startsWith(TOKEN_LINE))
					? this.messages.getMessage("ux.audit.tokenName",
							new Object[] { stripped.substring(TOKEN_LINE.length()) }, locale)
					: line(stripped, eventId, country, zone, locale));
		}
		return String.join("\n", lines);
	}

	private String line(String line, Long eventId, String country, ZoneId zone, Locale locale) {
		Matcher change = CHANGE.matcher(line);
		if (change.matches()) {
			String field = change.group(2);
			String text = this.messages.getMessage("ux.audit.change",
					new Object[] { field(field, country, locale), fieldValue(field, change.group(3), country, locale),
							fieldValue(field, change.group(4), country, locale) },
					locale);
			return (change.group(1) != null)
					? this.messages.getMessage("ux.audit.staffUser", new Object[] { change.group(1) }, locale) + " · "
							+ text
					: text;
		}
		Matcher answer = ANSWER.matcher(line);
		if (answer.matches() && eventId != null) {
			Optional<String> words = this.questions.answer(eventId, Long.parseLong(answer.group(1)), answer.group(2),
					answer.group(3), locale);
			if (words.isPresent()) {
				return words.get();
			}
		}
		Matcher type = EMAIL_TYPE.matcher(line);
		if (type.matches()) {
			return this.messages.getMessage("ux.audit.emailType",
					new Object[] { word("ux.audit.email." + type.group(1), type.group(1), locale) }, locale);
		}
		Matcher outbox = OUTBOX.matcher(line);
		if (outbox.matches()) {
			return this.messages.getMessage("ux.audit.outbox",
					new Object[] { word("ux.audit.email." + outbox.group(2), outbox.group(2), locale),
							word("ux.audit.resend." + outbox.group(3), outbox.group(3), locale) },
					locale);
		}
		Matcher user = STAFF_USER.matcher(line);
		if (user.matches()) {
			if (user.group(3) != null) {
				return this.messages.getMessage("ux.audit.staffUserEmail",
						new Object[] { user.group(1), user.group(3) }, locale);
			}
			String who = this.messages.getMessage("ux.audit.staffUser", new Object[] { user.group(1) }, locale);
			return (user.group(2) != null) ? who + " · " + word("admin.role." + user.group(2), user.group(2), locale)
					: who;
		}
		Matcher checkedInAt = CHECKED_IN_AT.matcher(line);
		if (checkedInAt.matches()) {
			String time = time(checkedInAt.group(1), zone, locale);
			if (time != null) {
				return this.messages.getMessage("ux.audit.checkedInAt", new Object[] { time }, locale);
			}
		}
		if (line.startsWith("slug=")) {
			return this.messages.getMessage("ux.audit.slug", new Object[] { line.substring(5) }, locale);
		}
		String pairs = pairs(line, eventId, country, locale);
		return (pairs != null) ? pairs : line;
	}

	/**
	 * "CSV, 7 filas, Situación: Confirmado" for "format=CSV, rows=7, status=CONFIRMED";
	 * null when a pair is not one this knows, so the line is shown as stored.
	 */
	private String pairs(String line, Long eventId, String country, Locale locale) {
		List<String> words = new ArrayList<>();
		for (String part : PAIR_SEPARATOR.split(line)) {
			Matcher pair = PAIR.matcher(part);
			String word = pair.matches() ? pair(pair.group(1), pair.group(2).strip(), eventId, country, locale) : null;
			if (word == null) {
				return null;
			}
			words.add(word);
		}
		return String.join(", ", words);
	}

	private String pair(String name, String value, Long eventId, String country, Locale locale) {
		if (COUNTS.contains(name)) {
			if (!value.matches("\\d{1,18}")) {
				return null;
			}
			return this.messages.getMessage("ux.audit." + name, new Object[] { Long.valueOf(value) }, locale);
		}
		if (FILTERS.contains(name)) {
			String answer = this.questions.filter(name, eventId, value, locale);
			return field(name, country, locale) + ": "
					+ ((answer != null) ? answer : fieldValue(name, value, country, locale));
		}
		return switch (name) {
			case "format" -> word("ux.audit.format." + value, value, locale);
			// Which printout: "Gafetes (hojas A4 de 8)", "Lista de acceso".
			case "printout" -> word("ux.audit.printout." + value, value, locale);
			// That an export was filtered by a search, never the text (V46 replaced q=).
			case "search", "q" -> this.messages.getMessage("ux.audit.search", null, locale);
			case "token" -> this.messages.getMessage("ux.audit.token", new Object[] { value }, locale);
			// An event edit that changed a field in a way its summary does not show.
			case "changed" ->
				this.messages.getMessage("ux.audit.changed", new Object[] { field(value, country, locale) }, locale);
			default -> null;
		};
	}

	/** A field's name: "Situación"; a region by the event's country ("Departamento"). */
	private String field(String field, String country, Locale locale) {
		return (field.equals("state") && country != null)
				? this.regions.fieldLabel(country, "ux.audit.field.state", locale)
				: word("ux.audit.field." + field, field, locale);
	}

	/**
	 * A value in words: "Por revisar" for {@code PENDING}; a region, a phone as shown.
	 */
	private String fieldValue(String field, String value, String country, Locale locale) {
		boolean empty = "null".equals(value) || value.isEmpty();
		if (!empty && field.equals("state") && country != null) {
			return this.regions.label(country, value, locale);
		}
		if (!empty && field.equals("phone")) {
			return this.phones.display(value, country);
		}
		String event = this.eventFields.value(field, value, locale);
		if (event != null) {
			return event;
		}
		String prefix = switch (field) {
			case "status" -> "admin.status.";
			case "role" -> "admin.role.";
			case "companyType" -> "registration.companyType.";
			case "state" -> "state.";
			case "associationInterest" -> "registration.interest.";
			default -> "ux.audit.value.";
		};
		return value(prefix, value, locale);
	}

	/** A status or company code in words; anything else (a name, a number) as it is. */
	private String value(String prefix, String value, Locale locale) {
		if ("null".equals(value) || value.isEmpty()) {
			return this.messages.getMessage("ux.audit.empty", null, locale);
		}
		return word(prefix + value, value, locale);
	}

	/**
	 * "lunes 20 de marzo de 2028, 10:55" in the zone (a cancellation may come days after
	 * the arrival), with "UTC" when that is the zone; null when not a time.
	 */
	private String time(String instant, ZoneId zone, Locale locale) {
		try {
			String time = this.times.dateTime(Instant.parse(instant), zone, locale);
			return zone.normalized().equals(ZoneOffset.UTC) ? time + " UTC" : time;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private String word(String key, String fallback, Locale locale) {
		return this.messages.getMessage(key, null, fallback, locale);
	}

}
