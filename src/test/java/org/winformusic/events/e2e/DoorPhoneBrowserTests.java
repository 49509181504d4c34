package org.winformusic.events.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
 * The door page on a phone, in a browser of its own: a fake camera is a launch flag, and
 * the service worker test wants a browser whose worker no other test registered.
 */
class DoorPhoneBrowserTests extends BrowserTest {

	private static final int WIDTH = 640;

	private static final int HEIGHT = 480;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	CheckinPasses passes;

	@Test
	void aVolunteerScansABadgeWithThePhonesCameraAndChecksThePersonIn() throws Exception {
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug("door-camera").capacity(10).create();
		long lucia = TestRegistrations
			.register(this.registrations, "door-camera", "Lucía Ramírez", "lucia@example.org", "Ruido Records")
			.registrationId();
		TestRegistrations.register(this.registrations, "door-camera", "Luis Ramos", "luis@example.org", "Sello Sur");
		String organizer = TestStaff.create(this.jdbc, "door-camera@win.test", "Carmen", StaffRole.ORGANIZER);
		Path film = filmOfQrCode(this.passes.link(lucia), Path.of("target", "door-camera", "badge.y4m"));

		try (Playwright playwright = playwright(); Browser chromium = filming(playwright, film)) {
			Page phone = doorPageWithCamera(chromium, organizer, "door-camera");

			phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Escanear pase")).click();
			assertThat(phone.locator("#door-video")).isVisible();
			Locator card = phone.locator(".door__person");
			assertThat(card).hasCount(1);
			assertThat(card).containsText("Lucía Ramírez");
			card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Registrar llegada")).click();
			assertThat(card.locator(".door__alert--done")).containsText("Llegada registrada a las");
			assertThat(phone.locator(".door__count")).hasText("Llegadas: 1 de 2 con lugar confirmado");
			awaitCheckedIn(lucia);
			assertThat(checkedIn(lucia)).isTrue();

			phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apagar la cámara")).click();
			assertThat(phone.locator("#door-video")).isHidden();
		}
	}

	/**
	 * The pass of another event (the May workshop's, shown at today's meetup) scanned on
	 * the phone: online, the page names the event it is for and when, and shows the same
	 * person's registration here to check in, as that pass's door code in the search
	 * does; offline, that a scanned pass needs a connection, naming its event too.
	 */
	@Test
	void aScannedPassOfAnotherEventNamesThatEventAndShowsThePersonsRegistrationHere() throws Exception {
		TestEvents.Created may = new TestEvents(this.jdbc).event()
			.slug("door-scan-may")
			.title("Taller de mayo", "May workshop")
			.startsAt(Instant.parse("2027-05-22T15:00:00Z"))
			.create();
		TestEvents.Created today = new TestEvents(this.jdbc).copyOfMexicoWorkshop()
			.slug("door-scan-today")
			.capacity(10)
			.create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		long inMay = data.in(may).person("Dora Escáner").email("dora.scan@example.com").create().id();
		long here = data.in(today).person("Dora Escáner").email("dora.scan@example.com").create().id();
		data.in(today).person("Otto Lector").email("otto.scan@example.com").create();
		String organizer = TestStaff.create(this.jdbc, "door-scan@win.test", "Elsa", StaffRole.ORGANIZER);
		Path film = filmOfQrCode(this.passes.link(inMay), Path.of("target", "door-scan", "may-pass.y4m"));

		try (Playwright playwright = playwright(); Browser chromium = filming(playwright, film)) {
			Page phone = doorPageWithCamera(chromium, organizer, "door-scan-today");
			BrowserContext context = phone.context();

			phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Escanear pase")).click();
			Locator results = phone.locator("#door-results");
			assertThat(results.locator(".notice--bad"))
				.hasText("Este pase no es de este evento: es de “Taller de mayo”, el sábado 22 de mayo de 2027.");
			assertThat(results).containsText("Pero esta misma persona también tiene registro en este evento:");
			Locator card = phone.locator(".door__person");
			assertThat(card).hasCount(1);
			assertThat(card).containsText("Dora Escáner");
			card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Registrar llegada")).click();
			assertThat(card.locator(".door__alert--done")).containsText("Llegada registrada a las");
			awaitCheckedIn(here);
			assertThat(checkedIn(here)).isTrue();
			assertThat(checkedIn(inMay)).as("the May pass's own registration").isFalse();

			// Offline: the page reopened (the scanner reads the same pass afresh),
			// then the network gone.
			phone.reload();
			assertThat(phone.locator(".door__letter")).not().hasCount(0);
			context.setOffline(true);
			phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Escanear pase")).click();
			assertThat(results.locator(".notice--warn")).hasText(
					"Sin conexión no se puede verificar un pase escaneado: escribe el código de entrada impreso en "
							+ "el gafete (o el que aparece bajo el QR en su celular). Si el pase es de otro evento, "
							+ "para saber de cuál también necesitas conexión.");
			assertThat(results).not().containsText("Taller de mayo");
			assertThat(phone.locator(".door__person")).hasCount(0);
			context.setOffline(false);
		}
	}

