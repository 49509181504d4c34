package org.winformusic.events.registration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Which registration ids have a given door code, so that a typed code costs a hash probe
 * instead of one MAC per registration of the event ({@link DoorCopies#byCode}). A code is
 * derived from its id with the {@code checkin-pass} key, which {@link AppSecrets} reads
 * once and keeps while the application runs: an id's code never changes, so each is
 * computed once. Nothing secret is stored, and only in memory; each instance builds its
 * own from the shared key.
 *
 * <p>
 * The index covers every integer from 1 to {@link #highest()}, not only the ids read from
 * the table. Ids come from one sequence, but a registration can commit after one with a
 * higher id was read: extending by "the ids above the highest seen" would miss it for
 * good. Covering the whole range needs to know neither which ids exist nor which event
 * they belong to; the caller checks the candidates against the table. Memory: 8 bytes per
 * id for its code and 5 to 11 for the hash table from code to id (about 8 MB for 500
 * 000).
 */
final class DoorCodeIndex {

	/** A door code's length (CheckinPasses): 8 ASCII characters pack into a long. */
	private static final int CODE_LENGTH = 8;

	private final LongFunction<String> codeOf;

	/** The code of each id, packed ({@link #pack}); index 0 unused. */
	private long[] codes = new long[1];

	/** Open addressing with linear probing: ids, 0 for an empty slot. */
	private int[] slots = new int[16];

	private int highest;

	DoorCodeIndex(LongFunction<String> codeOf) {
		this.codeOf = codeOf;
	}

	/**
	 * The ids from 1 to {@code upTo} whose code is {@code code} (normalized, see
	 * {@link CheckinPasses#normalizedCode}), lowest first; computes the codes of the ids
	 * not covered yet.
	 */
	synchronized List<Long> ids(String code, long upTo) {
		cover(upTo);
		long packed = pack(code);
		List<Long> ids = new ArrayList<>(1);
		int mask = this.slots.length - 1;
		for (int slot = slot(packed, mask); this.slots[slot] != 0; slot = (slot + 1) & mask) {
			if (this.codes[this.slots[slot]] == packed) {
				ids.add((long) this.slots[slot]);
			}
		}
		ids.sort(null);
		return ids;
	}

	/** Every id up to this one is indexed. */
	synchronized int highest() {
		return this.highest;
	}

	private void cover(long upTo) {
		if (upTo <= this.highest) {
			return;
		}
		int top = Math.toIntExact(upTo);
		if (top >= this.codes.length) {
			this.codes = Arrays.copyOf(this.codes, Math.max(top + 1, this.codes.length + (this.codes.length >> 1)));
		}
		// At most three quarters full, so a probe ends soon at an empty slot.
		if ((long) top * 4 > (long) this.slots.length * 3) {
			int capacity = Integer.highestOneBit(top) << 1;
			this.slots = new int[((long) top * 4 > (long) capacity * 3) ? capacity << 1 : capacity];
			for (int id = 1; id <= this.highest; id++) {
				insert(id);
			}
		}
		for (int id = this.highest + 1; id <= top; id++) {
			this.codes[id] = pack(this.codeOf.apply(id));
			insert(id);
		}
		this.highest = top;
	}

	private void insert(int id) {
		int mask = this.slots.length - 1;
		int slot = slot(this.codes[id], mask);
		while (this.slots[slot] != 0) {
			slot = (slot + 1) & mask;
		}
		this.slots[slot] = id;
	}

	/** Fibonacci hashing: a code's characters use only 5 bits of each byte. */
	private static int slot(long packed, int mask) {
		return (int) ((packed * 0x9E3779B97F4A7C15L) >>> 32) & mask;
	}

	private static long pack(String code) {
		if (code.length() != CODE_LENGTH) {
			throw new IllegalArgumentException("A door code has " + CODE_LENGTH + " characters");
		}
		long packed = 0;
		for (byte b : code.getBytes(StandardCharsets.US_ASCII)) {
			packed = (packed << 8) | (b & 0xFF);
		}
		return packed;
	}

	private static String unpack(long packed) {
		byte[] code = new byte[CODE_LENGTH];
		for (int i = CODE_LENGTH - 1; i >= 0; i--) {
			code[i] = (byte) packed;
			packed >>>= 8;
		}
		return new String(code, StandardCharsets.US_ASCII);
	}

}
