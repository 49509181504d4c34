package org.winformusic.events.shared;

import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A full name split into given name(s) and family name(s), the way a Spanish speaker
 * reads it, for sorting badges and the door list. The form has one "full name" field, so
 * the split is a rule, not a fact:
 * <ul>
 * <li>particles ({@code de, del, de la, y, van, von, ...}) stay with the word after them:
 * "Juan de la Fuente" is given "Juan", family "de la Fuente";</li>
 * <li>three or more parts: the last two are the family names (Mexican names carry the
 * father's and the mother's): "María José Pérez López" is given "María José", family
 * "Pérez López"; "Juan Pérez López" is given "Juan";</li>
 * <li>two parts: the last is the family name; one part: that is the family name.</li>
 * </ul>
 * The rule misreads a double given name with one surname ("María José Pérez" sorts under
 * "José Pérez"); staff who mind can write the name that way on the registration. Sorting
 * uses the family name without its leading particles ("de la Fuente" under F), then the
 * given names, word by word, with Spanish collation: accents do not count ("Núñez" sorts
 * with N), and Ñ is a letter after N.
 * <p>
 * Shared by the printed door list and badges (print) and the door phone's copy
 * (registration), so both file a person under the same letter in the same order.
 */
public record PersonName(String given, String family) {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private static final Set<String> PARTICLES = Set.of("de", "del", "la", "las", "los", "y", "e", "da", "das", "do",
			"dos", "di", "du", "van", "von", "der", "den", "le", "mc");

	public static PersonName of(String fullName) {
		String[] words = Normalizer.normalize(fullName, Normalizer.Form.NFC).strip().split("\\s+");
		List<String> parts = new ArrayList<>();
		StringBuilder particles = new StringBuilder();
		for (int i = 0; i < words.length; i++) {
			boolean last = i == words.length - 1;
			if (!last && PARTICLES.contains(words[i].toLowerCase(SPANISH))) {
				particles.append(words[i]).append(' ');
			}
			else {
				parts.add(particles + words[i]);
				particles.setLength(0);
			}
		}
		int familyParts = (parts.size() >= 3) ? 2 : 1;
		int split = parts.size() - familyParts;
		return new PersonName(String.join(" ", parts.subList(0, split)),
				String.join(" ", parts.subList(split, parts.size())));
	}

	/** "Pérez López, María José": how the door list shows a name. */
	public String familyFirst() {
		return this.given.isEmpty() ? this.family : this.family + ", " + this.given;
	}

	/** The family name without leading particles, then the given names. */
	public String sortKey() {
		return filedFamily() + " " + this.given;
	}

	private String filedFamily() {
		String[] words = this.family.split(" ");
		int first = 0;
		while (first < words.length - 1 && PARTICLES.contains(words[first].toLowerCase(SPANISH))) {
			first++;
		}
		return String.join(" ", java.util.Arrays.copyOfRange(words, first, words.length));
	}

	/**
	 * The letter the name is filed under in the door list: the first letter of the sort
	 * key without its accent ("Ávila" under A), except Ñ, which is a letter of its own.
	 * Names that start with no letter go under "#".
	 */
	public String initial() {
		String key = sortKey().strip();
		if (key.isEmpty()) {
			return "#";
		}
		String first = new String(Character.toChars(key.codePointAt(0)));
		String decomposed = Normalizer.normalize(first.toUpperCase(SPANISH), Normalizer.Form.NFD);
		if (decomposed.startsWith("N\u0303")) {
			return "Ñ";
		}
		String base = decomposed.replaceAll("\\p{M}+", "");
		return (!base.isEmpty() && Character.isLetter(base.codePointAt(0))) ? base : "#";
	}

	/**
	 * Orders names as a Spanish-speaking reader expects an alphabetical list, the names
	 * filed under "#" first, together: the collator alone puts digits before A but
	 * symbols such as a full-width "＝" after Z, which made two "#" groups.
	 */
	public static Comparator<PersonName> spanishOrder() {
		Collator collator = Collator.getInstance(SPANISH);
		collator.setStrength(Collator.TERTIARY);
		Comparator<String> wordByWord = wordByWord(collator);
		return Comparator.comparing((PersonName name) -> !name.initial().equals("#"))
			.thenComparing(PersonName::filedFamily, wordByWord)
			.thenComparing(PersonName::given, wordByWord);
	}

	/**
	 * Word by word, as a reader runs down a list: the collator alone ignores spaces,
	 * which put "Peñaloza" between "Peña, Jorge" and "Peña Ramírez" ("PeñaJ" < "Peñal" <
	 * "PeñaR"). A name that is the start of another comes first ("Peña" before "Peña
	 * Ramírez", "Ángel" before "Ángeles").
	 */
	private static Comparator<String> wordByWord(Collator collator) {
		return (a, b) -> {
			String[] left = a.strip().split("\\s+");
			String[] right = b.strip().split("\\s+");
			for (int i = 0; i < Math.min(left.length, right.length); i++) {
				int order = collator.compare(left[i], right[i]);
				if (order != 0) {
					return order;
				}
			}
			return Integer.compare(left.length, right.length);
		};
	}

}
