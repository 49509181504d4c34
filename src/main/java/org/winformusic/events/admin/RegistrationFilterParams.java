package org.winformusic.events.admin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.winformusic.events.registration.AssociationInterest;
import org.winformusic.events.registration.CompanyType;
import org.winformusic.events.registration.RegistrationFilter;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.Regions;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The query parameters of the registrations list and of the CSV export, as posted:
 * {@code q, status, companyType, state, associationInterest, checkedIn, sort, dir, page,
 * size, cursor, choice} ({@code choice}: the id of a choice of one of the event's own
 * questions). {@code cursor} is the keyset position the list's own "next" and "previous"
 * links carry; {@code page} stays for older links. Binds as a {@code @ModelAttribute} (or
 * {@link #from(Map)}) so the list and the export read them the same way. Empty means
 * "any"; a value that is not one of the known codes is a 400
 * ({@link InvalidFilterException}).
 */
public record RegistrationFilterParams(String q, String status, String companyType, String state,
		String associationInterest, String checkedIn, String sort, String dir, Integer page, Integer size,
		String cursor, String choice) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	public static RegistrationFilterParams from(Map<String, String> params) {
		Function<String, String> get = params::get;
		return new RegistrationFilterParams(get.apply("q"), get.apply("status"), get.apply("companyType"),
				get.apply("state"), get.apply("associationInterest"), get.apply("checkedIn"), get.apply("sort"),
				get.apply("dir"), integer(get.apply("page")), integer(get.apply("size")), get.apply("cursor"),
				get.apply("choice"));
	}

	/**
	 * The filter these parameters describe, for an event whose regions are
	 * {@code regions}: {@code state} is one of its codes, or any text when the region is
	 * free text.
	 */
	public RegistrationFilter filter(Regions.RegionList regions) {
		String text = blankToNull(this.q);
		return new RegistrationFilter((text != null && text.length() > 200) ? text.substring(0, 200) : text,
				parse(RegistrationStatus.class, this.status), parse(CompanyType.class, this.companyType),
				region(regions, this.state), parse(AssociationInterest.class, this.associationInterest),
				bool(this.checkedIn), id(this.choice));
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
	 * The same query with another sort (toggling the direction on the current column).
	 */
	public String sortedBy(String column) {
		RegistrationSort current = registrationSort();
		boolean same = current.column().name().equals(column);
		String direction = (same && current.ascending()) ? "desc" : "asc";
		return new RegistrationFilterParams(this.q, this.status, this.companyType, this.state, this.associationInterest,
				this.checkedIn, column, direction, null, this.size, null, this.choice)
			.toQueryString();
	}

	/** The same query on another page. */
	public String onPage(int pageNumber) {
		return new RegistrationFilterParams(this.q, this.status, this.companyType, this.state, this.associationInterest,
				this.checkedIn, this.sort, this.dir, pageNumber, this.size, null, this.choice)
			.toQueryString();
	}

	/** The same query at a keyset position (null: the first page). */
	public String atCursor(String position) {
		return new RegistrationFilterParams(this.q, this.status, this.companyType, this.state, this.associationInterest,
				this.checkedIn, this.sort, this.dir, null, this.size, position, this.choice)
			.toQueryString();
	}

	/** The filter and sort only (no paging): what the CSV export link carries. */
	public String exportQueryString() {
		return new RegistrationFilterParams(this.q, this.status, this.companyType, this.state, this.associationInterest,
				this.checkedIn, this.sort, this.dir, null, null, null, this.choice)
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

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFilterException();
		}
	}

	private static String region(Regions.RegionList regions, String value) {
		String text = blankToNull(value);
		if (text == null || regions.freeText()) {
			return text;
		}
		if (!regions.contains(text.toUpperCase(Locale.ROOT))) {
			throw new InvalidFilterException();
		}
		return text.toUpperCase(Locale.ROOT);
	}

	private static Boolean bool(String value) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "true", "yes" -> true;
			case "false", "no" -> false;
			default -> throw new InvalidFilterException();
		};
	}

	/** A choice id: digits only, else a 400. */
	private static Long id(String value) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		if (!text.matches("[1-9][0-9]{0,17}")) {
			throw new InvalidFilterException();
		}
		return Long.valueOf(text);
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
			throw new InvalidFilterException();
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** A filter value that is not one of the known codes: answered with a 400 page. */
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	public static class InvalidFilterException extends RuntimeException {

		public InvalidFilterException() {
			super(null, null, false, false);
		}

	}

}
