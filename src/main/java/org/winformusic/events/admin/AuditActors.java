package org.winformusic.events.admin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.winformusic.events.registration.RegistrationFilter;
import org.winformusic.events.shared.Audited;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Who acted on an audit entry, in the reader's words: a staff email as stored; the
 * registrant, the system and an unknown account (stored as {@code registrant},
 * {@code system}, {@code unknown-account}) and an old export token ({@code token:<name>})
 * in words. Staff search the "Who" filter for what they read ("El sistema"), so the
 * search also finds the actors whose words hold the text.
 */
@Component("auditActors")
class AuditActors {

	/** The actors stored as a code, shown in words. */
	static final List<String> IN_WORDS = List.of(Audited.SYSTEM, Audited.REGISTRANT,
			StaffAuthentication.UNKNOWN_ACCOUNT);

	/** Either language's words find an actor: staff may read the log in both. */
	private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("es"), Locale.ENGLISH);

	private final MessageSource messages;

	AuditActors(MessageSource messages) {
		this.messages = messages;
	}

	/** Who acted, in words. */
	public String actor(String actor, Locale locale) {
		if (actor == null) {
			return "";
		}
		if (actor.startsWith(Audited.TOKEN_ACTOR_PREFIX)) {
			return this.messages.getMessage("ux.audit.actor.token",
					new Object[] { actor.substring(Audited.TOKEN_ACTOR_PREFIX.length()) }, locale);
		}
		return actor.contains("@") ? actor : words(actor, locale);
	}

	/**
	 * The stored codes of the actors whose name, in either language, has {@code text} at
	 * the start of one of its words, ignoring case and accents: "el sistema", "sistema"
	 * and "the system" find {@code system}; a fragment of a staff email ("ti", "mat") or
	 * a word of the explanation in brackets does not.
	 */
	Set<String> named(String text) {
		String searched = RegistrationFilter.searchable(text);
		Set<String> codes = new LinkedHashSet<>();
		if (searched.isEmpty()) {
			return codes;
		}
		for (String code : IN_WORDS) {
			if (LANGUAGES.stream().anyMatch((language) -> name(code, language).contains(" " + searched))) {
				codes.add(code);
			}
		}
		return codes;
	}

	/**
	 * The actor's words without their explanation in brackets, each word after a space.
	 */
	private String name(String code, Locale language) {
		return " " + RegistrationFilter.searchable(words(code, language).replaceAll("\\s*\\(.*\\)", ""));
	}

	private String words(String code, Locale locale) {
		return this.messages.getMessage("ux.audit.actor." + code, null, code, locale);
	}

}
