package org.winformusic.events.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.winformusic.events.TestDatabaseConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler lookup that tests only the mappings of a request's own area finds what
 * Spring MVC's lookup over all mappings finds, for a path of every mapping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
@ActiveProfiles("test")
class FirstSegmentHandlerMappingTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	List<AbstractWebMvcEndpointHandlerMapping> actuator;

	@LocalServerPort
	int port;

	@Test
	void everyPathMatchesTheSameMappingsAsWithoutTheFirstSegmentTest() {
		assertThat(this.mapping).isInstanceOf(FirstSegmentHandlerMapping.class);
		FirstSegmentHandlerMapping firstSegments = (FirstSegmentHandlerMapping) this.mapping;
		Set<RequestMappingInfo> infos = this.mapping.getHandlerMethods().keySet();
		List<MockHttpServletRequest> requests = new ArrayList<>();
		for (RequestMappingInfo info : infos) {
			String method = info.getMethodsCondition()
				.getMethods()
				.stream()
				.findFirst()
				.orElse(RequestMethod.GET)
				.name();
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				String path = concretePath(pattern.getPatternString());
				requests.add(request(method, path));
				// Patterns match the decoded path: "/%65vents/x" is "/events/x".
				if (path.length() > 1) {
					requests.add(request(method, "/%" + Integer.toHexString(path.charAt(1)) + path.substring(2)));
				}
			}
		}
		requests.add(request("GET", "/"));
		requests.add(request("GET", "/no-such-area/x"));
		int matched = 0;
		for (MockHttpServletRequest request : requests) {
			for (RequestMappingInfo info : infos) {
				boolean all = info.getMatchingCondition(request) != null;
				boolean own = firstSegments.getMatchingMapping(info, request) != null;
				assertThat(own).as("%s %s against %s", request.getMethod(), request.getRequestURI(), info)
					.isEqualTo(all);
				matched += all ? 1 : 0;
			}
		}
		assertThat(matched).as("paths that reach their mapping").isGreaterThanOrEqualTo(infos.size());
	}

	@Test
	void actuatorIsLookedUpAfterTheControllersAndNoControllerTakesItsPaths() throws Exception {
		assertThat(this.actuator).isNotEmpty().allMatch((actuator) -> actuator.getOrder() > this.mapping.getOrder());
		for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/info",
				"/actuator/metrics/http.server.requests")) {
			MockHttpServletRequest request = request("GET", path);
			assertThat(this.mapping.getHandlerMethods().keySet()).as(path)
				.noneMatch((info) -> info.getMatchingCondition(request) != null);
		}
		assertThat(get("/actuator/health/readiness")).isEqualTo(200);
	}

	@Test
	void theFirstSegmentOfAPatternCountsOnlyWhenItIsLiteral() {
		assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/events/{slug}")).isEqualTo("events");
		assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/admin")).isEqualTo("admin");
		for (String anyPath : new String[] { "/", "", "/{slug}", "/{*path}", "/**", "/ev*", "/e?ents/x" }) {
			assertThat(FirstSegmentHandlerMapping.literalFirstSegment(anyPath)).as(anyPath).isNull();
		}
	}

	@Test
	void visitorsStillGetTheirPagesAndTheRightRefusals() throws Exception {
		assertThat(get("/events/mexico-workshop?lang=es")).isEqualTo(200);
		assertThat(get("/%65vents/mexico-workshop?lang=es")).isEqualTo(200);
		assertThat(get("/events/mexico-workshop/no-such-page")).isEqualTo(404);
		assertThat(get("/p/x/y")).isEqualTo(404);
		assertThat(get("/privacy")).isEqualTo(200);
		assertThat(get("/")).isEqualTo(200);
	}

	private int get(String path) throws Exception {
		HttpResponse<Void> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build(),
					HttpResponse.BodyHandlers.discarding());
		return response.statusCode();
	}

	private static MockHttpServletRequest request(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		ServletRequestPathUtils.parseAndCache(request);
		return request;
	}

	/** A path the pattern matches, its variables and wildcards filled with "1". */
	private static String concretePath(String pattern) {
		String path = pattern.replaceAll("\\{\\*[^}]+}", "1/1")
			.replaceAll("\\{[^}:]+(:[^}]*)?}", "1")
			.replace("**", "1")
			.replace("*", "1");
		return path.isEmpty() ? "/" : path;
	}

}
