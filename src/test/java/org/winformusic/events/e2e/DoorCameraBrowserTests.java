package org.winformusic.events.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
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
import org.winformusic.events.admin.StaffRole;
import org.winformusic.events.registration.CheckinPasses;
import org.winformusic.events.registration.PublicRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scanning at the door with the phone's camera: Chromium's fake camera films a badge's
 * pass QR code, the door page reads it and the volunteer checks the person in. The QR
 * decoder is the bundled jsQR (Chromium on Linux has no {@code BarcodeDetector}; the test
 * removes it anyway, so the same decoder is tested everywhere).
 */
class DoorCameraBrowserTests extends BrowserTest {

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
		TestEvents.copyOfMexicoWorkshop(this.jdbc, "door-camera", 10);
		long lucia = TestEvents
			.register(this.registrations, "door-camera", "Lucía Ramírez", "lucia@example.org", "Ruido Records")
			.registrationId();
		TestEvents.register(this.registrations, "door-camera", "Luis Ramos", "luis@example.org", "Sello Sur");
		String organizer = TestStaff.create(this.jdbc, "door-camera@win.test", "Carmen", StaffRole.ORGANIZER);
		Path film = filmOfQrCode(this.passes.link(lucia), Path.of("target", "door-camera", "badge.y4m"));

		// The fake camera is a launch flag, so this test has a browser of its own.
		try (Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
				Browser chromium = playwright.chromium()
					.launch(new BrowserType.LaunchOptions()
						.setExecutablePath(Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium")))
						.setHeadless(true)
						.setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run",
								"--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
								"--use-file-for-fake-video-capture=" + film.toAbsolutePath())))) {
			BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setViewportSize(PHONE, 844)
				.setLocale("es-MX")
				.setExtraHTTPHeaders(Map.of("Accept-Language", "es-MX")));
			context.grantPermissions(List.of("camera"),
					new BrowserContext.GrantPermissionsOptions().setOrigin(url("")));
			context.addInitScript("delete window.BarcodeDetector;");
			Page phone = context.newPage();
			logIn(phone, organizer);
			phone.navigate(url("/admin/events/door-camera/checkin"));
			assertThat(phone.locator(".door__letter")).not().hasCount(0);

			phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Escanear pase")).click();
			assertThat(phone.locator("#door-video")).isVisible();
			Locator card = phone.locator(".door__person");
			assertThat(card).hasCount(1);
			assertThat(card).containsText("Lucía Ramírez");
			card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Registrar llegada")).click();
			assertThat(card.locator(".door__alert--done")).containsText("Llegada registrada a las");
			assertThat(phone.locator(".door__count")).hasText("Llegaron 1 de 2 personas confirmadas");
			awaitCheckedIn(lucia);
			assertThat(checkedIn(lucia)).isTrue();

			phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apagar la cámara")).click();
			assertThat(phone.locator("#door-video")).isHidden();
		}
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
		for (int i = 0; i < 100 && !checkedIn(id); i++) {
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

}
