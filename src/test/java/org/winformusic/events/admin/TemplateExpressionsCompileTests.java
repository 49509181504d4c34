package org.winformusic.events.admin;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.cache.ExpressionCacheKey;
import org.thymeleaf.cache.ICache;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The expressions the list of events and the dashboard evaluate per row, per bar and per
 * share can be compiled to bytecode ({@code spring.thymeleaf.enable-spring-el-compiler}):
 * SpEL compiles an expression only when every property it reads is declared by a public
 * type, and otherwise interprets it on every evaluation (a search of the property
 * accessors each time). A view record made package-private again fails here.
 */
@AdminTest
class TemplateExpressionsCompileTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SpringTemplateEngine engine;

	@Test
	void theEventListAndDashboardExpressionsCompile() throws Exception {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		TestRegistrations data = new TestRegistrations(this.jdbc);
		data.in(event).person("José Peña").createdAt(Instant.parse("2026-11-01T16:00:00Z")).create();
		data.in(event)
			.person("María Álvarez")
			.status("PENDING")
			.state("JAL")
			.createdAt(Instant.parse("2026-11-03T16:00:00Z"))
			.create();
		for (String page : List.of("/admin", "/admin/events/" + event.slug())) {
			this.mvc.perform(get(page).with(user("ops@win.test").roles("OPS"))).andExpect(status().isOk());
		}

		Map<String, SpelExpression> cached = cachedExpressions();
		List<String> interpreted = new ArrayList<>();
		for (String expression : List.of("e.title", "e.date", "e.published", "e.capacity", "e.counts.confirmed",
				"counts.confirmed", "b.x", "b.y", "b.width", "b.height", "b.label", "breakdowns.total",
				"breakdowns.states", "s.key", "s.count", "s.percent()")) {
			SpelExpression spel = cached.get(expression);
			assertThat(spel).as("%s evaluated by a page", expression).isNotNull();
			if (!spel.compileExpression()) {
				interpreted.add(expression);
			}
		}
		assertThat(interpreted).as("expressions SpEL cannot compile").isEmpty();
	}

	/**
	 * The SpEL expressions Thymeleaf has parsed and cached so far, by their text. The
	 * cache's values wrap the parsed expression in a class of Thymeleaf's own.
	 */
	private Map<String, SpelExpression> cachedExpressions() throws IllegalAccessException {
		ICache<ExpressionCacheKey, Object> cache = this.engine.getConfiguration()
			.getCacheManager()
			.getExpressionCache();
		Map<String, SpelExpression> expressions = new HashMap<>();
		for (ExpressionCacheKey key : cache.keySet()) {
			Object value = cache.get(key);
			for (Field field : (value != null) ? value.getClass().getDeclaredFields() : new Field[0]) {
				field.setAccessible(true);
				if (field.get(value) instanceof SpelExpression spel) {
					expressions.put(spel.getExpressionString(), spel);
				}
			}
		}
		return expressions;
	}

}
