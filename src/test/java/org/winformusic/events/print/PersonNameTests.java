package org.winformusic.events.print;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.winformusic.events.shared.PersonName;

import static org.assertj.core.api.Assertions.assertThat;

class PersonNameTests {

	@Test
	void theLastTwoOfThreeOrMorePartsAreTheFamilyNames() {
		assertThat(PersonName.of("María José Pérez López")).isEqualTo(new PersonName("María José", "Pérez López"));
		assertThat(PersonName.of("Juan Pérez López")).isEqualTo(new PersonName("Juan", "Pérez López"));
		assertThat(PersonName.of("  Ana   Pérez ")).isEqualTo(new PersonName("Ana", "Pérez"));
		assertThat(PersonName.of("Juan de la Fuente")).isEqualTo(new PersonName("Juan", "de la Fuente"));
		assertThat(PersonName.of("Cher")).isEqualTo(new PersonName("", "Cher"));
		assertThat(PersonName.of("María José Pérez López").familyFirst()).isEqualTo("Pérez López, María José");
	}

	/**
	 * Someone who typed their name as a list shows it ("Family, Given") is filed under
	 * the family name they typed and printed as typed; the rule for names without a comma
	 * stays.
	 */
	@Test
	void aWordWithoutLettersIsNoPartOfTheNameAndDecidesNoLetter() {
		assertThat(PersonName.of("Lupita 🎸 Pérez")).isEqualTo(new PersonName("Lupita", "Pérez"));
		assertThat(PersonName.of("Lupita 🎸 Pérez").initial()).isEqualTo("P");
		assertThat(PersonName.of("Ana - Ruiz López").initial()).isEqualTo("R");
		// A name of symbols only stays what it is, under "#".
		assertThat(PersonName.of("🎸 🎺").initial()).isEqualTo("#");
	}

	@Test
	void aNameTypedWithACommaIsFamilyNamesThenGivenNames() {
		assertThat(PersonName.of("Núñez Ñandú, Óscar")).isEqualTo(new PersonName("Óscar", "Núñez Ñandú"));
		assertThat(PersonName.of("Núñez Ñandú, Óscar").familyFirst()).isEqualTo("Núñez Ñandú, Óscar");
		assertThat(PersonName.of("Núñez Ñandú, Óscar").initial()).isEqualTo("N");
		assertThat(PersonName.of("Souza Santos, Maria Eduarda"))
			.isEqualTo(new PersonName("Maria Eduarda", "Souza Santos"));
		assertThat(PersonName.of("Souza Santos,Maria Eduarda").familyFirst()).isEqualTo("Souza Santos, Maria Eduarda");
		assertThat(PersonName.of("Souza Santos, Maria Eduarda").initial()).isEqualTo("S");
		assertThat(PersonName.of("de la Fuente, Juan").initial()).isEqualTo("F");
		assertThat(PersonName.of("Pérez,")).isEqualTo(new PersonName("", "Pérez"));
		assertThat(PersonName.of(", Ana Pérez")).isEqualTo(new PersonName("Ana", "Pérez"));
		assertThat(PersonName.of("Juan Carlos Ramírez Ortiz"))
			.isEqualTo(new PersonName("Juan Carlos", "Ramírez Ortiz"));
		assertThat(PersonName.of("Juan Carlos Ramírez Ortiz").familyFirst()).isEqualTo("Ramírez Ortiz, Juan Carlos");
	}

	/**
	 * Where a Mexican or Colombian door volunteer looks for someone whose given name is
	 * double: under the family name, not under the second given name.
	 */
	@Test
	void aCommonSecondGivenNameStaysWithTheGivenNames() {
		assertThat(PersonName.of("Ana María Rodríguez")).isEqualTo(new PersonName("Ana María", "Rodríguez"));
		assertThat(PersonName.of("Ana María Rodríguez").familyFirst()).isEqualTo("Rodríguez, Ana María");
		assertThat(PersonName.of("Ana María Rodríguez").initial()).isEqualTo("R");
		assertThat(PersonName.of("José Luis Pérez López")).isEqualTo(new PersonName("José Luis", "Pérez López"));
		assertThat(PersonName.of("María de los Ángeles Cruz"))
			.isEqualTo(new PersonName("María de los Ángeles", "Cruz"));
		assertThat(PersonName.of("María de los Ángeles Cruz").initial()).isEqualTo("C");
		assertThat(PersonName.of("José de Jesús Hernández")).isEqualTo(new PersonName("José de Jesús", "Hernández"));
		assertThat(PersonName.of("María José Pérez")).isEqualTo(new PersonName("María José", "Pérez"));
		assertThat(PersonName.of("Juan Pablo del Río")).isEqualTo(new PersonName("Juan Pablo", "del Río"));
		assertThat(PersonName.of("Juan Pablo del Río").initial()).isEqualTo("R");
		assertThat(PersonName.of("Luis Fernando de León")).isEqualTo(new PersonName("Luis Fernando", "de León"));
		assertThat(PersonName.of("María Fernanda van der Berg"))
			.isEqualTo(new PersonName("María Fernanda", "van der Berg"));
		// Case and accents aside, as people type on a phone.
		assertThat(PersonName.of("JUAN CARLOS GOMEZ")).isEqualTo(new PersonName("JUAN CARLOS", "GOMEZ"));
		assertThat(PersonName.of("maria guadalupe  ortiz")).isEqualTo(new PersonName("maria guadalupe", "ortiz"));
		assertThat(PersonName.of("Maria De Los Angeles Cruz"))
			.isEqualTo(new PersonName("Maria De Los Angeles", "Cruz"));
		// Four parts: the last two are the family names, as before.
		assertThat(PersonName.of("María de los Ángeles Cruz Soto"))
			.isEqualTo(new PersonName("María de los Ángeles", "Cruz Soto"));
	}

