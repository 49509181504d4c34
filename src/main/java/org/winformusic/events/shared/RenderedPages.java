package org.winformusic.events.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.HtmlUtils;

/**
 * Public pages as rendered, per page and language: a page that is the same for every
 * visitor of a language is rendered again only when the version of its inputs changes
 * (which its caller reads on every request) or after {@link #TIME_TO_LIVE}, instead of
 * once per visitor. What a kept page shows is as current as the data it was rendered
 * from: its callers render from facts read at most a few seconds earlier.
 * <p>
 * Two kinds: a page without per-visitor content ({@link #render}, kept plain and gzipped,
 * with an ETag for conditional GETs; a page carrying a CSRF field is never kept), and a
 * form ({@link #renderForm}): rendered with placeholders where the visitor's CSRF token
 * and the caller's per-visitor values go, which {@link #writeForm} fills in for each
 * visitor. The placeholders are random for each process, so no text a page shows can
 * forge one.
 */
@Component
public class RenderedPages {

	private static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);

	private static final int MAX_PAGES = 256;

	private static final Pattern CACHEABLE_QUERY = Pattern.compile("lang=[a-z]{2}");

	private final Map<String, Page> pages = new ConcurrentHashMap<>();

	private final ThymeleafViewResolver views;

	private final PageModel pageModel;

	private final Clock clock;

	private final String csrfPlaceholder = placeholder();

	RenderedPages(ThymeleafViewResolver views, PageModel pageModel, Clock clock) {
		this.views = views;
		this.pageModel = pageModel;
		this.clock = clock;
	}

	/**
	 * The key a page of this request is kept under: the page and the language (a
	 * {@code lang=..} query only chooses the language); null when the query has anything
	 * else, and the page must be rendered for this request alone.
	 */
	public static String key(String page, Locale locale, HttpServletRequest request) {
		String query = request.getQueryString();
		return (query == null || CACHEABLE_QUERY.matcher(query).matches()) ? page + "|" + locale.toLanguageTag() : null;
	}

	/**
	 * A text that stands for a per-visitor value in a form rendered by
	 * {@link #renderForm}: random, so no page content can contain it.
	 */
	public static String placeholder() {
		byte[] random = new byte[12];
		new SecureRandom().nextBytes(random);
		return "placeholder-" + HexFormat.of().formatHex(random);
	}

	/**
	 * The page kept under this key for this version, rendered less than
	 * {@link #TIME_TO_LIVE} ago, or null.
	 */
	public Page find(String key, String version) {
		Page page = (key != null && version != null) ? this.pages.get(key) : null;
		return (page != null && page.version().equals(version)
				&& this.clock.instant().isBefore(page.renderedAt().plus(TIME_TO_LIVE))) ? page : null;
	}

	/**
	 * Renders a view into a page and keeps it under {@code key} (null: not kept), unless
	 * it carries a CSRF field.
	 */
	public Page render(String key, String version, String viewName, Map<String, Object> model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) throws Exception {
		Page page = renderPage(version, viewName, model, locale, request, response, true);
		if (!new String(page.html(), StandardCharsets.UTF_8).contains("name=\"_csrf\"")) {
			keep(key, version, page);
		}
		return page;
	}

	/**
	 * Renders a form for any visitor and keeps it under {@code key} (null: not kept): the
	 * CSRF field holds a placeholder, and so must the model wherever a value differs
	 * between visitors (see {@link #placeholder()}).
	 */
	public Page renderForm(String key, String version, String viewName, Map<String, Object> model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) throws Exception {
		HttpServletRequest anyVisitor = new HttpServletRequestWrapper(request) {
			@Override
			public Object getAttribute(String name) {
				Object value = super.getAttribute(name);
				return (value instanceof CsrfToken token) ? new DefaultCsrfToken(token.getHeaderName(),
						token.getParameterName(), RenderedPages.this.csrfPlaceholder) : value;
			}
		};
		Page page = renderPage(version, viewName, model, locale, anyVisitor, response, false);
		keep(key, version, page);
		return page;
	}

	/**
	 * With {@code asRendered} (a page sent as it was rendered), gzipped and with its
	 * ETag.
	 */
	private Page renderPage(String version, String viewName, Map<String, Object> model, Locale locale,
			HttpServletRequest request, HttpServletResponse response, boolean asRendered) throws Exception {
		View view = this.views.resolveViewName(viewName, locale);
		this.pageModel.addTo(model, request);
		ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(response);
		view.render(model, request, buffer);
		byte[] html = buffer.getContentAsByteArray();
		return new Page(version, html, asRendered ? gzip(html) : null, asRendered ? etag(html) : null,
				buffer.getContentType(), this.clock.instant());
	}

	private void keep(String key, String version, Page page) {
		if (key == null || version == null) {
			return;
		}
		if (this.pages.size() >= MAX_PAGES) {
			this.pages.clear();
		}
		this.pages.put(key, page);
	}

	/**
	 * Sends a page: 304 when the browser has it, gzipped when the browser accepts it.
	 * {@code Cache-Control: no-cache} lets browsers keep the page and ask again each
	 * time.
	 */
	public static void write(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
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

	/**
	 * Sends a form rendered by {@link #renderForm} to this visitor: the placeholders
	 * replaced by the visitor's CSRF token (which, like a page rendered for the visitor,
	 * sets the CSRF cookie where there is none yet; a page without a form has none) and
	 * by {@code values}, escaped for HTML. Compressed by the server like any page, and
	 * never stored by browsers or proxies (the security headers' {@code Cache-Control}).
	 */
	public void writeForm(Page page, Map<String, String> values, Locale locale, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String html = new String(page.html(), StandardCharsets.UTF_8);
		if (html.contains(this.csrfPlaceholder)) {
			CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			html = html.replace(this.csrfPlaceholder, (token != null) ? HtmlUtils.htmlEscape(token.getToken()) : "");
		}
		for (Map.Entry<String, String> value : values.entrySet()) {
			html = html.replace(value.getKey(), HtmlUtils.htmlEscape(value.getValue()));
		}
		response.setLocale(locale);
		response.setContentType(page.contentType());
		response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
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

	/**
	 * A rendered page, plain and (unless it is a form) gzipped with its ETag, and the
	 * version of its inputs.
	 */
	public record Page(String version, byte[] html, byte[] gzipped, String etag, String contentType,
			Instant renderedAt) {
	}

}
