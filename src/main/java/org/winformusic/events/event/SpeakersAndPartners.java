package org.winformusic.events.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Speakers and partners between the event editor's rows and the stored ones: the row's
 * place is the position on the page, texts are stripped, empty optional texts stored as
 * the columns expect them.
 */
final class SpeakersAndPartners {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private SpeakersAndPartners() {
	}

	/**
	 * Adds what Bean Validation cannot check (a speaker's country must be a real ISO
	 * code) to {@code errors}, field name → message key.
	 */
	static void check(EventForm form, Map<String, String> errors) {
		for (int i = 0; i < form.speakers().size(); i++) {
			String country = text(form.speakers().get(i).country());
			if (!country.isEmpty() && !COUNTRIES.contains(country.toUpperCase(Locale.ROOT))) {
				errors.put("speakers[" + i + "].country", "editor.error.country");
			}
		}
	}

	static List<SpeakerRow> speakerRows(List<Speaker> speakers) {
		return speakers.stream()
			.map((s) -> new SpeakerRow(s.name(), s.roleEs(), s.roleEn(), s.organization(), s.countryCode()))
			.toList();
	}

	static List<PartnerRow> partnerRows(List<Partner> partners) {
		return partners.stream()
			.map((p) -> new PartnerRow(p.name(), text(p.url()), text(p.descriptionEs()), text(p.descriptionEn())))
			.toList();
	}

	/** The rows of a checked form as speakers, numbered from 1 in their order. */
	static List<Speaker> speakers(List<SpeakerRow> rows) {
		List<Speaker> result = new ArrayList<>();
		for (SpeakerRow row : rows) {
			result.add(new Speaker(result.size() + 1, text(row.name()), text(row.roleEs()), text(row.roleEn()),
					text(row.organization()), text(row.country()).toUpperCase(Locale.ROOT)));
		}
		return result;
	}

	/** The rows of a checked form as partners, numbered from 1 in their order. */
	static List<Partner> partners(List<PartnerRow> rows) {
		List<Partner> result = new ArrayList<>();
		for (PartnerRow row : rows) {
			result.add(new Partner(result.size() + 1, text(row.name()), orNull(row.url()), orNull(row.descriptionEs()),
					orNull(row.descriptionEn())));
		}
		return result;
	}

	private static String text(String text) {
		return (text != null) ? text.strip() : "";
	}

	private static String orNull(String text) {
		return text(text).isEmpty() ? null : text.strip();
	}

}
