package org.winformusic.events.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the nginx configurations write into the access log for a request: the
 * {@code $win_events_logged_uri} map of each file, read from the file and applied as
 * nginx does (the first regular expression that matches, its named groups in the
 * replacement). A secret in the path is masked, and so is the text staff search for
 * ({@code q=} of the registration list, its exports and printouts): a name or an email
 * address typed there is personal data, which the access log, kept and read apart from
 * the database, must not collect. The filters stay, for whoever reads the log.
 */
class AccessLogMasksTests {

	@Test
	void secretsAndSearchedTextStayOutOfTheAccessLog() throws IOException {
		for (String file : List.of("deploy/nginx/compose.conf", "deploy/nginx/two-instances.conf.template")) {
			secretsAndSearchedTextStayOutOfTheAccessLog(loggedUriMap(Path.of(file)));
		}
	}

	/**
	 * The application's own log lines ({@link LoggedPaths}) mask the same secrets as
	 * nginx: a tokened path added to one and not the other fails here.
	 */
	@Test
	void theApplicationsLogMasksThePathsNginxMasks() throws IOException {
		List<Entry> map = loggedUriMap(Path.of("deploy/nginx/compose.conf"));
		for (String path : List.of("/r/%s", "/r/%s/data", "/R/%s/edit", "/p/%s", "/email-change/%s",
				"/admin/checkin/pass/%s", "/admin/checkin/%s", "/admin/events/mexico-workshop/checkin/pass/%s",
				"/events/mexico-workshop/register", "/admin/events/mexico-workshop/registrations")) {
			String uri = path.formatted("Zx9SecretTokenQwErTy");
			assertThat(LoggedPaths.masked(uri)).as(uri).isEqualTo(logged(map, uri));
		}
	}

	private static void secretsAndSearchedTextStayOutOfTheAccessLog(List<Entry> map) {
		assertThat(logged(map, "/r/Zx9SecretTokenQwErTy/data")).isEqualTo("/r/***/data");
		assertThat(logged(map, "/admin/events/mexico-workshop/checkin/pass/Zx9SecretTokenQwErTy"))
			.isEqualTo("/admin/events/mexico-workshop/checkin/pass/***");
		assertThat(logged(map, "/admin/events/mexico-workshop/registrations?q=ana.perez%40gmail.com&status=CONFIRMED"))
			.isEqualTo("/admin/events/mexico-workshop/registrations?q=***&status=CONFIRMED");
		assertThat(logged(map, "/admin/events/mexico-workshop/registrations.csv?status=PENDING&q=Ana+P%C3%A9rez"))
			.isEqualTo("/admin/events/mexico-workshop/registrations.csv?status=PENDING&q=***");
		assertThat(logged(map, "/admin/events/mexico-workshop/badges.pdf?layout=single&q=Sello&state=JAL"))
			.isEqualTo("/admin/events/mexico-workshop/badges.pdf?layout=single&q=***&state=JAL");
		// Other parameters stay as they are.
		assertThat(logged(map, "/admin/events/mexico-workshop/registrations?sort=name&status=WAITLISTED"))
			.isEqualTo("/admin/events/mexico-workshop/registrations?sort=name&status=WAITLISTED");
		assertThat(logged(map, "/admin/audit?faq=1")).isEqualTo("/admin/audit?faq=1");
	}

	/** The source value as logged: the first entry that matches, else unchanged. */
	private static String logged(List<Entry> map, String uri) {
		for (Entry entry : map) {
			Matcher matcher = entry.pattern().matcher(uri);
			if (matcher.matches()) {
				return matcher.replaceFirst(entry.replacement().replace("\\", "\\\\"));
			}
		}
		return uri;
	}

	private static List<Entry> loggedUriMap(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file);
		Pattern start = Pattern.compile("\\s*map \\$uri\\$is_args\\$args \\$win_events_logged_uri \\{\\s*");
		Pattern regex = Pattern.compile("\\s*\"~(\\*?)(.*)\"\\s+\"(.*)\";\\s*");
		List<Entry> entries = new ArrayList<>();
		boolean inMap = false;
		for (String line : lines) {
			if (!inMap) {
				inMap = start.matcher(line).matches();
				continue;
			}
			if (line.strip().equals("}")) {
				break;
			}
			Matcher entry = regex.matcher(line);
			if (entry.matches()) {
				int flags = entry.group(1).isEmpty() ? 0 : Pattern.CASE_INSENSITIVE;
				entries.add(new Entry(Pattern.compile(javaNames(unquoted(entry.group(2))), flags),
						javaNames(unquoted(entry.group(3)))));
			}
		}
		assertThat(entries).as("regular expressions of the map in " + file).isNotEmpty();
		return entries;
	}

	/** Java's group names have no underscore: {@code win_before} is {@code winbefore}. */
	private static String javaNames(String regexOrReplacement) {
		return Pattern.compile("(\\(\\?<|\\$\\{)([A-Za-z0-9_]+)([>}])")
			.matcher(regexOrReplacement)
			.replaceAll(
					(name) -> Matcher.quoteReplacement(name.group(1) + name.group(2).replace("_", "") + name.group(3)));
	}

	/** nginx's double-quoted string: \" and \\ are the escaped characters. */
	private static String unquoted(String value) {
		return value.replace("\\\"", "\"").replace("\\\\", "\\");
	}

	private record Entry(Pattern pattern, String replacement) {
	}

}
