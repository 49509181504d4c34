package org.winformusic.events.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.winformusic.events.TestDatabaseConfiguration;
import org.winformusic.events.TestStaff;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser tests: the application on a random local port with the real PostgreSQL, driven
 * through Playwright in Debian's Chromium (never a downloaded browser). Without Chromium
 * the tests are skipped with a message, except under {@code CI=true}, where a missing
 * browser fails the build. Every browser test class shares one application context (the
 * same properties, declared only here): each class creates its own events, people and
 * staff users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@Import(TestDatabaseConfiguration.class)
@ActiveProfiles("test")
public abstract class BrowserTest {

	/** A phone (iPhone 12-15 class) and a laptop. */
	protected static final int PHONE = 390;

	protected static final int DESKTOP = 1280;

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/**
	 * How long a Playwright assertion waits for the page to show what it expects, instead
	 * of Playwright's 5 s: on a loaded two-core CI machine a form's answer, a door sync
	 * or a script's first render can take longer. A passing assertion returns as soon as
	 * it holds, so only a failure waits this long.
	 */
	static final double ASSERTION_TIMEOUT_MILLIS = 20_000;

	private static Playwright playwright;

	private static Browser browser;

	private BrowserContext context;

	@LocalServerPort
	protected int port;

	/**
	 * The outbox sender delivers to {@link MailCatcher} within a fraction of a second.
	 */
	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", MailCatcher::port);
		registry.add("app.mail.sender-enabled", () -> "true");
		registry.add("app.mail-poll-interval", () -> "200ms");
	}

	@BeforeAll
	static void launchBrowser() {
		Path chromium = Paths.get(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
		if (!Files.isExecutable(chromium)) {
			String message = "Browser tests need Chromium at " + chromium
					+ " (apt-get install chromium, or set CHROMIUM_PATH)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message + ": under CI=true a missing browser fails the build");
			}
			Assumptions.abort(message + ": skipped outside CI");
		}
		PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_TIMEOUT_MILLIS);
		if (browser == null) {
			playwright = Playwright
				.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
			browser = playwright.chromium()
				.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
					.setHeadless(true)
					.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
							"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
		}
	}

	@AfterAll
	static void keepBrowserForNextClass() {
		// One browser serves all browser test classes of the JVM; it closes with the JVM.
	}

	@AfterEach
	void closeContext() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

	/**
	 * A fresh browser window (no cookies) of the given width, preferring the given
	 * language.
	 */
	protected Page open(int width, String acceptLanguage) {
		if (this.context != null) {
			this.context.close();
		}
		this.context = newContext(width, acceptLanguage);
		return this.context.newPage();
	}

	/** A second, independent window (another visitor) of the given width. */
	protected BrowserContext newContext(int width, String acceptLanguage) {
		return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, (width < 600) ? 844 : 900)
			.setLocale(acceptLanguage)
			.setExtraHTTPHeaders(Map.of("Accept-Language", acceptLanguage))
			.setAcceptDownloads(true));
	}

	protected String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/** Saves a full-page PNG under target/screenshots for people to look at. */
	protected static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	/**
	 * Saves a PNG of what the window shows (no scrolling) under target/screenshots, for
	 * pages whose full length would make a huge image.
	 */
	protected static void screenshotOfWindow(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
	}

	/** Logs a staff user in through the login form and waits for the admin page. */
	protected void logIn(Page page, String email) {
		page.navigate(url("/admin/login"));
		submitLogin(page, email);
	}

	/**
	 * Fills the login form the page shows with the staff user's email and the test
	 * password, and waits to be let in.
	 */
	protected static void submitLogin(Page page, String email) {
		page.locator("#username").fill(email);
		page.locator("#password").fill(TestStaff.PASSWORD);
		page.locator("form.form button[type=submit]").click();
		page.waitForURL((address) -> !address.contains("/admin/login"));
	}

	/**
	 * No accessibility violation of impact serious or critical on the page as it is now.
	 */
	protected static void assertAccessible(Page page) {
		AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze();
		List<String> serious = results.getViolations()
			.stream()
			.filter((rule) -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map(BrowserTest::describe)
			.toList();
		assertThat(serious).as("axe violations on " + page.url()).isEmpty();
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList();
	}

}
