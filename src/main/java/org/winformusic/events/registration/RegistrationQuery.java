package org.winformusic.events.registration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Which registrations of an event, in which order: what the admin list, the export, the
 * printouts and the door search ask this module for. Staff type it as the query
 * parameters {@link #PARAMETERS} ({@code q, status, companyType, state,
 * associationInterest, checkedIn, choice, yesNo, sort, dir}), the same on every page, so
 * "export or print what I see" is one link; {@link #parse} reads them, the one place that
 * does.
 */
public record RegistrationQuery(RegistrationFilter filter, RegistrationSort sort) {

	public static final RegistrationQuery ALL = new RegistrationQuery(RegistrationFilter.ALL, RegistrationSort.DEFAULT);

	/** The query parameters {@link #parse} reads, in the order links carry them. */
	public static final List<String> PARAMETERS = List.of("q", "status", "companyType", "state", "associationInterest",
			"checkedIn", "choice", "yesNo", "sort", "dir");

	/** Longer search text is cut here: nobody types more, and links stay short. */
	public static final int MAX_SEARCH_LENGTH = 200;

	/**
	 * Reads the query parameters ({@code parameter} gives a value by name, null when
	 * absent) for an event whose regions are {@code regions}: {@code state} is one of its
	 * codes (or a name the list knows, {@link Regions.RegionList#code}), or any text when
	 * the region is free text. Empty means "any"; an unknown {@code sort} column falls
	 * back to registration order. {@code choice} is one of the event's choices and
	 * {@code yesNo} ({@code 12:yes}, {@code 12:no}) one of its yes/no questions, both
	 * from {@code answerable} ({@link AnswerFilters#answerable}, read only when either is
	 * asked for): an answer to another event's question (a link copied from its list) is
	 * refused like any unknown value, not answered with nobody, as if nobody had given
	 * it.
	 * @throws InvalidParameterException naming the parameter and its allowed values
	 */
	public static RegistrationQuery parse(Function<String, String> parameter, Regions.RegionList regions,
			Supplier<Answerable> answerable) {
		RegistrationQuery query = parse(parameter, regions);
		Long choice = query.filter().choice();
		RegistrationFilter.YesNo yesNo = query.filter().yesNo();
		Answerable known = (choice != null || yesNo != null) ? answerable.get() : Answerable.NONE;
		if (choice != null && !known.choiceIds().contains(choice)) {
			List<String> allowed = known.choiceIds().stream().sorted().map(String::valueOf).toList();
			throw new InvalidParameterException("choice", parameter.apply("choice"),
					allowed.isEmpty() ? List.of("—") : allowed);
		}
		if (yesNo != null && !known.yesNoQuestionIds().contains(yesNo.questionId())) {
			List<String> allowed = known.yesNoQuestionIds()
				.stream()
				.sorted()
				.flatMap((id) -> Stream.of(RegistrationFilter.YesNo.value(id, true),
						RegistrationFilter.YesNo.value(id, false)))
				.toList();
			throw new InvalidParameterException("yesNo", parameter.apply("yesNo"),
					allowed.isEmpty() ? List.of("—") : allowed);
		}
		return query;
	}

	/**
	 * The same, taking any choice or yes/no question (for tests of the other parameters).
	 */
	static RegistrationQuery parse(Function<String, String> parameter, Regions.RegionList regions) {
		String text = blankToNull(parameter.apply("q"));
		RegistrationFilter filter = new RegistrationFilter(
				(text != null && text.length() > MAX_SEARCH_LENGTH) ? text.substring(0, MAX_SEARCH_LENGTH) : text,
				code(parameter, "status", RegistrationStatus.class), code(parameter, "companyType", CompanyType.class),
				region(parameter.apply("state"), regions),
				code(parameter, "associationInterest", AssociationInterest.class), yesNo(parameter.apply("checkedIn")),
				choice(parameter.apply("choice")), yesNoAnswer(parameter.apply("yesNo")));
		return new RegistrationQuery(filter,
				RegistrationSort.of(blankToNull(parameter.apply("sort")), blankToNull(parameter.apply("dir"))));
	}

	private static <E extends Enum<E>> E code(Function<String, String> parameter, String name, Class<E> type) {
		String value = parameter.apply(name);
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidParameterException(name, value,
					Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
		}
	}

	private static String region(String value, Regions.RegionList regions) {
		String text = blankToNull(value);
		if (text == null || regions.freeText()) {
			return text;
		}
		// A code in any case, or a name where the list knows one ("minas gerais" is MG).
		String code = regions.code(text);
		if (code == null) {
			List<String> allowed = new ArrayList<>(regions.codes());
			if (regions.outside() != null) {
				allowed.add(regions.outside());
			}
			throw new InvalidParameterException("state", value, allowed);
		}
		return code;
	}

	private static Boolean yesNo(String value) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "true", "yes" -> true;
			case "false", "no" -> false;
			default -> throw new InvalidParameterException("checkedIn", value, List.of("true", "false"));
		};
	}

	/** A choice id: digits only. */
	private static Long choice(String value) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		if (!text.matches("[1-9][0-9]{0,17}")) {
			throw new InvalidParameterException("choice", value, List.of("1", "2", "…"));
		}
		return Long.valueOf(text);
	}

	/** A yes/no question and its answer: {@code 12:yes}, {@code 12:no}. */
	private static RegistrationFilter.YesNo yesNoAnswer(String value) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		RegistrationFilter.YesNo answer = RegistrationFilter.YesNo.parse(text);
		if (answer == null) {
			throw new InvalidParameterException("yesNo", value, List.of("1:yes", "1:no", "…"));
		}
		return answer;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * What an event's staff can filter its registrations by among the answers to its own
	 * questions: the ids of its choices and of its yes/no questions (removed ones too).
	 */
	public record Answerable(Collection<Long> choiceIds, Collection<Long> yesNoQuestionIds) {

		public static final Answerable NONE = new Answerable(List.of(), List.of());

	}

	/**
	 * A query parameter with a value that is not one of the allowed ones: a 400. Pages
	 * that can say more (the export) show the parameter, the value and what is allowed.
	 */
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	public static class InvalidParameterException extends RuntimeException {

		private final String parameter;

		private final String value;

		private final List<String> allowed;

		public InvalidParameterException(String parameter, String value, List<String> allowed) {
			super(null, null, false, false);
			this.parameter = parameter;
			this.value = value;
			this.allowed = List.copyOf(allowed);
		}

		public String parameter() {
			return this.parameter;
		}

		public String value() {
			return this.value;
		}

		public List<String> allowed() {
			return this.allowed;
		}

		/**
		 * What the staff page for a download link with such a filter (the exports', the
		 * printouts': {@code export/bad-parameter}) shows: the parameter, the value and
		 * the allowed values.
		 */
		public Map<String, Object> pageModel() {
			return Map.of("parameter", this.parameter, "value", java.util.Objects.toString(this.value, ""), "allowed",
					String.join(", ", this.allowed));
		}

	}

}
