package org.winformusic.events.privacy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Delete my data": the registration is cancelled (the seat goes to the next person
 * waiting) and blocked at once — no staff page, list, search, export, dashboard or outbox
 * page shows the person any more — and after the blocking period nothing of it is left
 * anywhere in the database.
 */
class ErasureTests extends PersonalDataTestSupport {

	@Test
	void erasedPersonDisappearsFromEveryStaffViewAtOnceAndFromTheDatabaseAfterTheBlockingPeriod() throws Exception {
		String marker = marker();
		// E.164, as stored: the checks below look for the stored value.
		String phone = "+5233" + (1000 + (int) (Math.random() * 8999)) + "7" + (100 + (int) (Math.random() * 899));
		Person person = Person.marked(marker, phone);
		String slug = event(Duration.ofDays(20), 1);
		String token = register(slug, person);
		long id = registrationId(person.email());
		String waiting = marker();
		String waitingToken = register(slug, Person.marked(waiting, "+52 55 0000 0000"));
		long waitingId = registrationId(waiting + ".ana@example.org");

		// Every kind of email the person can get, sent for real; check-in, a staff
		// edit (its before/after values go to the audit log) and a note naming them.
		this.mvc.perform(post("/events/" + slug + "/lookup").with(csrf()).param("email", person.email()));
		act(post("/admin/registrations/" + id + "/waitlist"));
		act(post("/admin/registrations/" + waitingId + "/confirm"));
		act(post("/admin/registrations/" + waitingId + "/waitlist"));
		act(post("/admin/registrations/" + id + "/confirm"));
		act(post("/admin/registrations/" + id + "/resend"));
		act(post("/admin/registrations/" + id + "/checkin"));
		act(post("/admin/registrations/" + id + "/edit").param("fullName", person.fullName())
			.param("email", person.email())
			.param("company", person.company())
			.param("jobTitle", person.jobTitle())
			.param("companyType", person.companyType())
			.param("state", person.state())
			.param("city", "Otra " + marker)
			.param("phone", person.phone())
			.param("associationInterest", person.interest())
			.param("referralSource", person.referralSource())
			.param("comments", person.comments()));
		act(post("/admin/registrations/" + id + "/notes").param("body", "Called Ana " + marker + " about the ramp"));
		assertThat(this.sender.sendDueMessages()).isGreaterThanOrEqualTo(6);
		assertThat(lower(body(asAdmin(get("/admin/events/" + slug + "/registrations.csv"))))).contains(marker);
		assertThat(lower(xlsxText(slug))).contains(marker);
		List<String> staffViews = staffViews(slug, id, marker);
		assertThat(lower(String.join("\n", staffViews))).as("the test sees the person before erasure").contains(marker);

		this.mvc.perform(get("/r/" + token + "/erase")).andExpect(status().isOk());
		this.mvc.perform(post("/r/" + token + "/erase").with(csrf()))
			.andExpect(redirectedUrl("/privacy/erased?language=es"));

		// Cancelled, the seat promoted to the person waiting, the link dead.
		assertThat(statusOf(id)).isEqualTo("CANCELLED");
		assertThat(statusOf(waitingId)).isEqualTo("CONFIRMED");
		this.mvc.perform(get("/r/" + token)).andExpect(status().isNotFound());
		this.mvc.perform(get("/r/" + waitingToken)).andExpect(status().isOk());
		this.sender.sendDueMessages();

		// Blocked: nothing for staff, anywhere.
		for (String view : staffViews(slug, id, marker)) {
			assertThat(lower(view)).doesNotContain(marker).doesNotContain(phone);
		}
		assertThat(lower(body(asAdmin(get("/admin/events/" + slug + "/registrations.csv"))))).doesNotContain(marker)
			.doesNotContain(phone);
		assertThat(lower(xlsxText(slug))).doesNotContain(marker).doesNotContain(phone);
		// Only the blocked copy holds the data, kept apart; the request is provable.
		assertThat(whereStored(marker)).containsExactly("registration_blocked_data.data");
		assertThat(this.jdbc.sql("select count(*) from audit_log where registration_id = ? and action = ?")
			.params(id, PersonalData.ERASED)
			.query(Long.class)
			.single()).isEqualTo(1);

		this.clock.advance(Duration.ofDays(29));
		this.retention.run();
		assertThat(whereStored(marker)).as("still blocked within the period").isNotEmpty();

		this.clock.advance(Duration.ofDays(2));
		assertThat(this.retention.run().suppressed()).isGreaterThanOrEqualTo(1);
		assertThat(whereStored(marker)).isEmpty();
		assertThat(whereStored(phone)).isEmpty();
		assertThat(whereStored(person.email())).isEmpty();
		// The other person is untouched.
		assertThat(whereStored(waiting)).contains("registration.full_name", "registration.email");
		assertThat(this.jdbc.sql("select count(*) from registration where id = ? and blocked_at is not null")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void adminErasesEveryRegistrationOfAnAddressFoundAcrossEvents() throws Exception {
		String marker = marker();
		Person person = Person.marked(marker, "+52 81 1111 2222");
		String first = event(Duration.ofDays(30), 5);
		String second = event(Duration.ofDays(60), 5);
		register(first, person);
		register(second, person);

		String found = body(asAdmin(post("/admin/privacy")).param("email", person.email().toUpperCase()));
		assertThat(found).contains(person.fullName()).contains("/admin/privacy/export.json");
		String export = body(asAdmin(post("/admin/privacy/export.json")).param("email", person.email()));
		assertThat(export).contains(first).contains(second).contains(person.company());
		this.mvc.perform(asAdmin(post("/admin/privacy/erase")).param("email", person.email()).param("confirm", "true"))
			.andExpect(redirectedUrl("/admin/privacy"))
			.andExpect(flash().attribute("erasedCount", 2));

		assertThat(whereStored(marker)).containsOnly("registration_blocked_data.data");
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = ? and details is null and actor = ?")
			.params(PersonalData.ERASED, "privacy-admin@win.test")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
		// The audit entries of the search and export name no address.
		assertThat(this.jdbc.sql("select count(*) from audit_log where lower(coalesce(details, '')) like ?")
			.param("%" + marker + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void eraseAllWithoutTheConfirmationTickedErasesNothingAndSaysWhy() throws Exception {
		String marker = marker();
		Person person = Person.marked(marker, "+52 81 1111 4444");
		register(event(Duration.ofDays(30), 5), person);

		String page = body(asAdmin(post("/admin/privacy/erase")).param("email", person.email()).param("lang", "es"));

		assertThat(page).contains("No se borró nada: marca la casilla", person.fullName())
			.doesNotContain("Registros borrados");
		assertThat(whereStored(marker)).contains("registration.email").doesNotContain("registration_blocked_data.data");
		assertThat(body(asAdmin(post("/admin/privacy/erase")).param("email", person.email())
			.param("confirm", "yes")
			.param("lang", "en"))).contains("Nothing was erased");
		assertThat(whereStored(marker)).contains("registration.email");
	}

	@Test
	void theDataRequestListNamesEachRegistrationsEventAndHeadsItsStatusSituacion() throws Exception {
		Person person = Person.marked(marker(), "+52 81 1111 3333");
		String slug = event(Duration.ofDays(30), 5);
		register(slug, person);
		long eventId = this.jdbc.sql("select id from event where slug = ?").param(slug).query(Long.class).single();

		String found = body(asAdmin(post("/admin/privacy")).param("email", person.email()).param("lang", "es"));
		assertThat(found).contains("<td>Taller de privacidad</td>", "<th>Situación</th>")
			.doesNotContain("<td>" + eventId + "</td>", "<th>Estado</th>");
	}

	@Test
	void onlyAdminsReachTheDataRequestPage() throws Exception {
		this.mvc.perform(get("/admin/privacy")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user("organizer@win.test")
				.roles("ORGANIZER")))
			.andExpect(status().isForbidden());
		this.mvc.perform(asAdmin(get("/admin/privacy"))).andExpect(status().isOk());
	}

	private String statusOf(long id) {
		return this.jdbc.sql("select status from registration where id = ?").param(id).query(String.class).single();
	}

	/** The list searched for the marker, without the page's echo of the search box. */
	private String searchFor(String slug, String marker) throws Exception {
		return body(asAdmin(get("/admin/events/" + slug + "/registrations")).param("q", marker))
			.replace("value=\"" + marker + "\"", "")
			.replace("q=" + marker, "");
	}

	/** What staff can open about the event and the person. */
	private List<String> staffViews(String slug, long id, String marker) throws Exception {
		return List.of(body(asAdmin(get("/admin/events/" + slug + "/registrations"))), searchFor(slug, marker),
				body(asAdmin(get("/admin/registrations/" + id))), body(asAdmin(get("/admin"))),
				body(asAdmin(get("/admin/events/" + slug))), body(asAdmin(get("/admin/events/" + slug + "/checkin"))),
				body(asAdmin(get("/admin/outbox"))), body(asAdmin(get("/admin/audit"))));
	}

}
