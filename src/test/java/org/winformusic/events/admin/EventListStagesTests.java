package org.winformusic.events.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.MovableClock;
import org.winformusic.events.TestEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.winformusic.events.admin.StaffPages.as;
import static org.winformusic.events.admin.StaffPages.text;

/**
 * Both staff lists of events, the organizers' ({@code /admin}) and the door volunteer's
 * chooser (the same URL for the DOOR role), say when each event is, in its own zone with
 * the zone's city, and where it stands today there on the application's clock: later
 * today, under way, ended today, ended. Several "Mexico City workshop" events in other
 * countries are told apart at a glance, today's first at the door.
 */
@AdminTest
class EventListStagesTests {

	private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

	private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

	private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private static final Locale ES = Locale.forLanguageTag("es");

	private static final DateTimeFormatter SPANISH_DATE = DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy", ES);

	private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
			Locale.ENGLISH);

	private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	/** Each event's start, by slug. */
	final Map<String, Instant> starts = new LinkedHashMap<>();

	String running;

	String laterToday;

	String endedToday;

	String tomorrow;

	String lastWeek;

	/**
	 * The same workshop in four cities, each four hours long: under way in Bogotá, later
	 * today in Santiago, over since earlier today in Madrid, tomorrow in Mexico City, and
	 * last week's in Mexico City.
	 */
	@BeforeEach
	void workshops() {
		Instant now = this.clock.instant();
		this.running = workshop(now.minus(Duration.ofHours(1)), BOGOTA);
		this.laterToday = workshop(halfway(now, midnightAfter(now, SANTIAGO)), SANTIAGO);
		this.endedToday = workshop(halfway(midnightBefore(now, MADRID), now).minus(Duration.ofHours(4)), MADRID);
		this.tomorrow = workshop(LocalDate.ofInstant(now, MEXICO).plusDays(1).atTime(10, 0).atZone(MEXICO).toInstant(),
				MEXICO);
		this.lastWeek = workshop(now.minus(Duration.ofDays(7)), MEXICO);
	}

	@Test
	void theDoorChooserSaysWhenEachEventIsInItsZoneAndWhichIsTodayInSpanish() throws Exception {
		Map<String, String> door = items(as("DOOR"), "es", Pattern.compile("(?s)<li>.*?</li>"));

		assertThat(door.get(this.running)).contains("En curso")
			.contains(spanishStart(this.running, BOGOTA))
			.contains("(hora de Bogotá)");
		assertThat(door.get(this.laterToday)).contains("Hoy")
			.doesNotContain("En curso")
			.contains(spanishStart(this.laterToday, SANTIAGO))
			.contains("(hora de Santiago de Chile)");
		assertThat(door.get(this.endedToday)).contains("Terminó hoy").contains("(hora de Madrid)");
		assertThat(door.get(this.tomorrow)).doesNotContain("Hoy")
			.doesNotContain("En curso")
			.doesNotContain("Terminó")
			.contains(spanishStart(this.tomorrow, MEXICO) + "–14:00 (hora de la Ciudad de México)");
		assertThat(door.get(this.lastWeek)).contains("Terminó").doesNotContain("Terminó hoy");
		// Today's first: the one under way and the one later today before tomorrow's and
		// last week's.
		assertThat(new ArrayList<>(door.keySet())).containsSubsequence(this.running, this.laterToday, this.tomorrow,
				this.lastWeek);
	}

	@Test
	void theDoorChooserSaysTheSameInEnglish() throws Exception {
		Map<String, String> door = items(as("DOOR"), "en", Pattern.compile("(?s)<li>.*?</li>"));

		assertThat(door.get(this.running)).contains("Happening now")
			.contains(englishStart(this.running, BOGOTA))
			.contains("(Bogotá time)");
		assertThat(door.get(this.laterToday)).contains("Today").contains("(Santiago de Chile time)");
		assertThat(door.get(this.endedToday)).contains("Ended today").contains("(Madrid time)");
		assertThat(door.get(this.tomorrow)).doesNotContain("Today")
			.doesNotContain("Happening now")
			.doesNotContain("Ended")
			.contains(englishStart(this.tomorrow, MEXICO) + "–14:00 (Mexico City time)");
		assertThat(door.get(this.lastWeek)).contains("Ended").doesNotContain("Ended today");
	}

	@Test
	void theOrganizersListSaysWhenEachEventIsAndWhereItStandsTodayInBothLanguages() throws Exception {
		Map<String, String> spanish = items(as("ORGANIZER"), "es", Pattern.compile("(?s)<tr>.*?</tr>"));

		assertThat(spanish.get(this.running)).contains("En curso")
			.contains(spanishStart(this.running, BOGOTA))
			.contains("(hora de Bogotá)");
		assertThat(spanish.get(this.laterToday)).contains("Hoy").contains("(hora de Santiago de Chile)");
		assertThat(spanish.get(this.endedToday)).contains("Terminó hoy");
		assertThat(spanish.get(this.tomorrow)).doesNotContain("Hoy")
			.contains(spanishStart(this.tomorrow, MEXICO) + "–14:00 (hora de la Ciudad de México)");
		assertThat(spanish.get(this.lastWeek)).contains("Terminó").doesNotContain("Terminó hoy");

		Map<String, String> english = items(as("ORGANIZER"), "en", Pattern.compile("(?s)<tr>.*?</tr>"));
		assertThat(english.get(this.running)).contains("Happening now").contains("(Bogotá time)");
		assertThat(english.get(this.laterToday)).contains("Today").contains(englishStart(this.laterToday, SANTIAGO));
		assertThat(english.get(this.endedToday)).contains("Ended today");
		assertThat(english.get(this.tomorrow)).doesNotContain("Today").contains("(Mexico City time)");
		assertThat(english.get(this.lastWeek)).contains("Ended").doesNotContain("Ended today");
	}

	/** A "Mexico City workshop" starting at {@code start} in {@code zone}; its slug. */
	private String workshop(Instant start, ZoneId zone) {
		TestEvents.Created created = new TestEvents(this.jdbc).event()
			.slugPrefix("stage")
			.title("Taller Ciudad de México", "Mexico City workshop")
			.startsAt(start)
			.create();
		this.jdbc.sql("update event set time_zone = ? where id = ?").params(zone.getId(), created.id()).update();
		this.starts.put(created.slug(), start);
		return created.slug();
	}

	/** "lunes 20 de marzo de 2028, 10:00": the start's date and hour where it is. */
	private String spanishStart(String slug, ZoneId zone) {
		Instant start = this.starts.get(slug);
		return SPANISH_DATE.format(start.atZone(zone)) + ", " + HOURS.format(start.atZone(zone));
	}

	private String englishStart(String slug, ZoneId zone) {
		Instant start = this.starts.get(slug);
		return ENGLISH_DATE.format(start.atZone(zone)) + ", " + HOURS.format(start.atZone(zone));
	}

	private static Instant midnightBefore(Instant now, ZoneId zone) {
		return LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
	}

	private static Instant midnightAfter(Instant now, ZoneId zone) {
		return LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
	}

	private static Instant halfway(Instant from, Instant to) {
		return from.plus(Duration.between(from, to).dividedBy(2));
	}

	/**
	 * This test's events as the list shows them, every page of it, in order: each one's
	 * list item or table row as a reader sees it, by slug.
	 */
	private Map<String, String> items(org.springframework.test.web.servlet.request.RequestPostProcessor staff,
			String lang, Pattern item) throws Exception {
		Map<String, String> items = new LinkedHashMap<>();
		Pattern link = Pattern.compile("href=\"/admin/events/([^\"/]+)[\"/]");
		int pages = 1;
		for (int page = 0; page < pages; page++) {
			MvcResult result = this.mvc
				.perform(get("/admin").with(staff).param("lang", lang).param("page", String.valueOf(page)))
				.andExpect(status().isOk())
				.andReturn();
			pages = ((Page<?>) result.getModelAndView().getModel().get("events")).getTotalPages();
			Matcher found = item
				.matcher(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
			while (found.find()) {
				Matcher slug = link.matcher(found.group());
				if (slug.find() && this.starts.containsKey(slug.group(1))) {
					items.put(slug.group(1), text(found.group()));
				}
			}
		}
		assertThat(items.keySet()).containsExactlyInAnyOrderElementsOf(this.starts.keySet());
		return items;
	}

}
