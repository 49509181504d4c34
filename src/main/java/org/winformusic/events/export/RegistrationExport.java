package org.winformusic.events.export;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.Regions;
import org.winformusic.events.registration.RegistrationAnswers;
import org.winformusic.events.registration.ExportColumns;
import org.winformusic.events.registration.RegistrationQuery;
import org.winformusic.events.registration.RegistrationStream;
import org.winformusic.events.registration.RegistrationView;

/**
 * Writes the registrations of one event, as the registration module streams them, row by
 * row to a {@link RowWriter}: the values exactly as stored, in the documented column
 * order ({@link ExportColumn}), then one column per question of the event.
 */
@Service
class RegistrationExport {

	/** ISO 8601 with the offset, to the second: {@code 2028-03-01T10:15:00-06:00}. */
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

	private final RegistrationStream registrations;

	private final MessageSource messages;

	private final RegistrationAnswers answers;

	private final Regions regions;

	RegistrationExport(RegistrationStream registrations, MessageSource messages, RegistrationAnswers answers,
			Regions regions) {
		this.registrations = registrations;
		this.messages = messages;
		this.answers = answers;
		this.regions = regions;
	}

	/**
	 * Writes the header (in {@code locale}) and every registration of {@code event} that
	 * {@code query} selects, in its order. The answers to the event's own questions
	 * follow the standard columns, one column per question in form order (removed
	 * questions too), headed by its label in {@code locale}: as stored (choice ids,
	 * {@code true}/{@code false}, the text), the same whoever downloads it, unless
	 * {@code inWords} (the people export).
	 * @return the number of registrations written
	 */
	public long write(EventInfo event, RegistrationQuery query, Locale locale, boolean inWords, RowWriter writer)
			throws IOException {
		ZoneId zone = event.zone();
		try {
			ExportColumns questions = this.answers.exportColumns(event.id(), locale, inWords);
			List<String> headers = new ArrayList<>(headers(event.country(), locale));
			headers.addAll(questions.headers());
			writer.header(headers);
			long rows = this.registrations.forEach(event.id(), query, questions,
					(registration, answers) -> writer.row(concat(values(registration, zone), answers)));
			writer.finish();
			return rows;
		}
		catch (IOException | RuntimeException ex) {
			writer.abort();
			throw ex;
		}
	}

	/**
	 * The standard columns' headers; the region column is named as the event's country
	 * names its regions, as the list and detail pages do ("Estado (entidad)" in Mexico,
	 * "Departamento" in Colombia, "Región" where the region is free text).
	 */
	List<String> headers(String country, Locale locale) {
		return Arrays.stream(ExportColumn.values())
			.map((c) -> (c == ExportColumn.STATE) ? this.regions.fieldLabel(country, c.messageKey(), locale)
					: this.messages.getMessage(c.messageKey(), null, locale))
			.toList();
	}

	private static String[] values(RegistrationView r, ZoneId zone) {
		return new String[] { Long.toString(r.id()), r.status().name(), r.fullName(), r.email(), r.company(),
				r.jobTitle(), r.companyType().name(), r.state(), r.city(), r.phone(), r.associationInterest().name(),
				r.referralSource(), r.comments(), r.locale().toLanguageTag(), Boolean.toString(r.newsOptIn()),
				r.privacyConsentVersion(), time(r.privacyConsentAt(), zone), time(r.createdAt(), zone),
				time(r.confirmedAt(), zone), time(r.cancelledAt(), zone), time(r.checkedInAt(), zone),
				(r.waitlistPosition() != null) ? Integer.toString(r.waitlistPosition()) : null,
				time(r.declinedAt(), zone) };
	}

	private static String[] concat(String[] standard, String[] answers) {
		if (answers.length == 0) {
			return standard;
		}
		String[] row = Arrays.copyOf(standard, standard.length + answers.length);
		System.arraycopy(answers, 0, row, standard.length, answers.length);
		return row;
	}

	/**
	 * {@link #TIME}'s text, put together by hand: an export formats six times a row, and
	 * the pattern formatter was a tenth of a large export's time. An offset with seconds
	 * (local mean time, before 1920) or a year of other than four digits goes through
	 * {@link #TIME}.
	 */
	static String time(Instant value, ZoneId zone) {
		if (value == null) {
			return null;
		}
		ZoneOffset offset = zone.getRules().getOffset(value);
		LocalDateTime local = LocalDateTime.ofEpochSecond(value.getEpochSecond(), 0, offset);
		if (offset.getTotalSeconds() % 60 != 0 || local.getYear() < 1000 || local.getYear() > 9999) {
			return TIME.format(value.atZone(zone));
		}
		StringBuilder text = new StringBuilder(25).append(local.getYear()).append('-');
		twoDigits(text, local.getMonthValue()).append('-');
		twoDigits(text, local.getDayOfMonth()).append('T');
		twoDigits(text, local.getHour()).append(':');
		twoDigits(text, local.getMinute()).append(':');
		twoDigits(text, local.getSecond());
		// "Z" or "+05:30", as the pattern's XXX writes it.
		return text.append(offset.getId()).toString();
	}

	private static StringBuilder twoDigits(StringBuilder text, int value) {
		return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

}
