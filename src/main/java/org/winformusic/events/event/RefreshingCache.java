package org.winformusic.events.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Values kept for {@code freshness}, then read again by one caller while the others keep
 * getting the value of a moment ago: when the event's facts expired under 32 concurrent
 * visitors, each of them loaded the event (its speakers and partners too) at the same
 * time. A key without a value is loaded by whoever asks; an empty result is not kept.
 * {@link #clear} (an edit on this instance) drops every value, and a load that began
 * before it is not kept.
 */
final class RefreshingCache<V> {

	private final Clock clock;

	private final Duration freshness;

	private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	RefreshingCache(Clock clock, Duration freshness) {
		this.clock = clock;
		this.freshness = freshness;
	}

	Optional<V> get(String key, Supplier<Optional<V>> load) {
		Entry<V> entry = this.entries.get(key);
		if (entry != null
				&& (entry.until().isAfter(this.clock.instant()) || !entry.refreshing().compareAndSet(false, true))) {
			return Optional.of(entry.value());
		}
		long generation = this.generation.get();
		Optional<V> loaded;
		try {
			loaded = load.get();
		}
		catch (RuntimeException ex) {
			if (entry != null) {
				entry.refreshing().set(false);
			}
			throw ex;
		}
		if (loaded.isEmpty()) {
			this.entries.remove(key);
			return loaded;
		}
		this.entries.put(key,
				new Entry<>(loaded.get(), this.clock.instant().plus(this.freshness), new AtomicBoolean()));
		if (this.generation.get() != generation) {
			// Cleared while loading: what was read may be older than the edit.
			this.entries.remove(key);
		}
		return loaded;
	}

	void clear() {
		this.generation.incrementAndGet();
		this.entries.clear();
	}

	private record Entry<V>(V value, Instant until, AtomicBoolean refreshing) {
	}

}
