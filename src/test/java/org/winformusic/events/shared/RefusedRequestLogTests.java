package org.winformusic.events.shared;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestDatabaseConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat refuses before the application sees it is not copied into the log: Tomcat
 * reports the first request line or header line it cannot parse at INFO with the text
 * received, which can be a manage link with a stray character, or a staff member's
 * session cookie in a header that also holds a control character. Without a processor
 * cache each connection gets a new processor, whose first parse error Tomcat would log at
 * INFO (later ones at DEBUG).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
@ActiveProfiles("test")
@TestPropertySource(properties = "server.tomcat.processor-cache=0")
class RefusedRequestLogTests {

	private static final String SECRET = "Qw7SecretTokenRtY098765432zyxwvutsrqpoNMLK";

	@LocalServerPort
	int port;

	@Test
	void aRequestLineTomcatCannotParseIsRefusedWithoutLoggingIt() throws IOException {
		long mark = TestLog.mark();

		RefusedRequestPagesTests.Response response = RefusedRequestPagesTests.send(this.port, "GET /r/" + SECRET
				+ "{} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n");

		assertThat(response.status()).isEqualTo(400);
		assertThat(TestLog.since(mark)).doesNotContain(SECRET);
	}

	@Test
	void aHeaderLineTomcatCannotParseIsRefusedWithoutLoggingIt() throws IOException {
		long mark = TestLog.mark();

		RefusedRequestPagesTests.Response response = RefusedRequestPagesTests.send(this.port,
				"GET /admin/login HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
						+ "Connection: close\r\nCookie: SESSION=" + SECRET + "; tracker=a\u0001b\r\n\r\n");

		assertThat(response.status()).isEqualTo(400);
		assertThat(TestLog.since(mark)).doesNotContain(SECRET);
	}

}
