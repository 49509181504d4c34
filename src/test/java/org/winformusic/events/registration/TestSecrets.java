package org.winformusic.events.registration;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link AppSecrets} as another application instance holds them: nothing cached yet, each
 * key read from {@code app_secret} (or created there) on first use.
 */
public final class TestSecrets {

	private TestSecrets() {
	}

	public static AppSecrets ofAnotherInstance(JdbcClient jdbc, Clock clock) {
		return new AppSecrets(jdbc, clock);
	}

}
