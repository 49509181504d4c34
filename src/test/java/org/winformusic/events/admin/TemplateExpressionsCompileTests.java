package org.winformusic.events.admin;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.thymeleaf.cache.ExpressionCacheKey;
import org.thymeleaf.cache.ICache;
import org.thymeleaf.cache.StandardCache;
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
 * The expressions the list of events, the dashboard and the registrations list evaluate
 * per row, per bar, per share and per filter option can be compiled to bytecode
 * ({@code spring.thymeleaf.enable-spring-el-compiler}): SpEL compiles an expression only
 * when every property it reads is declared by a public type, and otherwise interprets it
 * on every evaluation (a search of the property accessors each time). A view record made
 * package-private again fails here, and so does an expression cache too small to keep the
 * templates' expressions, compiled, between pages.
 */
@AdminTest
class TemplateExpressionsCompileTests {

	/** A Thymeleaf attribute and its expression. */
	private static final Pattern ATTRIBUTE = Pattern.compile("th:[a-z-]+=\"([^\"]*)\"");

	/** A variable expression inside one. */
	private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SpringTemplateEngine engine;

	@Test
	void theAdminPagesPerRowExpressionsCompile() throws Exception {
		TestEvents events = new TestEvents(this.jdbc);
		TestEvents.Created event = events.event().capacity(5).create();
		events.question(event.id(), "ONE_CHOICE", "¿Qué te interesa?", "What interests you?", true, "Giras", "Touring",
				"Derechos", "Rights");
		TestRegistrations data = new TestRegistrations(this.jdbc);
		data.in(event).person("José Peña").createdAt(Instant.parse("2026-11-01T16:00:00Z")).create();
		data.in(event)
			.person("María Álvarez")
			.status("PENDING")
			.state("JAL")
			.createdAt(Instant.parse("2026-11-03T16:00:00Z"))
			.create();
		for (String page : List.of("/admin", "/admin/events/" + event.slug(),
				"/admin/events/" + event.slug() + "/registrations")) {
			this.mvc.perform(get(page).with(user("organizer@win.test").roles("ORGANIZER"))).andExpect(status().isOk());
		}

		Map<String, SpelExpression> cached = cachedExpressions();
		List<String> interpreted = new ArrayList<>();
		// Each loop names its rows after their type (a bar "b", a question "question"):
		// one
		// expression text met with objects of another type is compiled again and again,
		// and never again once a type it cannot compile for has failed it a hundred
		// times.
		for (String expression : List.of("listed.title", "listed.startsAt", "listed.stage", "listed.published",
				"listed.capacity", "listed.counts.confirmed", "counts.confirmed", "b.x", "b.y", "b.width", "b.height",
				"b.label", "question.label", "c.count", "breakdowns.total", "breakdowns.states", "s.key", "s.count",
				"s.percent()", "row.fullName", "row.statusLabel", "row.pending()", "stateFilter == s.code",
				"params.checkedIn == 'true'", "params.sortedBy(col)", "params.exportQueryString()")) {
			SpelExpression spel = cached.get(expression);
			assertThat(spel).as("%s evaluated by a page", expression).isNotNull();
			if (!spel.compileExpression()) {
				interpreted.add(expression);
			}
		}
		assertThat(interpreted).as("expressions SpEL cannot compile").isEmpty();
	}

	/**
	 * The expression cache holds every expression of the templates, so none is evicted
	 * (and recompiled a hundred evaluations later) while staff move between pages: its
	 * bound is at least twice the attributes' expressions and {@code ${...}} parts the
	 * templates hold (each is an entry), and after the public and admin pages rendered,
	 * the first page's expressions are still there.
	 */
	@Test
	void theExpressionCacheHoldsEveryExpressionOfTheTemplates() throws Exception {
		Set<String> expressions = new HashSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				String template = Files.readString(file);
				ATTRIBUTE.matcher(template).results().forEach((m) -> expressions.add("expr|" + m.group(1)));
				VARIABLE.matcher(template).results().forEach((m) -> expressions.add("spel|" + m.group()));
			}
		}
		ICache<ExpressionCacheKey, Object> cache = this.engine.getConfiguration()
			.getCacheManager()
			.getExpressionCache();
		assertThat(expressions).hasSizeGreaterThan(1_000);
		assertThat(((StandardCache<?, ?>) cache).getMaxSize()).isGreaterThanOrEqualTo(2 * expressions.size());

		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		long id = new TestRegistrations(this.jdbc).in(event).person("José Peña").create().id();
		String first = "/admin/events/" + event.slug();
		List<String> pages = List.of(first, "/admin", "/admin/events/" + event.slug() + "/registrations?q=jose",
				"/admin/registrations/" + id, "/admin/registrations/" + id + "/edit",
				"/admin/events/" + event.slug() + "/checkin", "/admin/outbox", "/admin/audit", "/admin/users",
				"/admin/events/" + event.slug() + "/edit", "/admin/privacy");
		for (String page : pages) {
			this.mvc
				.perform(get(page + (page.contains("?") ? "&" : "?") + "lang=en")
					.with(user("admin@win.test").roles("ADMIN")))
				.andExpect(status().isOk());
		}
		for (String page : List.of("/events/" + event.slug(), "/events/" + event.slug() + "/register", "/privacy")) {
			this.mvc.perform(get(page)).andExpect(status().isOk());
		}
		assertThat(cachedExpressions()).containsKeys("counts.confirmed", "b.x", "breakdowns.total");
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
