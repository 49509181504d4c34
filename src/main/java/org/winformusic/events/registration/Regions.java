package org.winformusic.events.registration;

import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.winformusic.events.event.Countries;
import org.springframework.stereotype.Component;

/**
 * The regions a registrant of an event chooses from, by the event's country: its
 * subdivisions by ISO 3166-2 code without the country prefix, plus "outside the country".
 * Mexico keeps the codes and names it always had ({@link MexicanState}, keys
 * {@code state.*}); Colombia lists its 32 departments and the Capital District (keys
 * {@code country.region.CO.*}); Brazil its 26 states and the Federal District by their
 * two-letter abbreviations, named in Portuguese in every language ("São Paulo"), typed by
 * name or abbreviation where staff type a region. For any other country the region is
 * free text. The form field, the validator, the admin filters and breakdowns and the
 * exports all read the list from here. Templates call it as {@code @regions}.
 */
@Component("regions")
public class Regions {

	private static final RegionList MEXICO = new RegionList("MX",
			Arrays.stream(MexicanState.values()).filter((s) -> s != MexicanState.OUTSIDE_MX).map(Enum::name).toList(),
			MexicanState.OUTSIDE_MX.name());

	private static final RegionList COLOMBIA = new RegionList("CO",
			List.of("AMA", "ANT", "ARA", "ATL", "BOL", "BOY", "CAL", "CAQ", "CAS", "CAU", "CES", "CHO", "COR", "CUN",
					"DC", "GUA", "GUV", "HUI", "LAG", "MAG", "MET", "NAR", "NSA", "PUT", "QUI", "RIS", "SAP", "SAN",
					"SUC", "TOL", "VAC", "VAU", "VID"),
			"OUTSIDE_CO");

	private static final RegionList BRAZIL = new RegionList("BR",
			List.of("AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA", "PB", "PR",
					"PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO"),
			"OUTSIDE_BR",
			names("AC", "Acre", "AL", "Alagoas", "AP", "Amapá", "AM", "Amazonas", "BA", "Bahia", "CE", "Ceará", "DF",
					"Distrito Federal", "ES", "Espírito Santo", "GO", "Goiás", "MA", "Maranhão", "MT", "Mato Grosso",
					"MS", "Mato Grosso do Sul", "MG", "Minas Gerais", "PA", "Pará", "PB", "Paraíba", "PR", "Paraná",
					"PE", "Pernambuco", "PI", "Piauí", "RJ", "Rio de Janeiro", "RN", "Rio Grande do Norte", "RS",
					"Rio Grande do Sul", "RO", "Rondônia", "RR", "Roraima", "SC", "Santa Catarina", "SP", "São Paulo",
					"SE", "Sergipe", "TO", "Tocantins"));

	private static final Map<String, RegionList> LISTS = Map.of(MEXICO.country(), MEXICO, COLOMBIA.country(), COLOMBIA,
			BRAZIL.country(), BRAZIL);

	private final MessageSource messages;

