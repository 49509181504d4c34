package org.winformusic.events.mail;

import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.RegistrationResult;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A registrant's new email address changes nothing until the owner of that address
 * confirms it with the link sent there; then the address changes and every earlier manage
 * link stops working, so whoever still reads the old inbox loses control, and the old
 * address is told without any link. The edit form answers the same whether or not another
 * registration of the event holds the address; its owner is told when confirming. Staff
 * change it at once, and old links stop working too.
 */
class EmailChangeTests extends EmailChangeTestSupport {

	@Test
	void aNewAddressChangesNothingUntilConfirmedThenEveryEarlierLinkStopsWorking() throws Exception {
		String old = TestRegistrations.uniqueEmail("old-address");
		String typed = TestRegistrations.uniqueEmail("new-address");
		RegistrationResult result = this.registrations.register(freshEvent(), form("Ana Mudanza", old),
				Locale.forLanguageTag("es"));
		this.sender.sendDueMessages();
		String emailed = OutboxDeliveryTests.manageLink(plainText(to(old))).replace("http://localhost:8080", "");
		greenMail.purgeEmailFromAllMailboxes();
		String manage = "/r/" + result.manageToken();

		this.mvc.perform(edit(manage, "Ana Mudanza", typed)).andExpect(redirectedUrl(manage + "?emailPending"));

		assertThat(storedEmail(result.registrationId())).isEqualTo(old);
		assertThat(page(manage + "?emailPending", "es").text()).contains(
				"Falta un paso: para cambiar tu correo, abre el enlace que enviamos a " + typed,
				"Cambio de correo pendiente de confirmar",
				"Mientras tanto, tu registro se queda con " + old + " y ahí te seguimos escribiendo.");
		assertThat(page(manage, "en").text()).contains("We sent a link to " + typed);

		this.sender.sendDueMessages();
		assertThat(receivedBy(old)).as("nothing to the old address yet").isEmpty();
		MimeMessage confirmation = to(typed);
		assertThat(OutboxDeliveryTests.subjectOf(confirmation)).isEqualTo("Confirma tu nuevo correo: Taller de prueba");
		assertThat(plainText(confirmation)).startsWith("Hola:")
			.contains("Pediste usar esta dirección para tu registro.",
					"El enlace funciona una sola vez, durante 48 horas.",
					"seguramente alguien escribió tu correo por error", "Taller de prueba")
			// The text part has a link to open, no button to press.
			.doesNotContain("botón");
		for (String part : List.of(plainText(confirmation), html(confirmation))) {
			assertThat(part).as("no manage link in it: the address is not the registration's yet")
				.doesNotContain("/r/");
			// Whoever holds the manage link chose this address: nothing they typed goes
			// there.
			assertThat(part).as("no text the registrant typed").doesNotContain("Ana Mudanza").doesNotContain("Mudanza");
		}
		String link = confirmPath(typed);
		greenMail.purgeEmailFromAllMailboxes();

		// A mail scanner opening the link changes nothing.
		Answer asked = page(link, "es");
		assertThat(asked.status()).isEqualTo(200);
		assertThat(asked.text()).contains("Confirma tu nuevo correo",
				"¿Usar " + typed + " como el correo de este registro?", "Sí, usar este correo");
		assertThat(storedEmail(result.registrationId())).isEqualTo(old);

		Answer confirmed = confirm(link);
		assertThat(confirmed.redirect()).matches("/r/[A-Za-z0-9_-]{43}\\?emailConfirmed");
		assertThat(storedEmail(result.registrationId())).isEqualTo(typed);
		String fresh = confirmed.redirect().replace("?emailConfirmed", "");
		assertThat(page(confirmed.redirect(), "es").text())
			.contains("Listo: " + typed + " es ahora el correo de tu registro");

		for (String earlier : List.of(manage, emailed)) {
			assertThat(page(earlier, "es").status()).as(earlier).isEqualTo(404);
			assertThat(page(earlier, "es").text()).contains("Este enlace ya no es válido");
			assertThat(page(earlier + "/edit", "es").status()).isEqualTo(404);
			assertThat(page(earlier + "/erase", "es").status()).isEqualTo(404);
			assertThat(answer(post(earlier + "/cancel").with(csrf())).status()).isEqualTo(404);
		}
		assertThat(page(fresh, "es").status()).isEqualTo(200);
		assertThat(this.jdbc.sql("select status from registration where id = ?")
			.param(result.registrationId())
			.query(String.class)
			.single()).isEqualTo("CONFIRMED");

		this.sender.sendDueMessages();
		MimeMessage notice = to(old);
		assertThat(OutboxDeliveryTests.subjectOf(notice))
			.isEqualTo("Cambió el correo de tu registro: Taller de prueba");
		assertThat(plainText(notice)).contains("Se cambió el correo electrónico de tu registro a este evento.",
				"Los enlaces personales que llegaron a esta dirección para ver, cambiar o cancelar el registro ya no funcionan");
		for (String part : List.of(plainText(notice), html(notice))) {
			assertThat(part).doesNotContain("/r/").doesNotContain("/email-change/").doesNotContain(typed);
		}
		assertThat(addressMessages(result.registrationId())).containsExactly("EMAIL_CONFIRM SENT - " + typed,
				"EMAIL_CHANGED_OLD SENT - " + old);
		assertThat(this.jdbc.sql("select action || ' ' || details from audit_log where registration_id = ?")
			.param(result.registrationId())
			.query(String.class)
			.list()).containsExactly("EDITED_BY_REGISTRANT email: " + old + " -> " + typed);
	}

