package org.winformusic.events.shared;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Requests are measured ({@code http.server.requests}); Spring Security's filters, logins
 * and authorizations are not observed (which cost every request a timer and events per
 * filter), so operators find no {@code spring.security.*} metrics, and requests in flight
 * are not tracked as long tasks ({@code http.server.requests.active}, a second meter per
 * request).
 */
@IntegrationTest
@AutoConfigureMockMvc
class ObservationsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry meters;

	@Test
	void requestsAreMeasuredButNotSpringSecuritysSteps() throws Exception {
		this.mvc.perform(get("/events/mexico-workshop")).andExpect(status().isOk());
		// Refused: Spring Security decides, an authorization it would observe.
		this.mvc.perform(get("/admin")).andExpect(status().isUnauthorized());

		assertThat(this.meters.getMeters()).map((meter) -> meter.getId().getName())
			.contains("http.server.requests")
			.doesNotContain("http.server.requests.active")
			.noneMatch((name) -> name.startsWith("spring.security"));
	}

}
