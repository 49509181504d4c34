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
		List<String> expected = List.of("Luis Ángel Muñoz", "Sofía Ángeles Ramos", "Jorge Peña", "Zacarías Peña",
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
