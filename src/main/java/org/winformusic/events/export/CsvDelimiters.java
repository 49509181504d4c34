package org.winformusic.events.export;

import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The list separator a spreadsheet of the event's country expects, for the readable CSV
 * link of the registrations list: Excel splits a CSV on the list separator of the
 * computer's regional settings, which is {@code ;} wherever the decimal separator is a
 * comma (Colombia, Spain, Argentina...) and {@code ,} elsewhere (Mexico, Peru, the United
 * States...). A file with the other one opens in a single column. The values are those of
 * the export's {@code delimiter} parameter. Templates call it as {@code @csvDelimiters}.
 */
@Component("csvDelimiters")
class CsvDelimiters {

	static final String COMMA = "comma";

	static final String SEMICOLON = "semicolon";

	/**
	 * {@code semicolon} where the country's decimal separator is a comma, else
	 * {@code comma}. The country's number format is Spanish's for that country (the
	 * events' language) when Java knows it, else the first of the country's own locales.
	 */
	public String forCountry(String country) {
		return locale(country).map((l) -> DecimalFormatSymbols.getInstance(l).getDecimalSeparator() == ',')
			.orElse(false) ? SEMICOLON : COMMA;
	}

	/** The delimiter that is not {@code delimiter}: what the second link offers. */
	public String other(String delimiter) {
		return SEMICOLON.equals(delimiter) ? COMMA : SEMICOLON;
	}

	/**
	 * {@code base}, the list's filter query and the delimiter: {@code comma} is the
	 * export's default, so it stays out of the link.
	 */
	public String href(String base, String query, String delimiter) {
		String parameter = SEMICOLON.equals(delimiter) ? "delimiter=" + SEMICOLON : "";
		String all = (query == null || query.isEmpty()) ? parameter
				: parameter.isEmpty() ? query : query + "&" + parameter;
		return all.isEmpty() ? base : base + "?" + all;
	}

	private static Optional<Locale> locale(String country) {
		if (country == null || country.isBlank()) {
			return Optional.empty();
		}
		Locale spanish = new Locale("es", country);
		Locale[] available = Locale.getAvailableLocales();
		if (Arrays.asList(available).contains(spanish)) {
			return Optional.of(spanish);
		}
		return Arrays.stream(available)
			.filter((l) -> country.equals(l.getCountry()) && l.getVariant().isEmpty() && l.getScript().isEmpty())
			.min(Comparator.comparing(Locale::toLanguageTag));
	}

}
