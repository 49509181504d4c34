package org.winformusic.events.registration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored phone number as the edit forms show it: as people of the event's country write
 * it, and stored back exactly as it was when the form is saved unchanged.
 */
class PhoneNumbersTests {

	@Test
	void anEditFormShowsAStoredNumberAsPeopleWriteItAndItReadsBackToTheSameNumber() {
		assertThat(PhoneNumbers.asTyped("+525512345678", "MX", null)).isEqualTo("55 1234 5678");
		assertThat(PhoneNumbers.asTyped("+573001234567", "CO", null)).isEqualTo("300 1234567");
		// Another country's number keeps its prefix; an extension stays.
		assertThat(PhoneNumbers.asTyped("+573001234567", "MX", null)).isEqualTo("+57 300 1234567");
		assertThat(PhoneNumbers.asTyped("+525512345678 ext. 12", "MX", null)).isEqualTo("55 1234 5678 ext. 12");
		for (String stored : new String[] { "+525512345678", "+573001234567", "+525512345678 ext. 12", "+12025550123",
				"+34912345678" }) {
			for (String country : new String[] { "MX", "CO", "US", "ES", "AR" }) {
				assertThat(PhoneNumbers.normalize(PhoneNumbers.asTyped(stored, country, null), country))
					.as(stored + " in " + country)
					.isEqualTo(stored);
			}
		}
	}

	@Test
	void aNumberStoredAsFreeTextIsShownAsItWasTyped() {
		assertThat(PhoneNumbers.asTyped("no tengo", "MX", null)).isEqualTo("no tengo");
		assertThat(PhoneNumbers.asTyped("55 1234 5678", "MX", null)).isEqualTo("55 1234 5678");
		assertThat(PhoneNumbers.asTyped(null, "MX", null)).isNull();
		assertThat(PhoneNumbers.asTyped("+525512345678", null, null)).isEqualTo("+52 55 1234 5678");
	}

}
