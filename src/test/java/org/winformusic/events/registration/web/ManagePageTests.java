package org.winformusic.events.registration.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.registration.CheckIns;
import org.winformusic.events.registration.ManageTokens;
import org.winformusic.events.registration.RecordedMessages;
import org.winformusic.events.registration.StaffRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The manage page as the registrant sees it: the success state right after registering,
 * what comes next for each status, calendar and map links, registering again after
 * cancelling, and the registrant's language on another device.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import(RecordedMessages.class)
class ManagePageTests {

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
	CheckIns checkIns;

	@Test
	void firstViewAfterRegisteringNamesTheAddressTheDateThePlaceAndWhatComesNext() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		this.jdbc.sql("update event set venue_map_url = 'https://maps.example.org/?q=Sede&x=1' where id = ?")
			.param(event.id())
			.update();
		String email = email();
		String location = register(event.slug(), email, "en");
		assertThat(location).matches("/r/[A-Za-z0-9_-]{43}\\?new");

		String html = page(get(location));
		assertThat(html).contains("<h1>" + message("manage.new.title.CONFIRMED", Locale.ENGLISH) + "</h1>")
			.contains(message("manage.new.email", Locale.ENGLISH, "<strong>" + email + "</strong>"))
			.contains("Confirmed: you have a seat.", "Test workshop", "Sede", "Calle 1, CDMX")
			// The hours of the range stay together on one line.
			.containsPattern("<span class=\"nowrap\">[^<]*\\d{1,2}:\\d{2}[^<]*–[^<]*\\d{1,2}:\\d{2}")
			.contains("href=\"https://maps.example.org/?q=Sede&amp;x=1\"", message("event.map", Locale.ENGLISH))
			.contains(message("manage.next.CONFIRMED", Locale.ENGLISH))
			.contains("Download event.ics", "href=\"" + location.replace("?new", "") + "/event.ics\"")
			.contains(message("manage.calendar.google", Locale.ENGLISH))
			.contains("href=\"https://calendar.google.com/calendar/render?action=TEMPLATE&amp;text=Test%20workshop"
					+ "&amp;dates=" + utcStamp(event.id(), "starts_at") + "/" + utcStamp(event.id(), "ends_at"))
			.contains("&amp;location=Sede%2C%20Calle%201%2C%20CDMX")
			// The secret manage link never goes to Google; the public event page does.
			.contains("&amp;details=Summary%0A%0Ahttp%3A%2F%2Flocalhost%3A8080%2Fevents%2F" + event.slug())
			.doesNotContainPattern("calendar\\.google\\.com[^\"]*%2Fr%2F")
			.contains(message("manage.change.text", Locale.ENGLISH), "href=\"/events/" + event.slug() + "/lookup\"")
			.contains("Your entry code", "/data\"", "/erase\"")
			// The news consent as the form worded it for an event in Mexico.
			.contains(message("registration.field.newsOptIn.latam", Locale.ENGLISH));

