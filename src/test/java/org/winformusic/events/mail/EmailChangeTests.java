package org.winformusic.events.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.PublicRegistrations;
import org.winformusic.events.registration.RegistrationForm;
import org.winformusic.events.registration.RegistrationResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A changed email address is confirmed where it leads: the new address gets an email with
 * the personal link, the old one a short notice without any link (it is no longer the
 * registration's), whoever changed it, the registrant or staff. Composed when sent like
 * every email: an address changed again, or back, before anything went out gets only what
 * is true then, and an address nothing was ever sent to is not told.
 */
class EmailChangeTests extends MailIntegrationTestSupport {

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	MockMvc mvc;

	@Test
	void theRegistrantsNewAddressGetsTheLinkAndTheOldOneANoticeWithoutIt() throws Exception {
		String old = TestRegistrations.uniqueEmail("old-address");
		String typed = TestRegistrations.uniqueEmail("new-address");
		RegistrationResult result = this.registrations.register(freshEvent(), form("Ana Mudanza", old),
				Locale.forLanguageTag("es"));
		assertThat(this.sender.sendDueMessages()).as("the confirmation, to the first address").isEqualTo(1);
		greenMail.purgeEmailFromAllMailboxes();
		String manage = "/r/" + result.manageToken();

		this.mvc.perform(edit(manage, "Ana Mudanza", typed)).andExpect(redirectedUrl(manage + "?saved&emailChanged"));

		// The page says where the confirmation went, so a typo shows at once.
		assertThat(text(page(get(manage).param("saved", "").param("emailChanged", "")))).contains(
				"Tus cambios están guardados. Enviamos tu enlace personal a " + typed
						+ " para confirmar el nuevo correo; si no te llega, revisa que esté bien escrito.",
				"Ya no escribiremos a tu dirección anterior.");
		assertThat(text(page(get(manage).param("saved", "").param("emailChanged", "").param("lang", "en"))))
			.contains("We sent your personal link to " + typed + " to confirm the new address");
		assertThat(this.jdbc.sql("select recipient from outbox_message where registration_id = ? and kind = ?")
			.params(result.registrationId(), "EMAIL_CHANGED_OLD")
			.query(String.class)
			.single()).as("the old address is kept with its notice").isEqualTo(old);

		assertThat(this.sender.sendDueMessages()).isEqualTo(2);

		MimeMessage confirmation = to(typed);
		assertThat(OutboxDeliveryTests.subjectOf(confirmation)).isEqualTo("Actualizamos tu correo: Taller de prueba");
		String text = plainText(confirmation);
		assertThat(text).contains("Hola, Ana Mudanza:",
				"Este es ahora el correo de tu registro: a partir de ahora te escribiremos aquí.",
				"Tu registro está confirmado: tu lugar está apartado.",
				"seguramente alguien escribió tu correo por error");
		String token = OutboxDeliveryTests.manageLink(text).replaceFirst(".*/", "");
		assertThat(this.tokens.resolve(token)).contains(result.registrationId());

		MimeMessage notice = to(old);
		assertThat(OutboxDeliveryTests.subjectOf(notice))
			.isEqualTo("Cambió el correo de tu registro: Taller de prueba");
		String noticeText = plainText(notice);
		String noticeHtml = (String) OutboxDeliveryTests.parts(notice).get("text/html").getContent();
		assertThat(noticeText).contains("Se cambió el correo electrónico de tu registro a este evento.",
				"A partir de ahora escribiremos a la nueva dirección y ya no a esta.",
				"Si tú no hiciste este cambio, avísale de inmediato al equipo organizador.");
		for (String part : List.of(noticeText, noticeHtml)) {
			assertThat(part).as("no link to the registration, and not the new address")
				.doesNotContain("/r/")
				.doesNotContain(token)
				.doesNotContain(typed);
		}
		assertThat(notice.getHeader("List-Unsubscribe")).isNull();
		assertThat(greenMail.getReceivedMessages()).hasSize(2);
		assertThat(this.jdbc.sql("""
				select kind || ' ' || status || ' ' || recipient from outbox_message
				 where registration_id = ? and kind like 'EMAIL%' order by kind""")
			.param(result.registrationId())
			.query(String.class)
			.list()).containsExactly("EMAIL_CHANGED SENT " + typed, "EMAIL_CHANGED_OLD SENT " + old);
		long noticeId = this.jdbc
			.sql("select id from outbox_message where registration_id = ? and kind = 'EMAIL_CHANGED_OLD'")
			.param(result.registrationId())
			.query(Long.class)
			.single();
		assertThat(text(staffPage("/admin/outbox/" + noticeId + "?lang=es")))
			.contains("Cambio de correo, aviso a la dirección anterior", old)
			.doesNotContain("http://localhost:8080/r/");
		long confirmationId = this.jdbc
			.sql("select id from outbox_message where registration_id = ? and kind = 'EMAIL_CHANGED'")
			.param(result.registrationId())
			.query(Long.class)
			.single();
		assertThat(text(staffPage("/admin/outbox/" + confirmationId + "?lang=en")))
			.contains("New email address, with the personal link", typed);
	}

	@Test
	void aStaffChangeIsConfirmedTheSameWayInTheRegistrantsLanguage() throws Exception {
		String old = TestRegistrations.uniqueEmail("staff-old");
		String typed = TestRegistrations.uniqueEmail("staff-new");
		RegistrationResult result = this.registrations.register(freshEvent(), form("Bea Staff", old), Locale.ENGLISH);
		assertThat(this.sender.sendDueMessages()).isEqualTo(1);
		greenMail.purgeEmailFromAllMailboxes();
		String edit = "/admin/registrations/" + result.registrationId() + "/edit";

		assertThat(staffSave(edit, "Bea Staff", typed)).contains(
				"Datos guardados. A la nueva dirección le llega un correo con el enlace personal, y a la anterior un aviso del cambio");
		assertThat(this.sender.sendDueMessages()).isEqualTo(2);

		assertThat(OutboxDeliveryTests.subjectOf(to(typed))).isEqualTo("Email address updated: Test workshop");
		assertThat(plainText(to(typed))).contains("This is now the email address of your registration")
			.contains("http://localhost:8080/r/");
		assertThat(OutboxDeliveryTests.subjectOf(to(old)))
			.isEqualTo("Email address changed on your registration: Test workshop");
		assertThat(plainText(to(old)))
			.contains("The email address of your registration for this event has been changed")
			.doesNotContain("/r/")
			.doesNotContain(typed);

		// A save that changes something else only says "saved".
		assertThat(staffSave(edit, "Bea Otra", typed)).contains("Datos guardados.")
			.doesNotContain("A la nueva dirección");
		assertThat(this.jdbc.sql("select count(*) from outbox_message where registration_id = ? and kind like 'EMAIL%'")
			.param(result.registrationId())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aTypoFixedBeforeAnythingWentOutReachesOnlyTheAddressThatIsRightNow() throws Exception {
		String first = TestRegistrations.uniqueEmail("first");
		String typo = TestRegistrations.uniqueEmail("typo");
		String right = TestRegistrations.uniqueEmail("right");
		RegistrationResult result = this.registrations.register(freshEvent(), form("Caro Prisa", first),
				Locale.ENGLISH);
		String manage = "/r/" + result.manageToken();
		this.mvc.perform(edit(manage, "Caro Prisa", typo)).andExpect(redirectedUrl(manage + "?saved&emailChanged"));
		this.mvc.perform(edit(manage, "Caro Prisa", right)).andExpect(redirectedUrl(manage + "?saved&emailChanged"));

		assertThat(this.sender.sendDueMessages()).as("the confirmation and the new address's email").isEqualTo(2);

		assertThat(Arrays.stream(greenMail.getReceivedMessages())
			.flatMap((m) -> OutboxDeliveryTests.recipients(m).stream())).containsOnly(right);
		assertThat(this.jdbc.sql("""
				select kind || ' ' || status || ' ' || coalesce(last_error, '-') || ' ' || coalesce(recipient, '-')
				  from outbox_message where registration_id = ? and kind like 'EMAIL%' order by id""")
			.param(result.registrationId())
			.query(String.class)
			.list()).containsExactly("EMAIL_CHANGED SKIPPED ADDRESS_CHANGED -",
					"EMAIL_CHANGED_OLD SKIPPED ADDRESS_UNUSED -", "EMAIL_CHANGED SENT - " + right,
					"EMAIL_CHANGED_OLD SKIPPED ADDRESS_UNUSED -");
		long skipped = this.jdbc
			.sql("select min(id) from outbox_message where registration_id = ? and kind = 'EMAIL_CHANGED'")
			.param(result.registrationId())
			.query(Long.class)
			.single();
		assertThat(staffPage("/admin/outbox/" + skipped + "?lang=en"))
			.contains("Not sent: by then the email address of the registration had changed again.");
		assertThat(staffPage("/admin/outbox?lang=es")).contains(
				"No enviado: a esa dirección nunca se le envió nada de este registro, así que no había nada que avisarle.");
	}

	@Test
	void anAddressChangedAndChangedBackBeforeSendingIsNotToldOfAChangeThatDidNotLast() throws Exception {
		String first = TestRegistrations.uniqueEmail("kept");
		String other = TestRegistrations.uniqueEmail("briefly");
		RegistrationResult result = this.registrations.register(freshEvent(), form("Dora Vuelta", first),
				Locale.ENGLISH);
		assertThat(this.sender.sendDueMessages()).isEqualTo(1);
		greenMail.purgeEmailFromAllMailboxes();
		String manage = "/r/" + result.manageToken();
		this.mvc.perform(edit(manage, "Dora Vuelta", other)).andExpect(status().is3xxRedirection());
		this.mvc.perform(edit(manage, "Dora Vuelta", first)).andExpect(status().is3xxRedirection());

		assertThat(this.sender.sendDueMessages()).isEqualTo(1);

		assertThat(greenMail.getReceivedMessages()).singleElement()
			.satisfies((m) -> assertThat(OutboxDeliveryTests.recipients(m)).containsExactly(first))
			.satisfies((m) -> assertThat(OutboxDeliveryTests.subjectOf(m)).startsWith("Email address updated"));
	}

	@Test
	void aStaffResendOfTheOldAddressesNoticeGoesToThatAddressAgainWithoutALink() throws Exception {
		String old = TestRegistrations.uniqueEmail("resend-old");
		String typed = TestRegistrations.uniqueEmail("resend-new");
		RegistrationResult result = this.registrations.register(freshEvent(), form("Eva Otra", old), Locale.ENGLISH);
		assertThat(this.sender.sendDueMessages()).isEqualTo(1);
		this.mvc.perform(edit("/r/" + result.manageToken(), "Eva Otra", typed)).andExpect(status().is3xxRedirection());
		assertThat(this.sender.sendDueMessages()).isEqualTo(2);
		greenMail.purgeEmailFromAllMailboxes();
		long notice = this.jdbc
			.sql("select id from outbox_message where registration_id = ? and kind = 'EMAIL_CHANGED_OLD'")
			.param(result.registrationId())
			.query(Long.class)
			.single();

		this.mvc.perform(post("/admin/outbox/" + notice + "/resend").with(csrf()).with(organizer()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.sender.sendDueMessages()).isEqualTo(1);

		assertThat(greenMail.getReceivedMessages()).singleElement()
			.satisfies((m) -> assertThat(OutboxDeliveryTests.recipients(m)).containsExactly(old))
			.satisfies((m) -> assertThat(plainText(m)).doesNotContain("/r/"));
	}

	/** A staff save, and the page it leads to as that browser sees it (in Spanish). */
	private String staffSave(String edit, String name, String email) throws Exception {
		MvcResult saved = this.mvc.perform(fields(post(edit), name, email).with(csrf()).with(organizer()))
			.andExpect(redirectedUrl(edit.replace("/edit", "")))
			.andReturn();
		return text(page(get(edit.replace("/edit", "")).param("lang", "es")
			.cookie(saved.getResponse().getCookie("SESSION"))
			.with(organizer())));
	}

	private MockHttpServletRequestBuilder edit(String manage, String name, String email) {
		return fields(post(manage + "/edit"), name, email).with(csrf());
	}

	private static MockHttpServletRequestBuilder fields(MockHttpServletRequestBuilder request, String name,
			String email) {
		return request.param("fullName", name)
			.param("email", email)
			.param("company", "Discos Norte")
			.param("companyType", "INDEPENDENT_LABEL")
			.param("state", "CMX")
			.param("city", "Ciudad de México")
			.param("associationInterest", "YES");
	}

	private static MimeMessage to(String address) {
		List<MimeMessage> found = Arrays.stream(greenMail.getReceivedMessages())
			.filter((m) -> OutboxDeliveryTests.recipients(m).contains(address))
			.toList();
		assertThat(found).as("emails to " + address).hasSize(1);
		return found.get(0);
	}

	private static String plainText(MimeMessage message) {
		try {
			return (String) OutboxDeliveryTests.parts(message).get("text/plain").getContent();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String staffPage(String path) throws Exception {
		return page(get(path).with(organizer()));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor organizer() {
		return user("org@win.test").roles("ORGANIZER");
	}

	/** What a reader sees: the page without its tags. */
	private static String text(String html) {
		return HtmlUtils.htmlUnescape(html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("(?s)<[^>]+>", " "))
			.replaceAll("\\s+", " ");
	}

	/** An event of this test's own, a month away. */
	private String freshEvent() {
		return new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().plus(Duration.ofDays(30)))
			.capacity(10)
			.create()
			.slug();
	}

	private static RegistrationForm form(String name, String email) {
		return new RegistrationForm(name, email, "Discos Norte", null, "INDEPENDENT_LABEL", "CMX", "Ciudad de México",
				null, "YES", null, null, true, false, null);
	}

}
