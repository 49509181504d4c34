package org.winformusic.events.registration.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.registration.RegistrationProperties;
import org.winformusic.events.registration.TestSecrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-IP counters as a database dump shows them, and as several application instances
 * share them.
 */
@IntegrationTest
class RateLimiterTests {

	/** Inside one 10-minute window, and far from the windows other tests count in. */
	static final Instant NOW = Instant.parse("2031-05-05T10:03:00Z");

	static final OffsetDateTime WINDOW_START = OffsetDateTime.parse("2031-05-05T10:00:00Z");

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyTheWindow() {
		this.jdbc.sql("delete from rate_limit_bucket where window_start = ?").param(WINDOW_START).update();
	}

	@Test
	void twoInstancesCountOneClientInTheSameBucketAndTheLimitHoldsAcrossThem() {
		RateLimiter one = anotherInstance();
		RateLimiter two = anotherInstance();
		String client = "198.51.100.23";

		assertThat(one.allow(client)).isTrue();
		assertThat(two.allow(client)).isTrue();
		assertThat(one.allow(client)).isTrue();
		assertThat(two.allow(client)).as("the fourth request, whichever instance gets it").isFalse();
		assertThat(one.allow("198.51.100.24")).as("another client").isTrue();

		assertThat(this.jdbc.sql("select hits from rate_limit_bucket where window_start = ? order by hits")
			.param(WINDOW_START)
			.query(Integer.class)
			.list()).containsExactly(1, 4);
	}

	@Test
	void theStoredKeyIsNoHashOfTheAddressAnyoneCouldRecomputeFromTheRowsAlone() throws Exception {
		String client = "203.0.113.9";
		anotherInstance().allow(client);

		List<String> keys = this.jdbc.sql("select bucket_key from rate_limit_bucket where window_start = ?")
			.param(WINDOW_START)
			.query(String.class)
			.list();
		// All 2^32 IPv4 addresses hashed and matched against a dump find nothing.
		String sha256 = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(client.getBytes(StandardCharsets.UTF_8)));
		assertThat(keys).hasSize(1).noneMatch((key) -> key.contains(sha256));
		// It takes the random key kept apart in app_secret.
		byte[] secret = this.jdbc.sql("select secret from app_secret where name = 'rate-limit'")
			.query(byte[].class)
			.single();
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret, "HmacSHA256"));
		assertThat(keys).containsExactly(
				"ip-hmac:" + HexFormat.of().formatHex(mac.doFinal(client.getBytes(StandardCharsets.US_ASCII))));
	}

	/** A limiter of 3 requests per window with secrets of its own, nothing cached. */
	private RateLimiter anotherInstance() {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		return new RateLimiter(this.jdbc, TestSecrets.ofAnotherInstance(this.jdbc, clock), clock,
				new RegistrationProperties(3, 3, 5));
	}

}
