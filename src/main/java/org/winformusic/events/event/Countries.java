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

	/**
	 * The countries whose English name takes "the" in a sentence ("in the United
	 * States"): plural names, republics, kingdoms, islands. Any other goes bare ("in
	 * Colombia").
	 */
	private static final Set<String> WITH_THE = Set.of("AE", "AX", "BQ", "BS", "CC", "CF", "CK", "DO", "FK", "FO", "GB",
			"GM", "GS", "HM", "IM", "IO", "KM", "KY", "MH", "MP", "MV", "NL", "PH", "PN", "PS", "SB", "SC", "TC", "TF",
			"UM", "US", "VG", "VI");

	/**
	 * The article of a country's Spanish name where the name needs one ("del Reino
	 * Unido", "de los Países Bajos", "de las Islas Caimán"). Where it is optional and
	 * usually left out in Mexico, it is left out: "de Estados Unidos", "de Filipinas",
	 * "de Brasil". "El Salvador" carries its own, as part of the name.
	 */
	private static final Map<String, String> SPANISH_ARTICLES = Map.ofEntries(Map.entry("GB", "el"),
			Map.entry("EH", "el"), Map.entry("IO", "el"), Map.entry("BQ", "el"), Map.entry("CF", "la"),
			Map.entry("CD", "la"), Map.entry("DO", "la"), Map.entry("IM", "la"), Map.entry("CX", "la"),
			Map.entry("NF", "la"), Map.entry("BV", "la"), Map.entry("GF", "la"), Map.entry("PF", "la"),
			Map.entry("AQ", "la"), Map.entry("AE", "los"), Map.entry("NL", "los"), Map.entry("PS", "los"),
			Map.entry("TF", "los"), Map.entry("AX", "las"), Map.entry("CC", "las"), Map.entry("CK", "las"),
			Map.entry("FK", "las"), Map.entry("FO", "las"), Map.entry("GS", "las"), Map.entry("HM", "las"),
			Map.entry("KY", "las"), Map.entry("MH", "las"), Map.entry("MP", "las"), Map.entry("PN", "las"),
			Map.entry("SB", "las"), Map.entry("TC", "las"), Map.entry("UM", "las"), Map.entry("VG", "las"),
			Map.entry("VI", "las"));

	/**
	 * "de el" and "a el" before a name with the article "el", which Spanish contracts.
	 */
	private static final Pattern SPANISH_CONTRACTION = Pattern.compile("\\b(d|D)e el\\b|\\b(a|A) el\\b");

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
	 * The country's name as a sentence says it after a preposition, with its article
	 * where the language needs one: "the United States", "el Reino Unido", "Colombia".
	 * Messages with it go through {@link #contracted}. Null for an unknown code.
	 */
	public static String inSentence(String code, Locale locale) {
		String name = name(code, locale);
		if (name == null) {
			return null;
		}
		if ("es".equals(locale.getLanguage())) {
			String article = SPANISH_ARTICLES.get(code);
			return (article != null) ? article + " " + name : name;
		}
		return WITH_THE.contains(code) ? "the " + name : name;
	}

	/**
	 * The country after "of": "of the United States", "of Colombia"; in Spanish with
	 * "de", contracted where it must be ("del Reino Unido", "de Estados Unidos"). For a
	 * message whose arguments are put in after this class could contract them (a field
	 * error, a template's message): the Spanish text puts this argument where the English
	 * one has "of" or "outside" and {@link #inSentence}. Null for an unknown code.
	 */
	public static String withOf(String code, Locale locale) {
		String name = inSentence(code, locale);
		if (name == null) {
			return null;
		}
		return "es".equals(locale.getLanguage()) ? contracted("de " + name, locale) : "of " + name;
	}

	/**
	 * A Spanish sentence with {@link #inSentence} in it, with "de el" and "a el"
	 * contracted ("del Reino Unido"); in any other language, as it is. "de El Salvador"
	 * stays: the article is part of that name.
	 */
	public static String contracted(String sentence, Locale locale) {
		if (sentence == null || !"es".equals(locale.getLanguage())) {
			return sentence;
		}
		return SPANISH_CONTRACTION.matcher(sentence)
			.replaceAll((m) -> (m.group(1) != null) ? m.group(1) + "el" : m.group(2) + "l");
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
