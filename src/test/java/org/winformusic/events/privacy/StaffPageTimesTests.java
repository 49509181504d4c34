package org.winformusic.events.privacy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.mail.Outbox;
import org.winformusic.events.shared.EventTimes;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Staff pages that span events: the outbox and the audit log, lists of every event's rows
 * newest first, and the data requests page, an address's registrations in every event,
 * show every time in UTC, said once at the top, so that consecutive rows read in order,
 * and under a row about an event its time where the event takes place.
 */
class StaffPageTimesTests extends PersonalDataTestSupport {

	private static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	@Autowired
	EventTimes times;

	@Test
	void theListsAcrossEventsShowUtcAndTheTimeAtTheEvent() throws Exception {
		String marker = marker();
		Person person = Person.marked(marker, "+52 55 8181 9191");
		String slug = event(Duration.ofDays(20), 5);
		register(slug, person);
		long id = registrationId(person.email());
		this.sender.sendDueMessages();
		Instant registered = this.jdbc.sql("select created_at from registration where id = ?")
			.param(id)
			.query(Timestamp.class)
			.single()
			.toInstant();

		// The data requests page: the registration's time in UTC, and where the event
		// takes place.
		String requests = body(
				asAdmin(post("/admin/privacy")).header("Accept-Language", "es-MX").param("email", person.email()));
		assertThat(row(requests, person.fullName()))
			.contains(this.times.dateTime(registered, EventTimes.NO_EVENT, SPANISH))
			.contains("En el evento: " + this.times.atEvent(registered, MEXICO_CITY, SPANISH)
					+ ", hora de la Ciudad de México");
		assertThat(occurrences(requests, UTC_NOTE)).isOne();

		// The outbox: the confirmation's time in UTC, and where the event takes place.
		long messageId = this.jdbc.sql("select id from outbox_message where registration_id = ? order by id limit 1")
			.param(id)
			.query(Long.class)
			.single();
		Instant queued = this.jdbc.sql("select created_at from outbox_message where id = ?")
			.param(messageId)
			.query(Timestamp.class)
			.single()
			.toInstant();
		String outbox = outboxPagesHolding(messageId);
		assertThat(row(outbox, person.email())).contains(this.times.dateTime(queued, EventTimes.NO_EVENT, SPANISH))
			.contains("En el evento: " + this.times.atEvent(queued, MEXICO_CITY, SPANISH)
					+ ", hora de la Ciudad de México");
		assertThat(outbox).contains(UTC_NOTE);
		// One message's page keeps its event's zone, named once.
		String message = body(asAdmin(get("/admin/outbox/" + messageId)).header("Accept-Language", "es-MX"));
		assertThat(message).contains("Zona horaria: hora de la Ciudad de México.")
			.contains(this.times.dateTime(queued, MEXICO_CITY, SPANISH));

		// The audit log: the search (about no event) in UTC and nothing more; the
		// registration's check-in in UTC, and where the event takes place.
		String audit = body(asAdmin(get("/admin/audit")).header("Accept-Language", "es-MX")
			.param("actor", "privacy-admin@win.test")
			.param("action", PersonalData.SEARCHED));
		assertThat(occurrences(audit, UTC_NOTE)).isOne();
		assertThat(audit).doesNotContain("En el evento").doesNotContain("hora de la Ciudad de México");
		onItsDay(slug);
		act(post("/admin/registrations/" + id + "/checkin"));
		Instant checkedIn = this.jdbc
			.sql("select at from audit_log where registration_id = ? and action = 'CHECKED_IN'")
			.param(id)
			.query(Timestamp.class)
			.single()
			.toInstant();
		String checkIns = body(asAdmin(get("/admin/audit")).header("Accept-Language", "es-MX")
			.param("actor", "privacy-admin@win.test")
			.param("action", "CHECKED_IN"));
		assertThat(row(checkIns, "Registro #" + id))
			.contains(this.times.dateTime(checkedIn, EventTimes.NO_EVENT, SPANISH))
			.contains("En el evento: " + this.times.atEvent(checkedIn, MEXICO_CITY, SPANISH)
					+ ", hora de la Ciudad de México");
	}

