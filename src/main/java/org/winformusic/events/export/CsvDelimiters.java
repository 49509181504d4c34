package org.winformusic.events.export;

import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The list separator a spreadsheet of the event's country expects, for the readable CSV
 * link of the registrations list: Excel splits a CSV on the list separator of the
 * computer's regional settings, which is {@code ;} wherever the decimal separator is a
 * comma (Colombia, Spain, Argentina, Brazil...) and {@code ,} elsewhere (Mexico, Peru,
 * the United States...). A file with the other one opens in a single column. The values
 * are those of the export's {@code delimiter} parameter. Templates call it as
 * {@code @csvDelimiters}.
 */
@Component("csvDelimiters")
class CsvDelimiters {

	static final String COMMA = "comma";

	static final String SEMICOLON = "semicolon";

	/**
	 * The countries whose people's computers are set up in Spanish: there, Spanish's
	 * number format for the country is the one their spreadsheets use.
	 */
	private static final Set<String> SPANISH_SPEAKING = Set.of("AR", "BO", "CL", "CO", "CR", "CU", "DO", "EC", "ES",
			"GQ", "GT", "HN", "MX", "NI", "PA", "PE", "PR", "PY", "SV", "UY", "VE");

	/**
	 * Where the regional settings pair a decimal point with {@code ;} as the list
	 * separator (Windows' Swiss and Liechtenstein formats, in every language).
	 */
	private static final Set<String> SEMICOLON_WITH_DECIMAL_POINT = Set.of("CH", "LI");

	/**
	 * {@code semicolon} where the country's decimal separator is a comma (and in
	 * {@link #SEMICOLON_WITH_DECIMAL_POINT}), else {@code comma}. Where Spanish is the
	 * country's language, the separator is that of Spanish for that country; elsewhere
	 * that of the country's own languages, the one most of them use (ties: the first
	 * language by code): Java also knows Spanish as spoken in Brazil, the United States
	 * or the Philippines, with the number format of Latin American Spanish, which is not
	 * what a Brazilian or Filipino computer uses (Brazil's Portuguese has a decimal
	 * comma, so its Excel splits on {@code ;}).
	 */
	public String forCountry(String country) {
		if (country != null && SEMICOLON_WITH_DECIMAL_POINT.contains(country)) {
			return SEMICOLON;
		}
		List<Locale> locales = locales(country);
		if (locales.isEmpty()) {
			return COMMA;
		}
		long commas = locales.stream().filter(CsvDelimiters::decimalComma).count();
		long points = locales.size() - commas;
		boolean comma = (commas != points) ? commas > points : decimalComma(locales.get(0));
		return comma ? SEMICOLON : COMMA;
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

	private static boolean decimalComma(Locale locale) {
		return DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',';
	}

	/**
	 * The locales whose number format the country's computers use, ordered by tag:
	 * Spanish for that country where Spanish is its language (when Java knows it), else
	 * the country's locales in other languages.
	 */
	private static List<Locale> locales(String country) {
		if (country == null || country.isBlank()) {
			return List.of();
		}
		Locale[] available = Locale.getAvailableLocales();
		Locale spanish = new Locale("es", country);
		if (SPANISH_SPEAKING.contains(country) && Arrays.asList(available).contains(spanish)) {
			return List.of(spanish);
		}
		return Arrays.stream(available)
			.filter((l) -> country.equals(l.getCountry()) && l.getVariant().isEmpty() && l.getScript().isEmpty())
			.filter((l) -> !"es".equals(l.getLanguage()) || SPANISH_SPEAKING.contains(country))
			.sorted(Comparator.comparing(Locale::toLanguageTag))
			.toList();
	}

}
