package org.winformusic.events.event;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The countries an event can take place in: the ISO 3166-1 alpha-2 codes Java knows,
 * named in the reader's language by {@link Locale#getDisplayCountry(Locale)}.
 */
public final class Countries {

	private static final Set<String> CODES = Set.of(Locale.getISOCountries());

	/**
	 * Latin America: the countries of the Americas whose language is Spanish, Portuguese
	 * or French (Puerto Rico included), where WIN's LatAm Network works.
	 */
	private static final Set<String> LATIN_AMERICA = Set.of("AR", "BO", "BR", "CL", "CO", "CR", "CU", "DO", "EC", "GT",
			"HN", "HT", "MX", "NI", "PA", "PE", "PR", "PY", "SV", "UY", "VE");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** {@link #plainNames} by code: every email and calendar file asks (venue lines). */
	private static final Map<String, List<String>> MENTIONED_NAMES = new ConcurrentHashMap<>();

	private Countries() {
	}

	/** Whether {@code code} is an ISO 3166-1 alpha-2 code (upper case). */
	public static boolean known(String code) {
		return code != null && CODES.contains(code);
	}

	/**
	 * A posted code in upper case; Mexico, the column's default, when none was posted (a
	 * script written before events had a country).
	 */
	static String posted(String code) {
		return (code == null || code.isBlank()) ? "MX" : code.strip().toUpperCase(Locale.ROOT);
	}

	/** Whether the country is in Latin America (the LatAm Network's region). */
	public static boolean inLatinAmerica(String code) {
		return code != null && LATIN_AMERICA.contains(code);
	}

	/** "Colombia" for {@code CO}; null for an unknown code. */
	public static String name(String code, Locale locale) {
		return known(code) ? new Locale.Builder().setRegion(code).build().getDisplayCountry(locale) : null;
	}

	/**
	 * Every country for a select: code to name in {@code locale}, in that language's
	 * alphabetical order.
	 */
	public static Map<String, String> options(Locale locale) {
		Collator collator = Collator.getInstance(locale);
		Map<String, String> options = new LinkedHashMap<>();
		CODES.stream()
			.sorted(Comparator.comparing((String code) -> name(code, locale), collator))
			.forEach((code) -> options.put(code, name(code, locale)));
		return options;
	}

	/**
	 * Whether {@code text} already names the country, in Spanish or English, ignoring
	 * case and accents ("Ciudad de México" names {@code MX}).
	 */
	static boolean mentions(String text, String code) {
		if (text == null || !known(code)) {
			return false;
		}
		String plain = plain(text);
		return MENTIONED_NAMES.computeIfAbsent(code, Countries::plainNames).stream().anyMatch(plain::contains);
	}

	/** The country's name in Spanish and English, as {@link #plain} writes them. */
	private static List<String> plainNames(String code) {
		return List.of(plain(name(code, Locale.forLanguageTag("es"))), plain(name(code, Locale.ENGLISH)));
	}

	private static String plain(String text) {
		return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
	}

}
