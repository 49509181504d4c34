package org.winformusic.events.shared;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The application log of the test run, which logback-test.xml writes to a file (the
 * console shows only warnings). Tests that check what is logged read what was appended
 * after a mark.
 */
public final class TestLog {

	private TestLog() {
	}

	/** The log file, as logback-test.xml names it. */
	public static Path file() {
		String configured = System.getProperty("TEST_LOG_FILE", System.getenv("TEST_LOG_FILE"));
		return Path.of((configured != null) ? configured : "target/test-logs/application.log");
	}

	/** Where the log ends now. */
	public static long mark() throws IOException {
		Path file = file();
		return Files.exists(file) ? Files.size(file) : 0;
	}

	/** Everything logged since {@code mark}. */
	public static String since(long mark) throws IOException {
		try (RandomAccessFile log = new RandomAccessFile(file().toFile(), "r")) {
			log.seek(Math.min(mark, log.length()));
			byte[] bytes = new byte[(int) (log.length() - log.getFilePointer())];
			log.readFully(bytes);
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

}
