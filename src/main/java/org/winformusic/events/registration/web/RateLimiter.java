package org.winformusic.events.registration.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

import org.winformusic.events.registration.RegistrationProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Registration and lookup POSTs per client IP, in fixed 10-minute windows. Counters live
 * in PostgreSQL (one upsert per request) so the limit holds across instances; the IP is
 * stored only as a hash and only for the window.
 */
@Component
class RateLimiter {

	static final Duration WINDOW = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RegistrationProperties properties;

	RateLimiter(JdbcClient jdbc, Clock clock, RegistrationProperties properties) {
		this.jdbc = jdbc;
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

	/** Old windows are worth nothing: drop them. */
	@Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
	void forgetOldWindows() {
		this.jdbc.sql("delete from rate_limit_bucket where window_start < ?")
			.param(OffsetDateTime.ofInstant(this.clock.instant().minus(WINDOW.multipliedBy(2)), ZoneOffset.UTC))
			.update();
	}

	private static String key(String clientIp) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.valueOf(clientIp).getBytes(StandardCharsets.UTF_8));
			return "ip:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
