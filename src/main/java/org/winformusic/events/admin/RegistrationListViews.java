package org.winformusic.events.admin;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.Regions;
import org.winformusic.events.registration.RegistrationQuery;
import org.winformusic.events.registration.RegistrationRow;
import org.winformusic.events.registration.RegistrationSort;
import org.winformusic.events.registration.RegistrationErasure;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.shared.EventTimes;

import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the registrations list page ({@link RegistrationsController}) reads: its query
 * parameters and its rows. The records are public (and nested: no other package uses
 * them) because the template reads them with compiled expressions, and SpEL compiles only
 * calls to public methods of public classes; an interpreted expression searches the
 * property accessors on every evaluation, fifty rows and thirty-odd filter options per
 * view.
 */
final class RegistrationListViews {

	private RegistrationListViews() {
	}

	/**
	 * A line of the registrations list as staff read it: every word already in their
	 * language and every time in the event's zone. The list shows fifty of these per
	 * page; looking each word up once per page here, instead of once per cell in the
	 * template, is most of what the page costs to render.
	 *
	 * @param id the registration
	 * @param fullName as registered
	 * @param email as registered
	 * @param company as registered
	 * @param companyType the company type's name
	 * @param state the region's name (or the code as typed where the country has no list)
	 * @param status for the row's actions and its style
	 * @param statusLabel the status in words
	 * @param registered when they registered, "6 dic 2026, 02:53" in the event's zone
	 * ({@link EventTimes#compactDateTime})
	 * @param interest their answer about the association, in words
	 * @param checkedIn the time they were checked in, or a dash
	 * @param selectLabel the accessible name of the row's checkbox
	 */
	public record ListedRegistration(long id, String fullName, String email, String company, String companyType,
			String state, RegistrationStatus status, String statusLabel, String registered, String interest,
			String checkedIn, String selectLabel) {

		public boolean pending() {
			return this.status == RegistrationStatus.PENDING;
		}

		/** The rows of a page in {@code locale}, each label looked up once. */
		static List<ListedRegistration> of(List<RegistrationRow> rows, EventInfo event, Locale locale,
				MessageSource messages, Regions regions, EventTimes times) {
			Map<String, String> words = new HashMap<>();
			ZoneId zone = event.zone();
			DateTimeFormatter registered = times.compactDateTime(locale);
			return rows.stream().map((row) -> {
				String checkedIn = row.checkedIn() ? times.time(row.checkedInAt(), zone) : "—";
				// An erased registration has no address: words, not its placeholder.
				boolean erased = RegistrationErasure.isErasedAddress(row.email());
				String email = erased ? words.computeIfAbsent("admin.field.email.erased",
						(key) -> messages.getMessage(key, null, locale)) : row.email();
				String who = erased ? messages.getMessage("ux.bulk.erased", new Object[] { row.id() }, locale)
						: row.fullName();
				return new ListedRegistration(row.id(), row.fullName(), email, row.company(),
						words.computeIfAbsent("registration.companyType." + row.companyType(),
								(key) -> messages.getMessage(key, null, locale)),
						words.computeIfAbsent(
								"state:" + row.state(), (key) -> regions.label(event.country(), row.state(), locale)),
						row.status(),
						words.computeIfAbsent("admin.status." + row.status(),
								(key) -> messages.getMessage(key, null, locale)),
						registered.format(row.createdAt().atZone(zone)),
						words.computeIfAbsent("registration.interest." + row.associationInterest(),
								(key) -> messages.getMessage(key, null, locale)),
						checkedIn, messages.getMessage("admin.bulk.selectOne", new Object[] { who }, locale));
			}).toList();
		}

	}

