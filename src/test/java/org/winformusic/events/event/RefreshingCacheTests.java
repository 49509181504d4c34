package org.winformusic.events.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.winformusic.events.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * An expired value is read again by one caller while the others get the previous one; a
 * clear drops everything, including a load that was under way.
 */
class RefreshingCacheTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T12:00:00Z"));

	private final RefreshingCache<String> cache = new RefreshingCache<>(this.clock, Duration.ofSeconds(10));

	private final AtomicInteger loads = new AtomicInteger();

	@Test
	void aFreshValueIsNotReadAgain() {
		assertThat(this.cache.get("k", () -> load("first"))).hasValue("first");
		this.clock.advance(Duration.ofSeconds(9));
		assertThat(this.cache.get("k", () -> load("second"))).hasValue("first");
		assertThat(this.loads).hasValue(1);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.cache.get("k", () -> load("second"))).hasValue("second");
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void whileOneCallerReadsAnExpiredValueAgainTheOthersGetThePreviousOne() throws Exception {
		this.cache.get("k", () -> load("old"));
		this.clock.advance(Duration.ofSeconds(11));
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Optional<String>> refresher = CompletableFuture.supplyAsync(() -> this.cache.get("k", () -> {
			loading.countDown();
			await(release);
			return load("new");
		}));
		assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();

		for (int i = 0; i < 5; i++) {
			assertThat(this.cache.get("k", () -> load("also new"))).hasValue("old");
		}
		release.countDown();
		assertThat(refresher.get(10, TimeUnit.SECONDS)).hasValue("new");
		assertThat(this.cache.get("k", () -> load("newer"))).hasValue("new");
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void aFailedRefreshLetsTheNextCallerTryAgainAndNothingEmptyIsKept() {
		this.cache.get("k", () -> load("old"));
		this.clock.advance(Duration.ofSeconds(11));
		assertThatIllegalStateException().isThrownBy(() -> this.cache.get("k", () -> {
			throw new IllegalStateException("database down");
		}));
		assertThat(this.cache.get("k", Optional::empty)).isEmpty();
		assertThat(this.cache.get("k", () -> load("back"))).hasValue("back");
	}

	@Test
	void aClearDropsTheValuesAndALoadThatBeganBeforeIt() {
		this.cache.get("k", () -> load("before the edit"));
		this.cache.clear();
		assertThat(this.cache.get("k", () -> load("after the edit"))).hasValue("after the edit");

		this.cache.clear();
		assertThat(this.cache.get("k", () -> {
			this.cache.clear();
			return load("read while editing");
		})).hasValue("read while editing");
		assertThat(this.cache.get("k", () -> load("after the second edit"))).hasValue("after the second edit");
	}

	private Optional<String> load(String value) {
		this.loads.incrementAndGet();
		return Optional.of(value);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
