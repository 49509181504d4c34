package org.winformusic.events.e2e;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class PublicPagesBrowserTests extends BrowserTest {

	@Test
	void switchingLanguageKeepsTheVisitorOnTheSamePage() {
		Page page = open(PHONE, "es-MX");
		page.navigate(url("/events/mexico-workshop"));
		assertThat(page.locator("h1"))
			.hasText("Hoja de ruta para crear una asociación de música independiente en México");

		page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("English"))
			.click();
		assertThat(page).hasURL(url("/events/mexico-workshop?lang=en"));
		assertThat(page.locator("h1")).hasText("Roadmap to Starting an Independent Music Trade Association in Mexico");

		page.navigate(url("/"));
		assertThat(page.locator("h1")).hasText("Upcoming events");
	}

	@Test
	void eventAndHomePagesReadWellOnPhoneAndLaptopAndPassAccessibilityChecks() {
		for (int width : new int[] { PHONE, DESKTOP }) {
			Page page = open(width, "es-MX");
			page.navigate(url("/events/mexico-workshop"));
			assertThat(page.locator(".facts")).containsText("lunes 20 de marzo de 2028, 10:00–14:00");
			assertAccessible(page);
			screenshot(page, "event-" + width);
			screenshotOfWindow(page, "event-top-" + width);

			page.navigate(url("/"));
			assertAccessible(page);
			screenshot(page, "home-" + width);

			page.navigate(url("/privacy"));
			assertAccessible(page);
		}
	}

	@Test
	void notFoundPageIsLocalizedAndAccessible() {
		Page page = open(PHONE, "en");
		page.navigate(url("/events/nothing-here"));
		assertThat(page.locator("h1")).hasText("Page not found");
		assertAccessible(page);
	}

}