	@Test
	void theEditAnswersTheSameForAnAddressAnotherRegistrationHoldsAsForAFreeOne() throws Exception {
		String slug = freshEvent();
		String held = TestRegistrations.uniqueEmail("held");
		String free = TestRegistrations.uniqueEmail("free");
		this.registrations.register(slug, form("Beto Dueño", held), Locale.forLanguageTag("es"));
		RegistrationResult probing = this.registrations.register(slug,
				form("Eva Prueba", TestRegistrations.uniqueEmail("one")), Locale.forLanguageTag("es"));
		RegistrationResult other = this.registrations.register(slug,
				form("Eva Prueba", TestRegistrations.uniqueEmail("two")), Locale.forLanguageTag("es"));

		String[] answers = new String[2];
		int i = 0;
		for (RegistrationResult registrant : List.of(probing, other)) {
			String manage = "/r/" + registrant.manageToken();
			String typed = (registrant == probing) ? held : free;
			MvcResult saved = this.mvc.perform(edit(manage, "Eva Prueba", typed)).andReturn();
			assertThat(saved.getResponse().getStatus()).isEqualTo(302);
			String shown = page(saved.getResponse().getRedirectedUrl(), "es").text();
			answers[i++] = saved.getResponse().getRedirectedUrl().replace(registrant.manageToken(), "TOKEN") + " "
					+ shown.replace(typed, "TYPED")
						.replace(storedEmail(registrant.registrationId()), "OWN")
						// Each person's own door code.
						.replaceAll("Código de entrada [0-9A-Z]{8}", "Código de entrada CODE");
		}

		assertThat(answers[0]).contains("Falta un paso").isEqualTo(answers[1]);
		assertThat(storedEmail(probing.registrationId())).isNotEqualTo(held);
	}

