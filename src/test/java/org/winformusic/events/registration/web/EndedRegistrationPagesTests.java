package org.winformusic.events.registration.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.ManageTokens;
import org.winformusic.events.registration.RecordedMessages;
import org.winformusic.events.registration.RegistrationMessage;
import org.winformusic.events.registration.StaffRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The personal page and the erase page of a registration that has ended before the event
 * did (cancelled, declined): nothing left to cancel, so they speak of seeing and erasing
 * the data only; an old cancelled registration whose address registered again points to
 * the newer one instead of offering the form; and the erase page of a seat tells the
 * person what no email will undo for them (the calendar entry, the entry code).
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import(RecordedMessages.class)
class EndedRegistrationPagesTests {

	private static final AtomicInteger emails = new AtomicInteger();

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	ManageTokens tokens;

	@Autowired
	StaffRegistrations staff;

	@Autowired
	RecordedMessages recorded;

	@Test
	void cancelledAndDeclinedPagesOfferToSeeOrEraseTheDataAndNothingToCancel() throws Exception {
		TestEvents.Created open = new TestEvents(this.jdbc).event().capacity(5).create();
		String cancelled = register(open.slug(), email(), "es");
		cancel(cancelled);
		TestEvents.Created reviewed = new TestEvents(this.jdbc).event().requiringApproval().capacity(5).create();
		String declined = register(reviewed.slug(), email(), "es");
		this.staff.decline(id(declined));

		for (String manage : new String[] { cancelled, declined }) {
			String es = page(get(manage).param("lang", "es"));
			assertThat(es).as(manage)
				.contains(message("manage.over.keepLink", SPANISH), message("rights.manage.text.noNews.over", SPANISH))
				.doesNotContain(message("registration.manage.keepLink", SPANISH), "puede cambiar o cancelar",
						"cancela tu registro");
			String en = page(get(manage).param("lang", "en"));
			assertThat(en).as(manage)
				.contains(message("manage.over.keepLink", Locale.ENGLISH),
						message("rights.manage.text.noNews.over", Locale.ENGLISH))
				.doesNotContain(message("registration.manage.keepLink", Locale.ENGLISH), "change or cancel",
						"cancels your registration");

			String eraseEs = page(get(manage + "/erase").param("lang", "es"));
			assertThat(eraseEs).as(manage)
				.contains("Se borrarán los datos de tu registro a")
				.doesNotContain("Se cancelará tu registro", "pasará a la siguiente persona en espera",
						message("privacy.erase.seat", SPANISH));
			String eraseEn = page(get(manage + "/erase").param("lang", "en"));
			assertThat(eraseEn).as(manage)
				.contains("The data of your registration for")
				.doesNotContain("will be cancelled", "goes to the next person waiting",
						message("privacy.erase.seat", Locale.ENGLISH));
		}

		// With news, the same: the button to stop them, nothing about cancelling.
		String withNews = register(open.slug(), email(), "es", "newsOptIn", "true");
		cancel(withNews);
		assertThat(page(get(withNews))).contains("deja de recibir noticias de", "o borra tus datos.")
			.doesNotContain("cancela tu registro", "puede cambiar o cancelar");
	}

	@Test
	void aRegistrationStillGoingKeepsSayingThatErasingCancelsIt() throws Exception {
		TestEvents.Created open = new TestEvents(this.jdbc).event().capacity(5).create();
		String manage = register(open.slug(), email(), "es");
		assertThat(page(get(manage))).contains(message("registration.manage.keepLink", SPANISH),
				"borra tus datos (esto cancela tu registro)");
		assertThat(page(get(manage).param("lang", "en")))
			.contains(message("registration.manage.keepLink", Locale.ENGLISH), "(this cancels your registration)");
	}

	@Test
	void anOldCancelledPagePointsToTheNewerRegistrationInsteadOfOfferingTheFormAgain() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(1).create();
		String address = email();
		String old = register(event.slug(), address, "es");
		cancel(old);
		register(event.slug(), email(), "es");
		// Before registering again: the offer, as before.
		assertThat(page(get(old))).contains(message("manage.again.joinWaitlist", SPANISH));

