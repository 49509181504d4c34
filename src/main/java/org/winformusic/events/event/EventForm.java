package org.winformusic.events.event;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.winformusic.events.shared.SingleLine;

/**
 * An event as staff create or edit it. Dates and times are local to the event's time zone
 * ({@code yyyy-MM-dd'T'HH:mm}, as an HTML datetime-local field sends them). Speakers and
 * partners are rows, in their order on the page, posted as {@code speakers[0].name},
 * {@code partners[1].url} and so on. The country (ISO 3166-1 alpha-2) decides the regions
 * and the phone numbers of the registration form. Capacity is set here when the event is
 * created; afterwards it changes on the event's dashboard, which also promotes the
 * waitlist. {@code questions} are the event's own form questions, as rows. A zone that is
 * none of the country's is refused unless {@code zoneConfirmed} holds
 * {@link CountryZones#confirmation} of that country and zone (an online event, a venue
 * across a border).
 */
public record EventForm(
		@NotBlank(message = "{eventadmin.error.required}") @Size(max = 80,
				message = "{eventadmin.error.tooLong}") @Pattern(regexp = "|[a-z0-9]+(-[a-z0-9]+)*",
						message = "{eventadmin.error.slug}") String slug,
		@NotBlank(message = "{eventadmin.error.required}") @Size(max = 200,
				message = "{eventadmin.error.tooLong}") @SingleLine String titleEs,
		@NotBlank(message = "{eventadmin.error.required}") @Size(max = 200,
				message = "{eventadmin.error.tooLong}") @SingleLine String titleEn,
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
		@NotBlank(message = "{eventadmin.error.required}") String timeZone, String country,
		@NotBlank(message = "{eventadmin.error.required}") @Size(max = 200,
				message = "{eventadmin.error.tooLong}") @SingleLine String venueName,
		@NotBlank(message = "{eventadmin.error.required}") @Size(max = 300,
				message = "{eventadmin.error.tooLong}") @SingleLine String venueAddress,
		@Size(max = 500, message = "{eventadmin.error.tooLong}") @Pattern(regexp = "(https?://\\S+)?",
				message = "{eventadmin.error.url}") String venueMapUrl,
		@NotNull(message = "{eventadmin.error.required}") @Min(value = 0, message = "{eventadmin.error.capacity}") @Max(
				value = 100000, message = "{eventadmin.error.capacity}") Integer capacity,
		Boolean requiresApproval, String registrationOpensAt, String registrationClosesAt, Boolean published,
		@Size(max = 60, message = "{editor.error.tooManyRows}") @Valid List<SpeakerRow> speakers,
		@Size(max = 60, message = "{editor.error.tooManyRows}") @Valid List<PartnerRow> partners,
		@Min(value = 1, message = "{rights.event.retentionDays.invalid}") @Max(value = 3650,
				message = "{rights.event.retentionDays.invalid}") Integer retentionDays,
		List<QuestionRow> questions, String zoneConfirmed) {

	/**
	 * No rows is an empty list, never null; a gap in the posted indexes (a row the binder
	 * could not build) is dropped. A known zone typed in another case ("america/bogota")
	 * is spelled as the zone is.
	 */
	public EventForm {
		timeZone = EventFormTimes.canonical(timeZone);
		speakers = rows(speakers);
		partners = rows(partners);
		questions = QuestionRow.present(questions);
	}

	/**
	 * An empty form with sensible defaults for a new event: in Mexico, in its main time
	 * zone.
	 */
	public static EventForm blank() {
		String zone = CountryZones.main("MX").map(ZoneId::getId).orElse("America/Mexico_City");
		return new EventForm("", "", "", "", "", "", "", "", "", "", "", "", "", zone, "MX", "", "", "", 60, false, "",
				"", false, List.of(), List.of(), null, List.of(), null);
	}

	/** The country's code as the event gets it (Mexico when none was posted). */
	public String countryCode() {
		return Countries.posted(this.country);
	}

	/**
	 * What the "the event really is in this zone" box posts for this form's country and
	 * zone ({@link CountryZones#confirmation}).
	 */
	public String zoneConfirmation() {
		ZoneId zone = EventFormTimes.zone(this.timeZone);
		return CountryZones.confirmation(Countries.posted(this.country),
				(zone != null) ? zone.getId() : String.valueOf(this.timeZone).strip());
	}

	/**
	 * Whether the zone is a known one that is none of the known country's, which the
	 * organizer must confirm.
	 */
	public boolean zoneOutsideCountry() {
		ZoneId zone = EventFormTimes.zone(this.timeZone);
		String code = Countries.posted(this.country);
		return zone != null && Countries.known(code) && !CountryZones.belongs(zone, code);
	}

	/**
	 * The country as the zone confirmation's sentence names it in {@code locale}: "the
	 * United States" ({@link Countries#inSentence}).
	 */
	public String countryInSentence(Locale locale) {
		return Countries.inSentence(countryCode(), locale);
	}

	/**
	 * The country after "of", Spanish contracted ("del Reino Unido",
	 * {@link Countries#withOf}), for a message the template resolves.
	 */
	public String countryWithOf(Locale locale) {
		return Countries.withOf(countryCode(), locale);
	}

	/** Whether the organizer confirmed this form's zone for this form's country. */
	boolean zoneConfirmedHere() {
		return zoneConfirmation().equals(this.zoneConfirmed);
	}

	/** The same form with other speaker and partner rows. */
	public EventForm withPeople(List<SpeakerRow> speakers, List<PartnerRow> partners) {
		return new EventForm(this.slug, this.titleEs, this.titleEn, this.summaryEs, this.summaryEn, this.descriptionEs,
				this.descriptionEn, this.agendaEs, this.agendaEn, this.aboutEs, this.aboutEn, this.startsAt,
				this.endsAt, this.timeZone, this.country, this.venueName, this.venueAddress, this.venueMapUrl,
				this.capacity, this.requiresApproval, this.registrationOpensAt, this.registrationClosesAt,
				this.published, speakers, partners, this.retentionDays, this.questions, this.zoneConfirmed);
	}

	/** This form with other question rows. */
	public EventForm withQuestions(List<QuestionRow> rows) {
		return new EventForm(this.slug, this.titleEs, this.titleEn, this.summaryEs, this.summaryEn, this.descriptionEs,
				this.descriptionEn, this.agendaEs, this.agendaEn, this.aboutEs, this.aboutEn, this.startsAt,
				this.endsAt, this.timeZone, this.country, this.venueName, this.venueAddress, this.venueMapUrl,
				this.capacity, this.requiresApproval, this.registrationOpensAt, this.registrationClosesAt,
				this.published, this.speakers, this.partners, this.retentionDays, rows, this.zoneConfirmed);
	}

	private static <T> List<T> rows(List<T> rows) {
		return (rows != null) ? rows.stream().filter(Objects::nonNull).toList() : List.of();
	}

}
