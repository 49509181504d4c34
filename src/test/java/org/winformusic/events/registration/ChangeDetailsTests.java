package org.winformusic.events.registration;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit's "field: before -> after" lines are read back by the audit page, which
 * splits them at the arrow: a value cannot carry one, nor a line break.
 */
class ChangeDetailsTests {

	@Test
	void aValueWithAnArrowOrLineBreaksStaysOneChangeOnOneLine() {
		RegistrationView before = withComments("Silla de ruedas");
		RegistrationView after = withComments("Rampa -> entrada lateral\r\ny elevador");

		assertThat(ChangeDetails.fields(before, after))
			.isEqualTo("comments: Silla de ruedas -> Rampa → entrada lateral y elevador");
	}

	private static RegistrationView withComments(String comments) {
		Instant at = Instant.parse("2028-03-01T12:00:00Z");
		return new RegistrationView(42, 7, RegistrationStatus.CONFIRMED, "Ana Pérez", "ana@example.org", "Discos Ana",
				null, CompanyType.INDEPENDENT_LABEL, "CMX", "CDMX", null, AssociationInterest.YES, null, comments,
				false, "v1", at, Locale.forLanguageTag("es"), at, at, at, null, null, null, null, 0);
	}

}