	@Test
	void aSecondWordThatIsNoCommonGivenNameIsTheFathersSurname() {
		assertThat(PersonName.of("Juan Pérez López")).isEqualTo(new PersonName("Juan", "Pérez López"));
		assertThat(PersonName.of("Juan Pérez López").familyFirst()).isEqualTo("Pérez López, Juan");
		// Given names that are common surnames too are left off the list.
		assertThat(PersonName.of("Ana Martín Gómez")).isEqualTo(new PersonName("Ana", "Martín Gómez"));
		assertThat(PersonName.of("Luis Cruz Ramos")).isEqualTo(new PersonName("Luis", "Cruz Ramos"));
		assertThat(PersonName.of("Felipe Ángeles Ramírez")).isEqualTo(new PersonName("Felipe", "Ángeles Ramírez"));
		assertThat(PersonName.of("Juan de la Cruz Soto")).isEqualTo(new PersonName("Juan", "de la Cruz Soto"));
		// A given name as the second word needs a family name after it.
		assertThat(PersonName.of("Ana María")).isEqualTo(new PersonName("Ana", "María"));
		assertThat(PersonName.of("José Luis")).isEqualTo(new PersonName("José", "Luis"));
	}

	@Test
	void namesSortAsASpanishReaderExpects() {
		List<String> expected = List.of("Luis Ávila", "Juan de la Fuente", "Pedro Güemes", "Rosa Muñoz", "Ana Nava",
				"Eva Núñez", "Ole Nyberg", "Íñigo Ñúñez", "Raúl Oropeza", "Ximena Zúñiga");
		List<String> shuffled = new ArrayList<>(expected);
		Collections.shuffle(shuffled, new Random(7));
		List<String> sorted = shuffled.stream()
			.map((name) -> new Attendee(shuffled.indexOf(name), name, "", null, null))
			.sorted(Attendee.alphabetical())
			.map(Attendee::fullName)
			.toList();
		assertThat(sorted).containsExactlyElementsOf(expected);
	}

	@Test
	void namesSortWordByWordSoAShorterFamilyNameComesBeforeOneThatStartsWithIt() {
		List<String> expected = List.of("Luis Ángel", "Sofía Ángeles", "Jorge Peña", "Zacarías Peña",
				"Ana Sofía Peña Ramírez", "Rodrigo Peñaloza");
		List<String> shuffled = new ArrayList<>(expected);
		Collections.shuffle(shuffled, new Random(3));
		List<String> sorted = shuffled.stream()
			.map((name) -> new Attendee(shuffled.indexOf(name), name, "", null, null))
			.sorted(Attendee.alphabetical())
			.map(Attendee::fullName)
			.toList();
		assertThat(sorted).containsExactlyElementsOf(expected);
	}

	@Test
	void namesFiledUnderNoLetterComeFirstInOneGroup() {
		List<String> sorted = List.of("Ana Zeta", "Uno ＝1+1", "Luis Ávila", "Dos 2Pac", "Tres _Guion")
			.stream()
			.map((name) -> new Attendee(name.length(), name, "", null, null))
			.sorted(Attendee.alphabetical())
			.map((attendee) -> attendee.name().initial())
			.toList();
		assertThat(sorted).containsExactly("#", "#", "#", "A", "Z");
	}

	@Test
	void theDoorListFilesNamesUnderTheirFamilyInitialWithÑApart() {
		assertThat(PersonName.of("Luis Ávila").initial()).isEqualTo("A");
		assertThat(PersonName.of("Eva Núñez").initial()).isEqualTo("N");
		assertThat(PersonName.of("Íñigo Ñúñez").initial()).isEqualTo("Ñ");
		assertThat(PersonName.of("Juan de la Fuente").initial()).isEqualTo("F");
		assertThat(PersonName.of("Ana 2Pac").initial()).isEqualTo("#");
	}

}
