package org.winformusic.events.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.winformusic.events.RegistrantTrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * After every other test class of the run (junit-platform.properties orders classes by
 * {@code @Order}; this one is last), the application log of the whole run holds no email
 * and no name of any registrant the run wrote ({@link RegistrantTrace}): not from a
 * request, a job, an email sent or failed, nor a database error.
 * <p>
 * What is read: the entries of {@code target/test-logs/application.log} that this JVM
 * wrote (its PID, since it started), except GreenMail's: the test mail server logs the
 * mailboxes it creates for recipients, as any mail server would, and it is not the
 * application. Which registrants: every email, and every name distinctive enough that
 * finding it means it leaked (two words of two letters or more, so formula payloads such
 * as {@code +1} are not looked for); anonymized values ({@code …@invalid}, "—") are
 * skipped.
 */
@Order(Integer.MAX_VALUE)
class SuiteLogHygieneTests {

	@Test
	void noRegistrantOfTheWholeRunAppearsInTheApplicationLog() throws IOException {
		String why = "Only the whole suite on embedded PostgreSQL traces registrants "
				+ "(run ./mvnw verify; with Testcontainers each context's database is gone by now)";
		// CI runs the whole suite on embedded PostgreSQL: there the scan must run, never
		// skip.
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			assertThat(RegistrantTrace.active()).as(why).isTrue();
		}
		assumeTrue(RegistrantTrace.active(), why);
		Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH).minusSeconds(1);
		// Decoded leniently: a line cut by a crashed run must not hide the rest.
		String file = new String(Files.readAllBytes(TestLog.file()), StandardCharsets.UTF_8);
		LogScan log = LogScan.of(file, ProcessHandle.current().pid(), started);
		List<String> leaks = new ArrayList<>();
		int[] lookedFor = { 0 };
		RegistrantTrace.forEach((email, name) -> {
			for (String value : new String[] { email, name }) {
				if (LogScan.distinctive(value)) {
					lookedFor[0]++;
					log.find(value).ifPresent(leaks::add);
				}
			}
		});
		assertThat(lookedFor[0]).as("registrants written by this run").isPositive();
		assertThat(leaks).as("log lines with a registrant's email or name").isEmpty();
	}

	@Test
	void theScanFindsAPersonInTheApplicationsOwnEntriesOnly() {
		String log = """
				2028-03-01T10:15:00.000Z  INFO 4242 --- [win-events] [main] o.w.e.registration.Registrations         : Hello ana.leak@example.org.
				2028-03-01T10:15:01.000-06:00 ERROR 4242 --- [win-events] [sender-1] o.w.events.mail.OutboxSender             : Send failed
				org.postgresql.util.PSQLException: Failing row contains (7, Berta Filtrada, …).
				2028-03-01T10:15:02.000Z  INFO 4242 --- [win-events] [smtp:1] c.icegreen.greenmail.user.UserManager    : Created user login carla@example.org
				2028-03-01T10:15:03.000Z  INFO 777 --- [win-events] [main] o.w.e.registration.Registrations         : Hello dora@example.org
				2028-03-01T09:00:00.000Z  INFO 4242 --- [win-events] [main] o.w.e.registration.Registrations         : Hello elena@example.org
				""";
		LogScan scan = LogScan.of(log, 4242, Instant.parse("2028-03-01T10:00:00Z"));
		assertThat(scan.find("Ana.Leak@example.org")).isPresent();
		assertThat(scan.find("Berta Filtrada")).as("a stack trace line of an entry").isPresent();
		assertThat(scan.find("carla@example.org")).as("the test mail server's own log").isEmpty();
		assertThat(scan.find("dora@example.org")).as("another JVM").isEmpty();
		assertThat(scan.find("elena@example.org")).as("before this JVM started").isEmpty();
		assertThat(scan.find("Ana Inexistente")).isEmpty();
		assertThat(LogScan.distinctive("+1")).isFalse();
		assertThat(LogScan.distinctive("anonymized-12@invalid")).isFalse();
		assertThat(LogScan.distinctive("Zoé Peña")).isTrue();
	}

	/**
	 * The application's entries of a test log, searchable for a person's email or name.
	 */
	static final class LogScan {

		/**
		 * The start of an entry in Spring Boot's file pattern: time, level, PID,
		 * application, thread, optional correlation, logger.
		 */
		private static final Pattern ENTRY = Pattern.compile("^(\\S+)\\s+(?:TRACE|DEBUG|INFO|WARN|ERROR)\\s+(\\d*)\\s*"
				+ "--- \\[[^\\]]*\\] \\[[^\\]]*\\] (?:\\[[^\\]]*\\] )?(\\S+)\\s*: ");

		/**
		 * What separates words: anything but letters, digits and the characters of an
		 * address.
		 */
		private static final Pattern SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}@._+-]+");

		private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[._+-]+|[._+-]+$");

		private final String text;

		private final Set<String> words = new HashSet<>();

		private LogScan(String text) {
			this.text = text;
			this.words.addAll(words(text));
		}

		static LogScan of(String log, long pid, Instant since) {
			StringBuilder text = new StringBuilder();
			boolean ours = false;
			for (String line : log.split("\\R")) {
				Matcher entry = ENTRY.matcher(line);
				if (entry.lookingAt()) {
					ours = ours(entry, pid, since);
				}
				if (ours) {
					text.append(line).append('\n');
				}
			}
			return new LogScan(text.toString().toLowerCase(Locale.ROOT));
		}

		private static boolean ours(Matcher entry, long pid, Instant since) {
			String logger = entry.group(3);
			if (!entry.group(2).equals(Long.toString(pid)) || logger.startsWith("c.icegreen.")
					|| logger.startsWith("com.icegreen.")) {
				return false;
			}
			try {
				return !OffsetDateTime.parse(entry.group(1)).toInstant().isBefore(since);
			}
			catch (DateTimeParseException ex) {
				return true;
			}
		}

		/**
		 * An email, or a name of two words of two letters or more; not an anonymized
		 * value.
		 */
		static boolean distinctive(String value) {
			if (value == null || value.endsWith("@invalid")) {
				return false;
			}
			if (value.contains("@")) {
				return value.length() >= 6;
			}
			return words(value).stream()
				.filter((w) -> w.codePoints().filter(Character::isLetter).count() >= 2)
				.count() >= 2;
		}

		/**
		 * The log line that holds {@code value}, ignoring case. Each word is looked up
		 * first, so thousands of registrants scan a large log quickly.
		 */
		Optional<String> find(String value) {
			String wanted = value.toLowerCase(Locale.ROOT);
			List<String> parts = words(wanted);
			if (parts.isEmpty() || !this.words.containsAll(parts)) {
				return Optional.empty();
			}
			int at = this.text.indexOf(wanted);
			if (at < 0) {
				return Optional.empty();
			}
			int start = this.text.lastIndexOf('\n', at) + 1;
			int end = this.text.indexOf('\n', at);
			return Optional.of(value + " in: " + this.text.substring(start, (end < 0) ? this.text.length() : end));
		}

		/** Words, without the dots or dashes that end a sentence or start a list item. */
		private static List<String> words(String text) {
			return Arrays.stream(SEPARATOR.split(text))
				.map((w) -> EDGE_PUNCTUATION.matcher(w).replaceAll(""))
				.filter((w) -> !w.isEmpty())
				.toList();
		}

	}

}