		String again = register(event.slug(), address, "es");
		assertThat(page(get(again))).contains("En lista de espera: eres el número 1.");
		for (String lang : new String[] { "es", "en" }) {
			Locale locale = Locale.forLanguageTag(lang);
			assertThat(page(get(old).param("lang", lang))).as(lang)
				.contains(message("manage.again.held.heading", locale), message("manage.again.held.text", locale),
						message("manage.again.held.lookup", locale), "method=\"post\" action=\"" + old + "/send-link\"")
				.doesNotContain(message("manage.again.waitlist", locale), message("manage.again.joinWaitlist", locale),
						message("manage.again.heading", locale), "/register\"", "/lookup\"");
		}
		// One step: the button emails the newer registration's link to this address (no
		// form to type it in again) and answers as the lookup form does.
		new TestRegistrations(this.jdbc).pastTheDoubleTapWindow(id(again));
		String sentTo = this.mvc.perform(post(old + "/send-link").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(sentTo).isEqualTo(old + "?linkSent").doesNotContain("@");
		assertThat(this.recorded.about(id(again))).extracting(RegistrationMessage::type)
			.contains(RegistrationMessage.Type.LINK_REMINDER);
		assertThat(this.recorded.about(id(old))).extracting(RegistrationMessage::type)
			.doesNotContain(RegistrationMessage.Type.LINK_REMINDER);
		assertThat(page(get(sentTo).param("lang", "en"))).contains(message("registration.lookup.sent", Locale.ENGLISH));
		// A second tap at once is the same request: nothing more is sent.
		this.mvc.perform(post(old + "/send-link").with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(this.recorded.about(id(again))).extracting(RegistrationMessage::type)
			.containsOnlyOnce(RegistrationMessage.Type.LINK_REMINDER);

		// The newer one cancelled too: the form is theirs again.
		cancel(again);
		assertThat(page(get(old))).contains(message("manage.again.joinWaitlist", SPANISH))
			.doesNotContain(message("manage.again.held.heading", SPANISH));

		// An unpublished event has no "email me my link" page.
		TestEvents.Created hidden = new TestEvents(this.jdbc).event().capacity(5).unpublished().create();
		String other = email();
		long first = new TestRegistrations(this.jdbc).in(hidden)
			.email(other)
			.status("CANCELLED")
			.cancelledAt(Instant.now().minus(1, ChronoUnit.DAYS))
			.locale("en")
			.create()
			.id();
		new TestRegistrations(this.jdbc).in(hidden).email(other).create();
		assertThat(page(get("/r/" + this.tokens.issue(first))))
			.contains(message("manage.again.held.text", Locale.ENGLISH))
			.doesNotContain(message("manage.again.held.lookup", Locale.ENGLISH), "/lookup\"", "/send-link\"");
	}

	@Test
	void theErasePageOfASeatSaysToTakeTheEventOutOfTheCalendarAndThatTheEntryCodeStops() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(1).create();
		String seated = register(event.slug(), email(), "es");
		String waiting = register(event.slug(), email(), "es");

		assertThat(page(get(seated + "/erase"))).contains(message("privacy.erase.seat", SPANISH),
				"Se cancelará tu registro");
		assertThat(page(get(seated + "/erase").param("lang", "en")))
			.contains(message("privacy.erase.seat", Locale.ENGLISH));
		// Waiting, there is no calendar entry and no entry code in any email.
		assertThat(page(get(waiting + "/erase"))).contains("Se cancelará tu registro")
			.doesNotContain(message("privacy.erase.seat", SPANISH));

		// Erasing sends nothing to the address being erased: no calendar cancellation.
		long id = id(seated);
		this.mvc.perform(post(seated + "/erase").with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select kind from outbox_message where registration_id = ?")
			.param(id)
			.query(String.class)
			.list()).doesNotContain("CANCELLED");

		// After the end the entry is spent: no warning.
		TestEvents.Created ended = new TestEvents(this.jdbc).event()
			.startsAt(Instant.now().minus(6, ChronoUnit.HOURS))
			.capacity(5)
			.create();
		long past = new TestRegistrations(this.jdbc).in(ended).locale("es").create().id();
		assertThat(page(get("/r/" + this.tokens.issue(past) + "/erase")))
			.doesNotContain(message("privacy.erase.seat", SPANISH));
	}

	private String register(String slug, String email, String lang, String... more) throws Exception {
		MockHttpServletRequestBuilder request = TestRegistrations.formPost(slug, "Ana Pérez", email)
			.param("lang", lang);
		for (int i = 0; i < more.length; i += 2) {
			request.param(more[i], more[i + 1]);
		}
		String location = this.mvc.perform(request)
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/r/[A-Za-z0-9_-]{43}\\?new");
		return location.replace("?new", "");
	}

	private void cancel(String manage) throws Exception {
		this.mvc.perform(post(manage + "/cancel").with(csrf())).andExpect(status().is3xxRedirection());
	}

	private long id(String manage) {
		return this.tokens.resolve(manage.substring("/r/".length())).orElseThrow();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale)
			.replace("&", "&amp;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private static String email() {
		return "ended" + emails.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
	}

}