	/**
	 * The query parameters of the registrations list page, as posted:
	 * {@code q, status, companyType, state, associationInterest, checkedIn, sort, dir, page,
	 * size, cursor, choice, yesNo} ({@code choice}: the id of a choice of one of the
	 * event's own questions; {@code yesNo}: one of its yes/no questions and an answer,
	 * {@code 12:yes}). {@code cursor} is the keyset position the list's own "next" and
	 * "previous" links carry; {@code page} stays for older links. Read by
	 * {@link #from(Map)}; the filter and sort are read by {@link RegistrationQuery}, as
	 * the export and the printouts read them, and the links this page makes carry them
	 * on.
	 */
	public record FilterParams(String q, String status, String companyType, String state, String associationInterest,
			String checkedIn, String sort, String dir, Integer page, Integer size, String cursor, String choice,
			String yesNo) {

		public static final int DEFAULT_SIZE = 50;

		public static final int MAX_SIZE = 200;

		static FilterParams from(Map<String, String> params) {
			Function<String, String> get = params::get;
			return new FilterParams(get.apply("q"), get.apply("status"), get.apply("companyType"), get.apply("state"),
					get.apply("associationInterest"), get.apply("checkedIn"), get.apply("sort"), get.apply("dir"),
					integer(get.apply("page")), integer(get.apply("size")), get.apply("cursor"), get.apply("choice"),
					get.apply("yesNo"));
		}

		/**
		 * Which registrations, in which order, for an event whose regions are
		 * {@code regions} and whose questions' answers staff can filter by are
		 * {@code answerable}.
		 * @throws RegistrationQuery.InvalidParameterException for a value that is not one
		 * of the known codes (a 400)
		 */
		public RegistrationQuery query(Regions.RegionList regions, Supplier<RegistrationQuery.Answerable> answerable) {
			return RegistrationQuery.parse(asMap()::get, regions, answerable);
		}

		public RegistrationSort registrationSort() {
			return RegistrationSort.of(this.sort, this.dir);
		}

		/** 0-based page number, never negative. */
		public int pageNumber() {
			return (this.page == null || this.page < 0) ? 0 : Math.min(this.page, 1_000_000);
		}

		/** Rows per page, between 1 and {@link #MAX_SIZE}. */
		public int pageSize() {
			return (this.size == null || this.size < 1) ? DEFAULT_SIZE : Math.min(this.size, MAX_SIZE);
		}

		/** These parameters as a query string (without '?'), empty ones left out. */
		public String toQueryString() {
			UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
			asMap().forEach(builder::queryParam);
			String query = builder.encode().build().getQuery();
			return (query != null) ? query : "";
		}

		/**
		 * The same query with another sort (toggling the direction on the current
		 * column).
		 */
		public String sortedBy(String column) {
			RegistrationSort current = registrationSort();
			boolean same = current.column().name().equals(column);
			String direction = (same && current.ascending()) ? "desc" : "asc";
			return new FilterParams(this.q, this.status, this.companyType, this.state, this.associationInterest,
					this.checkedIn, column, direction, null, this.size, null, this.choice, this.yesNo)
				.toQueryString();
		}

		/** The same query on another page. */
		public String onPage(int pageNumber) {
			return new FilterParams(this.q, this.status, this.companyType, this.state, this.associationInterest,
					this.checkedIn, this.sort, this.dir, pageNumber, this.size, null, this.choice, this.yesNo)
				.toQueryString();
		}

		/** The same query at a keyset position (null: the first page). */
		public String atCursor(String position) {
			return new FilterParams(this.q, this.status, this.companyType, this.state, this.associationInterest,
					this.checkedIn, this.sort, this.dir, null, this.size, position, this.choice, this.yesNo)
				.toQueryString();
		}

		/** The filter and sort only (no paging): what the CSV export link carries. */
		public String exportQueryString() {
			return new FilterParams(this.q, this.status, this.companyType, this.state, this.associationInterest,
					this.checkedIn, this.sort, this.dir, null, null, null, this.choice, this.yesNo)
				.toQueryString();
		}

		private Map<String, String> asMap() {
			Map<String, String> map = new LinkedHashMap<>();
			put(map, "q", this.q);
			put(map, "status", this.status);
			put(map, "companyType", this.companyType);
			put(map, "state", this.state);
			put(map, "associationInterest", this.associationInterest);
			put(map, "checkedIn", this.checkedIn);
			put(map, "choice", this.choice);
			put(map, "yesNo", this.yesNo);
			put(map, "sort", this.sort);
			put(map, "dir", this.dir);
			put(map, "page", (this.page != null && this.page > 0) ? String.valueOf(this.page) : null);
			put(map, "size", (this.size != null) ? String.valueOf(this.size) : null);
			put(map, "cursor", this.cursor);
			return map;
		}

		private static void put(Map<String, String> map, String name, String value) {
			if (blankToNull(value) != null) {
				map.put(name, value.strip());
			}
		}

		private static Integer integer(String value) {
			String text = blankToNull(value);
			if (text == null) {
				return null;
			}
			try {
				return Integer.valueOf(text);
			}
			catch (NumberFormatException ex) {
				throw new RegistrationQuery.InvalidParameterException("page", value, List.of("0", "1", "2", "…"));
			}
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

	}

}
