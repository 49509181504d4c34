package org.winformusic.events.registration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domains people mistype get a "did you mean" with the address they meant (the form
 * asks before a seat goes to an address that would never get its link), Mexican ones
 * included; real domains get none.
 */
class EmailRulesTests {

	@Test
	void commonMexicanSlipsOfTheDomainGetTheAddressMeant() {
		assertThat(EmailRules.suggestion("ana@gmail.com.mx")).isEqualTo("ana@gmail.com");
		assertThat(EmailRules.suggestion("ana@Gmail.MX")).isEqualTo("ana@gmail.com");
		assertThat(EmailRules.suggestion("ana@hotmail.com.mz")).isEqualTo("ana@hotmail.com.mx");
		assertThat(EmailRules.suggestion("ana@yahoo.com.mz")).isEqualTo("ana@yahoo.com.mx");
		assertThat(EmailRules.suggestion("ana@gmial.com")).isEqualTo("ana@gmail.com");
		for (String real : new String[] { "ana@gmail.com", "ana@hotmail.com.mx", "ana@yahoo.com.mx",
				"ana@prodigy.net.mx", "ana@unam.mx", "ana@sello.com.mx" }) {
			assertThat(EmailRules.suggestion(real)).as(real).isNull();
		}
	}

}
