package org.winformusic.events.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.registration.ManageTokens;
import org.winformusic.events.shared.EventTimes;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * "Delete my data" erases one registration, and its page says so: when the same address
 * holds registrations for other events, it names those events (title and date, what the
 * address's inbox was told already) and how to erase them, and erasing leaves them as
 * they were. The link the registering browser got proves no inbox, so that link's page
 * names no other event.
 */
class ErasureScopeTests extends PersonalDataTestSupport {

	@Autowired
	EventTimes times;

	@Autowired
	ManageTokens tokens;

	@Test
	void theErasePageNamesTheAddresssOtherEventsAndErasingLeavesThem() throws Exception {
		String marker = marker();
		Person person = Person.marked(marker, "+52 55 6161 7171");
		Person elsewhere = new Person(person.fullName(), person.email(), "Otra Empresa " + marker, null, "OTHER", "NLE",
				"Monterrey", null, "NO", null, null);
		String here = event("Taller de aquí " + marker, Duration.ofDays(20));
		String there = event("Encuentro en Monterrey " + marker, Duration.ofDays(60));
		register(here, person);
		register(there, elsewhere);
		// The emails go out a moment later, as the sender does.
		this.clock.advance(Duration.ofSeconds(5));
		this.sender.sendDueMessages();
		String token = tokenEmailedFor("Taller de aquí " + marker, person.email());

		String page = body(get("/r/" + token + "/erase").param("lang", "es"));
		assertThat(page).contains("se borrarán los datos de este registro")
			.contains("Tus otros registros con este correo")
			.contains("Encuentro en Monterrey " + marker)
			.contains(this.times.date(startOf(there), ZoneId.of("America/Mexico_City"), Locale.forLanguageTag("es")))
			.contains("href=\"/events/" + there + "/lookup\"")
			// Nothing of the other registration itself.
			.doesNotContain("Otra Empresa " + marker);
		assertThat(page).doesNotContain("Esto borra solo este registro.");

		this.mvc.perform(post("/r/" + token + "/erase").with(csrf()))
			.andExpect(redirectedUrl("/privacy/erased?language=es"));
		assertThat(whereStored("Otra Empresa " + marker)).contains("registration.company");
		assertThat(this.jdbc.sql("""
				select count(*) from registration r join event e on e.id = r.event_id
				 where e.slug = ? and r.status = 'CONFIRMED' and r.blocked_at is null and lower(r.email) = lower(?)
				""").params(there, person.email()).query(Long.class).single()).isOne();
		// What stays, as the privacy notice says: the registration, without the person's
		// name or contact details (not "only the record of the request"); this one was
		// still going, so the erasure cancelled it.
		assertThat(this.jdbc.sql("""
				select r.status from registration r join event e on e.id = r.event_id where e.slug = ?
				""").param(here).query(String.class).single()).isEqualTo("CANCELLED");
		assertThat(body(get("/privacy/erased").param("language", "es")))
			.contains("Si con el mismo correo te registraste antes a este evento o a otros, esos registros no"
					+ " cambiaron: bórralos desde el enlace personal de cada uno")
			.contains("Si tu registro seguía activo, lo cancelamos.")
			.contains("después solo queda el registro, sin tu nombre ni tus datos de contacto")
			.doesNotContain("Solo conservamos la constancia de tu solicitud");
	}

	/**
	 * The organizers declined the registration: erasing its data leaves it declined, and
	 * the page the person lands on does not call it cancelled (it says what happens to a
	 * registration still going, and what stays of any).
	 */
	@Test
	void erasingADeclinedRegistrationsDataDoesNotCallItCancelled() throws Exception {
		String marker = marker();
		Person person = Person.marked(marker, "+52 55 6464 7474");
		String slug = new TestEvents(this.jdbc).event()
			.slugPrefix("scope")
			.title("Taller con revisión " + marker, "Reviewed workshop " + marker)
			.startsAt(this.clock.instant().plus(Duration.ofDays(20)))
			.capacity(5)
			.requiringApproval()
			.create()
			.slug();
		String token = register(slug, person);
		act(post("/admin/registrations/" + registrationId(person.email()) + "/decline"));
		String status = "select r.status from registration r join event e on e.id = r.event_id where e.slug = ?";
		assertThat(this.jdbc.sql(status).param(slug).query(String.class).single()).isEqualTo("DECLINED");

		this.mvc.perform(post("/r/" + token + "/erase").with(csrf()))
			.andExpect(redirectedUrl("/privacy/erased?language=es"));
		assertThat(this.jdbc.sql(status).param(slug).query(String.class).single()).isEqualTo("DECLINED");
		assertThat(body(get("/privacy/erased").param("language", "es")))
			.contains("Los datos de tu registro están bloqueados: nadie en WIN puede verlos ni usarlos.")
			.contains("después solo queda el registro, sin tu nombre ni tus datos de contacto")
			.doesNotContain("Tu registro está cancelado")
			.doesNotContain("cancelado y sin");
		assertThat(body(get("/privacy/erased").param("language", "en")))
			.contains("The data of your registration is blocked: nobody at WIN can see or use it.")
			.contains("only the registration itself stays, without your name or contact details")
			.doesNotContain("Your registration is cancelled")
			.doesNotContain("cancelled and without");
	}

	/**
	 * Registered, cancelled, registered again for the same event: erasing the new
	 * registration leaves the cancelled one, which still holds the person's data, and
	 * both pages say so. The link the browser got when registering again names no
	 * registration but says an earlier one of this event stays; a link from an email
	 * names this event among the address's other registrations, with the way to its link.
	 */
	@Test
	void anEarlierCancelledRegistrationForTheSameEventIsNamedAndKept() throws Exception {
		String marker = marker();
		Person person = Person.marked(marker, "+52 55 6565 7575");
		String title = "Taller de nuevo " + marker;
		String slug = event(title, Duration.ofDays(20));
		String first = register(slug, person);
		this.mvc.perform(post("/r/" + first + "/cancel").with(csrf()));
		String again = register(slug, person);

		assertThat(body(get("/r/" + again + "/erase").param("lang", "es")))
			.contains("Si con este correo te registraste antes a este mismo evento (un registro que cancelaste)")
			.doesNotContain("Tus otros registros con este correo");

		this.clock.advance(Duration.ofSeconds(5));
		this.sender.sendDueMessages();
		String emailed = lastTokenEmailedFor(title, person.email());
		assertThat(emailed).isNotIn(first, again);
		assertThat(this.tokens.resolve(emailed)).isEqualTo(this.tokens.resolve(again));
		assertThat(body(get("/r/" + emailed + "/erase").param("lang", "es")))
			.contains("Tus otros registros con este correo", title, "href=\"/events/" + slug + "/lookup\"");

		this.mvc.perform(post("/r/" + emailed + "/erase").with(csrf()))
			.andExpect(redirectedUrl("/privacy/erased?language=es"));
		assertThat(body(get("/privacy/erased").param("language", "es")))
			.contains("Si con el mismo correo te registraste antes a este evento o a otros, esos registros no"
					+ " cambiaron");
		assertThat(this.jdbc.sql("""
				select r.status from registration r join event e on e.id = r.event_id
				 where e.slug = ? and r.blocked_at is null and r.company = ?
				""").params(slug, person.company()).query(String.class).list()).containsExactly("CANCELLED");
	}

	/** The token of the newest email about {@code title} to {@code address}. */
	private static String lastTokenEmailedFor(String title, String address) throws Exception {
		String token = null;
		for (jakarta.mail.internet.MimeMessage message : greenMail.getReceivedMessages()) {
			String[] unsubscribe = message.getHeader("List-Unsubscribe");
			if (message.getAllRecipients()[0].toString().equals(address) && message.getSubject().contains(title)
					&& unsubscribe != null) {
				token = unsubscribe[0].substring(unsubscribe[0].indexOf("/r/") + 3,
						unsubscribe[0].indexOf("/news/stop"));
			}
		}
		return token;
	}

	@Test
	void theLinkTheRegisteringBrowserGotNamesNoOtherEvent() throws Exception {
		String marker = marker();
		Person person = Person.marked(marker, "+52 55 6262 7272");
		String earlier = event("Taller anterior " + marker, Duration.ofDays(5));
		register(earlier, person);
		// Anyone may type this address into another event's form.
		String typed = register(event("Taller nuevo " + marker, Duration.ofDays(25)), person);

		String page = body(get("/r/" + typed + "/erase").param("lang", "es"));
		assertThat(page).contains("se borrarán los datos de este registro")
			.contains("Esto borra solo este registro. Si con este correo te registraste antes a este mismo evento (un"
					+ " registro que cancelaste) o a otros eventos de WIN, esos registros no cambian")
			.doesNotContain("Taller anterior " + marker)
			.doesNotContain("Tus otros registros con este correo");
	}

	@Test
	void anAddressWithOneRegistrationIsToldNothingAboutOthers() throws Exception {
		String marker = marker();
		Person person = Person.marked(marker, "+52 55 6363 7373");
		register(event("Taller único " + marker, Duration.ofDays(15)), person);
		this.clock.advance(Duration.ofSeconds(5));
		this.sender.sendDueMessages();
		String token = tokenEmailedFor("Taller único " + marker, person.email());

		assertThat(body(get("/r/" + token + "/erase").param("lang", "en")))
			.contains("the data of this registration deleted")
			.doesNotContain("Your other registrations with this address")
			.doesNotContain("This deletes only this registration. If you used this address");
	}

	private Instant startOf(String slug) {
		return this.jdbc.sql("select starts_at from event where slug = ?")
			.param(slug)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private String event(String title, Duration startsIn) {
		Instant starts = this.clock.instant().plus(startsIn);
		return new TestEvents(this.jdbc).event()
			.slugPrefix("scope")
			.title(title, title)
			.startsAt(starts)
			.capacity(5)
			.create()
			.slug();
	}

}
