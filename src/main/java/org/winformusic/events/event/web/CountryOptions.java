package org.winformusic.events.event.web;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The countries a speaker can be from, for a select: ISO 3166-1 alpha-2 code → name in
 * the staff member's language, in that language's alphabetical order.
 */
final class CountryOptions {

	private CountryOptions() {
	}

	static Map<String, String> in(Locale language) {
		Collator collator = Collator.getInstance(language);
		Map<String, String> options = new LinkedHashMap<>();
		Arrays.stream(Locale.getISOCountries())
			.map((code) -> Map.entry(code, new Locale.Builder().setRegion(code).build().getDisplayCountry(language)))
			.sorted(Comparator.comparing(Map.Entry<String, String>::getValue, collator))
			.forEach((entry) -> options.put(entry.getKey(), entry.getValue()));
		return options;
	}

}
