package org.winformusic.events.export;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.PhoneNumbers;
import org.winformusic.events.registration.Regions;
import org.winformusic.events.shared.EventTimes;

/**
 * The words of the people export, in one place: for each standard column, the label a
 * stored value reads as in the reader's language ("Confirmado", "Sello independiente",
 * "Jalisco", "Sí"), phones as the registration page shows them ("55 1234 5678"), times as
 * "1 mar 2028, 10:15" with the event's zone named in the header. It works on the exact
 * export's rows, so columns added after the standard ones (an event's own questions) pass
 * through as they are unless a label is added here.
 */
@Component
class PeopleLabels {

	private static final ExportColumn[] COLUMNS = ExportColumn.values();

	private static final Set<ExportColumn> TIMES = EnumSet.of(ExportColumn.PRIVACY_CONSENT_AT,
			ExportColumn.REGISTERED_AT, ExportColumn.CONFIRMED_AT, ExportColumn.CANCELLED_AT,
			ExportColumn.CHECKED_IN_AT, ExportColumn.DECLINED_AT);

	private final MessageSource messages;

	private final EventTimes times;

	private final Regions regions;

	private final PhoneNumbers phones;

	PeopleLabels(MessageSource messages, EventTimes times, Regions regions, PhoneNumbers phones) {
		this.messages = messages;
		this.times = times;
		this.regions = regions;
		this.phones = phones;
	}

	/**
	 * The labels of one export: one event's time zone, one reader's language; times as
	 * text ("1 mar 2028, 10:15") for a CSV, left as the exact export's ISO time for an
	 * XLSX, which writes them as date cells ({@link XlsxRowWriter}).
	 */
	Labeller forExport(EventInfo event, Locale locale, boolean timesAsText) {
		return new Labeller(event.zone(), event.country(), locale, timesAsText);
	}

	/** Puts the exact export's header and rows into words. */
	final class Labeller {

		private final ZoneId zone;

		private final String country;

		private final Locale locale;

		private final DateTimeFormatter timeFormat;

		private final boolean timesAsText;

		private Labeller(ZoneId zone, String country, Locale locale, boolean timesAsText) {
			this.zone = zone;
			this.country = country;
			this.locale = locale;
			this.timesAsText = timesAsText;
			this.timeFormat = DateTimeFormatter.ofPattern(message("people.time.pattern"), locale);
		}

		/** The exact headers, with the event's zone named on each time column. */
		List<String> headers(List<String> exact) {
			String zoneName = PeopleLabels.this.times.zoneName(this.zone, this.locale);
			List<String> headers = new ArrayList<>(exact);
			for (int i = 0; i < Math.min(headers.size(), COLUMNS.length); i++) {
				if (TIMES.contains(COLUMNS[i])) {
					headers.set(i, PeopleLabels.this.messages.getMessage("people.column.time",
							new Object[] { headers.get(i), zoneName }, this.locale));
				}
			}
			return headers;
		}

		String[] row(String[] exact) {
			String[] row = exact.clone();
			for (int i = 0; i < Math.min(row.length, COLUMNS.length); i++) {
				row[i] = label(COLUMNS[i], row[i]);
			}
			return row;
		}

		/**
		 * The label of one stored value of a standard column; {@code null} (an empty
		 * cell) stays {@code null}.
		 */
		String label(ExportColumn column, String value) {
			if (value == null) {
				return null;
			}
			return switch (column) {
				case STATUS -> word("admin.status.", value);
				case COMPANY_TYPE -> word("registration.companyType.", value);
				case STATE -> region(value);
				case PHONE -> phone(value);
				case ASSOCIATION_INTEREST -> word("registration.interest.", value);
				case NEWS_OPT_IN -> message(Boolean.parseBoolean(value) ? "admin.yes" : "admin.no");
				case LANGUAGE -> language(value);
				default -> (TIMES.contains(column) && this.timesAsText) ? time(value) : value;
			};
		}

		/**
		 * A region of the event's country (ISO 3166-2 subdivision code, or "outside") by
		 * its name; a free-text region as typed.
		 */
		private String region(String code) {
			return PeopleLabels.this.regions.label(this.country, code, this.locale);
		}

		/**
		 * A stored phone as staff read it on the registration page: "55 1234 5678" for a
		 * number of the event's country, "+57 300 1234567" for another. Not E.164: a
		 * spreadsheet reads {@code +525512345678} from a CSV as the number 5.25512E+11,
		 * while digits with spaces stay text.
		 */
		private String phone(String stored) {
			return PeopleLabels.this.phones.display(stored, this.country);
		}

		/** "Español", "Inglés" / "Spanish", "English". */
		private String language(String tag) {
			String name = Locale.forLanguageTag(tag).getDisplayLanguage(this.locale);
			return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(this.locale) + name.substring(1);
		}

		/**
		 * The exact export's ISO time, already in the event's zone, as "1 mar 2028,
		 * 10:15".
		 */
		private String time(String iso) {
			return this.timeFormat.format(OffsetDateTime.parse(iso, RegistrationExport.TIME));
		}

		/**
		 * A code's label; an unknown code (say, from a later version) is shown as stored
		 * rather than failing an export that is already half written.
		 */
		private String word(String prefix, String code) {
			return PeopleLabels.this.messages.getMessage(prefix + code, null, code, this.locale);
		}

		private String message(String key) {
			return PeopleLabels.this.messages.getMessage(key, null, this.locale);
		}

	}

}
