package org.winformusic.events.registration.web;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.CheckIns;
import org.winformusic.events.registration.ManageTokens;
import org.winformusic.events.registration.RecordedMessages;
import org.winformusic.events.registration.RegistrationMessage;
import org.winformusic.events.registration.RegistrationStateException;
import org.winformusic.events.registration.SelfService;
import org.winformusic.events.shared.EventTimes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A registrant who came, and a registrant whose event is over: the manage link keeps
 * their arrival and their record. Once checked in there is nothing to cancel; once the
 * event has ended the page says it took place and offers no cancel, edit, calendar or
 * entry code, while the data rights stay; a cancel or edit posted anyway changes nothing.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import(RecordedMessages.class)
class AttendedManagePageTests {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	private static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	ManageTokens tokens;

	@Autowired
	CheckIns checkIns;

	@Autowired
	SelfService selfService;

	@Autowired
	RecordedMessages recorded;

	@Autowired
	EventTimes times;

	TestEvents events;

	TestRegistrations data;

	@BeforeEach
	void setUp() {
		this.events = new TestEvents(this.jdbc);
		this.data = new TestRegistrations(this.jdbc);
	}

	@Test
	void someoneCheckedInDuringTheEventCannotCancelAndTheirArrivalAndSeatStay() throws Exception {
		// Started an hour ago, ends in three: José is in the room.
		TestEvents.Created event = this.events.event()
			.startsAt(Instant.now().minus(1, ChronoUnit.HOURS))
			.capacity(1)
			.create();
		long jose = this.data.in(event).person("José Luis").create().id();
		long waiting = this.data.in(event).person("Wendy Espera").status("WAITLISTED").create().id();
		Instant arrived = this.checkIns.checkIn(jose).registration().checkedInAt();
		String manage = "/r/" + this.tokens.issue(jose);
		String at = this.times.time(arrived, MEXICO_CITY);

		String page = page(get(manage));
		assertThat(page).contains(message("manage.arrived.now", SPANISH, at), message("manage.arrived.badge", SPANISH))
			.doesNotContain(manage + "/cancel\"", message("registration.manage.cancel", SPANISH))
			.doesNotContain(message("manage.next.CONFIRMED", SPANISH), message("registration.manage.qr", SPANISH))
			// Details can still be corrected while the event runs.
			.contains(manage + "/edit\"");
		assertThat(page(get(manage + "/cancel"))).contains(message("manage.refused.arrived.title", SPANISH))
			.doesNotContain(message("registration.cancel.confirm", SPANISH));

		String refused = this.mvc.perform(post(manage + "/cancel").with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("<h1>" + message("manage.refused.arrived.title", SPANISH) + "</h1>")
			.contains(message("manage.refused.arrived.text", SPANISH, at));

		assertThat(this.data.status(jose)).isEqualTo("CONFIRMED");
		assertThat(checkedInAt(jose)).isEqualTo(arrived);
		// Nobody is told a seat came free: it did not.
		assertThat(this.data.status(waiting)).isEqualTo("WAITLISTED");
		assertThat(types(jose)).doesNotContain(RegistrationMessage.Type.CANCELLED);
		assertThat(types(waiting)).doesNotContain(RegistrationMessage.Type.PROMOTED);
		assertThat(this.data.auditRows(jose, "CANCELLED_BY_REGISTRANT")).isZero();
	}

	/**
	 * A seat held while the event runs is for now: the page says it has started and until
	 * when, not "on the day".
	 */
	@Test
	void whileTheEventRunsASeatHolderIsToldToComeNow() throws Exception {
		TestEvents.Created event = this.events.event()
			.startsAt(Instant.now().minus(1, ChronoUnit.HOURS))
			.capacity(2)
			.create();
		long ana = this.data.in(event).person("Ana Retrasada").create().id();
		String link = "/r/" + this.tokens.issue(ana);
		String until = this.times.time(endsAt(event), MEXICO_CITY);
		// The zone named as the emails name it.
		assertThat(page(get(link).param("lang", "es")))
			.contains("El evento ya empezó y dura hasta las " + until + " (hora de la Ciudad de México):")
			.doesNotContain("Ese día, muestra en la entrada");
		assertThat(page(get(link).param("lang", "en")))
			.contains("The event has already started and runs until " + until + " (Mexico City time):");
	}

	@Test
	void afterTheEndACancelOrAnEditIsRefusedInTheirLanguageAndNothingChanges() throws Exception {
		TestEvents.Created event = ended();
		Instant arrivedAt = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		long mariana = this.data.in(event).person("Mariana Vino").checkedInAt(arrivedAt).create().id();
		long pedro = this.data.in(event).person("Pedro Nollegó").locale("en").create().id();
		String marianaLink = "/r/" + this.tokens.issue(mariana);
		String pedroLink = "/r/" + this.tokens.issue(pedro);
		String endedOn = this.times.date(endsAt(event), MEXICO_CITY, SPANISH);

		String refused = this.mvc.perform(post(marianaLink + "/cancel").with(csrf()))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("<h1>" + message("manage.refused.over.title", SPANISH) + "</h1>")
			.contains(message("manage.refused.over.text", SPANISH, endedOn), marianaLink + "\"");
		assertThat(this.data.status(mariana)).isEqualTo("CONFIRMED");
		assertThat(checkedInAt(mariana)).isEqualTo(arrivedAt);

		// Pedro registered in English: his refusals are in English.
		assertThat(body(this.mvc.perform(post(pedroLink + "/cancel").with(csrf())).andExpect(status().isConflict())))
			.contains(message("manage.refused.over.title", Locale.ENGLISH));
		assertThat(body(this.mvc
			.perform(TestRegistrations.formFields(post(pedroLink + "/edit"), "Pedro Cambiado", "pedro@example.test"))
			.andExpect(status().isConflict()))).contains(message("manage.refused.over.title", Locale.ENGLISH));
		assertThat(page(get(pedroLink + "/edit"))).contains(message("manage.refused.over.title", Locale.ENGLISH))
			.doesNotContain("name=\"fullName\"");
		assertThat(page(get(pedroLink + "/cancel"))).contains(message("manage.refused.over.title", Locale.ENGLISH))
			.doesNotContain(message("registration.cancel.confirm", Locale.ENGLISH));
		assertThat(this.data.status(pedro)).isEqualTo("CONFIRMED");
		assertThat(this.jdbc.sql("select full_name from registration where id = ?")
			.param(pedro)
			.query(String.class)
			.single()).isEqualTo("Pedro Nollegó");
		assertThat(types(mariana)).isEmpty();
		assertThat(types(pedro)).isEmpty();

		// A page opened before the end and posted after it: the service refuses too.
		assertThatThrownBy(() -> this.selfService.cancelByToken(pedroLink.substring(3))).isInstanceOfSatisfying(
				RegistrationStateException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(RegistrationStateException.Reason.EVENT_OVER));
		assertThat(this.data.status(pedro)).isEqualTo("CONFIRMED");
	}

	@Test
	void afterTheEndTheManagePageSaysTheEventTookPlaceAndOffersOnlyTheDataRights() throws Exception {
		TestEvents.Created event = ended();
		Instant arrivedAt = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		long came = this.data.in(event).person("Mariana Vino").checkedInAt(arrivedAt).newsOptIn(true).create().id();
		long missed = this.data.in(event).person("Pedro Nollegó").create().id();
		long waited = this.data.in(event).person("Wendy Espera").status("WAITLISTED").create().id();

		String cameLink = "/r/" + this.tokens.issue(came);
		String page = page(get(cameLink));
		assertThat(page).contains(message("manage.over.lead", SPANISH))
			.contains(message("manage.over.arrived", SPANISH, this.times.date(arrivedAt, MEXICO_CITY, SPANISH),
					this.times.time(arrivedAt, MEXICO_CITY)))
			.doesNotContain(message("registration.status.CONFIRMED", SPANISH))
			.doesNotContain(message("manage.next.heading", SPANISH), message("manage.next.CONFIRMED", SPANISH))
			.doesNotContain(cameLink + "/cancel\"", cameLink + "/edit\"", message("manage.change.heading", SPANISH))
			.doesNotContain("event.ics", "calendar.google.com", message("registration.manage.qr", SPANISH))
			// The data rights stay.
			.contains(cameLink + "/data\"", cameLink + "/erase\"", cameLink + "/news/stop\"")
			.contains(message("manage.over.keepLink", SPANISH));

		assertThat(page(get("/r/" + this.tokens.issue(missed)))).contains(message("manage.over.lead", SPANISH))
			.contains(message("manage.over.CONFIRMED", SPANISH))
			.doesNotContain("/cancel\"", "/edit\"", message("registration.manage.qr", SPANISH));
		assertThat(page(get("/r/" + this.tokens.issue(waited)))).contains(message("manage.over.WAITLISTED", SPANISH))
			.doesNotContain(message("manage.next.WAITLISTED", SPANISH), "/cancel\"", "/edit\"");
	}

	/**
	 * An old email's calendar link after the end gives no calendar file for an event that
	 * is over: it leads to the manage page, the record of the registration, in the
	 * registrant's language.
	 */
	@Test
	void afterTheEndTheCalendarLinkLeadsToTheRecordInsteadOfAFile() throws Exception {
		TestEvents.Created event = ended();
		long came = this.data.in(event)
			.person("Mariana Vino")
			.checkedInAt(Instant.now().minus(5, ChronoUnit.HOURS))
			.create()
			.id();
		long missed = this.data.in(event).person("Pedro Nollegó").locale("en").create().id();
		for (long id : new long[] { came, missed }) {
			String link = "/r/" + this.tokens.issue(id);
			org.springframework.mock.web.MockHttpServletResponse answer = this.mvc
				.perform(get(link + "/event.ics").header("Accept-Language", "es-MX"))
				.andReturn()
				.getResponse();
			assertThat(answer.getStatus()).isEqualTo(303);
			assertThat(answer.getHeader("Location")).isEqualTo(link);
			assertThat(answer.getContentType()).isNull();
			assertThat(answer.getContentAsString()).doesNotContain("BEGIN:VCALENDAR");
			Locale language = (id == came) ? SPANISH : Locale.ENGLISH;
			assertThat(page(get(link).header("Accept-Language", "es-MX")))
				.contains(message("manage.over.lead", language))
				.doesNotContain("event.ics");
		}
	}

	/** An event that started six hours ago and ended two hours ago. */
	private TestEvents.Created ended() {
		return this.events.event().startsAt(Instant.now().minus(6, ChronoUnit.HOURS)).capacity(3).create();
	}

	private Instant endsAt(TestEvents.Created event) {
		return this.jdbc.sql("select ends_at from event where id = ?")
			.param(event.id())
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private Instant checkedInAt(long id) {
		Timestamp at = this.jdbc.sql("select checked_in_at from registration where id = ?")
			.param(id)
			.query(Timestamp.class)
			.single();
		return (at != null) ? at.toInstant() : null;
	}

	private java.util.List<RegistrationMessage.Type> types(long id) {
		return this.recorded.about(id).stream().map(RegistrationMessage::type).toList();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return body(this.mvc.perform(request).andExpect(status().isOk()));
	}

	private static String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale)
			.replace("&", "&amp;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

}
