package org.winformusic.events.admin;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.CheckinPasses;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Someone registered for two of WIN's events shows, at today's door, the pass of the
 * other one (the first confirmation email they found): the card says that event is not
 * today, and also that they have a confirmed seat at the event that is, with the way to
 * its card. Nobody else's seat is named, and a seat given up is not offered.
 */
@AdminTest
class PassAtTheWrongDoorTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckinPasses passes;

	@Test
	void thePassOfAnotherEventLeadsToTheSeatAtTodaysEvent() throws Exception {
		TestEvents events = new TestEvents(this.jdbc);
		TestEvents.Created workshop = events.event()
			.slugPrefix("wrong-door-may")
			.title("Hoja de ruta en Colombia", "Roadmap in Colombia")
			.country("CO")
			.create();
		TestEvents.Created meetup = events.event()
			.slugPrefix("wrong-door-today")
			.title("Encuentro de sellos en Bogotá", "Label meetup in Bogotá")
			.country("CO")
			.onItsDay()
			.create();
		String andres = TestRegistrations.uniqueEmail("andres");
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long inMay = data.in(workshop).person("Andrés Gómez").email(andres).state("ANT").create().id();
		long today = data.in(meetup).person("Andrés Gómez").email(andres.toUpperCase()).state("ANT").create().id();
		long camila = data.in(workshop).person("Camila Rodríguez").state("DC").create().id();
		long lucia = data.in(workshop).person("Lucía Martínez").state("DC").create().id();
		data.in(meetup)
			.person("Lucía Martínez")
			.email(this.jdbc.sql("select email from registration where id = ?")
				.param(lucia)
				.query(String.class)
				.single())
			.state("DC")
			.status("CANCELLED")
			.cancelledAt(java.time.Instant.now())
			.create();

		assertThat(card(this.passes.pass(inMay))).contains("Este evento es el")
			.contains("Andrés Gómez también tiene lugar confirmado en “Encuentro de sellos en Bogotá”, que es hoy: "
					+ "este pase es del otro evento.")
			.contains("href=\"/admin/checkin/pass/" + this.passes.pass(today) + "\"",
					"Abrir su registro de “Encuentro de sellos en Bogotá”");
		assertThat(card(this.passes.pass(camila))).as("no seat today: nothing else named")
			.doesNotContain("que es hoy")
			.doesNotContain("Encuentro de sellos en Bogotá");
		assertThat(card(this.passes.pass(lucia))).as("a cancelled seat today is no seat").doesNotContain("que es hoy");
		assertThat(card(this.passes.pass(today))).as("today's own pass: nothing to redirect to")
			.doesNotContain("que es hoy");
	}

	/**
	 * The door code printed on the other event's pass, typed into today's door search
	 * (without JavaScript, or "Find" on the phone), says which event it is for and when,
	 * in Spanish and English, not "nobody matches"; the same person's registration here
	 * is shown to check in. Someone with no registration here: the event alone. An erased
	 * registration's code is nobody's.
	 */
	@Test
	void theDoorCodeOfAnotherEventsPassSaysWhichEventItIsFor() throws Exception {
		WrongDoor door = wrongDoor("wrong-code");

		assertThat(DoorSearches.results(this.mvc, door.meetup().slug(), this.passes.code(door.inMay()), "DOOR", "es"))
			.contains("Este código de entrada no es de este evento: es de “Hoja de ruta en Colombia”, "
					+ "el sábado 22 de mayo de 2027.")
			.contains("Pero esta misma persona también tiene registro en este evento:")
			.contains("action=\"/admin/events/" + door.meetup().slug() + "/checkin/" + door.today() + "\"")
			.doesNotContain(">Nadie coincide.<");
		String typed = this.passes.code(door.camila()).toLowerCase(java.util.Locale.ROOT);
		assertThat(DoorSearches.results(this.mvc, door.meetup().slug(),
				typed.substring(0, 4) + "-" + typed.substring(4), "DOOR", "en"))
			.contains("This door code is not for this event: it is for “Roadmap in Colombia”, on Saturday 22 May 2027.")
			// As a paragraph: the scanner's copy of the words is in the page's data
			// attributes.
			.doesNotContain(">The same person is also registered for this event:<")
			.doesNotContain("door__person")
			.doesNotContain(">Nobody matches.<");

		this.jdbc.sql("update registration set anonymized_at = now() where id = ?").param(door.camila()).update();
		assertThat(DoorSearches.results(this.mvc, door.meetup().slug(), this.passes.code(door.camila()), "DOOR", "es"))
			.contains(">Nadie coincide.<")
			.doesNotContain("Hoja de ruta en Colombia");
	}

	/**
	 * The door page's scanner asks the server about a scanned pass. Another event's pass
	 * is answered as its door code typed into the search is: that event's title and date
	 * in the volunteer's language, and the same person's registration here to check in
	 * (none for someone not registered here); nothing else of that registration. A pass
	 * of today's event is its registration, as before; an erased registration's pass is
	 * nobody's.
	 */
	@Test
	void aScannedPassOfAnotherEventNamesItsEventAndThePersonsRegistrationHere() throws Exception {
		WrongDoor door = wrongDoor("wrong-scan");

		JsonNode andresInMay = scanned(door.meetup().slug(), this.passes.pass(door.inMay()), "es", 200);
		assertThat(andresInMay.propertyNames()).containsExactly("elsewhere", "here");
		assertThat(andresInMay.path("elsewhere").propertyNames()).containsExactlyInAnyOrder("title", "date");
		assertThat(andresInMay.path("elsewhere").path("title").asString()).isEqualTo("Hoja de ruta en Colombia");
		assertThat(andresInMay.path("elsewhere").path("date").asString()).isEqualTo("sábado 22 de mayo de 2027");
		assertThat(andresInMay.path("here").asLong()).isEqualTo(door.today());

		JsonNode camilaInMay = scanned(door.meetup().slug(), this.passes.pass(door.camila()), "en", 200);
		assertThat(camilaInMay.propertyNames()).as("nobody here: the event alone").containsExactly("elsewhere");
		assertThat(camilaInMay.path("elsewhere").path("title").asString()).isEqualTo("Roadmap in Colombia");
		assertThat(camilaInMay.path("elsewhere").path("date").asString()).isEqualTo("Saturday 22 May 2027");

		assertThat(scanned(door.meetup().slug(), this.passes.pass(door.today()), "es", 200).path("id").asLong())
			.as("today's own pass")
			.isEqualTo(door.today());
		this.jdbc.sql("update registration set anonymized_at = now() where id = ?").param(door.camila()).update();
		scanned(door.meetup().slug(), this.passes.pass(door.camila()), "es", 404);
	}

	private JsonNode scanned(String slug, String pass, String lang, int status) throws Exception {
		var response = this.mvc
			.perform(get("/admin/events/" + slug + "/checkin/pass/" + pass).param("lang", lang)
				.accept(MediaType.APPLICATION_JSON)
				.with(user("door@win.test").roles("DOOR")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(status);
		return (status == 200)
				? JsonMapper.builder().build().readTree(response.getContentAsString(StandardCharsets.UTF_8)) : null;
	}

	private String card(String pass) throws Exception {
		return this.mvc
			.perform(get("/admin/checkin/pass/" + pass).param("lang", "es").with(user("door@win.test").roles("DOOR")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/**
	 * A workshop in May (Andrés and Camila registered) and today's meetup (Andrés too,
	 * his address in capitals): the door is the meetup's.
	 */
	private WrongDoor wrongDoor(String prefix) {
		TestEvents events = new TestEvents(this.jdbc);
		TestEvents.Created workshop = events.event()
			.slugPrefix(prefix + "-may")
			.title("Hoja de ruta en Colombia", "Roadmap in Colombia")
			.startsAt(java.time.Instant.parse("2027-05-22T15:00:00Z"))
			.create();
		TestEvents.Created meetup = events.event()
			.slugPrefix(prefix + "-today")
			.title("Encuentro de sellos", "Label meetup")
			.onItsDay()
			.create();
		String andres = TestRegistrations.uniqueEmail("andres");
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long inMay = data.in(workshop).person("Andrés Gómez").email(andres).create().id();
		long today = data.in(meetup).person("Andrés Gómez").email(andres.toUpperCase()).create().id();
		long camila = data.in(workshop).person("Camila Rodríguez").create().id();
		return new WrongDoor(workshop, meetup, inMay, today, camila);
	}

	record WrongDoor(TestEvents.Created workshop, TestEvents.Created meetup, long inMay, long today, long camila) {
	}

}
