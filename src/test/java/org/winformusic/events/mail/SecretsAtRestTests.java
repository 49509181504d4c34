package org.winformusic.events.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No live manage token, nor the token of a link that confirms a new email address, is
 * kept anywhere in the database: not in the outbox, not in a rendered body, not in any
 * other table. The raw token exists only in the visitor's redirect and in the emails that
 * left.
 */
class SecretsAtRestTests extends MailIntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Test
	void neitherTheRedirectsTokenNorAnyEmailedTokenIsStoredAfterRegisteringLookingUpAndAStaffResend() throws Exception {
		String email = TestRegistrations.uniqueEmail("secret");
		// An event of its own: promotions in the shared seeded event would add other
		// people's emails to what the sender sends here.
		long eventId = new TestEvents(this.jdbc).event()
			.startsAt(java.time.Instant.now().plus(java.time.Duration.ofDays(30)))
			.capacity(10)
			.create()
			.id();
		String slug = this.jdbc.sql("select slug from event where id = ?").param(eventId).query(String.class).single();
		String location = this.mvc.perform(TestRegistrations.formPost(slug, "Ana Secreta", email))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl()
			.replace("?new", "");
		assertThat(location).startsWith("/r/");
		List<String> tokens = new ArrayList<>();
		tokens.add(location.substring("/r/".length()));
		assertNoTokenStored(tokens);

		this.sender.sendDueMessages();
		assertThat(receivedBy(email)).as("the confirmation").hasSize(1);
		tokens.addAll(emailedTokens(email));
		assertNoTokenStored(tokens);

		long id = this.tokens.resolve(tokens.get(0)).orElseThrow();
		new TestRegistrations(this.jdbc).pastTheDoubleTapWindow(id);
		this.mvc.perform(post("/events/" + slug + "/lookup").with(csrf()).param("email", email))
			.andExpect(status().isOk());
		this.sender.sendDueMessages();
		assertThat(receivedBy(email)).as("the link").hasSize(1);
		tokens.addAll(emailedTokens(email));
		assertNoTokenStored(tokens);

		// Staff resend at once: deliberate, so no double tap.
		this.mvc
			.perform(post("/admin/registrations/" + id + "/resend").with(csrf())
				.with(user("org@win.test").roles("ORGANIZER")))
			.andExpect(status().is3xxRedirection());
		// The registration's confirmation, sent already: resending it sends a copy.
		long sentConfirmation = this.jdbc
			.sql("select min(id) from outbox_message where registration_id = ? and status = 'SENT'")
			.param(id)
			.query(Long.class)
			.single();
		this.mvc
			.perform(post("/admin/outbox/" + sentConfirmation + "/resend").with(csrf())
				.with(user("org@win.test").roles("ORGANIZER")))
			.andExpect(status().is3xxRedirection());
		this.sender.sendDueMessages();
		assertThat(receivedBy(email)).as("the two resends").hasSize(2);
		tokens.addAll(emailedTokens(email));

		// The registration redirect, the confirmation, the lookup and two resends.
		assertThat(tokens).doesNotHaveDuplicates().hasSize(5);
		tokens.forEach((token) -> assertThat(this.tokens.resolve(token)).contains(id));
		assertNoTokenStored(tokens);

		// A new address: the email sent there carries a confirmation link of its own,
		// stored no more than a manage link; confirming it gives the browser a new manage
		// link (every earlier one stops working), and the old address a notice without
		// any link.
		String moved = TestRegistrations.uniqueEmail("secret-moved");
		this.mvc
			.perform(post(location + "/edit").with(csrf())
				.param("fullName", "Ana Secreta")
				.param("email", moved)
				.param("company", "Discos Norte")
				.param("companyType", "INDEPENDENT_LABEL")
				.param("state", "CMX")
				.param("city", "Ciudad de México")
				.param("associationInterest", "YES"))
			.andExpect(status().is3xxRedirection());
		this.sender.sendDueMessages();
		assertThat(receivedBy(email)).as("nothing to the old address before the change is confirmed").isEmpty();
		String confirmation = (String) OutboxDeliveryTests.parts(to(moved)).get("text/plain").getContent();
		String confirmToken = confirmation.lines()
			.filter((line) -> line.startsWith("http://localhost:8080/email-change/"))
			.findFirst()
			.orElseThrow()
			.replace("http://localhost:8080/email-change/", "");
		greenMail.purgeEmailFromAllMailboxes();
		List<String> secrets = new ArrayList<>(tokens);
		secrets.add(confirmToken);
		assertNoTokenStored(secrets);

		String changed = this.mvc.perform(post("/email-change/" + confirmToken).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String fresh = changed.replace("/r/", "").replace("?emailConfirmed", "");
		this.sender.sendDueMessages();
		assertThat(receivedBy(moved)).isEmpty();
		MimeMessage notice = to(email);
		assertThat((String) OutboxDeliveryTests.parts(notice).get("text/plain").getContent()).doesNotContain("/r/");

		tokens.forEach((token) -> assertThat(this.tokens.resolve(token)).isEmpty());
		assertThat(this.tokens.resolve(fresh)).contains(id);
		secrets.add(fresh);
		assertThat(secrets).doesNotHaveDuplicates();
		assertNoTokenStored(secrets);
	}

	/**
	 * The manage tokens of every email {@code to} received so far, then empties the
	 * mailboxes.
	 */
	private List<String> emailedTokens(String to) throws Exception {
		List<String> found = new ArrayList<>();
		for (MimeMessage message : receivedBy(to)) {
			String link = OutboxDeliveryTests
				.manageLink((String) OutboxDeliveryTests.parts(message).get("text/plain").getContent());
			found.add(link.substring(link.lastIndexOf('/') + 1));
		}
		greenMail.purgeEmailFromAllMailboxes();
		return found;
	}

	private void assertNoTokenStored(List<String> tokens) {
		String dump = dumpDatabase();
		assertThat(dump).contains("Ana Secreta");
		for (String token : tokens) {
			assertThat(token).hasSize(43);
			assertThat(dump).doesNotContain(token)
				.doesNotContain(HexFormat.of().formatHex(token.getBytes(StandardCharsets.US_ASCII)));
		}
	}

	/**
	 * Every text, character and binary column of every row of every table, as text
	 * (binary as hex), like a data-only dump.
	 */
	private String dumpDatabase() {
		List<Map<String, Object>> columns = this.jdbc.sql("""
				select c.table_name, string_agg(case when c.data_type = 'bytea'
				            then format('coalesce(encode(%I, ''hex''), '''')', c.column_name)
				            else format('coalesce(%I::text, '''')', c.column_name) end, ' || ''|'' || ') as expr
				  from information_schema.columns c
				  join information_schema.tables t using (table_schema, table_name)
				 where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
				   and c.data_type in ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb')
				 group by c.table_name""").query().listOfRows();
		assertThat(columns).extracting((row) -> row.get("table_name"))
			.contains("outbox_message", "registration", "registration_token", "email_change", "email_change_token");
		StringBuilder dump = new StringBuilder();
		for (Map<String, Object> column : columns) {
			String table = (String) column.get("table_name");
			String rows = this.jdbc
				.sql("select coalesce(string_agg(" + column.get("expr") + ", E'\\n'), '') from \"" + table + "\"")
				.query(String.class)
				.single();
			dump.append(table).append('\n').append(rows).append('\n');
		}
		return dump.toString();
	}

}
