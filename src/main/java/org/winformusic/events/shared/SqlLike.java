package org.winformusic.events.shared;

/**
 * Text searched with SQL {@code LIKE ... escape '\'}: typed wildcards match literally.
 */
public final class SqlLike {

	private SqlLike() {
	}

	/** Escapes the LIKE wildcards {@code %} and {@code _} (and the escape itself). */
	public static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
