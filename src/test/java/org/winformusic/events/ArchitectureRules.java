package org.winformusic.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The rules the build enforces on the module layout of STYLE.md, written so that
 * {@code ArchitectureRulesTests} can show each one failing on a deliberate violation.
 */
final class ArchitectureRules {

	/** Each table and the one module that alone writes and reads it with SQL. */
	static final Map<String, String> TABLE_OWNERS = Map.ofEntries(Map.entry("event", "event"),
			Map.entry("event_question", "event"), Map.entry("event_question_choice", "event"),
			Map.entry("speaker", "event"), Map.entry("partner", "event"), Map.entry("registration", "registration"),
			Map.entry("registration_answer", "registration"), Map.entry("registration_answer_choice", "registration"),
			Map.entry("registration_blocked_data", "registration"), Map.entry("registration_tally", "registration"),
			Map.entry("registration_tally_delta", "registration"), Map.entry("registration_token", "registration"),
			Map.entry("event_seat", "registration"), Map.entry("link_request", "registration"),
			Map.entry("checkin_undone", "registration"), Map.entry("rate_limit_bucket", "registration"),
			Map.entry("app_secret", "registration"), Map.entry("staff_user", "admin"), Map.entry("staff_note", "admin"),
			Map.entry("audit_log", "admin"), Map.entry("login_attempt", "admin"), Map.entry("spring_session", "admin"),
			Map.entry("spring_session_attributes", "admin"), Map.entry("outbox_message", "mail"),
			Map.entry("api_token", "export"));

	private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);

	private static final Pattern STRING = Pattern.compile("\"((?:\\\\.|[^\"\\\\])*)\"");

	private static final Pattern TABLE_REFERENCE = Pattern
		.compile("\\b(?:from|join|into|update|truncate)\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

	private ArchitectureRules() {
	}

	/** Controllers are reached through their URLs only, never called from Java. */
	static ArchRule controllersArePackagePrivate() {
		return classes().that()
			.areMetaAnnotatedWith(Controller.class)
			.should()
			.notBePublic()
			.because("a controller is reached through its URLs, not from other packages");
	}

	/**
	 * A type is public only when a type of another package uses it, or a public method of
	 * a public type returns it: public is a module's API, and an API nobody calls is a
	 * door left open.
	 */
	static ArchRule publicTypesHaveAUserOutsideTheirPackage() {
		return classes().that()
			.arePublic()
			.and()
			.areTopLevelClasses()
			.and()
			.areNotAnnotatedWith(SpringBootApplication.class)
			.should(new ArchCondition<JavaClass>("be used from outside their package") {
				@Override
				public void check(JavaClass type, ConditionEvents events) {
					boolean usedOutside = type.getDirectDependenciesToSelf()
						.stream()
						.anyMatch((d) -> !d.getOriginClass().getPackageName().equals(type.getPackageName()));
					if (!usedOutside && !returnedByPublicApi(type)) {
						events.add(SimpleConditionEvent.violated(type, type.getName()
								+ " is public but no type outside " + type.getPackageName() + " uses it"));
					}
				}
			});
	}

	/**
	 * Whether a public method of a public type returns {@code type}: a page may use what
	 * a module's API hands it without naming the type in Java (a template reads it).
	 */
	private static boolean returnedByPublicApi(JavaClass type) {
		return type.getPackage()
			.getClasses()
			.stream()
			.filter((owner) -> owner != type && owner.getModifiers().contains(JavaModifier.PUBLIC))
			.flatMap((owner) -> owner.getMethods().stream())
			.anyMatch((m) -> m.getModifiers().contains(JavaModifier.PUBLIC)
					&& m.getReturnType().getAllInvolvedRawTypes().contains(type));
	}

	/**
	 * The string literals of the Java sources under {@code root} (one folder per module)
	 * that name, in SQL, a table owned by another module: each as "module/File.java names
	 * table t of module m".
	 */
	static List<String> sqlNamingAnotherModulesTables(Path root, Map<String, String> owners) {
		List<String> violations = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).sorted().toList()) {
				String module = root.relativize(file).getName(0).toString();
				for (String literal : stringLiterals(Files.readString(file))) {
					Matcher reference = TABLE_REFERENCE.matcher(literal);
					while (reference.find()) {
						String table = reference.group(1).toLowerCase(Locale.ROOT);
						String owner = owners.get(table);
						if (owner != null && !owner.equals(module)) {
							violations.add(root.relativize(file) + " names table " + table + " of module " + owner);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return violations.stream().distinct().toList();
	}

	private static List<String> stringLiterals(String source) {
		List<String> literals = new ArrayList<>();
		Matcher block = TEXT_BLOCK.matcher(source);
		StringBuilder rest = new StringBuilder();
		while (block.find()) {
			literals.add(block.group(1));
			block.appendReplacement(rest, "\"\"");
		}
		block.appendTail(rest);
		for (String line : rest.toString().split("\n")) {
			String code = line.strip();
			if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) {
				continue;
			}
			Matcher string = STRING.matcher(line);
			while (string.find()) {
				literals.add(string.group(1));
			}
		}
		return literals;
	}

}
