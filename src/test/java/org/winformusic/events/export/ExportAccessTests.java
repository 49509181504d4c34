package org.winformusic.events.export;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may download the attendee list. */
@IntegrationTest
@AutoConfigureMockMvc
class ExportAccessTests {

	@Autowired
	MockMvc mvc;

	@Test
	void anonymousBrowsersAreSentToTheLoginPageAndScriptsGet401() throws Exception {
		this.mvc.perform(get("/admin/events/mexico-workshop/registrations.csv").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/admin/events/mexico-workshop/registrations.xlsx").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/admin/events/mexico-workshop/registrations.csv")).andExpect(status().isUnauthorized());
	}

	@Test
	@WithMockUser(roles = "OPS")
	void opsMayExport() throws Exception {
		this.mvc.perform(get("/admin/events/mexico-workshop/registrations.csv")).andExpect(status().isOk());
	}

	@Test
	@WithMockUser(roles = "USER")
	void aSignedInNonStaffUserMayNot() throws Exception {
		this.mvc.perform(get("/admin/events/mexico-workshop/registrations.csv")).andExpect(status().isForbidden());
	}

}