	@Test
	void confirmingAnAddressAnotherRegistrationHoldsSaysSoAndChangesNothing() throws Exception {
		String slug = freshEvent();
		String held = TestRegistrations.uniqueEmail("taken");
		this.registrations.register(slug, form("Beto Dueño", held), Locale.ENGLISH);
		String own = TestRegistrations.uniqueEmail("mine");
		RegistrationResult result = this.registrations.register(slug, form("Caro Cambio", own), Locale.ENGLISH);
		this.sender.sendDueMessages();
		greenMail.purgeEmailFromAllMailboxes();
		String manage = "/r/" + result.manageToken();
		this.mvc.perform(edit(manage, "Caro Cambio", held)).andExpect(redirectedUrl(manage + "?emailPending"));
		this.sender.sendDueMessages();
		String link = confirmPath(held);

		assertThat(page(link, "en").text()).contains("Use " + held + " as the email address of this registration?");
		Answer refused = confirm(link);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text()).contains("This address already has a registration",
				held + " already has a registration for this event", "nothing changed", "cancel it with its own link",
				"Email me my link");
		assertThat(storedEmail(result.registrationId())).isEqualTo(own);
		assertThat(page(manage, "en").status()).as("the registrant's link still works").isEqualTo(200);
		assertThat(page(manage, "en").text()).contains("Email change waiting for confirmation");
		assertThat(addressMessages(result.registrationId())).containsExactly("EMAIL_CONFIRM SENT - " + held);
	}

	@Test
	void aChangeBackToTheCurrentAddressIsNoChangeAndSendsNothing() throws Exception {
		String first = TestRegistrations.uniqueEmail("kept");
		String typo = TestRegistrations.uniqueEmail("typo");
		RegistrationResult result = registered("Dora Vuelta", first, Locale.forLanguageTag("es"));
		String manage = "/r/" + result.manageToken();
		this.mvc.perform(edit(manage, "Dora Vuelta", typo, first)).andExpect(redirectedUrl(manage + "?emailPending"));

		// The form shows the address waiting, and what typing the current one does.
		Answer form = page(manage + "/edit", "es");
		assertThat(form.text()).contains("El campo de correo muestra " + typo, "la dirección que falta confirmar");
		this.mvc.perform(edit(manage, "Dora Vuelta", first, typo)).andExpect(redirectedUrl(manage + "?emailKept"));

		assertThat(page(manage + "?emailKept", "es").text())
			.contains("Cancelamos el cambio de correo: tu registro se queda con " + first)
			.doesNotContain("Cambio de correo pendiente de confirmar");
		this.sender.sendDueMessages();
		assertThat(receivedBy(typo)).isEmpty();
		assertThat(receivedBy(first)).isEmpty();
		assertThat(addressMessages(result.registrationId()))
			.containsExactly("EMAIL_CONFIRM SKIPPED CHANGE_WITHDRAWN -");
		assertThat(storedEmail(result.registrationId())).isEqualTo(first);
	}

	@Test
	void savingOtherDetailsLeavesAWaitingChangeAsItIs() throws Exception {
		String first = TestRegistrations.uniqueEmail("stays");
		String next = TestRegistrations.uniqueEmail("next");
		RegistrationResult result = registered("Iris Antes", first, Locale.ENGLISH);
		String manage = "/r/" + result.manageToken();
		this.mvc.perform(edit(manage, "Iris Antes", next)).andExpect(redirectedUrl(manage + "?emailPending"));

		// A form loaded while the change waits shows it; one loaded before shows the
		// current address: saving either as it is keeps the change waiting.
		this.mvc.perform(edit(manage, "Iris Después", next, next)).andExpect(redirectedUrl(manage + "?saved"));
		this.mvc.perform(edit(manage, "Iris Luego", first, first)).andExpect(redirectedUrl(manage + "?saved"));

		assertThat(page(manage, "en").text()).contains("Email change waiting for confirmation", "Iris Luego");
		this.sender.sendDueMessages();
		assertThat(addressMessages(result.registrationId())).containsExactly("EMAIL_CONFIRM SENT - " + next);
	}

	@Test
	void aStaffChangeTakesEffectAtOnceAndEarlierLinksStopWorking() throws Exception {
		String old = TestRegistrations.uniqueEmail("staff-old");
		String typed = TestRegistrations.uniqueEmail("staff-new");
		RegistrationResult result = registered("Bea Staff", old, Locale.ENGLISH);
		String manage = "/r/" + result.manageToken();
		String edit = "/admin/registrations/" + result.registrationId() + "/edit";

		MvcResult saved = this.mvc.perform(fields(post(edit), "Bea Staff", typed).with(csrf()).with(organizer()))
			.andExpect(redirectedUrl("/admin/registrations/" + result.registrationId()))
			.andReturn();

		assertThat(storedEmail(result.registrationId())).isEqualTo(typed);
		assertThat(page(manage, "en").status()).as("the link the old address had").isEqualTo(404);
		assertThat(text(this.mvc
			.perform(get("/admin/registrations/" + result.registrationId()).param("lang", "en")
				.cookie(saved.getResponse().getCookie("SESSION"))
				.with(organizer()))
			.andReturn()
			.getResponse()
			.getContentAsString())).contains("An email with a new personal link for the new address");
		this.sender.sendDueMessages();
		String link = OutboxDeliveryTests.manageLink(plainText(to(typed))).replace("http://localhost:8080", "");
		assertThat(OutboxDeliveryTests.subjectOf(to(typed))).isEqualTo("Email address updated: Test workshop");
		assertThat(page(link, "en").status()).isEqualTo(200);
		assertThat(plainText(to(old)))
			.contains("The email address of your registration for this event has been changed")
			.doesNotContain("/r/")
			.doesNotContain(typed);

		// A staff save that changes something else leaves the links alone.
		this.mvc.perform(fields(post(edit), "Bea Otra", typed).with(csrf()).with(organizer()))
			.andExpect(status().is3xxRedirection());
		assertThat(page(link, "en").status()).isEqualTo(200);
	}

	@Test
	void aStaffChangeEndsTheChangeTheRegistrantAskedFor() throws Exception {
		String asked = TestRegistrations.uniqueEmail("asked-before");
		RegistrationResult result = registered("Bea Staff", TestRegistrations.uniqueEmail("asked-old"), Locale.ENGLISH);
		String manage = "/r/" + result.manageToken();
		this.mvc.perform(edit(manage, "Bea Staff", asked)).andExpect(redirectedUrl(manage + "?emailPending"));
		this.sender.sendDueMessages();
		String askedLink = confirmPath(asked);

		this.mvc
			.perform(fields(post("/admin/registrations/" + result.registrationId() + "/edit"), "Bea Staff",
					TestRegistrations.uniqueEmail("staff-set"))
				.with(csrf())
				.with(organizer()))
			.andExpect(status().is3xxRedirection());

		assertThat(page(askedLink, "en").status()).isEqualTo(410);
		assertThat(page(askedLink, "en").text()).contains("a newer change of email address was requested");
		assertThat(confirm(askedLink).status()).isEqualTo(410);
		assertThat(storedEmail(result.registrationId())).isNotEqualTo(asked);
	}

	@Test
	void aRegistrantAsksForAFewChangesAnHourNotAFlood() throws Exception {
		RegistrationResult result = registered("Flo Muchas", TestRegistrations.uniqueEmail("many"), Locale.ENGLISH);
		String manage = "/r/" + result.manageToken();
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(edit(manage, "Flo Muchas", TestRegistrations.uniqueEmail("try" + i)))
				.andExpect(redirectedUrl(manage + "?emailPending"));
		}

		Answer refused = answer(edit(manage, "Flo Muchas", TestRegistrations.uniqueEmail("sixth")).param("lang", "en"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.text()).contains("You asked to change your email address several times within the hour");
		assertThat(this.jdbc.sql("select count(*) from outbox_message where registration_id = ? and kind = ?")
			.params(result.registrationId(), "EMAIL_CONFIRM")
			.query(Long.class)
			.single()).isEqualTo(5);
	}

	@Test
	void anEmailComposedForAnAddressTheRegistrationNoLongerHasGetsNoManageLink() {
		String old = TestRegistrations.uniqueEmail("composed-old");
		long id = new TestRegistrations(this.jdbc).in(new TestEvents(this.jdbc).mexicoWorkshopId())
			.email(old)
			.create()
			.id();
		this.jdbc.sql("update registration set email = ? where id = ?")
			.params(TestRegistrations.uniqueEmail("composed-new"), id)
			.update();

		List<String> minted = this.tokens.issueAll(List.of(id), List.of(old));

		assertThat(minted).containsExactly((String) null);
		assertThat(this.jdbc.sql("select count(*) from registration_token where registration_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

}
