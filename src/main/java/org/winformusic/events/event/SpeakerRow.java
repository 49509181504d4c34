package org.winformusic.events.event;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.winformusic.events.shared.SingleLine;

/**
 * One speaker as the event editor shows it: posted as {@code speakers[i].name} and so on.
 * The country is an ISO 3166-1 alpha-2 code; the page shows its name in the reader's
 * language.
 */
public record SpeakerRow(
		@NotBlank(message = "{eventadmin.error.required}") @Size(max = 120,
				message = "{eventadmin.error.tooLong}") @SingleLine String name,
		@Size(max = 200, message = "{eventadmin.error.tooLong}") @SingleLine String roleEs,
		@Size(max = 200, message = "{eventadmin.error.tooLong}") @SingleLine String roleEn,
		@NotBlank(message = "{eventadmin.error.required}") @Size(max = 200,
				message = "{eventadmin.error.tooLong}") @SingleLine String organization,
		@NotBlank(message = "{editor.error.country}") String country) {

	/** The row "Add a speaker" appends. */
	public static SpeakerRow blank() {
		return new SpeakerRow("", "", "", "", "");
	}

}
