package org.winformusic.events.mail;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.RegistrationResult;
import org.winformusic.events.shared.EventTimes;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff reading a registration see the change of address its registrant asked for while
 * it waits for the link sent to the new address: which address, when it was asked and
 * when the link stops working, in the event's time zone. Not once the link expired, nor
 * once staff set the address themselves, which ends the request.
 */
class StaffSeesWaitingEmailChangeTests extends EmailChangeTestSupport {

	@Autowired
	EventTimes times;

	@Test
	void theDetailPageShowsTheWaitingChangeUntilStaffSetTheAddressThemselves() throws Exception {
		String asked = TestRegistrations.uniqueEmail("detail-asked");
		RegistrationResult result = registered("Gala Espera", TestRegistrations.uniqueEmail("detail-old"),
				Locale.ENGLISH);
		String manage = "/r/" + result.manageToken();
		this.mvc.perform(edit(manage, "Gala Espera", asked)).andExpect(redirectedUrl(manage + "?emailPending"));
		Instant requested = changeTime(result.registrationId(), "requested_at");
		Instant expires = changeTime(result.registrationId(), "expires_at");
		ZoneId zone = eventZone(result.registrationId());

		assertThat(staffPage(result.registrationId(), "en")).contains("Email change",
				"Waiting for confirmation: new address " + asked + ", asked on "
						+ this.times.dateTime(requested, zone, Locale.ENGLISH) + "; the link expires on "
						+ this.times.dateTime(expires, zone, Locale.ENGLISH) + ".");
		Locale spanish = Locale.forLanguageTag("es");
		assertThat(staffPage(result.registrationId(), "es")).contains("Cambio de correo",
				"Pendiente de confirmar: nueva dirección " + asked + ", solicitada el "
						+ this.times.dateTime(requested, zone, spanish) + "; el enlace vence el "
						+ this.times.dateTime(expires, zone, spanish) + ".");

		this.mvc
			.perform(fields(post("/admin/registrations/" + result.registrationId() + "/edit"), "Gala Espera",
					TestRegistrations.uniqueEmail("detail-staff"))
				.with(csrf())
				.with(organizer()))
			.andExpect(status().is3xxRedirection());

		// The address stays in the emails table only as where its confirmation went.
		assertThat(staffPage(result.registrationId(), "en")).doesNotContain("Waiting for confirmation")
			.doesNotContain("new address " + asked);
	}

	@Test
	void anExpiredChangeIsNotShown() throws Exception {
		String asked = TestRegistrations.uniqueEmail("expired-asked");
		RegistrationResult result = registered("Hugo Tarde", TestRegistrations.uniqueEmail("expired-old"),
				Locale.ENGLISH);
		String manage = "/r/" + result.manageToken();
		this.mvc.perform(edit(manage, "Hugo Tarde", asked)).andExpect(redirectedUrl(manage + "?emailPending"));
		assertThat(staffPage(result.registrationId(), "en")).contains("Waiting for confirmation");

		this.jdbc.sql("update email_change set expires_at = ? where registration_id = ?")
			.params(Timestamp.from(this.clock.instant().minus(Duration.ofMinutes(1))), result.registrationId())
			.update();

		// The address stays in the emails table only as where its confirmation went.
		assertThat(staffPage(result.registrationId(), "en")).doesNotContain("Waiting for confirmation")
			.doesNotContain("new address " + asked);
	}

	/** The staff detail page of the registration, as an organizer reads it. */
	private String staffPage(long registrationId, String lang) throws Exception {
		return text(
				this.mvc.perform(get("/admin/registrations/" + registrationId).param("lang", lang).with(organizer()))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

	private Instant changeTime(long registrationId, String column) {
		return this.jdbc.sql("select " + column + " from email_change where registration_id = ? and state = 'PENDING'")
			.param(registrationId)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private ZoneId eventZone(long registrationId) {
		return ZoneId
			.of(this.jdbc.sql("select e.time_zone from event e join registration r on r.event_id = e.id where r.id = ?")
				.param(registrationId)
				.query(String.class)
				.single());
	}

}
