package org.winformusic.events.privacy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.winformusic.events.mail.Outbox;
import org.winformusic.events.shared.EventTimes;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Staff pages that span events (the outbox, the audit log, the data requests page) show
 * the time of an event's row in that event's zone and name it, as the rest of the admin
 * pages do, not in UTC; a row about no event says its zone (UTC) too.
 */
class StaffPageTimesTests extends PersonalDataTestSupport {

	private static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	@Autowired
	EventTimes times;

	@Test
	void anEventsRowsShowItsLocalTimeNamedAndRowsAboutNoEventSayUtc() throws Exception {
		String marker = marker();
		Person person = Person.marked(marker, "+52 55 8181 9191");
		register(event(Duration.ofDays(20), 5), person);
		long id = registrationId(person.email());
		this.sender.sendDueMessages();
		Instant registered = this.jdbc.sql("select created_at from registration where id = ?")
			.param(id)
			.query(Timestamp.class)
			.single()
			.toInstant();
		String local = this.times.dateTime(registered, MEXICO_CITY, SPANISH);

		// The data requests page: the registration's time in its event's zone.
		String requests = body(
				asAdmin(post("/admin/privacy")).header("Accept-Language", "es-MX").param("email", person.email()));
		assertThat(row(requests, person.fullName())).contains(local).contains("hora de la Ciudad de México");
		assertThat(requests).doesNotContain("(UTC)");

		// The outbox: the confirmation's time in its event's zone.
		long messageId = this.jdbc.sql("select id from outbox_message where registration_id = ? order by id limit 1")
			.param(id)
			.query(Long.class)
			.single();
		Instant queued = this.jdbc.sql("select created_at from outbox_message where id = ?")
			.param(messageId)
			.query(Timestamp.class)
			.single()
			.toInstant();
		String queuedLocal = this.times.dateTime(queued, MEXICO_CITY, SPANISH);
		// Newest first, other tests' emails too: the page that holds this one.
		long newer = this.jdbc.sql("""
				select count(*) from outbox_message o, outbox_message m
				 where m.id = ? and (o.created_at, o.id) > (m.created_at, m.id)""")
			.param(messageId)
			.query(Long.class)
			.single();
		String outbox = body(asAdmin(get("/admin/outbox")).header("Accept-Language", "es-MX")
			.param("page", String.valueOf(newer / Outbox.PAGE_SIZE)));
		assertThat(row(outbox, person.email())).contains(queuedLocal).contains("hora de la Ciudad de México");
		assertThat(outbox).doesNotContain(" UTC<");
		String message = body(asAdmin(get("/admin/outbox/" + messageId)).header("Accept-Language", "es-MX"));
		assertThat(message).contains("Zona horaria: hora de la Ciudad de México.").contains(queuedLocal);

		// The audit log: the search (about no event) in UTC, named; the registration's
		// entries in its event's zone.
		String audit = body(asAdmin(get("/admin/audit")).header("Accept-Language", "es-MX")
			.param("actor", "privacy-admin@win.test")
			.param("action", PersonalData.SEARCHED));
		assertThat(audit).contains("tiempo universal coordinado").doesNotContain("hora de la Ciudad de México");
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
		assertThat(row(checkIns, "Registro #" + id)).contains(this.times.dateTime(checkedIn, MEXICO_CITY, SPANISH))
			.contains("hora de la Ciudad de México")
			.doesNotContain("UTC");
	}

	/** The table row of a page that holds {@code text}. */
	private static String row(String page, String text) {
		int at = page.indexOf(text);
		assertThat(at).as("the page shows " + text).isNotNegative();
		return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
	}

}