	/** An organizer's phone, and a door volunteer's (DOOR: the door pages only). */
	@ParameterizedTest
	@EnumSource(value = StaffRole.class, names = { "ORGANIZER", "DOOR" })
	void theDoorPageReopensWithoutANetworkFromItsServiceWorkerWithThePhonesCopy(StaffRole role) throws Exception {
		String slug = "door-reload-" + role.name().toLowerCase(Locale.ROOT);
		new TestEvents(this.jdbc).copyOfMexicoWorkshop().slug(slug).capacity(10).create();
		long rosa = TestRegistrations.register(this.registrations, slug, "Rosa Muñoz", "rosa@example.org", "Discos")
			.registrationId();
		TestRegistrations.register(this.registrations, slug, "Tomás Gil", "tomas@example.org", "Sello Río");
		new TestEvents(this.jdbc).onItsDay(slug);
		String organizer = TestStaff.create(this.jdbc, slug + "@win.test", "Irene", role);
		String door = "/admin/events/" + slug + "/checkin";

		try (Playwright playwright = playwright(); Browser chromium = chromium(playwright)) {
			BrowserContext context = phone(chromium);
			Page phone = context.newPage();
			logIn(phone, organizer);
			phone.navigate(url(door));
			assertThat(phone.locator(".door__letter")).not().hasCount(0);
			// The worker controls the page once it has kept the shell and the files it
			// links.
			phone.waitForFunction("() => navigator.serviceWorker.controller !== null");
			phone.waitForFunction("(door) => caches.match(door).then((page) => page !== undefined)", door);

			// The page and its scripts offline. Not proven here: that the worker's cache
			// answered. Neither Playwright's offline emulation nor its routes reach the
			// worker's own fetches in this Chromium, so a worker without the cache
			// fallback passes too (tried).
			context.setOffline(true);
			phone.reload();
			assertThat(phone.locator("h1")).hasText("Registro de entrada");
			Locator state = phone.locator("#door-state");
			assertThat(state).containsText("Sin conexión");
			assertThat(state).containsText("lista de hace 0 min");
			// The QR decoder came from the worker's cache too: the camera button is
			// there.
			assertThat(phone.evaluate("typeof window.jsQR")).isEqualTo("function");
			assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Escanear pase")))
				.isVisible();
			phone.locator("#q").fill("rosa");
			phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrar llegada")).click();
			assertThat(phone.locator(".door__person .door__alert--done")).containsText("Llegada registrada a las");
			assertThat(state).containsText("1 llegada por enviar");

			context.setOffline(false);
			assertThat(state).containsText("0 llegadas por enviar");
			awaitCheckedIn(rosa);
			assertThat(checkedIn(rosa)).isTrue();
		}
	}

	private static Playwright playwright() {
		return Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	private static Browser chromium(Playwright playwright, String... flags) {
		List<String> args = new ArrayList<>(List.of("--no-sandbox", "--disable-gpu", "--no-first-run"));
		args.addAll(List.of(flags));
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions()
				.setExecutablePath(Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium")))
				.setHeadless(true)
				.setArgs(args));
	}

	private BrowserContext phone(Browser chromium) {
		return chromium.newContext(new Browser.NewContextOptions().setViewportSize(PHONE, 844)
			.setLocale("es-MX")
			.setExtraHTTPHeaders(Map.of("Accept-Language", "es-MX")));
	}

	/**
	 * A Y4M film (YUV4MPEG2: a header, then raw I420 frames) of a QR code, black on white
	 * in the middle of a 640 × 480 picture, which Chromium's fake camera plays in a loop.
	 */
	private static Path filmOfQrCode(String text, Path file) throws IOException, WriterException {
		BitMatrix qr = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 360, 360,
				Map.of(EncodeHintType.MARGIN, 4));
		byte[] luma = new byte[WIDTH * HEIGHT];
		Arrays.fill(luma, (byte) 235);
		int left = (WIDTH - qr.getWidth()) / 2;
		int top = (HEIGHT - qr.getHeight()) / 2;
		for (int y = 0; y < qr.getHeight(); y++) {
			for (int x = 0; x < qr.getWidth(); x++) {
				if (qr.get(x, y)) {
					luma[(top + y) * WIDTH + left + x] = 16;
				}
			}
		}
		byte[] chroma = new byte[WIDTH * HEIGHT / 4];
		Arrays.fill(chroma, (byte) 128);
		Files.createDirectories(file.getParent());
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n")
				.getBytes(StandardCharsets.US_ASCII));
			for (int frame = 0; frame < 2; frame++) {
				out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
				out.write(luma);
				out.write(chroma);
				out.write(chroma);
			}
		}
		return file;
	}

	/** The phone sends its check-in at once; the database hears of it shortly. */
	private void awaitCheckedIn(long id) throws InterruptedException {
		// At most 30 s: a loaded machine may take that long.
		for (int i = 0; i < 300 && !checkedIn(id); i++) {
			Thread.sleep(100);
		}
	}

	private boolean checkedIn(long id) {
		return this.jdbc.sql("select checked_in_at from registration where id = ?")
			.param(id)
			.query(Timestamp.class)
			.optional()
			.isPresent();
	}

	/** Chromium whose camera films {@code film}. */
	private Browser filming(Playwright playwright, Path film) {
		return chromium(playwright, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
				"--use-file-for-fake-video-capture=" + film.toAbsolutePath());
	}

	/**
	 * A phone allowed the camera, on the door page of {@code slug} on its day, signed in
	 * as {@code staff}. Chromium on Linux has no BarcodeDetector; removing it anyway
	 * tests the bundled jsQR decoder everywhere.
	 */
	private Page doorPageWithCamera(Browser chromium, String staff, String slug) {
		BrowserContext context = phone(chromium);
		context.grantPermissions(List.of("camera"), new BrowserContext.GrantPermissionsOptions().setOrigin(url("")));
		context.addInitScript("delete window.BarcodeDetector;");
		Page phone = context.newPage();
		logIn(phone, staff);
		new TestEvents(this.jdbc).onItsDay(slug);
		phone.navigate(url("/admin/events/" + slug + "/checkin"));
		assertThat(phone.locator(".door__letter")).not().hasCount(0);
		return phone;
	}

}
