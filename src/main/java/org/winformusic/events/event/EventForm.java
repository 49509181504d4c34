package org.winformusic.events.event;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An event as staff create or edit it. Dates and times are local to the event's time zone
 * ({@code yyyy-MM-dd'T'HH:mm}, as an HTML datetime-local field sends them). Speakers are
 * one per line: {@code Name | Role (es) | Role (en) | Organization | Country code};
 * partners one per line: {@code Name | optional URL}. Capacity is set here when the event
 * is created; afterwards it changes on the event's dashboard, which also promotes the
 * waitlist. {@code questions} are the event's own form questions, as rows.
 */
public record EventForm(
		@NotBlank(message = "{eventadmin.error.required}") @Size(max = 80,
				message = "{eventadmin.error.tooLong}") @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
						message = "{eventadmin.error.slug}") String slug,
		@NotBlank(message = "{eventadmin.error.required}") @Size(max = 200,
				message = "{eventadmin.error.tooLong}") String titleEs,
		@NotBlank(message = "{eventadmin.error.required}") @Size(max = 200,
				message = "{eventadmin.error.tooLong}") String titleEn,
		@NotBlank(message = "{eventadmin.error.required}") @Size(max = 2000,
				message = "{eventadmin.error.tooLong}") String summaryEs,
		@NotBlank(message = "{eventadmin.error.required}") @Size(max = 2000,
				message = "{eventadmin.error.tooLong}") String summaryEn,
		@NotBlank(message = "{eventadmin.error.required}") @Size(max = 10000,
				message = "{eventadmin.error.tooLong}") String descriptionEs,
		@NotBlank(message = "{eventadmin.error.required}") @Size(max = 10000,
				message = "{eventadmin.error.tooLong}") String descriptionEn,
		@Size(max = 5000, message = "{eventadmin.error.tooLong}") String agendaEs,
		@Size(max = 5000, message = "{eventadmin.error.tooLong}") String agendaEn,
		@Size(max = 10000, message = "{eventadmin.error.tooLong}") String aboutEs,
		@Size(max = 10000, message = "{eventadmin.error.tooLong}") String aboutEn,
		@NotBlank(message = "{eventadmin.error.required}") String startsAt,
		@NotBlank(message = "{eventadmin.error.required}") String endsAt,
		@NotBlank(message = "{eventadmin.error.required}") String timeZone,
		@NotBlank(message = "{eventadmin.error.required}") @Size(max = 200,
				message = "{eventadmin.error.tooLong}") String venueName,
		@NotBlank(message = "{eventadmin.error.required}") @Size(max = 300,
				message = "{eventadmin.error.tooLong}") String venueAddress,
		@Size(max = 500, message = "{eventadmin.error.tooLong}") @Pattern(regexp = "(https?://\\S+)?",
				message = "{eventadmin.error.url}") String venueMapUrl,
		@NotNull(message = "{eventadmin.error.required}") @Min(value = 0, message = "{eventadmin.error.capacity}") @Max(
				value = 100000, message = "{eventadmin.error.capacity}") Integer capacity,
		Boolean requiresApproval, String registrationOpensAt, String registrationClosesAt, Boolean published,
		@Size(max = 10000, message = "{eventadmin.error.tooLong}") String speakers,
		@Size(max = 5000, message = "{eventadmin.error.tooLong}") String partners,
		@Min(value = 1, message = "{rights.event.retentionDays.invalid}") @Max(value = 3650,
				message = "{rights.event.retentionDays.invalid}") Integer retentionDays,
		List<QuestionRow> questions) {

	public EventForm {
		questions = QuestionRow.present(questions);
	}

	/** An empty form with sensible defaults for a new event. */
	public static EventForm blank() {
		return new EventForm("", "", "", "", "", "", "", "", "", "", "", "", "", "America/Mexico_City", "", "", "", 60,
				false, "", "", false, "", "", null, List.of());
	}

	/** This form with other question rows. */
	public EventForm withQuestions(List<QuestionRow> rows) {
		return new EventForm(this.slug, this.titleEs, this.titleEn, this.summaryEs, this.summaryEn, this.descriptionEs,
				this.descriptionEn, this.agendaEs, this.agendaEn, this.aboutEs, this.aboutEn, this.startsAt,
				this.endsAt, this.timeZone, this.venueName, this.venueAddress, this.venueMapUrl, this.capacity,
				this.requiresApproval, this.registrationOpensAt, this.registrationClosesAt, this.published,
				this.speakers, this.partners, this.retentionDays, rows);
	}

}
