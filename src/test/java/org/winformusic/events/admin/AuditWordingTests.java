package org.winformusic.events.admin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.winformusic.events.PageText.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log says what happened the way a reader understands it: a promotion after a
 * capacity increase does not claim a seat was freed, and the system is found by the words
 * the "Who" column shows for it.
 */
@AdminTest
class AuditWordingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	TestEvents events;

	TestRegistrations data;

	@BeforeEach
	void setUp() {
		this.events = new TestEvents(this.jdbc);
		this.data = new TestRegistrations(this.jdbc);
	}

	@Test
	void aPromotionAfterTheCapacityWasRaisedDoesNotSayASeatWasFreed() throws Exception {
		TestEvents.Created event = this.events.event().capacity(1).create();
		this.data.in(event).person("Saúl Sentado").createdAt(AdminTest.REGISTERED).create();
		long waiting = this.data.in(event)
			.person("Tere Espera")
			.status("WAITLISTED")
			.createdAt(AdminTest.REGISTERED.plusSeconds(60))
			.create()
			.id();
		this.mvc
			.perform(post("/admin/events/" + event.slug() + "/capacity").param("capacity", "2")
				.with(user("cupo@win.test").roles("ORGANIZER"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.data.status(waiting)).isEqualTo("CONFIRMED"));

		String spanish = text(page("/admin/audit?lang=es&event=" + event.id()));
		assertThat(spanish).contains("El sistema (automático) Pasó de la lista de espera a un lugar disponible")
			.contains("cupo@win.test Cupo cambiado")
			.doesNotContain("se liberó");
		assertThat(text(page("/admin/registrations/" + waiting + "?lang=es")))
			.contains("Pasó de la lista de espera a un lugar disponible")
			.doesNotContain("se liberó");
		assertThat(text(page("/admin/audit?lang=en&event=" + event.id())))
			.contains("The system (automatic) Moved from the waitlist to an open seat")
			.doesNotContain("freed");
	}

	@Test
	void theWhoFilterFindsTheSystemAndTheRegistrantByTheWordsShownForThem() throws Exception {
		TestEvents.Created event = this.events.event().create();
		this.jdbc.sql("""
				insert into audit_log (at, actor, action, event_id, details) values
				  (now(), 'system', 'RETENTION_APPLIED', :event, 'suppressed=0 anonymized=3'),
				  (now(), 'registrant', 'NEWS_STOPPED', :event, null),
				  (now(), 'sistemas@win.test', 'LOGIN', :event, null),
				  (now(), 'ana@win.test', 'EVENT_UPDATED', :event, null)
				""").param("event", event.id()).update();
		String only = "&event=" + event.id();

		assertThat(text(page("/admin/audit?lang=es&actor=El sistema" + only)))
			.contains("El sistema (automático) Se aplicó el plazo de conservación")
			.doesNotContain("La persona registrada")
			.doesNotContain("ana@win.test")
			.doesNotContain("sistemas@win.test");
		// Without accents or capitals, in the other language, and a stored email as
		// before.
		assertThat(text(page("/admin/audit?lang=es&actor=EL SISTEMA" + only)))
			.contains("Se aplicó el plazo de conservación")
			.doesNotContain("ana@win.test");
		// A fragment of an email is not taken for the system: the words match from the
		// start of a word, and the explanation in brackets is no name.
		assertThat(text(page("/admin/audit?lang=es&actor=ti" + only))).doesNotContain("El sistema");
		assertThat(text(page("/admin/audit?lang=es&actor=automatico" + only))).doesNotContain("El sistema");
		assertThat(text(page("/admin/audit?lang=es&actor=the system" + only)))
			.contains("Se aplicó el plazo de conservación");
		assertThat(text(page("/admin/audit?lang=es&actor=sistema" + only))).contains("El sistema (automático)")
			.contains("sistemas@win.test")
			.doesNotContain("ana@win.test");
		assertThat(text(page("/admin/audit?lang=es&actor=persona registrada" + only)))
			.contains("La persona registrada Dejó de recibir noticias")
			.doesNotContain("El sistema");
		assertThat(text(page("/admin/audit?lang=en&actor=registrant" + only))).contains("The registrant Stopped news")
			.doesNotContain("The system");
		assertThat(text(page("/admin/audit?lang=es&actor=ana@win" + only))).contains("ana@win.test")
			.doesNotContain("El sistema")
			.doesNotContain("La persona registrada");
	}

	/**
	 * Entries written while staff page through the log (logins, exports) do not push rows
	 * onto the next page, where they would be read twice.
	 */
	@Test
	void entriesWrittenWhileStaffPageThroughTheLogDoNotRepeatRowsOnTheNextPage() throws Exception {
		TestEvents.Created event = this.events.event().create();
		String only = "&event=" + event.id();
		written(event.id(), "paged", 60);
		String first = page("/admin/audit?lang=es" + only);
		assertThat(first).contains("paged-59@win.test", "paged-10@win.test").doesNotContain("paged-9@win.test");
		String next = first.replaceAll("(?s).*href=\"(/admin/audit\\?[^\"]*page=1)\".*", "$1").replace("&amp;", "&");
		assertThat(next).contains("upTo=");

		written(event.id(), "later", 3);
		assertThat(page(next)).contains("paged-9@win.test", "paged-0@win.test")
			.doesNotContain("paged-10@win.test", "later-");
		assertThat(page("/admin/audit?lang=es" + only)).contains("later-2@win.test");
	}

	/** {@code count} logins of {@code <who>-<n>@win.test} on the event, in that order. */
	private void written(long eventId, String who, int count) {
		this.jdbc.sql("""
				insert into audit_log (at, actor, action, event_id, details)
				select now() + g * interval '1 millisecond', :who || '-' || g || '@win.test', 'LOGIN', :event, null
				  from generate_series(0, :count - 1) g order by g
				""").param("who", who).param("event", eventId).param("count", count).update();
	}

	private String page(String url) throws Exception {
		return this.mvc.perform(get(url).with(user("lector@win.test").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
