package org.winformusic.events.shared;

import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A full name split into given name(s) and family name(s), the way a Mexican or Colombian
 * reader files it, for sorting badges and the door list. The form has one "full name"
 * field, so the split is a rule, not a fact:
 * <ul>
 * <li>particles ({@code de, del, de la, y, van, von, ...}) stay with the word after them:
 * "Juan de la Fuente" is given "Juan", family "de la Fuente";</li>
 * <li>three parts whose second is a common second part of a compound given name
 * ({@link #SECOND_GIVEN_NAMES}: María, José, Luis, Fernanda, de los Ángeles, de Jesús,
 * ...; case and accents aside): the first two are the given names, the last the family
 * name: "Ana María Rodríguez" is given "Ana María", family "Rodríguez"; "María de los
 * Ángeles Cruz" is given "María de los Ángeles";</li>
 * <li>otherwise, three or more parts: the last two are the family names (Mexican names
 * carry the father's and the mother's): "José Luis Pérez López" is given "José Luis",
 * family "Pérez López"; "Juan Pérez López" is given "Juan";</li>
 * <li>two parts: the last is the family name; one part: that is the family name;</li>
 * <li>a name typed with a comma is already "family names, given names", as on a list
 * ("Núñez Ñandú, Óscar", "Souza Santos, Maria Eduarda"): it is taken as typed, split at
 * its first comma, and filed under the family name; the rules above are not applied to
 * it.</li>
 * </ul>
 * The rule still misreads a double given name whose second part is not on the list, with
 * one surname ("Ana Xóchitl Pérez" files under "Xóchitl Pérez"), and a first surname that
 * is on it ("Juan Manuel Gómez" with Manuel his father's name files under "Gómez"). A
 * name is filed under one letter only: telling which three-part names are doubtful would
 * need a list of surnames too, listing every "Juan Pérez López" under L as well would
 * double the paper list, and two rows for one person give two tick boxes for one arrival.
 * The door's search finds a person by any part of the name, whatever the letter. Sorting
 * uses the family name without its leading particles ("de la Fuente" under F), then the
 * given names, word by word, with Spanish collation, by the admin list's rule (its name
 * sort, {@code spanish_sort_key} of V42): accents and case do not count ("Núñez" sorts
 * with N; "Perez", "Pérez" and "PÉREZ" are one family name, so their people sort by given
 * name together), and Ñ is a letter after N. Names equal but for accents and case are
 * then in registration order, as on the admin list.
 * <p>
 * Shared by the printed door list and badges (print) and the door phone's copy
 * (registration), so both file a person under the same letter in the same order.
 */
public record PersonName(String given, String family) {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private static final Set<String> PARTICLES = Set.of("de", "del", "la", "las", "los", "y", "e", "da", "das", "do",
			"dos", "di", "du", "van", "von", "der", "den", "le", "mc");

	/**
	 * The common second parts of compound given names in Mexico and Colombia ("Ana
	 * María", "José Luis", "María de los Ángeles"), compared without case or accents.
	 * Left out on purpose: words that are also common family names there, where the
	 * second of three words is more often the father's surname (Martín, Cruz, León,
	 * Santiago, Alonso, Vicente, Salvador, Domingo, Lorenzo, Diego, Rosa, Paz, Ángeles,
	 * "de la Paz", "de la Cruz"). Extend it when the door finds a common one missing.
	 */
	static final Set<String> SECOND_GIVEN_NAMES = Set.of(
			// Women's
			"María", "Fernanda", "Guadalupe", "Isabel", "Elena", "Alejandra", "Daniela", "Paula", "Sofía", "Camila",
			"Andrea", "Gabriela", "Valentina", "Victoria", "Teresa", "Eugenia", "Luisa", "Cristina", "Lucía", "Inés",
			"Carmen", "Mercedes", "Dolores", "Pilar", "Rosario", "Lourdes", "Cecilia", "Patricia", "Julia", "Laura",
			"Natalia", "Carolina", "Antonia", "Juliana", "Catalina", "Margarita", "Luz", "Beatriz", "Adriana",
			"Concepción", "Soledad", "Magdalena", "Verónica", "Mónica", "Renata", "Ximena", "Jimena", "Elisa", "Belén",
			"Esther", "Angélica", "Alicia", "Clara", "Josefina", "Leticia", "Silvia", "Marcela", "Manuela", "Elizabeth",
			"Estefanía", "Valeria", "Montserrat", "Regina", "Francisca",
			// Men's
			"José", "Luis", "Carlos", "Pablo", "Jesús", "Antonio", "Manuel", "Alberto", "Eduardo", "Francisco",
			"Javier", "Miguel", "Andrés", "Fernando", "Ángel", "Alejandro", "Daniel", "David", "Enrique", "Felipe",
			"Gabriel", "Ignacio", "Julián", "Mario", "Rafael", "Ricardo", "Roberto", "Sebastián", "Esteban", "Camilo",
			"Emilio", "Arturo", "Armando", "Alfonso", "Alfredo", "Gerardo", "Guillermo", "Gustavo", "Joaquín",
			"Leonardo", "Mauricio", "Octavio", "Raúl", "Rodrigo", "Tomás", "Agustín", "Adrián", "Iván", "Sergio",
			"Juan", "Nicolás", "Ernesto", "Emiliano", "Fabián", "Humberto", "Jaime", "Jorge", "Pedro", "Mateo", "Rubén",
			"Óscar", "Hugo", "Víctor",
			// With their particles
			"de los Ángeles", "de Jesús", "del Carmen", "de la Luz", "del Rosario", "de Lourdes", "de Guadalupe",
			"del Pilar", "de los Dolores", "del Socorro", "de la Concepción", "de Fátima", "del Refugio",
			"de la Soledad", "de las Mercedes", "del Consuelo", "de Belén", "de Dios")
		.stream()
		.map(PersonName::plain)
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	public static PersonName of(String fullName) {
		String name = Normalizer.normalize(fullName, Normalizer.Form.NFC).strip();
		if (typedFamilyFirst(name)) {
			int comma = name.indexOf(',');
			return new PersonName(words(name.substring(comma + 1)), words(name.substring(0, comma)));
		}
		String[] words = nameWords(name.replace(',', ' ').strip().split("\\s+"));
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
		// "Ana María Rodríguez": two given names and one family name.
		boolean compoundGiven = parts.size() == 3 && SECOND_GIVEN_NAMES.contains(plain(parts.get(1)));
		int familyParts = (parts.size() >= 3 && !compoundGiven) ? 2 : 1;
		int split = parts.size() - familyParts;
		return new PersonName(String.join(" ", parts.subList(0, split)),
				String.join(" ", parts.subList(split, parts.size())));
	}

	/**
	 * The words that are part of the name: a word with no letter or digit ("🎸", "-") is
	 * none, so "Lupita 🎸 Pérez" is filed under Pérez, not under "#" (all of them when no
	 * word has one).
	 */
	private static String[] nameWords(String[] words) {
		String[] named = java.util.Arrays.stream(words)
			.filter((word) -> word.codePoints().anyMatch(Character::isLetterOrDigit))
			.toArray(String[]::new);
		return (named.length > 0) ? named : words;
	}

	/** Whether the name was typed "Family, Given": a comma with a name before it. */
	public static boolean typedFamilyFirst(String fullName) {
		int comma = fullName.indexOf(',');
		return comma >= 0 && !fullName.substring(0, comma).isBlank();
	}

	/** The words of {@code text}, one space between them. */
	private static String words(String text) {
		return String.join(" ", text.strip().split("\\s+")).strip();
	}

	/** Lower case, accents and spacing aside: "De los ÁNGELES" is "de los angeles". */
	private static String plain(String words) {
		String decomposed = Normalizer.normalize(words.strip().toLowerCase(SPANISH), Normalizer.Form.NFD);
		return decomposed.replaceAll("\\p{M}+", "").replaceAll("\\s+", " ");
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
	 * symbols such as a full-width "＝" after Z, which made two "#" groups. Letters are
	 * compared as the admin list's name sort compares them: by their base letter alone
	 * (primary strength), so accents and case never split a family name ("Perez, Zoe"
	 * after "PÉREZ, Álvaro" and "Pérez, Ana"), while Ñ stays a letter of its own. (At
	 * tertiary strength every "Perez" came before every "Pérez", and "PÉREZ" after both.)
	 */
	public static Comparator<PersonName> spanishOrder() {
		Collator collator = Collator.getInstance(SPANISH);
		collator.setStrength(Collator.PRIMARY);
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
