package org.winformusic.events.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.winformusic.events.admin.RegistrationSort;
import org.winformusic.events.registration.AssociationInterest;
import org.winformusic.events.registration.CompanyType;
import org.winformusic.events.registration.RegistrationFilter;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.Regions;

/**
 * The query parameters of an export link as typed: the filter of the registrations list
 * page ({@code q, status, companyType, state, associationInterest, checkedIn, choice})
 * and the CSV {@code delimiter}. Bound as strings so a wrong value gets a clear message
 * rather than a conversion error; an empty value means "any", as the list page's "all"
 * option sends it.
 */
record ExportParameters(String q, String status, String companyType, String state, String associationInterest,
		String checkedIn, String sort, String dir, String delimiter, String choice) {

	static final int MAX_SEARCH_LENGTH = 200;

	/** The filter, {@code state} checked against the event's {@code regions}. */
	RegistrationFilter filter(Regions.RegionList regions) {
		return new RegistrationFilter(search(), parse("status", this.status, RegistrationStatus.class),
				parse("companyType", this.companyType, CompanyType.class), region(regions),
				parse("associationInterest", this.associationInterest, AssociationInterest.class), checkedInFilter(),
				choiceFilter());
	}

	/**
	 * The search text, cut at {@value #MAX_SEARCH_LENGTH} characters as the list page
	 * does, so both find the same rows.
	 */
	private String search() {
		String text = blankToNull(this.q);
		return (text != null && text.length() > MAX_SEARCH_LENGTH) ? text.substring(0, MAX_SEARCH_LENGTH) : text;
	}

	/**
	 * The list page's order ({@code sort}, {@code dir}); unknown columns fall back to
	 * registration order there and here.
	 */
	RegistrationSort order() {
		return RegistrationSort.of(blankToNull(this.sort), blankToNull(this.dir));
	}

	char csvDelimiter() {
		String value = blankToNull(this.delimiter);
		if (value == null || value.equals("comma")) {
			return ',';
		}
		if (value.equals("semicolon")) {
			return ';';
		}
		throw new BadExportParameterException("delimiter", this.delimiter, List.of("comma", "semicolon"));
	}

	private String region(Regions.RegionList regions) {
		String value = blankToNull(this.state);
		if (value == null || regions.freeText()) {
			return value;
		}
		String code = value.toUpperCase(Locale.ROOT);
		if (!regions.contains(code)) {
			List<String> allowed = new ArrayList<>(regions.codes());
			allowed.add(regions.outside());
			throw new BadExportParameterException("state", this.state, allowed);
		}
		return code;
	}

	private Boolean checkedInFilter() {
		String value = blankToNull(this.checkedIn);
		if (value == null) {
			return null;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "yes" -> true;
			case "false", "no" -> false;
			default -> throw new BadExportParameterException("checkedIn", this.checkedIn, List.of("true", "false"));
		};
	}

	private Long choiceFilter() {
		String value = blankToNull(this.choice);
		if (value == null) {
			return null;
		}
		if (!value.matches("[1-9][0-9]{0,17}")) {
			throw new BadExportParameterException("choice", this.choice, List.of("1", "2", "…"));
		}
		return Long.valueOf(value);
	}

	private static <E extends Enum<E>> E parse(String name, String value, Class<E> type) {
		String trimmed = blankToNull(value);
		if (trimmed == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, trimmed.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new BadExportParameterException(name, value,
					Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
