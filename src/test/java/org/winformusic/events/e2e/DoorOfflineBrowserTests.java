package org.winformusic.events.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.TestStaff;
import org.winformusic.events.admin.StaffRole;
import org.winformusic.events.registration.CheckinPasses;
import org.winformusic.events.registration.PublicRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door when the venue's Wi-Fi drops: a volunteer's phone goes offline, keeps checking
 * people in from its copy, and the server ends with what happened, first times kept.
 */
class DoorOfflineBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	CheckinPasses passes;

	@Test
	void aPhoneOfflineChecksPeopleInAndTheServerCatchesUpWithTheFirstTimes() throws Exception {
		todaysEvent("door-offline");
		long ana = register("door-offline", "Ana Núñez", "ana@example.org", "Discos Norte");
		long bruno = register("door-offline", "Bruno Díaz", "bruno@example.org", "Sello Sur");
		long carla = register("door-offline", "Carla Ibáñez", "carla@example.org", "Editora Centro");
		long dario = register("door-offline", "Darío Peña", "dario@example.org", "Música Oeste");
		register("door-offline", "Elena Ruiz", "elena@example.org", "Otra Casa");
		String organizer = TestStaff.create(this.jdbc, "door-offline@win.test", "Diana", StaffRole.ORGANIZER);
		String other = TestStaff.create(this.jdbc, "door-online@win.test", "Omar", StaffRole.ORGANIZER);

		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		phone.navigate(url("/admin/events/door-offline/checkin"));
		Locator state = phone.locator("#door-state");
		assertThat(state).containsText("En línea");
		assertThat(state).containsText("lista de hace 0 min");
		assertThat(phone.locator(".door__letter")).not().hasCount(0);

		phone.context().setOffline(true);
		assertThat(state).containsText("Sin conexión");
		checkInBySearch(phone, "ana nunez", "Ana Núñez");
		Instant anaOnPhone = Instant.now();
		Thread.sleep(1100);

		// Meanwhile a second volunteer, online, checks Ana in too: later than the phone
		// did.
		BrowserContext secondPhone = newContext(PHONE, "es-MX");
		try {
			Page second = secondPhone.newPage();
			logIn(second, other);
			second.navigate(url("/admin/events/door-offline/checkin"));
			assertThat(second.locator(".door__letter")).not().hasCount(0);
			checkInBySearch(second, "ana", "Ana Núñez");
			awaitCheckedIn(ana);
			assertThat(second.locator("#door-state")).containsText("0 llegadas por enviar");
			assertThat(checkedInAt(ana)).isAfter(anaOnPhone);

			checkInBySearch(phone, "bruno", "Bruno Díaz");
			checkInBySearch(phone, "carla", "Carla Ibáñez");
			// The door code printed on the badge, typed in lowercase with a dash.
			String code = this.passes.code(dario).toLowerCase();
			phone.locator("#q").fill(code.substring(0, 4) + "-" + code.substring(4));
			assertThat(phone.locator(".door__person")).hasCount(1);
			phone.locator(".door__person")
				.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Registrar llegada"))
				.click();
			assertThat(phone.locator(".door__person")).containsText("Llegada registrada a las");
			// Carla was a mistake: undo.
			phone.locator("#q").fill("carla");
			phone.locator(".door__person")
				.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deshacer llegada"))
				.click();
			assertThat(phone.locator(".door__person")).containsText("Registrar llegada");
			assertThat(state).containsText("3 llegadas por enviar");
			assertThat(state).containsText("Sin conexión");
			phone.locator("#q").fill("");
			// Bruno Díaz is under D, as on the printed door list.
			phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("D").setExact(true)).click();
			assertThat(phone.locator(".door__person strong")).hasText(new String[] { "Bruno Díaz" });
			// Under target/ like the other screenshots: copied to docs/screenshots by
			// hand
			// when the README's picture should change.
			Path shot = SCREENSHOTS.resolve("checkin-offline-390.png");
			Files.createDirectories(shot.getParent());
			phone.screenshot(new Page.ScreenshotOptions().setPath(shot));
			assertThat(checkedInAt(bruno)).isNull();

			phone.context().setOffline(false);
			assertThat(state).containsText("En línea");
			assertThat(state).containsText("0 llegadas por enviar");
			assertThat(checkedInAt(bruno)).isNotNull();
			assertThat(checkedInAt(dario)).isNotNull();
			assertThat(checkedInAt(carla)).isNull();
			// Both phones end with the first time Ana was seen: the offline phone's.
			Instant first = checkedInAt(ana);
			assertThat(first).isBefore(anaOnPhone);
			assertThat(auditCount(ana)).isEqualTo(1);
			second.reload();
			second.locator("#q").fill("ana");
			phone.locator("#q").fill("ana");
			String onPhone = phone.locator(".door__person .door__alert--in").innerText();
			assertThat(second.locator(".door__person .door__alert--in")).hasText(onPhone);
			assertThat(onPhone).contains("YA ENTRÓ a las");
		}
		finally {
			secondPhone.close();
		}
	}

	/**
	 * A check-in the phone kept while offline is refused when the registration changed
	 * meanwhile; the phone says what it is now, each status in its own words (not
	 * "cancelled" for someone moved to the waitlist), and shows the status as a word.
	 */
	@Test
	void aQueuedCheckInRefusedBecauseTheRegistrationChangedSaysWhatItIsNow() throws Exception {
		todaysEvent("door-refused");
		long wendy = register("door-refused", "Wendy Ruiz", "wendy@example.org", "Discos Norte");
		long diego = register("door-refused", "Diego Lara", "diego@example.org", "Sello Sur");
		String organizer = TestStaff.create(this.jdbc, "door-refused@win.test", "Rita", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		phone.navigate(url("/admin/events/door-refused/checkin"));
		Locator state = phone.locator("#door-state");
		assertThat(phone.locator(".door__letter")).not().hasCount(0);

		phone.context().setOffline(true);
		assertThat(state).containsText("Sin conexión");
		checkInBySearch(phone, "wendy", "Wendy Ruiz");
		// Meanwhile an organizer withdrew her seat: she waits again.
		this.jdbc.sql("""
				update registration set status = 'WAITLISTED', confirmed_at = null,
				  waitlist_seq = nextval('waitlist_seq') where id = ?""").param(wendy).update();
		this.jdbc.sql("update event_seat set registration_id = null where registration_id = ?").param(wendy).update();
		phone.context().setOffline(false);
		assertThat(state).containsText("0 llegadas por enviar");
		assertThat(phone.locator("#door-results .notice--bad"))
			.hasText("No se registró la llegada: Wendy Ruiz ahora está en lista de espera (se le retiró el lugar "
					+ "mientras tanto). No dejes pasar a la persona sin consultar a la organización.");
		Locator wendyCard = phone.locator(".door__person", new Page.LocatorOptions().setHasText("Wendy Ruiz"));
		assertThat(wendyCard.locator(".door__alert--stop")).containsText("En lista de espera:");
		assertThat(checkedInAt(wendy)).isNull();

		phone.context().setOffline(true);
		assertThat(state).containsText("Sin conexión");
		checkInBySearch(phone, "diego", "Diego Lara");
		this.jdbc.sql("""
				update registration set status = 'DECLINED', confirmed_at = null, declined_at = now()
				where id = ?""").param(diego).update();
		this.jdbc.sql("update event_seat set registration_id = null where registration_id = ?").param(diego).update();
		phone.context().setOffline(false);
		assertThat(state).containsText("0 llegadas por enviar");
		assertThat(phone.locator("#door-results .notice--bad"))
			.hasText("No se registró la llegada: la organización rechazó el registro de Diego Lara mientras tanto. "
					+ "No dejes pasar a la persona sin consultar a la organización.");
		// A declined registration leaves the phone's copy: no card, no raw status.
		assertThat(phone.locator("#door-results")).not().containsText("DECLINED");
		assertThat(checkedInAt(diego)).isNull();
	}

	/**
	 * Someone whose registration was cancelled arrives with the newer one they made: the
	 * volunteer checks that one in from the cancelled card, and the card says so calmly,
	 * in green, as any check-in just made (not the loud "YA ENTRÓ" of a repeat).
	 */
	@Test
	void aCheckInWithThePersonsOtherRegistrationReadsAsJustMade() throws Exception {
		todaysEvent("door-other");
		long daniela = register("door-other", "Daniela Martínez", "daniela@example.org", "Discos Norte");
		cancelledMeanwhile(daniela);
		long regina = register("door-other", "Regina Vázquez", "regina@example.org", "Discos Norte");
		this.jdbc.sql("update registration set email = 'daniela@example.org' where id = ?").param(regina).update();
		String organizer = TestStaff.create(this.jdbc, "door-other@win.test", "Sara", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		phone.navigate(url("/admin/events/door-other/checkin"));
		assertThat(phone.locator(".door__letter")).not().hasCount(0);

		phone.locator("#q").fill("daniela");
		Locator card = phone.locator(".door__person", new Page.LocatorOptions().setHasText("Daniela Martínez"));
		card.getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("Registrar la llegada con el registro confirmado"))
			.click();
		assertThat(card.locator(".door__alert--done")).containsText("Llegada registrada a las");
		assertThat(card).not().containsText("YA ENTRÓ");
		awaitCheckedIn(regina);
		assertThat(checkedInAt(daniela)).isNull();
	}

	/**
	 * Several queued check-ins refused in one sending: the phone says each, one line per
	 * person, not only the last one it read (QA: one of two cancelled people was never
	 * shown).
	 */
	@Test
	void everyQueuedCheckInRefusedInOneSendingIsSaid() throws Exception {
		todaysEvent("door-several");
		long brenda = register("door-several", "Brenda Úrsula", "brenda@example.org", "Discos Norte");
		long emilio = register("door-several", "Emilio Úrsula", "emilio@example.org", "Sello Sur");
		long mariana = register("door-several", "Mariana Vázquez", "mariana@example.org", "Sello Este");
		String organizer = TestStaff.create(this.jdbc, "door-several@win.test", "Rosa", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		phone.navigate(url("/admin/events/door-several/checkin"));
		Locator state = phone.locator("#door-state");
		assertThat(phone.locator(".door__letter")).not().hasCount(0);

		phone.context().setOffline(true);
		assertThat(state).containsText("Sin conexión");
		checkInBySearch(phone, "brenda", "Brenda Úrsula");
		checkInBySearch(phone, "emilio", "Emilio Úrsula");
		checkInBySearch(phone, "mariana", "Mariana Vázquez");
		cancelledMeanwhile(brenda);
		cancelledMeanwhile(emilio);
		phone.context().setOffline(false);
		assertThat(state).containsText("0 llegadas por enviar");
		Locator refused = phone.locator("#door-results .notice--bad");
		assertThat(refused).hasCount(2);
		assertThat(refused.nth(0)).containsText("Brenda Úrsula");
		assertThat(refused.nth(1)).containsText("Emilio Úrsula");
		assertThat(checkedInAt(brenda)).isNull();
		assertThat(checkedInAt(emilio)).isNull();
		assertThat(checkedInAt(mariana)).isNotNull();
	}

	/**
	 * A phone that went on checking people in after the event's end (its clock says so)
	 * gets those arrivals refused when it syncs, and says so; the arrivals it saw while
	 * the event ran still count.
	 */
	@Test
	void anArrivalAPhoneSawAfterTheEndIsRefusedWhenItSyncs() throws Exception {
		long event = todaysEvent("door-late");
		long ines = register("door-late", "Inés Temprano", "ines@example.org", "Discos Norte");
		long tito = register("door-late", "Tito Tarde", "tito@example.org", "Sello Sur");
		String organizer = TestStaff.create(this.jdbc, "door-late@win.test", "Lola", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		phone.navigate(url("/admin/events/door-late/checkin"));
		Locator state = phone.locator("#door-state");
		assertThat(phone.locator(".door__letter")).not().hasCount(0);

		phone.context().setOffline(true);
		assertThat(state).containsText("Sin conexión");
		checkInBySearch(phone, "ines", "Inés Temprano");
		Thread.sleep(1100);
		Instant end = Instant.now();
		Thread.sleep(1100);
		checkInBySearch(phone, "tito", "Tito Tarde");
		// The event ended between the two arrivals the phone kept.
		this.jdbc.sql("update event set ends_at = ? where id = ?").params(Timestamp.from(end), event).update();
		phone.context().setOffline(false);
		assertThat(state).containsText("0 llegadas por enviar");
		assertThat(phone.locator("#door-results .notice--bad")).hasText(
				"Tito Tarde: no se registró la llegada, este teléfono la anotó cuando el evento ya había terminado.");
		assertThat(checkedInAt(ines)).isNotNull();
		assertThat(checkedInAt(tito)).isNull();
	}

	/**
	 * An arrival the phone queued, answered NOT_YET because by the server's clock the
	 * event's first day has not begun (here the event was moved three days on while the
	 * phone was offline): the phone says in Spanish that it was not recorded and why, and
	 * the person is not shown as in.
	 */
	@Test
	void anArrivalRefusedBeforeTheEventsFirstDayIsSaidOnThePhone() {
		long event = todaysEvent("door-early");
		long ximena = register("door-early", "Ximena Temprana", "ximena@example.org", "Discos Norte");
		String organizer = TestStaff.create(this.jdbc, "door-early@win.test", "Lola", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		phone.navigate(url("/admin/events/door-early/checkin"));
		Locator state = phone.locator("#door-state");
		assertThat(phone.locator(".door__letter")).not().hasCount(0);

		phone.context().setOffline(true);
		assertThat(state).containsText("Sin conexión");
		checkInBySearch(phone, "ximena", "Ximena Temprana");
		Instant later = Instant.now().plus(3, ChronoUnit.DAYS);
		this.jdbc.sql("update event set starts_at = ?, ends_at = ? where id = ?")
			.params(Timestamp.from(later), Timestamp.from(later.plus(4, ChronoUnit.HOURS)), event)
			.update();
		phone.context().setOffline(false);

		assertThat(state).containsText("0 llegadas por enviar");
		assertThat(phone.locator("#door-results .notice--bad")).hasText(
				"Ximena Temprana: no se registró la llegada, este teléfono la anotó antes del primer día del evento.");
		Locator card = phone.locator(".door__person", new Page.LocatorOptions().setHasText("Ximena Temprana"));
		assertThat(card.locator(".door__alert--done, .door__alert--in")).hasCount(0);
		assertThat(checkedInAt(ximena)).isNull();
	}

	/**
	 * A door page opened while the event ran still offers undo after its end: the undo
	 * tapped then is refused (one tap must not erase an arrival nobody can record again),
	 * and the phone says the arrival stays, not that an arrival was refused.
	 */
	@Test
	void anUndoTappedAfterTheEndIsRefusedAndThePhoneSaysTheArrivalStays() throws Exception {
		long event = todaysEvent("door-undo-late");
		long ines = register("door-undo-late", "Inés Temprano", "ines@example.org", "Discos Norte");
		String organizer = TestStaff.create(this.jdbc, "door-undo-late@win.test", "Lola", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		phone.navigate(url("/admin/events/door-undo-late/checkin"));
		assertThat(phone.locator(".door__letter")).not().hasCount(0);
		checkInBySearch(phone, "ines", "Inés Temprano");
		awaitCheckedIn(ines);
		Instant arrived = checkedInAt(ines);

		this.jdbc.sql("update event set ends_at = ? where id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), event)
			.update();
		phone.locator(".door__person")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deshacer llegada"))
			.click();

		assertThat(phone.locator("#door-state")).containsText("0 llegadas por enviar");
		assertThat(phone.locator("#door-results .notice--bad"))
			.hasText("Inés Temprano: su llegada sigue registrada, este teléfono la deshizo cuando el evento ya "
					+ "había terminado. Si fue un error, la organización puede corregirla en la página del registro.");
		assertThat(phone.locator(".door__person")).containsText("YA ENTRÓ a las");
		assertThat(checkedInAt(ines)).isEqualTo(arrived);
	}

	/**
	 * The venue's Wi-Fi loses the answer to an undo (the server made it); by the time the
	 * phone sends it again the person has arrived for real at another phone: that arrival
	 * stays, and the first phone says loudly that they are in.
	 */
	@Test
	void anUndoSentAgainAfterItsAnswerWasLostLeavesTheArrivalAnotherPhoneRecordedSince() throws Exception {
		todaysEvent("door-undo-again");
		long jorge = register("door-undo-again", "Jorge Ruiz", "jorge@example.org", "Discos Norte");
		String organizer = TestStaff.create(this.jdbc, "door-undo-a@win.test", "Alma", StaffRole.ORGANIZER);
		String other = TestStaff.create(this.jdbc, "door-undo-b@win.test", "Beto", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		phone.navigate(url("/admin/events/door-undo-again/checkin"));
		assertThat(phone.locator(".door__letter")).not().hasCount(0);
		checkInBySearch(phone, "jorge", "Jorge Ruiz");
		awaitCheckedIn(jorge);
		java.util.concurrent.atomic.AtomicBoolean lose = new java.util.concurrent.atomic.AtomicBoolean(true);
		phone.route("**/checkin/sync", (route) -> {
			if (lose.getAndSet(false)) {
				route.fetch();
				route.abort("timedout");
			}
			else {
				route.resume();
			}
		});
		phone.locator(".door__person")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deshacer llegada"))
			.click();
		// Waiting through Playwright, not Thread.sleep: the route above runs only while
		// the test is in a Playwright call, and the page sends once it has its turn to
		// sync
		// (a Web Lock), after the click has returned.
		for (int i = 0; i < 300 && checkedInAt(jorge) != null; i++) {
			phone.waitForTimeout(100);
		}
		assertThat(checkedInAt(jorge)).isNull();
		assertThat(phone.locator("#door-state")).containsText("1 llegada por enviar");

		BrowserContext secondPhone = newContext(PHONE, "es-MX");
		try {
			Page second = secondPhone.newPage();
			logIn(second, other);
			second.navigate(url("/admin/events/door-undo-again/checkin"));
			assertThat(second.locator(".door__letter")).not().hasCount(0);
			checkInBySearch(second, "jorge", "Jorge Ruiz");
			awaitCheckedIn(jorge);
		}
		finally {
			secondPhone.close();
		}
		Instant arrived = checkedInAt(jorge);
		phone.context().setOffline(true);
		phone.context().setOffline(false);

		assertThat(phone.locator("#door-state")).containsText("0 llegadas por enviar");
		assertThat(phone.locator("#door-results .notice--bad")).containsText("Jorge Ruiz: YA ENTRÓ a las");
		assertThat(checkedInAt(jorge)).isEqualTo(arrived);
	}

	/**
	 * A phone without a network for the whole event (its check-ins queued), opened again
	 * the next morning, after its copy expired (12 h after the end): the queue is still
	 * sent, with the times the phone saw; no expired copy stays on the phone.
	 */
	@Test
	void checkInsStillQueuedWhenTheCopyExpiredAreSentTheNextMorning() throws Exception {
		long event = new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("door-next-day").capacity(10).create().id();
		long rosa = register("door-next-day", "Rosa Tardía", "rosa@example.org", "Discos Norte");
		Instant start = Instant.now().minus(20, ChronoUnit.HOURS);
		this.jdbc.sql("update event set starts_at = ?, ends_at = ? where id = ?")
			.params(Timestamp.from(start), Timestamp.from(start.plus(6, ChronoUnit.HOURS)), event)
			.update();
		Instant seen = start.plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
		String organizer = TestStaff.create(this.jdbc, "door-next-day@win.test", "Nora", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		phone.navigate(url("/admin/events/door-next-day/checkin"));
		// What the phone kept from last night: the arrival it could not send (its copy
		// already deleted by an earlier look at the page after the expiry).
		phone.evaluate("""
				() => {
				  localStorage.removeItem('door-copy:door-next-day');
				  localStorage.setItem('door-queue:door-next-day',
				    JSON.stringify([{ id: %d, type: 'in', at: '%s', key: 'night0phone0key' }]));
				  localStorage.setItem('door-mine:door-next-day', JSON.stringify({ '%d': 'night0phone0key' }));
				}""".formatted(rosa, seen, rosa));

		phone.reload();

		assertThat(phone.locator("#door-state")).containsText("0 llegadas por enviar");
		awaitCheckedIn(rosa);
		assertThat(checkedInAt(rosa)).isEqualTo(seen);
		for (int i = 0; i < 100
				&& phone.evaluate("() => localStorage.getItem('door-copy:door-next-day')") != null; i++) {
			Thread.sleep(100);
		}
		assertThat(phone.evaluate("() => localStorage.getItem('door-copy:door-next-day')")).isNull();
	}

	/**
	 * A door phone opened on an event months away (the wrong row picked in the list of
	 * events): the page says when the event is, and neither the phone's copy nor the
	 * server's search offers a check-in or a walk-in.
	 */
	@Test
	void aDoorPageBeforeTheEventsDaySaysWhenItIsAndOffersNoCheckIn() {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("door-not-yet").capacity(10).create();
		register("door-not-yet", "Ana Pronto", "ana.pronto@example.org", "Discos Norte");
		java.time.ZoneId mexico = java.time.ZoneId.of("America/Mexico_City");
		Instant start = this.jdbc.sql("select starts_at from event where slug = 'door-not-yet'")
			.query(Timestamp.class)
			.single()
			.toInstant();
		String day = java.time.format.DateTimeFormatter
			.ofPattern("EEEE d 'de' MMMM 'de' yyyy", java.util.Locale.forLanguageTag("es"))
			.format(start.atZone(mexico));
		String organizer = TestStaff.create(this.jdbc, "door-not-yet@win.test", "Nora", StaffRole.ORGANIZER);
		Page phone = open(PHONE, "es-MX");
		logIn(phone, organizer);
		phone.navigate(url("/admin/events/door-not-yet/checkin"));
		assertThat(phone.locator("#door-not-yet"))
			.hasText("Este evento es el " + day + ": las llegadas se registran a partir de ese día.");
		assertThat(phone.locator(".door__letter")).not().hasCount(0);
		phone.locator("#q").fill("ana");
		Locator card = phone.locator(".door__person", new Page.LocatorOptions().setHasText("Ana Pronto"));
		assertThat(card).hasCount(1);
		assertThat(card.getByRole(AriaRole.BUTTON)).hasCount(0);
		assertThat(
				phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registrar a alguien en la puerta")))
			.hasCount(0);
	}

	private void checkInBySearch(Page page, String query, String name) {
		page.locator("#q").fill(query);
		Locator card = page.locator(".door__person", new Page.LocatorOptions().setHasText(name));
		assertThat(card).hasCount(1);
		card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Registrar llegada")).click();
		// Just checked in here: calm, green; "YA ENTRÓ" is for a repeat.
		assertThat(card.locator(".door__alert--done")).containsText("Llegada registrada a las");
		assertThat(card).not().containsText("YA ENTRÓ");
	}

	/** The online phone sends its check-in at once; the database hears of it shortly. */
	private void awaitCheckedIn(long id) throws InterruptedException {
		// At most 30 s: a loaded machine may take that long.
		for (int i = 0; i < 300 && checkedInAt(id) == null; i++) {
			Thread.sleep(100);
		}
	}

	/**
	 * An event of its own happening now (started an hour ago): the copy on the phone
	 * lives until the event is over.
	 */
	private long todaysEvent(String slug) {
		long event = new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug(slug).capacity(10).create().id();
		this.jdbc.sql("update event set starts_at = ?, ends_at = ? where id = ?")
			.params(Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)),
					Timestamp.from(Instant.now().plus(6, ChronoUnit.HOURS)), event)
			.update();
		return event;
	}

	/** Cancelled behind the phone's back (by staff elsewhere): the seat freed. */
	private void cancelledMeanwhile(long id) {
		this.jdbc
			.sql("update registration set status = 'CANCELLED', confirmed_at = null, cancelled_at = now()"
					+ " where id = ?")
			.param(id)
			.update();
		this.jdbc.sql("update event_seat set registration_id = null where registration_id = ?").param(id).update();
	}

	private long register(String slug, String name, String email, String company) {
		return TestRegistrations.register(this.registrations, slug, name, email, company).registrationId();
	}

	private Instant checkedInAt(long id) {
		Timestamp at = this.jdbc.sql("select checked_in_at from registration where id = ?")
			.param(id)
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		return (at == null) ? null : at.toInstant();
	}

	private int auditCount(long id) {
		return this.jdbc.sql("select count(*) from audit_log where action = 'CHECKED_IN' and registration_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

}
