package org.winformusic.events.event;

import java.util.Locale;
import java.util.Optional;

import org.winformusic.events.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Events that were published once and are not now (V44 {@code ever_published}): their
 * address went out in emails, calendar files and bookmarks, so their page and form say
 * the event is no longer published, while a draft that never was stays a 404 like an
 * address that does not exist. Read exactly (no cache): publishing again shows the page
 * at once, unpublishing the notice.
 */
@Service
public class NoLongerPublished {

	private final JdbcClient jdbc;

	NoLongerPublished(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The title, in the visitor's language, of the event with this slug when it was
	 * published once and is not now; empty for a draft never published, a published event
	 * or no event.
	 */
	public Optional<String> title(String slug, Locale locale) {
		if (slug == null || slug.length() > 80) {
			return Optional.empty();
		}
		String title = "es".equals(locale.getLanguage()) ? "title_es" : "title_en";
		return this.jdbc.sql("select " + title + " from event where slug = ? and ever_published and not published")
			.param(slug)
			.query(String.class)
			.optional();
	}

	/**
	 * What a visitor of a public address of an event with this slug gets when no
	 * published event has it: the notice of an event no longer published, else a plain
	 * 404.
	 */
	public RuntimeException notPublished(String slug, Locale locale) {
		return title(slug, locale).<RuntimeException>map(NoLongerPublishedException::new)
			.orElseGet(NotFoundException::new);
	}

}
