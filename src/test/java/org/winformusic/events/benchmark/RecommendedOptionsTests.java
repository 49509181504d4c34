package org.winformusic.events.benchmark;

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
 * The recommended JVM options are written in three places that cannot share a file: the
 * Dockerfile's {@code JDK_JAVA_OPTIONS}, {@code scripts/start.sh} (the README's command
 * without Docker) and the benchmark, which must measure exactly that recipe. A change to
 * one of them (the heap went from 256 to 200 to 160 MB) fails here until all agree.
 */
class RecommendedOptionsTests {

	@Test
	void theDockerfileTheStartScriptAndTheBenchmarkRecommendTheSameOptions() throws IOException {
		List<String> benchmark = new ArrayList<>();
		benchmark.add("-Xmx" + BenchmarkMain.RECOMMENDED_HEAP);
		benchmark.addAll(BenchmarkMain.RECOMMENDED_JVM_OPTIONS);
		assertThat(options(Path.of("scripts/start.sh"), "(?m)^OPTIONS=\\((.*)\\)$")).isEqualTo(benchmark);
		assertThat(options(Path.of("Dockerfile"), "(?m)^ENV JDK_JAVA_OPTIONS=\"(.*)\"")).isEqualTo(benchmark);
	}

	private static List<String> options(Path file, String pattern) throws IOException {
		Matcher matcher = Pattern.compile(pattern).matcher(Files.readString(file));
		assertThat(matcher.find()).as("%s has the recommended options", file).isTrue();
		return List.of(matcher.group(1).trim().split("\\s+"));
	}

}
