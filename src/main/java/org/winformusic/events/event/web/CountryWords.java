package org.winformusic.events.event.web;

import java.util.Locale;

import org.winformusic.events.event.Countries;

/**
 * A country named in a sentence of the editor, in the staff member's language, for a
 * message the template resolves (so Spanish cannot contract it afterwards): "the United
 * States" and "of the United States", "el Reino Unido" and "del Reino Unido".
 *
 * @param locale the staff member's language
 */
public record CountryWords(Locale locale) {

	/** {@link Countries#inSentence}: "the United States", "el Reino Unido", "México". */
	public String inSentence(String code) {
		return Countries.inSentence(code, this.locale);
	}

	/** {@link Countries#withOf}: "of the United States", "del Reino Unido". */
	public String withOf(String code) {
		return Countries.withOf(code, this.locale);
	}

}
