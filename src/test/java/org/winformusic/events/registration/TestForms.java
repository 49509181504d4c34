package org.winformusic.events.registration;

/** Valid registration forms for tests. */
public final class TestForms {

	private TestForms() {
	}

	public static RegistrationForm valid(String email) {
		return new RegistrationForm("Ana Pérez", email, "Discos Norte", "Directora", "INDEPENDENT_LABEL", "CMX",
				"Ciudad de México", "+52 55 1234 5678", "YES", "Instagram", "Sin comentarios", true, false, null);
	}

}