	Regions(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The key a region is one region by, whatever its spelling: lower case, without
	 * accents or other marks, with single spaces ("São Paulo", "sao paulo" and "SÃO
	 * PAULO" are "sao paulo"). Staff filter by a typed region's key, and the dashboard
	 * counts a region's spellings together (README, "Regions"). The codes of a list
	 * ("JAL", "ANT", "OUTSIDE_MX") each have a key of their own: no two of them are
	 * spelled alike, and an event of a country with a list stores only its codes. Null
	 * for null.
	 */
	public static String key(String region) {
		if (region == null) {
			return null;
		}
		String decomposed = Normalizer.normalize(region, Normalizer.Form.NFKD);
		return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
	}

	private static Map<String, String> names(String... codesAndNames) {
		Map<String, String> names = new LinkedHashMap<>();
		for (int i = 0; i < codesAndNames.length; i += 2) {
			names.put(codesAndNames[i], codesAndNames[i + 1]);
		}
		return names;
	}

	/** The list of an event's country; a free-text list for a country we do not ship. */
	public static RegionList of(String country) {
		RegionList list = (country != null) ? LISTS.get(country) : null;
		return (list != null) ? list : new RegionList(country, List.of(), null);
	}

	/**
	 * A stored region in words: the subdivision's name in {@code locale}, or the text as
	 * typed for a free-text region (or a code the list does not know).
	 */
	public String label(String country, String code, Locale locale) {
		RegionList list = of(country);
		if (code == null || !list.contains(code)) {
			return code;
		}
		String name = list.names().get(code);
		if (name != null) {
			return name;
		}
		return this.messages.getMessage(list.messageKey(code), null, code, locale);
	}

	/**
	 * What the region is called for this country: "Estado" in Mexico and Brazil,
	 * "Departamento" in Colombia, "Región" where it is free text.
	 */
	public String fieldLabel(String country, Locale locale) {
		return fieldLabel(country, "registration.field.state", locale);
	}

	/** The same, with the words a page already uses for Mexico ({@code mexicanKey}). */
	public String fieldLabel(String country, String mexicanKey, Locale locale) {
		return this.messages.getMessage(of(country).key("field", mexicanKey), null, locale);
	}

	/**
	 * The form's question about joining an association: Mexico's asks about a Mexican one
	 * (the first workshop's announcement), any other country's names that country.
	 */
	public String interestQuestion(String country, Locale locale) {
		return interestQuestion(country, "", locale);
	}

	/**
	 * The same question in other words: {@code prefix} goes before both keys (the staff
	 * forms' {@link RegistrationFields#ABOUT_SOMEONE_ELSE}, where staff ask it about
	 * someone else).
	 */
	public String interestQuestion(String country, String prefix, Locale locale) {
		if ("MX".equals(country) || !Countries.known(country)) {
			return this.messages.getMessage(prefix + "registration.field.associationInterest", null, locale);
		}
		return Countries.contracted(this.messages.getMessage(prefix + "country.associationInterest",
				new Object[] { Countries.inSentence(country, locale) }, locale), locale);
	}

	/**
	 * The choices of a select, sorted by name in {@code locale}, "outside the country"
	 * last; empty when the region is free text.
	 */
	public List<Region> options(String country, Locale locale) {
		RegionList list = of(country);
		Collator collator = Collator.getInstance(locale);
		List<Region> regions = new ArrayList<>();
		for (String code : list.codes()) {
			regions.add(new Region(code, label(country, code, locale)));
		}
		regions.sort(Comparator.comparing(Region::label, collator));
		if (list.outside() != null) {
			regions.add(new Region(list.outside(), label(country, list.outside(), locale)));
		}
		return regions;
	}

	/**
	 * The regions of one country.
	 *
	 * @param codes the subdivision codes, empty when the region is free text
	 * @param outside the code for "outside the country", null for free text
	 * @param names by code, the subdivisions' names where they are the same in every
	 * language (Brazil's, in Portuguese); empty where the message files name them
	 */
	public record RegionList(String country, List<String> codes, String outside, Map<String, String> names) {

		public RegionList {
			names = Map.copyOf(names);
		}

		RegionList(String country, List<String> codes, String outside) {
			this(country, codes, outside, Map.of());
		}

		/**
		 * The code of a region as staff may type it: a code in any case ("mg", "jal"), or
		 * a name of {@link #names} whatever its case, accents and spaces ("minas gerais",
		 * "Sao Paulo"); null for anything else, and for a free-text list.
		 */
		public String code(String typed) {
			if (typed == null || freeText()) {
				return null;
			}
			String upper = typed.strip().toUpperCase(Locale.ROOT);
			if (contains(upper)) {
				return upper;
			}
			String key = Regions.key(typed);
			for (Map.Entry<String, String> name : this.names.entrySet()) {
				if (Regions.key(name.getValue()).equals(key)) {
					return name.getKey();
				}
			}
			return null;
		}

		/**
		 * The region a form's {@code value} chooses: a code ({@link #code}), or the
		 * region an edited registration holds ({@code stored}) sent back unchanged though
		 * the list does not have it (typed before its country had a list); null for
		 * anything else.
		 */
		public String chosen(String value, String stored) {
			if (value != null && value.equals(stored) && !contains(stored)) {
				return stored;
			}
			return code(value);
		}

		/** Whether {@code state} is the "outside the country" choice. */
		public boolean abroad(String state) {
			return this.outside != null && this.outside.equals(state);
		}

		public boolean freeText() {
			return this.codes.isEmpty();
		}

		/** Whether {@code code} is one of the list's codes (or "outside"). */
		public boolean contains(String code) {
			return this.codes.contains(code) || (this.outside != null && this.outside.equals(code));
		}

		String messageKey(String code) {
			return "MX".equals(this.country) ? "state." + code : "country.region." + this.country + "." + code;
		}

		/**
		 * The key of a text about this list: Mexico's existing one, Colombia's
		 * {@code country.region.CO.<what>}, else the free-text one
		 * {@code country.region.<what>}.
		 */
		String key(String what, String mexican) {
			if ("MX".equals(this.country)) {
				return mexican;
			}
			return freeText() ? "country.region." + what : "country.region." + this.country + "." + what;
		}

	}

	/** A region to choose: its code and its name in the reader's language. */
	public record Region(String code, String label) {
	}

}
