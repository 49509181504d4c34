package org.winformusic.events.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one spelling an address is stored and looked up in. */
class EmailAddressesTests {

	@Test
	void everySpellingOfAnInternationalizedDomainBecomesItsUnicodeFormInLowerCase() {
		for (String typed : new String[] { "ana@diseño.mx", "ana@DISEÑO.MX", "ana@xn--diseo-rta.mx",
				"ana@XN--DISEO-RTA.MX" }) {
			assertThat(EmailAddresses.canonical(typed)).as(typed).isEqualTo("ana@diseño.mx");
		}
		assertThat(EmailAddresses.canonical("ana@correo.xn--diseo-rta.com.mx")).isEqualTo("ana@correo.diseño.com.mx");
		assertThat(EmailAddresses.ascii(EmailAddresses.canonical("ana@xn--diseo-rta.mx")))
			.isEqualTo("ana@xn--diseo-rta.mx");
	}

	@Test
	void thePartBeforeTheAtAndPlainDomainsStayAsTyped() {
		assertThat(EmailAddresses.canonical("Ana.Diaz@XN--DISEO-RTA.mx")).isEqualTo("Ana.Diaz@diseño.mx");
		assertThat(EmailAddresses.canonical("Ana.Diaz@Example.COM")).isEqualTo("Ana.Diaz@Example.COM");
		assertThat(EmailAddresses.canonical(null)).isNull();
	}

	@Test
	void aSpellingWhoseUnicodeFormWouldGoElsewhereOrThatIsNoAddressIsLeftAlone() {
		// IDNA2008's straße.de: Java's IDNA2003 would turn its Unicode form into
		// strasse.de, another domain, so it keeps its ASCII spelling.
		assertThat(EmailAddresses.canonical("ana@xn--strae-oqa.de")).isEqualTo("ana@xn--strae-oqa.de");
		// Not valid Punycode: nothing to decode.
		assertThat(EmailAddresses.canonical("ana@xn--zz.mx")).isEqualTo("ana@xn--zz.mx");
		assertThat(EmailAddresses.canonical("not an address")).isEqualTo("not an address");
		assertThat(EmailAddresses.canonical("ana@")).isEqualTo("ana@");
	}

}
