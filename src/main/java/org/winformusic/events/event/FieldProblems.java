package org.winformusic.events.event;

/**
 * The editor's checks report each problem as a message key for its field; a problem whose
 * message needs a number (the maximum length) carries it after the key,
 * {@code eventadmin.error.maxLength|300}, and the editor's page reads both back.
 */
public final class FieldProblems {

	/** "Es demasiado largo: máximo {0} caracteres." */
	public static final String MAX_LENGTH = "eventadmin.error.maxLength";

	private static final char SEPARATOR = '|';

	private FieldProblems() {
	}

	static String withNumber(String key, long number) {
		return key + SEPARATOR + number;
	}

	/** The message key of a problem. */
	public static String key(String problem) {
		int separator = problem.indexOf(SEPARATOR);
		return (separator < 0) ? problem : problem.substring(0, separator);
	}

	/** The arguments of its message: the number it carries, or none. */
	public static Object[] arguments(String problem) {
		int separator = problem.indexOf(SEPARATOR);
		return (separator < 0) ? new Object[0] : new Object[] { Long.valueOf(problem.substring(separator + 1)) };
	}

}
