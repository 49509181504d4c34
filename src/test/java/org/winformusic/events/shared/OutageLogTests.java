package org.winformusic.events.shared;

import java.sql.SQLTransientConnectionException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warning logged when a request finds no database names the address asked for, but
 * never the secret in it: a manage link, a check-in pass or an address-change link is the
 * key to someone's registration, and logs are read and kept by more people than the
 * database (the same addresses nginx masks in its access log, deploy/nginx/compose.conf).
 */
@ExtendWith(OutputCaptureExtension.class)
class OutageLogTests {

	private static final String SECRET = "Zx9SecretTokenQwErTy123456789abcdefghijkLMN";

	@Test
	void aRequestThatFindsNoDatabaseIsLoggedWithoutTheSecretOfItsAddress(CapturedOutput output) throws Exception {
		List<String> paths = List.of("/r/" + SECRET, "/r/" + SECRET + "/data.json", "/p/" + SECRET,
				"/email-change/" + SECRET, "/admin/checkin/pass/" + SECRET, "/admin/checkin/" + SECRET,
				"/admin/events/mexico-workshop/checkin/pass/" + SECRET);
		for (String path : paths) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
			MockHttpServletResponse response = new MockHttpServletResponse();
			new RequestGuard.Guard().doFilter(request, response, (req, res) -> {
				throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
						new SQLTransientConnectionException("Connection is not available, request timed out"));
			});
			assertThat(response.getStatus()).as(path).isEqualTo(503);
		}
		assertThat(output.getAll()).contains("No database connection for GET /r/***/data.json")
			.contains("No database connection for GET /admin/events/mexico-workshop/checkin/pass/***")
			.doesNotContain(SECRET);
	}

}
