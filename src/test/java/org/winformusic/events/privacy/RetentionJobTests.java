package org.winformusic.events.privacy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The retention job: every registration of an event that ended more than its retention
 * period ago is anonymized with what it left elsewhere, an event that ended yesterday is
 * untouched, and WIN's statistics (status, state, company type, interest) do not change.
 */
class RetentionJobTests extends PersonalDataTestSupport {

	@Test
	void registrationsOfAnEventPastItsRetentionPeriodLeaveNoPersonalDataAndTheStatisticsStay() throws Exception {
		String oldMarker = marker();
		String recentMarker = marker();
		// Both start in 2 days; the second event is pushed 180 days later.
		String old = event(Duration.ofDays(2), 2);
		String recent = event(Duration.ofDays(2 + 180), 2);
		List<Person> oldPeople = List.of(Person.marked(oldMarker + "a", "+52 55 1234 0001"),
				Person.marked(oldMarker + "b", "+52 55 1234 0002").with("DISTRIBUTOR", "NLE", "NO"),
				Person.marked(oldMarker + "c", "+52 55 1234 0003").with("OTHER", "OUTSIDE_MX", "MAYBE"));
		for (Person person : oldPeople) {
			register(old, person);
		}
		String recentToken = register(recent, Person.marked(recentMarker, "+52 55 9999 0001"));
		long checkedIn = registrationId(oldPeople.get(0).email());
		onItsDay(old);
		act(post("/admin/registrations/" + checkedIn + "/checkin"));
		act(post("/admin/registrations/" + checkedIn + "/notes").param("body", "Habló " + oldMarker));
		this.sender.sendDueMessages();
		List<Map<String, Object>> statistics = statistics(old);
		assertThat(whereStored(oldMarker)).contains("registration.full_name", "outbox_message.recipient",
				"staff_note.body");

		// The old event ended 181 days ago (default period 180 days); the recent one
		// ended a day ago.
		this.clock.advance(Duration.ofDays(2 + 181));
		RetentionJob.Result result = this.retention.run();

		assertThat(result.anonymized()).isGreaterThanOrEqualTo(3);
		assertThat(whereStored(oldMarker)).isEmpty();
		for (Person person : oldPeople) {
			assertThat(whereStored(person.phone())).isEmpty();
		}
		assertThat(statistics(old)).isEqualTo(statistics);
		assertThat(this.jdbc.sql("select count(*) from registration where id = ? and checked_in_at is not null")
			.param(checkedIn)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(whereStored(recentMarker)).contains("registration.full_name", "registration.email",
				"registration.company", "registration.city", "registration.comments");
		this.mvc.perform(get("/r/" + recentToken)).andExpect(status().isOk());
		// A second run finds nothing more to do.
		assertThat(this.retention.run().anonymized()).isZero();
	}

	@Test
	void anEventsOwnRetentionPeriodWinsOverTheDefault() throws Exception {
		String marker = marker();
		String slug = event(Duration.ofDays(1), 2);
		register(slug, Person.marked(marker, "+52 55 4321 0001"));
		this.jdbc.sql("update event set retention_days = 7 where slug = ?").param(slug).update();

		this.clock.advance(Duration.ofDays(1 + 6));
		this.retention.run();
		assertThat(whereStored(marker)).isNotEmpty();

		this.clock.advance(Duration.ofDays(2));
		this.retention.run();
		assertThat(whereStored(marker)).isEmpty();
	}

	private List<Map<String, Object>> statistics(String slug) {
		return this.jdbc.sql("""
				select r.status, r.state, r.company_type, r.association_interest, count(*) as n
				  from registration r join event e on e.id = r.event_id where e.slug = ?
				 group by 1, 2, 3, 4 order by 1, 2, 3, 4
				""").param(slug).query().listOfRows();
	}

}
