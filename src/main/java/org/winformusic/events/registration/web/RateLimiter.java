package org.winformusic.events.registration.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.winformusic.events.registration.AppSecrets;
import org.winformusic.events.registration.RegistrationProperties;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Registration and lookup POSTs per client IP, in fixed 10-minute windows. Counters live
 * in PostgreSQL (one upsert per request) so the limit holds across instances; the IP is
 * stored only for the window, and only as its HMAC-SHA256 under a random key of
 * {@link AppSecrets} (the same on every instance). A plain hash would not hide it: there
 * are only 2^32 IPv4 addresses, so whoever holds the rows could hash them all and match.
 * The key is in the same database: a full dump (key and rows) still allows that for the
 * rows' 20 minutes; the rows alone do not.
 */
@Component
class RateLimiter {

	static final Duration WINDOW = Duration.ofMinutes(10);

	/** The {@link AppSecrets} key of the bucket keys. */
	static final String KEY_NAME = "rate-limit";

	/**
	 * Bucket keys are {@code ip-hmac:<hex>}; rows of the former plain SHA-256 scheme
	 * ({@code ip:<hex>}) match none of them and simply expire.
	 */
	static final String KEY_PREFIX = "ip-hmac:";

	private final JdbcClient jdbc;

	private final AppSecrets secrets;

	private final Clock clock;

	private final RegistrationProperties properties;

	RateLimiter(JdbcClient jdbc, AppSecrets secrets, Clock clock, RegistrationProperties properties) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
		this.properties = properties;
	}

	/** Counts a request from {@code clientIp}; false when it is over the limit. */
	boolean allow(String clientIp) {
		int limit = this.properties.rateLimitPerIp();
		if (limit <= 0) {
			return true;
		}
		long windowSeconds = WINDOW.toSeconds();
		long now = this.clock.instant().getEpochSecond();
		Instant windowStart = Instant.ofEpochSecond(now - Math.floorMod(now, windowSeconds));
		int hits = this.jdbc.sql("""
				insert into rate_limit_bucket (bucket_key, window_start, hits) values (?, ?, 1)
				on conflict (bucket_key, window_start) do update set hits = rate_limit_bucket.hits + 1
				returning hits
				""")
			.params(key(clientIp), OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC))
			.query(Integer.class)
			.single();
		return hits <= limit;
	}

	/** When a client over the limit may try again: the current window's end. */
	long secondsUntilNextWindow() {
		long windowSeconds = WINDOW.toSeconds();
		return windowSeconds - Math.floorMod(this.clock.instant().getEpochSecond(), windowSeconds);
	}

	/**
	 * The answer to a client over the limit: 429 with when to try again, on the error
	 * page in the visitor's language, which says in how many minutes and, for a form,
	 * leads back to it with what was typed (the browser's Back, as a refused CSRF token's
	 * page does: an office behind one address may get here without having done anything
	 * wrong).
	 * @return the view
	 */
	String tooManyRequests(HttpServletRequest request, HttpServletResponse response, Model model) {
		long seconds = secondsUntilNextWindow();
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", Long.toString(seconds));
		model.addAttribute("status", HttpStatus.TOO_MANY_REQUESTS.value());
		model.addAttribute("path", request.getRequestURI());
		model.addAttribute("retryMinutes", (seconds + 59) / 60);
		return "error";
	}

	/** Old windows are worth nothing: drop them. */
	@Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
	void forgetOldWindows() {
		this.jdbc.sql("delete from rate_limit_bucket where window_start < ?")
			.param(OffsetDateTime.ofInstant(this.clock.instant().minus(WINDOW.multipliedBy(2)), ZoneOffset.UTC))
			.update();
	}

	private String key(String clientIp) {
		return KEY_PREFIX + HexFormat.of().formatHex(this.secrets.mac(KEY_NAME, String.valueOf(clientIp)));
	}

}
