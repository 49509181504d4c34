package org.winformusic.events.shared;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.view.ContentNegotiatingViewResolver;
import org.springframework.web.servlet.view.RedirectView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redirects are resolved by {@link RedirectViews}, before the content-negotiating
 * resolver that asks (and fills the caches of) every other resolver: a redirect that
 * carries a manage token is kept in no cache, and pages still get their templates (the
 * pages' tests check where their redirects go).
 */
@IntegrationTest
class RedirectViewsTests {

	/** In the order the dispatcher asks them (the beans sorted by their order). */
	@Autowired
	List<ViewResolver> order;

	@Test
	void theRedirectResolverIsAskedFirstAndGivesANewViewEachTime() throws Exception {
		List<ViewResolver> order = this.order;
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
		assertThat(order.get(0)).isInstanceOf(RedirectViews.RedirectViewResolver.class);
		assertThat(order.get(1)).isInstanceOf(ContentNegotiatingViewResolver.class);

		View first = resolve(order, "redirect:/r/secret-token?new");
		View second = resolve(order, "redirect:/r/secret-token?new");
		assertThat(first).isInstanceOf(RedirectView.class).isNotSameAs(second);
		assertThat(((RedirectView) first).getUrl()).isEqualTo("/r/secret-token?new");
		assertThat(((RedirectView) first).isRedirectView()).isTrue();
		assertThat(resolve(order, "event/event")).isNotNull().isNotInstanceOf(RedirectView.class);
	}

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	private static View resolve(List<ViewResolver> order, String name) throws Exception {
		for (ViewResolver resolver : order) {
			View view = resolver.resolveViewName(name, Locale.ENGLISH);
			if (view != null) {
				return view;
			}
		}
		return null;
	}

}
