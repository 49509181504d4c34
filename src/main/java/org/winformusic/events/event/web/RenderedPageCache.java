package org.winformusic.events.event.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.winformusic.events.event.EventCatalog.Availability;
import org.winformusic.events.event.EventSeats;

import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Public event pages as rendered, per page, language and query: the page is the same for
 * every visitor of a language, so it is rendered again only when its {@link #version}
 * changes (the event row, its seats or free seats, a registration time passing) or after
 * {@link #TIME_TO_LIVE}, instead of once per visitor. The version costs one query per
 * request, so the seats-left line is always exact. Each page is kept plain and gzipped,
 * with an ETag for conditional GETs. Only pages without per-visitor content may go
 * through here: a page carrying a CSRF field is never kept.
 */
@Component
class RenderedPageCache {

	static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);

	private static final int MAX_PAGES = 256;

	private final Map<String, Page> pages = new ConcurrentHashMap<>();

	private final ThymeleafViewResolver views;

	private final JdbcClient jdbc;

	private final EventSeats seats;

	private final Clock clock;

	RenderedPageCache(ThymeleafViewResolver views, JdbcClient jdbc, EventSeats seats, Clock clock) {
		this.views = views;
		this.jdbc = jdbc;
		this.seats = seats;
		this.clock = clock;
	}

	/**
	 * What a published event's page depends on besides its language: the event row's last
	 * change, its seats and free seats, and which of its registration times have passed.
	 * Null when no published event has this slug.
	 */
	String version(String slug) {
		Times event = this.jdbc
			.sql("select id, updated_at, registration_opens_at, registration_closes_at, starts_at from event"
					+ " where slug = ? and published")
			.param(slug)
			.query((rs, n) -> new Times(rs.getLong("id"), rs.getTimestamp("updated_at"),
					rs.getTimestamp("registration_opens_at"), rs.getTimestamp("registration_closes_at"),
					rs.getTimestamp("starts_at")))
			.optional()
			.orElse(null);
		if (event == null) {
			return null;
		}
		Availability seats = this.seats.availability(event.id());
		Instant now = this.clock.instant();
		return event.updatedAt().getTime() + "|" + seats.capacity() + "|" + seats.free() + "|"
				+ passed(event.opensAt(), now) + "|" + passed(event.closesAt(), now) + "|"
				+ passed(event.startsAt(), now);
	}

	private record Times(long id, Timestamp updatedAt, Timestamp opensAt, Timestamp closesAt, Timestamp startsAt) {
	}

	private static boolean passed(Timestamp time, Instant now) {
		return time != null && !now.isBefore(time.toInstant());
	}

	/**
	 * The page kept under this key for this version, rendered less than
	 * {@link #TIME_TO_LIVE} ago, or null.
	 */
	Page find(String key, String version) {
		Page page = this.pages.get(key);
		return (page != null && page.version().equals(version)
				&& this.clock.instant().isBefore(page.renderedAt().plus(TIME_TO_LIVE))) ? page : null;
	}

	/**
	 * Renders a view into a page and keeps it under {@code key} (null: not kept), unless
	 * it carries a CSRF field.
	 */
	Page render(String key, String version, String viewName, Map<String, Object> model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) throws Exception {
		View view = this.views.resolveViewName(viewName, locale);
		ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(response);
		view.render(model, request, buffer);
		byte[] html = buffer.getContentAsByteArray();
		Page page = new Page(version, html, gzip(html), etag(html), buffer.getContentType(), this.clock.instant());
		if (key != null && !new String(html, StandardCharsets.UTF_8).contains("name=\"_csrf\"")) {
			if (this.pages.size() >= MAX_PAGES) {
				this.pages.clear();
			}
			this.pages.put(key, page);
		}
		return page;
	}

	/**
	 * Sends a page: 304 when the browser has it, gzipped when the browser accepts it.
	 * {@code Cache-Control: no-cache} lets browsers keep the page and ask again each
	 * time.
	 */
	static void write(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.ETAG, page.etag());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		response.setHeader(HttpHeaders.VARY, "Accept-Encoding, Accept-Language, Cookie");
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null && ifNoneMatch.contains(page.etag())) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentType(page.contentType());
		String acceptEncoding = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		byte[] body = page.html();
		if (acceptEncoding != null && acceptEncoding.contains("gzip")) {
			// Tomcat does not compress a response that already has a Content-Encoding.
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			body = page.gzipped();
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static byte[] gzip(byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 3);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static String etag(byte[] content) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
			return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A rendered page, plain and gzipped, and the version of its inputs. */
	record Page(String version, byte[] html, byte[] gzipped, String etag, String contentType, Instant renderedAt) {
	}

}
