package org.winformusic.events.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a user reads comes from the message files, in Spanish and in English: the
 * two files of each bundle have the same keys, and no template holds literal text.
 */
class MessagesTests {

	private static final Path MESSAGES = Path.of("src/main/resources/messages");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/**
	 * Attributes that replace an element's body, making the text inside a mere
	 * placeholder.
	 */
	private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:errors", "th:replace", "th:insert",
			"th:remove");

	/** Names that are the same in every language. */
	private static final Set<String> NAMES = Set.of("WIN", "WIN Events");

	@Test
	void spanishAndEnglishFilesOfEveryBundleHaveTheSameKeys() throws IOException {
		List<Path> english;
		try (Stream<Path> files = Files.list(MESSAGES)) {
			english = files.filter((p) -> p.getFileName().toString().matches("[a-z]+\\.properties")).toList();
		}
		assertThat(english).isNotEmpty();
		for (Path en : english) {
			Path es = en.resolveSibling(en.getFileName().toString().replace(".properties", "_es.properties"));
			assertThat(es).as("Spanish bundle for " + en.getFileName()).exists();
			assertThat(keys(es)).as("keys of " + es.getFileName() + " vs " + en.getFileName())
				.containsExactlyElementsOf(keys(en));
		}
	}

	@Test
	void spanishFilesHaveNoBundleWithoutItsEnglishCounterpart() throws IOException {
		try (Stream<Path> files = Files.list(MESSAGES)) {
			files.filter((p) -> p.getFileName().toString().endsWith("_es.properties"))
				.forEach((es) -> assertThat(
						es.resolveSibling(es.getFileName().toString().replace("_es.properties", ".properties")))
					.exists());
		}
	}

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter((p) -> p.toString().endsWith(".html")).toList()) {
				collectLiterals(parse(template), template, literals);
			}
		}
		assertThat(literals).isEmpty();
	}

	private static Set<String> keys(Path file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}

	private static Document parse(Path template) throws IOException {
		try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
			return new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(template.toString(), reader);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Cannot parse " + template, ex);
		}
	}

	private static void collectLiterals(INestableNode node, Path template, List<String> literals) {
		if (node instanceof Element element) {
			String name = element.getElementName().toLowerCase(Locale.ROOT);
			// A page's <html th:replace="~{layout :: ...}"> hands its own body to the
			// layout.
			boolean replaced = !name.equals("html")
					&& element.getAttributeMap().keySet().stream().anyMatch(REPLACING::contains);
			if (replaced || name.equals("script") || name.equals("style")) {
				return;
			}
		}
		for (INode child : node.getChildren()) {
			if (child instanceof Text text) {
				String content = text.getContent().strip();
				if (content.codePoints().anyMatch(Character::isLetter) && !NAMES.contains(content)) {
					literals.add(template + ": \"" + content + "\"");
				}
			}
			else if (child instanceof INestableNode nested) {
				collectLiterals(nested, template, literals);
			}
		}
	}

}
