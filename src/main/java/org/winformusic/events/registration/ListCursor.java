package org.winformusic.events.registration;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page of the registrations list starts: the sort key and id of the row just
 * before it ({@code forward}), or just after it (backwards, for "previous"), and that
 * row's position in the list so the page can say "rows 101 to 150". Travels in the
 * {@code cursor} query parameter as opaque URL-safe text; one that does not parse, holds
 * a time outside years 1 to 9999 or a NUL, or was made for another sort, is ignored (the
 * first page is shown), never an error.
 *
 * @param row 0-based position of the boundary row in the whole list
 */
record ListCursor(RegistrationSort sort, boolean forward, long id, String key, long row) {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	/**
	 * The instants a time key may hold: years 1 to 9999, which the driver and PostgreSQL
	 * read (the driver refuses +10000-01-01 with an exception, not an empty page).
	 */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

	/** The text for the {@code cursor} query parameter. */
	String encode() {
		String text = this.sort.column().name() + "\n" + this.sort.dir() + "\n" + (this.forward ? "next" : "prev")
				+ "\n" + this.id + "\n" + this.row + "\n" + this.key;
		return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The cursor in {@code text} if it is one for {@code sort}, else null. */
	static ListCursor decode(String text, RegistrationSort sort) {
		if (text == null || text.isBlank() || text.length() > 2000) {
			return null;
		}
		try {
			String[] parts = new String(DECODER.decode(text.strip()), StandardCharsets.UTF_8).split("\n", 6);
			if (parts.length != 6 || !parts[0].equals(sort.column().name()) || !parts[1].equals(sort.dir())) {
				return null;
			}
			boolean forward = parts[2].equals("next");
			if (!forward && !parts[2].equals("prev")) {
				return null;
			}
			long id = Long.parseLong(parts[3]);
			long row = Long.parseLong(parts[4]);
			String key = parts[5];
			// PostgreSQL text holds no NUL: such a key failed the page with an error.
			if (row < 0 || key.indexOf('\u0000') >= 0 || (sort.column().temporal() && !isTime(key))) {
				return null;
			}
			return new ListCursor(sort, forward, id, key, row);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * A sort key of a temporal column as the cursor carries it (and PostgreSQL reads).
	 */
	static String timeKey(Instant instant) {
		return (instant != null) ? instant.toString() : "infinity";
	}

	private static boolean isTime(String key) {
		if (key.equals("infinity")) {
			return true;
		}
		try {
			Instant instant = Instant.parse(key);
			return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
