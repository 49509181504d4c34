package org.winformusic.events.event;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.winformusic.events.shared.SingleLine;

/**
 * One partner as the event editor shows it: posted as {@code partners[i].name} and so on.
 * Everything but the name is optional.
 */
public record PartnerRow(
		@NotBlank(message = "{eventadmin.error.required}") @Size(max = 120,
				message = "{eventadmin.error.tooLong}") @SingleLine String name,
		@Size(max = 300, message = "{eventadmin.error.tooLong}") @Pattern(regexp = "\\s*(https?://\\S+)?\\s*",
				message = "{eventadmin.error.url}") String url,
		@Size(max = 300, message = "{eventadmin.error.tooLong}") String descriptionEs,
		@Size(max = 300, message = "{eventadmin.error.tooLong}") String descriptionEn) {

	/** The row "Add a partner" appends. */
	public static PartnerRow blank() {
		return new PartnerRow("", "", "", "");
	}

}
