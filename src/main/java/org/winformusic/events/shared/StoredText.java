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

	/** The zero-width joiner, refused but where it joins emoji. */
	private static final char ZERO_WIDTH_JOINER = '\u200D';

	/** Variation selector 16: "show the emoji", after an emoji or before a joiner. */
	private static final int EMOJI_PRESENTATION = 0xFE0F;

	private StoredText() {
	}

	/** Whether the text (null counts as storable) holds a control character. */
	public static boolean hasControlCharacters(String text) {
		return text != null && CONTROL.matcher(text).find();
	}

	/**
	 * Whether the text (null counts as fine) may stand in a single-line field: nothing of
	 * {@link #NOT_SINGLE_LINE} but the joiners inside an emoji sequence.
	 */
	public static boolean isSingleLine(String text) {
		return text == null || !NOT_SINGLE_LINE.matcher(withoutEmojiJoiners(text)).find();
	}

	/**
	 * Whether the text (null counts as fine) may stand in a multi-line field: nothing of
	 * {@link #NOT_MULTI_LINE} but the joiners inside an emoji sequence.
	 */
	public static boolean isMultiLine(String text) {
		return text == null || !NOT_MULTI_LINE.matcher(withoutEmojiJoiners(text)).find();
	}

	/**
	 * The text without the zero-width joiners that sit between two emoji ("👩🏽‍🎤",
	 * "👨‍👩‍👧", "🏳️‍🌈"): phones insert them, the person sees one picture and nothing
	 * to remove. A joiner anywhere else stays, to be refused.
	 */
	static String withoutEmojiJoiners(String text) {
		if (text.indexOf(ZERO_WIDTH_JOINER) < 0) {
			return text;
		}
		StringBuilder kept = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean joinsEmoji = c == ZERO_WIDTH_JOINER && i + 1 < text.length() && isEmoji(text.codePointAt(i + 1))
					&& emojiBefore(text, i);
			if (!joinsEmoji) {
				kept.append(c);
			}
		}
		return kept.toString();
	}

	/**
	 * Whether an emoji ends right before {@code index}, an emoji presentation selector
	 * aside.
	 */
	private static boolean emojiBefore(String text, int index) {
		int end = index;
		if (end > 0 && text.codePointBefore(end) == EMOJI_PRESENTATION) {
			end--;
		}
		return end > 0 && isEmoji(text.codePointBefore(end));
	}

	/**
	 * Whether a code point is an emoji that may take part in a joined sequence: the
	 * pictographic blocks (faces, people, skin tones, objects, flags' parts), the
	 * dingbats and miscellaneous symbols (♀, ♂, ⚕, ❤, ☠, ⚧). Java 17 has no emoji
	 * property to ask.
	 */
	private static boolean isEmoji(int codePoint) {
		return (codePoint >= 0x1F000 && codePoint <= 0x1FAFF) || (codePoint >= 0x2600 && codePoint <= 0x27BF)
				|| (codePoint >= 0x2300 && codePoint <= 0x23FF) || (codePoint >= 0x2B00 && codePoint <= 0x2BFF);
	}

}
