package org.winformusic.events.shared;

import java.util.regex.Pattern;

/**
 * The characters typed text may not hold, for every form: what a form refuses here it
 * reports next to the field as "contains characters that cannot be stored", and what no
 * form handles {@link RequestGuard} answers with its 400 page.
 */
public final class StoredText {

	/**
	 * Message key of the field error "contains characters that cannot be stored", which
	 * the binder ({@code FormBinding}) and {@link SingleLine} give.
	 */
	public static final String REFUSED = "staffforms.error.characters";

	/**
	 * Control characters (C0 and C1) other than TAB, CR and LF: PostgreSQL refuses NUL,
	 * and no field means to store the others.
	 */
	public static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\r\\n]]");

	/**
	 * What a single-line field refuses, as the registration form does: every control
	 * character (line breaks and tabs too), every invisible format character (Unicode
	 * category Cf: zero-width, bidi overrides and isolates, BOM, soft hyphen, tags...),
	 * the replacement character that stands for bytes that were not UTF-8, and the line
	 * and paragraph separators.
	 */
	public static final Pattern NOT_SINGLE_LINE = Pattern.compile("[\\p{Cc}\\p{Cf}\\uFFFD\\u2028\\u2029]");

	/**
	 * What a multi-line field refuses: control characters but line breaks and tabs,
	 * format characters and the replacement character.
	 */
	public static final Pattern NOT_MULTI_LINE = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\p{Cf}\\uFFFD]");

	private StoredText() {
	}

	/** Whether the text (null counts as storable) holds a control character. */
	public static boolean hasControlCharacters(String text) {
		return text != null && CONTROL.matcher(text).find();
	}

	/** Whether the text (null counts as fine) may stand in a single-line field. */
	public static boolean isSingleLine(String text) {
		return text == null || !NOT_SINGLE_LINE.matcher(text).find();
	}

}