		String later = page(get(location.replace("?new", "")));
		assertThat(later)
			.contains("<h1>Your registration</h1>", "Confirmed: you have a seat.",
					message("manage.next.CONFIRMED", Locale.ENGLISH), message("manage.calendar.google", Locale.ENGLISH))
			.doesNotContain(message("manage.new.title.CONFIRMED", Locale.ENGLISH))
			.doesNotContain(message("manage.new.email", Locale.ENGLISH, "<strong>" + email + "</strong>"));
	}

	@Test
	void waitlistedAndPendingGetTheirOwnWhatNextAndNoCalendar() throws Exception {
		TestEvents.Created full = new TestEvents(this.jdbc).event().capacity(1).create();
		register(full.slug(), email(), "es");
		String waiting = page(get(register(full.slug(), email(), "es")));
		assertThat(waiting).contains("<h1>" + message("manage.new.title.WAITLISTED", SPANISH) + "</h1>")
			.contains("En lista de espera: eres el número 1.")
			.contains(message("manage.next.WAITLISTED", SPANISH))
			.doesNotContain("calendar.google.com", "event.ics", message("registration.manage.qr", SPANISH));

		TestEvents.Created reviewed = new TestEvents(this.jdbc).event().requiringApproval().capacity(5).create();
		String pending = page(get(register(reviewed.slug(), email(), "es")));
		assertThat(pending).contains("<h1>" + message("manage.new.title.PENDING", SPANISH) + "</h1>")
			.contains(message("registration.status.PENDING", SPANISH))
			.contains(message("manage.next.PENDING", SPANISH))
			.doesNotContain("calendar.google.com", "event.ics");
	}

	@Test
	void onlyASeatHolderCanDownloadTheCalendarFileEveryoneElseGetsTheUnknownLinkPage() throws Exception {
		TestEvents.Created full = new TestEvents(this.jdbc).event().capacity(1).create();
		String seated = register(full.slug(), email(), "es").replace("?new", "");
		String waiting = register(full.slug(), email(), "es").replace("?new", "");
		TestEvents.Created reviewed = new TestEvents(this.jdbc).event().requiringApproval().capacity(5).create();
		String pending = register(reviewed.slug(), email(), "es").replace("?new", "");
		String declined = register(reviewed.slug(), email(), "es").replace("?new", "");
		this.staff.decline(id(declined));
		TestEvents.Created open = new TestEvents(this.jdbc).event().capacity(5).create();
		String cancelled = register(open.slug(), email(), "es").replace("?new", "");
		cancel(cancelled);
		String checkedIn = register(open.slug(), email(), "es").replace("?new", "");
		new TestEvents(this.jdbc).onItsDay(open);
		this.checkIns.checkIn(id(checkedIn));

		for (String seat : new String[] { seated, checkedIn }) {
			this.mvc.perform(get(seat + "/event.ics"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("STATUS:CONFIRMED")));
			assertThat(page(get(seat))).contains(seat + "/event.ics\"");
		}
		for (String noSeat : new String[] { waiting, pending, declined, cancelled }) {
			// An old email's calendar link leads to the page that says where they stand.
			this.mvc.perform(get(noSeat + "/event.ics"))
				.andExpect(status().isSeeOther())
				.andExpect(redirectedUrl(noSeat))
				.andExpect(content().string(not(containsString("BEGIN:VCALENDAR"))));
			assertThat(page(get(noSeat))).doesNotContain("event.ics", "calendar.google.com");
		}
	}

	@Test
	void afterCancellingThePageOffersToRegisterAgainWhileTheEventTakesRegistrations() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(1).create();
		String first = register(event.slug(), email(), "en").replace("?new", "");
		String cancelled = cancel(first);
		assertThat(cancelled).matches("/r/[A-Za-z0-9_-]{43}\\?cancelled");
		String html = page(get(cancelled));
		assertThat(html).contains("Cancelled.", message("registration.manage.cancelled", Locale.ENGLISH))
			.contains(message("manage.again.seats", Locale.ENGLISH), "href=\"/events/" + event.slug() + "/register\"")
			.contains(message("manage.again.register", Locale.ENGLISH))
			.doesNotContain(message("manage.next.heading", Locale.ENGLISH), "calendar.google.com", "/edit\"");
		// A cancelled page opened with ?new (an old tab) is not a success state.
		assertThat(page(get(first + "?new"))).doesNotContain(message("manage.new.title.CONFIRMED", Locale.ENGLISH));

		// Someone else takes the only seat: the offer becomes the waitlist.
		register(event.slug(), email(), "en");
		assertThat(page(get(first))).contains(message("manage.again.waitlist", Locale.ENGLISH),
				message("manage.again.joinWaitlist", Locale.ENGLISH));

		// Registration closed: nothing to offer. (Another event: the catalog keeps an
		// event's facts a few seconds, so this one is first shown after it closed.)
		TestEvents.Created closing = new TestEvents(this.jdbc).event().capacity(1).create();
		String late = cancel(register(closing.slug(), email(), "en").replace("?new", "")).replace("?cancelled", "");
		this.jdbc.sql("update event set registration_closes_at = ? where id = ?")
			.params(java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)), closing.id())
			.update();
		assertThat(page(get(late))).contains("Cancelled.")
			.doesNotContain(message("manage.again.heading", Locale.ENGLISH), "/register\"");
	}

	/**
	 * An edit form left open in a tab while the registration was cancelled (another tab)
	 * or declined (staff): its changes are not saved, and the manage page says why, in
	 * the registrant's language.
	 */
	@Test
	void changesSentFromATabOpenedBeforeTheRegistrationEndedAreNotSavedAndThePageSaysWhy() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String anaEmail = email();
		String ana = register(event.slug(), anaEmail, "es").replace("?new", "");
		assertThat(page(get(ana + "/edit"))).contains("name=\"fullName\"");
		cancel(ana);
		this.mvc.perform(TestRegistrations.formFields(post(ana + "/edit"), "Ana Cambiada", anaEmail))
			.andExpect(redirectedUrl(ana + "?notSaved"));
		assertThat(page(get(ana + "?notSaved"))).contains(message("registration.manage.notSaved.CANCELLED", SPANISH))
			.doesNotContain("Ana Cambiada", message("registration.manage.saved", SPANISH));
		assertThat(fullName(ana)).isEqualTo("Ana Pérez");

		String boEmail = email();
		String bo = register(event.slug(), boEmail, "en").replace("?new", "");
		assertThat(page(get(bo + "/edit"))).contains("name=\"fullName\"");
		this.staff.decline(id(bo));
		this.mvc.perform(TestRegistrations.formFields(post(bo + "/edit"), "Bo Changed", boEmail))
			.andExpect(redirectedUrl(bo + "?notSaved"));
		assertThat(page(get(bo + "?notSaved")))
			.contains(message("registration.manage.notSaved.DECLINED", Locale.ENGLISH))
			.doesNotContain("Bo Changed", message("registration.manage.notSaved.CANCELLED", Locale.ENGLISH));
		assertThat(fullName(bo)).isEqualTo("Ana Pérez");
		// The notice is about that save only: an active registration's page never shows
		// it.
		String carla = register(event.slug(), email(), "en").replace("?new", "");
		assertThat(page(get(carla + "?notSaved"))).doesNotContain("were not saved");
	}

	private String fullName(String manage) {
		return this.jdbc.sql("select full_name from registration where id = ?")
			.param(id(manage))
			.query(String.class)
			.single();
	}

	@Test
	void theEventsPageIsLinkedOnlyWhileTheEventIsPublished() throws Exception {
		TestEvents.Created shown = new TestEvents(this.jdbc).event().capacity(5).create();
		String published = page(get("/r/" + this.tokens.issue(new TestRegistrations(this.jdbc).in(shown).create().id()))
			.param("lang", "es"));
		assertThat(published).contains("href=\"/events/" + shown.slug() + "\">Taller de prueba</a>",
				"href=\"/events/" + shown.slug() + "/lookup\"", message("manage.change.text", SPANISH));

		// Unpublished, the event's page, form and "send me my link" are 404 pages: the
		// person's own page still works, names the event and links to none of them.
		TestEvents.Created hidden = new TestEvents(this.jdbc).event().capacity(5).unpublished().create();
		this.mvc.perform(get("/events/" + hidden.slug())).andExpect(status().isNotFound());
		for (String lang : new String[] { "es", "en" }) {
			String html = page(get("/r/" + this.tokens.issue(new TestRegistrations(this.jdbc).in(hidden).create().id()))
				.param("lang", lang));
			Locale locale = Locale.forLanguageTag(lang);
			assertThat(html).as(lang)
				.contains(lang.equals("es") ? "Taller de prueba" : "Test workshop",
						message("registration.status.CONFIRMED", locale),
						message("manage.change.text.unpublished", locale))
				.doesNotContain("href=\"/events/" + hidden.slug(), message("manage.change.lookup", locale));
		}
	}

	@Test
	void aManageLinkSpeaksTheRegistrantsLanguageUnlessThisBrowserChoseOne() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		String manage = register(event.slug(), email(), "en").replace("?new", "");

		// Opened on a Spanish device with no language chosen: the person registered in
		// English.
		MvcResult other = this.mvc.perform(get(manage).header("Accept-Language", "es-MX,es;q=0.9")).andReturn();
		assertThat(body(other)).contains("<html lang=\"en\"", "<h1>Your registration</h1>", "Test workshop");
		assertThat(other.getResponse().getCookie("lang")).isNull();

		// The switch still works, and the choice sticks on this browser.
		MvcResult switched = this.mvc.perform(get(manage).param("lang", "es")).andReturn();
		assertThat(body(switched)).contains("<html lang=\"es\"", "<h1>Tu registro</h1>", "Taller de prueba");
		Cookie choice = switched.getResponse().getCookie("lang");
		assertThat(choice).isNotNull();
		assertThat(body(this.mvc.perform(get(manage).cookie(choice)).andReturn())).contains("<h1>Tu registro</h1>");
		assertThat(body(this.mvc.perform(get(manage + "/cancel").cookie(choice)).andReturn()))
			.contains("Taller de prueba");
		assertThat(body(this.mvc.perform(get(manage + "/cancel")).andReturn())).contains("Test workshop");
		// An unknown language is no choice.
		assertThat(body(this.mvc.perform(get(manage).param("lang", "xx")).andReturn()))
			.contains("<h1>Your registration</h1>");
	}

	private String register(String slug, String email, String lang) throws Exception {
		return this.mvc.perform(TestRegistrations.formPost(slug, "Ana Pérez", email).param("lang", lang))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private long id(String manage) {
		return this.tokens.resolve(manage.substring("/r/".length())).orElseThrow();
	}

	private String cancel(String manage) throws Exception {
		return this.mvc.perform(post(manage + "/cancel").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private String utcStamp(long eventId, String column) {
		Instant instant = this.jdbc.sql("select " + column + " from event where id = ?")
			.param(eventId)
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant();
		return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
			.withZone(java.time.ZoneOffset.UTC)
			.format(instant);
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return body(this.mvc.perform(request).andReturn());
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale)
			.replace("&", "&amp;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private static String email() {
		return "manage" + emails.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
	}

}
