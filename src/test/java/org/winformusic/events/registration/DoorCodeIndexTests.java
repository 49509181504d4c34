package org.winformusic.events.registration;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.winformusic.events.shared.AppProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** The door codes of ids, each computed once, looked up by code. */
class DoorCodeIndexTests {

	private static final CheckinPasses PASSES = CheckinPasses.withKey(
			"a key of thirty-two bytes, fixed".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
			new AppProperties(URI.create("https://events.example.org/")));

	@Test
	void everyIdUpToTheHighestIsFoundByItsCodeAsTheIndexGrows() {
		DoorCodeIndex index = new DoorCodeIndex(PASSES::code);
		assertThat(index.ids(PASSES.code(3), 10)).containsExactly(3L);
		assertThat(index.ids(PASSES.code(11), 10)).isEmpty();
		for (long id : new long[] { 1, 10, 11, 2_500, 4_999, 5_000 }) {
			assertThat(index.ids(PASSES.code(id), 5_000)).as("id %d", id).containsExactly(id);
		}
		assertThat(index.highest()).isEqualTo(5_000);
	}

	@Test
	void idsSharingACodeAreAllFoundLowestFirst() {
		// Three codes for all ids: collisions the 40 bits of a real code make rare.
		DoorCodeIndex index = new DoorCodeIndex((id) -> "CODE000" + (id % 3));
		assertThat(index.ids("CODE0001", 10)).containsExactly(1L, 4L, 7L, 10L);
		assertThat(index.ids("CODE0002", 100)).hasSize(33).startsWith(2L, 5L).endsWith(98L);
	}

	@Test
	void aCodeIsComputedOnce() {
		AtomicInteger computed = new AtomicInteger();
		DoorCodeIndex index = new DoorCodeIndex((id) -> {
			computed.incrementAndGet();
			return PASSES.code(id);
		});
		index.ids(PASSES.code(7), 100);
		assertThat(computed).hasValue(100);
		index.ids(PASSES.code(7), 100);
		assertThat(computed).hasValue(100);
		assertThat(index.highest()).isEqualTo(100);
	}

}
