package org.winformusic.events;

/** What a reader sees of an HTML page: its text without tags, on one line. */
public final class PageText {

	private PageText() {
	}

	/**
	 * The page without its head and tags, entities for & and " read, spaces collapsed.
	 */
	public static String text(String html) {
		return html.replaceAll("(?s)<head>.*?</head>", "")
			.replaceAll("(?s)<[^>]+>", " ")
			.replace("&amp;", "&")
			.replace("&quot;", "\"")
			.replaceAll("\\s+", " ");
	}

}
