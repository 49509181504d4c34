package org.winformusic.events.event.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.thymeleaf.spring6.util.DetailedError;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The event editor's list of problems above the form: each entry names its field ("Sede:
 * completa este campo.", "Ponente 2 · Nombre: completa este campo.") and the entries
 * follow the form from top to bottom, whatever order validation found them in.
 */
@Component("editorErrorSummary")
class EditorErrorSummary {

	private static final Pattern SEGMENT = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");

	/** A first word written in lower case inside a sentence ("Completa", not "IANA"). */
	private static final Pattern PLAIN_FIRST_WORD = Pattern.compile("\\p{Lu}\\p{Ll}+(?:[ ,.:;].*)?", Pattern.DOTALL);

	/**
	 * Each part of the form, its fields in the order shown and the message key of each
	 * one's label; a row's fields under the list's name.
	 */
	private static final Map<String, Map<String, String>> FIELDS = Map.of("",
			fields("slug", "eventadmin.slug", "capacity", "eventadmin.capacity", "titleEs", "eventadmin.titleEs",
					"titleEn", "eventadmin.titleEn", "summaryEs", "eventadmin.summaryEs", "summaryEn",
					"eventadmin.summaryEn", "descriptionEs", "eventadmin.descriptionEs", "descriptionEn",
					"eventadmin.descriptionEn", "agendaEs", "eventadmin.agendaEs", "agendaEn", "eventadmin.agendaEn",
					"aboutEs", "eventadmin.aboutEs", "aboutEn", "eventadmin.aboutEn", "country", "country.field",
					"timeZone", "eventadmin.timeZone", "zoneConfirmed", "eventadmin.timeZone", "startsAt",
					"eventadmin.startsAt", "endsAt", "eventadmin.endsAt", "venueName", "eventadmin.venueName",
					"venueAddress", "eventadmin.venueAddress", "venueMapUrl", "eventadmin.venueMapUrl",
					"registrationOpensAt", "eventadmin.opensAt", "registrationClosesAt", "eventadmin.closesAt",
					"retentionDays", "rights.event.retentionDays", "speakers", "eventadmin.speakers", "partners",
					"eventadmin.partners", "questions", "questions.editor.title"),
			"speakers",
			fields("name", "editor.name", "organization", "editor.organization", "roleEs", "editor.roleEs", "roleEn",
					"editor.roleEn", "country", "editor.country"),
			"partners",
			fields("name", "editor.name", "url", "editor.url", "descriptionEs", "editor.descriptionEs", "descriptionEn",
					"editor.descriptionEn"),
			"questions",
			fields("kind", "questions.editor.kind", "labelEs", "questions.editor.labelEs", "labelEn",
					"questions.editor.labelEn", "helpEs", "questions.editor.helpEs", "helpEn",
					"questions.editor.helpEn", "choices", "questions.editor.choices"),
			"choices", fields("labelEs", "questions.editor.choiceEs", "labelEn", "questions.editor.choiceEn"));

	/** The message key naming a row of each list, with the row's number. */
	private static final Map<String, String> ROWS = Map.of("speakers", "eventadmin.row.speaker", "partners",
			"eventadmin.row.partner", "questions", "questions.editor.question");

	private final MessageSource messages;

	EditorErrorSummary(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The form's errors as the summary lists them, in the form's order; one about the
	 * whole form (none today) last, as it is.
	 */
	public List<Entry> entries(List<DetailedError> errors, Locale locale) {
		return errors.stream()
			.map((e) -> e.isGlobal() ? new Sorted(List.of(Integer.MAX_VALUE), new Entry("", text(e)))
					: new Sorted(position(e.getFieldName()), entry(e, locale)))
			.sorted(Comparator.comparing(Sorted::position, EditorErrorSummary::compare)
				.thenComparing((s) -> s.entry().text()))
			.map(Sorted::entry)
			.toList();
	}

	private Entry entry(DetailedError error, Locale locale) {
		String field = error.getFieldName();
		String message = text(error);
		// "Enlace al mapa: revisa…", not "Enlace al mapa (opcional): revisa…".
		String label = label(field, locale)
			.replace(" " + this.messages.getMessage("registration.optional", null, locale), "");
		String text = label.isEmpty() ? message : label + ": " + lowerFirst(message, locale);
		return new Entry(field.replaceAll("[^A-Za-z0-9]+", "-"), text);
	}

	/** "Sede", "Ponente 2 · Nombre", "Pregunta 1 · Opción 3 en español". */
	private String label(String field, Locale locale) {
		List<String> parts = new ArrayList<>();
		String context = "";
		for (String segment : field.split("\\.")) {
			Matcher m = SEGMENT.matcher(segment);
			if (!m.matches()) {
				return "";
			}
			String name = m.group(1);
			String key = FIELDS.getOrDefault(context, Map.of()).get(name);
			if (key == null) {
				return "";
			}
			if (m.group(2) == null) {
				parts.add(this.messages.getMessage(key, null, locale));
			}
			else if (ROWS.containsKey(name)) {
				parts.add(this.messages.getMessage(ROWS.get(name), new Object[] { number(m) }, locale));
			}
			// A choice is named by its field: "Opción 3 en español".
			context = name;
			if ("choices".equals(name) && m.group(2) != null) {
				String choice = FIELDS.get(name).get(field.substring(field.lastIndexOf('.') + 1));
				if (choice != null) {
					parts.add(this.messages.getMessage(choice, new Object[] { number(m) }, locale));
				}
				break;
			}
		}
		return String.join(" · ", parts);
	}

	/** For each segment of the name, its place in its part of the form and its row. */
	private static List<Integer> position(String field) {
		List<Integer> position = new ArrayList<>();
		String context = "";
		for (String segment : field.split("\\.")) {
			Matcher m = SEGMENT.matcher(segment);
			if (!m.matches()) {
				position.add(Integer.MAX_VALUE);
				break;
			}
			List<String> names = new ArrayList<>(FIELDS.getOrDefault(context, Map.of()).keySet());
			int place = names.indexOf(m.group(1));
			position.add((place < 0) ? Integer.MAX_VALUE : place);
			position.add((m.group(2) != null) ? number(m) : 0);
			context = m.group(1);
		}
		return position;
	}

	private static int compare(List<Integer> a, List<Integer> b) {
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			int c = Integer.compare(a.get(i), b.get(i));
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(a.size(), b.size());
	}

	private static int number(Matcher m) {
		return Integer.parseInt(m.group(2)) + 1;
	}

	private static String text(DetailedError error) {
		return (error.getMessage() != null) ? error.getMessage() : "";
	}

	private static String lowerFirst(String message, Locale locale) {
		return PLAIN_FIRST_WORD.matcher(message).matches()
				? message.substring(0, 1).toLowerCase(locale) + message.substring(1) : message;
	}

	private static Map<String, String> fields(String... namesAndKeys) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i + 1 < namesAndKeys.length; i += 2) {
			fields.put(namesAndKeys[i], namesAndKeys[i + 1]);
		}
		return fields;
	}

	/**
	 * One problem of the summary.
	 *
	 * @param anchor the id of its field's control
	 * @param text the field's label and the problem
	 */
	public record Entry(String anchor, String text) {
	}

	private record Sorted(List<Integer> position, Entry entry) {
	}

}