	@Test
	void rowsOfEventsInSeveralZonesReadInOrderNewestFirst() throws Exception {
		// What QA saw: an entry about no event at 02:53 UTC, then one of an event in São
		// Paulo a few seconds older (23:53 there, the day before), then one of an event
		// in
		// Bogotá a minute older (21:52 there), listed as 02:53, 23:53, 21:52.
		String marker = marker();
		long saoPaulo = eventIn("America/Sao_Paulo", "BR");
		long bogota = eventIn("America/Bogota", "CO");
		Instant none = Instant.parse("2026-11-05T02:53:40Z");
		Instant inSaoPaulo = Instant.parse("2026-11-05T02:53:10Z");
		Instant inBogota = Instant.parse("2026-11-05T02:52:30Z");
		String actor = marker + "@win.test";
		this.jdbc.sql("""
				insert into audit_log (at, actor, action, event_id) values
				  (?, ?, 'LOGIN', null), (?, ?, 'EVENT_UPDATED', ?), (?, ?, 'EVENT_UPDATED', ?)""")
			.params(ts(none), actor, ts(inSaoPaulo), actor, saoPaulo, ts(inBogota), actor, bogota)
			.update();

		String audit = body(asAdmin(get("/admin/audit")).header("Accept-Language", "es-MX").param("actor", actor));
		assertThat(occurrences(audit, UTC_NOTE)).isOne();
		assertThat(audit).doesNotContain("tiempo universal coordinado</span>");
		assertThat(inOrder(audit, "jueves 5 de noviembre de 2026, 02:53", "jueves 5 de noviembre de 2026, 02:53",
				"jueves 5 de noviembre de 2026, 02:52"))
			.isTrue();
		assertThat(audit).contains("En el evento: miércoles 4 de noviembre de 2026, 23:53, hora de São Paulo",
				"En el evento: miércoles 4 de noviembre de 2026, 21:52, hora de Bogotá");
		String english = body(asAdmin(get("/admin/audit")).header("Accept-Language", "en").param("actor", actor));
		assertThat(english).contains("All times are in UTC (Coordinated Universal Time)",
				"At the event: Wednesday 4 November 2026, 23:53, São Paulo time");

		// The outbox, the same way: emails about both events and about none.
		long[] ids = { outboxMessage(marker + "-none@example.org", null, none),
				outboxMessage(marker + "-sp@example.org", saoPaulo, inSaoPaulo),
				outboxMessage(marker + "-bog@example.org", bogota, inBogota) };
		String outbox = outboxPagesHolding(ids[0]);
		assertThat(occurrences(body(asAdmin(get("/admin/outbox")).header("Accept-Language", "es-MX")), UTC_NOTE))
			.isOne();
		assertThat(outbox).doesNotContain("tiempo universal coordinado</span>");
		assertThat(row(outbox, marker + "-none@example.org")).contains("jueves 5 de noviembre de 2026, 02:53")
			.doesNotContain("En el evento");
		assertThat(row(outbox, marker + "-sp@example.org")).contains("jueves 5 de noviembre de 2026, 02:53",
				"En el evento: miércoles 4 de noviembre de 2026, 23:53, hora de São Paulo");
		assertThat(row(outbox, marker + "-bog@example.org")).contains("jueves 5 de noviembre de 2026, 02:52",
				"En el evento: miércoles 4 de noviembre de 2026, 21:52, hora de Bogotá");
		assertThat(inOrder(outbox, marker + "-none@", marker + "-sp@", marker + "-bog@")).isTrue();

		// The data requests page, one address's registrations in both events (oldest
		// first): in UTC, and where each event takes place.
		String email = marker + "-person@example.org";
		TestRegistrations registrations = new TestRegistrations(this.jdbc);
		registrations.in(bogota).fullName("Bogotá Person").email(email).state("ANT").createdAt(inBogota).create();
		registrations.in(saoPaulo).fullName("São Paulo Person").email(email).state("SP").createdAt(inSaoPaulo).create();
		String requests = body(
				asAdmin(post("/admin/privacy")).header("Accept-Language", "es-MX").param("email", email));
		assertThat(occurrences(requests, UTC_NOTE)).isOne();
		assertThat(requests).doesNotContain("tiempo universal coordinado</span>");
		assertThat(row(requests, "Bogotá Person")).contains("jueves 5 de noviembre de 2026, 02:52",
				"En el evento: miércoles 4 de noviembre de 2026, 21:52, hora de Bogotá");
		assertThat(row(requests, "São Paulo Person")).contains("jueves 5 de noviembre de 2026, 02:53",
				"En el evento: miércoles 4 de noviembre de 2026, 23:53, hora de São Paulo");
		String englishRequests = body(
				asAdmin(post("/admin/privacy")).header("Accept-Language", "en").param("email", email));
		assertThat(englishRequests).contains("All times are in UTC (Coordinated Universal Time)")
			.contains("Thursday 5 November 2026, 02:53")
			.contains("At the event: Wednesday 4 November 2026, 23:53, São Paulo time");
	}

	private static final String UTC_NOTE = "Todas las horas están en UTC (tiempo universal coordinado)";

	private long eventIn(String zone, String country) {
		long id = new TestEvents(this.jdbc).event().slugPrefix("zones").country(country).create().id();
		this.jdbc.sql("update event set time_zone = ? where id = ?").params(zone, id).update();
		return id;
	}

	private long outboxMessage(String recipient, Long eventId, Instant createdAt) {
		return this.jdbc.sql("""
				insert into outbox_message (event_id, kind, recipient, locale, subject, message_id, status, attempts,
				  next_attempt_at, sent_at, created_at)
				values (?, 'CONFIRMED', ?, 'es', 'Prueba de horas', ?, 'SENT', 1, ?, ?, ?)
				returning id""")
			.params(eventId, recipient, "<" + recipient + ">", ts(createdAt), ts(createdAt), ts(createdAt))
			.query(Long.class)
			.single();
	}

	/**
	 * The outbox pages (newest first, other tests' emails too) that hold this message and
	 * the next older ones.
	 */
	private String outboxPagesHolding(long messageId) throws Exception {
		long newer = this.jdbc.sql("""
				select count(*) from outbox_message o, outbox_message m
				 where m.id = ? and (o.created_at, o.id) > (m.created_at, m.id)""")
			.param(messageId)
			.query(Long.class)
			.single();
		long page = newer / Outbox.PAGE_SIZE;
		return body(asAdmin(get("/admin/outbox")).header("Accept-Language", "es-MX").param("page", "" + page))
				+ body(asAdmin(get("/admin/outbox")).header("Accept-Language", "es-MX").param("page", "" + (page + 1)));
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	private static int occurrences(String page, String text) {
		return page.split(java.util.regex.Pattern.quote(text), -1).length - 1;
	}

	/** Whether the page shows these texts in this order, each after the one before. */
	private static boolean inOrder(String page, String... texts) {
		int from = 0;
		for (String text : texts) {
			int at = page.indexOf(text, from);
			if (at < 0) {
				return false;
			}
			from = at + text.length();
		}
		return true;
	}

	/** The table row of a page that holds {@code text}. */
	private static String row(String page, String text) {
		int at = page.indexOf(text);
		assertThat(at).as("the page shows " + text).isNotNegative();
		return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
	}

}
