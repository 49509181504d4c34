package org.winformusic.events.event.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.winformusic.events.event.EventAdministration;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventForm;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.event.PartnerRow;

import org.springframework.stereotype.Component;

/**
 * What an event copied from another still has of it among the parts that belong to one
 * country: the agenda, the text about WIN and the regional network, and the partners. A
 * copy keeps them until they are edited, so the editor names them and the event they came
 * from, on the copy's form and on its edit page right after it is saved, for the
 * organizer to review them before the new country's page goes out.
 */
@Component
class CopiedParts {

	private final EventAdministration administration;

	private final EventCatalog catalog;

	CopiedParts(EventAdministration administration, EventCatalog catalog) {
		this.administration = administration;
		this.catalog = catalog;
	}

	/**
	 * The parts of {@code copy} that are still those of the event {@code sourceSlug}
	 * (either language of a text unchanged, the same partners); empty when there is no
	 * such event or nothing is left of it.
	 */
	Optional<Note> of(String sourceSlug, EventForm copy, Locale locale) {
		if (sourceSlug == null || sourceSlug.isBlank() || copy == null) {
			return Optional.empty();
		}
		String slug = sourceSlug.strip();
		EventForm source = this.administration.formFor(slug).orElse(null);
		if (source == null) {
			return Optional.empty();
		}
		List<Part> parts = new ArrayList<>();
		if (same(source.agendaEs(), copy.agendaEs()) || same(source.agendaEn(), copy.agendaEn())) {
			parts.add(new Part("eventadmin.copied.agenda", "agendaEs"));
		}
		if (same(source.aboutEs(), copy.aboutEs()) || same(source.aboutEn(), copy.aboutEn())) {
			parts.add(new Part("eventadmin.copied.about", "aboutEs"));
		}
		List<String> partners = names(source.partners());
		if (!partners.isEmpty() && partners.equals(names(copy.partners()))) {
			parts.add(new Part("eventadmin.copied.partners", "partners"));
		}
		if (parts.isEmpty()) {
			return Optional.empty();
		}
		String title = this.catalog.findBySlug(slug, locale).map(EventInfo::title).orElse(slug);
		return Optional.of(new Note(title, slug, List.copyOf(parts)));
	}

	/** A text copied as it was (blank texts are nothing to review). */
	private static boolean same(String source, String copy) {
		return source != null && !source.isBlank()
				&& Objects.equals(source.strip(), (copy != null) ? copy.strip() : null);
	}

	private static List<String> names(List<PartnerRow> partners) {
		return (partners != null) ? partners.stream()
			.map((p) -> (p.name() != null) ? p.name().strip() : "")
			.filter((n) -> !n.isEmpty())
			.toList() : List.of();
	}

	/**
	 * The event a copy came from and the parts still its own.
	 *
	 * @param sourceTitle its title in the reader's language
	 * @param sourceSlug to link to its editor
	 */
	record Note(String sourceTitle, String sourceSlug, List<Part> parts) {
	}

	/**
	 * A part: its name (a message key) and the id of its first field, to go to it.
	 */
	record Part(String key, String anchor) {
	}

}
