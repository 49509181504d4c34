package org.winformusic.events.registration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.winformusic.events.shared.FlywayJavaMigration;

import org.springframework.stereotype.Component;

/**
 * Migration V48: the stored search text of the registrations written before
 * {@link RegistrationFilter#searchable} left out apostrophes. "Renée O'Connor" was stored
 * as "renee o'connor", which "O’Connor" (a phone's apostrophe) and "oconnor" did not
 * find. Only rows whose name, email or company holds an apostrophe of any kind (or the
 * full-width ＇ and ｀, which decompose into one) are read, recomputed in Java by the same
 * method that writes new rows (PostgreSQL has no equivalent of its NFKD and mark
 * stripping), and updated in batches. Erased rows keep their empty text. Written in Java,
 * a bean Flyway runs in its order (after {@code V47__*.sql}).
 */
@Component
class SearchTextWithoutApostrophes extends FlywayJavaMigration {

	private static final int BATCH = 500;

	SearchTextWithoutApostrophes() {
		super("48", "search text without apostrophes");
	}

	@Override
	protected void change(Connection connection) throws SQLException {
		migrate(connection);
	}

	/** Recomputes the affected rows on {@code connection}, in its transaction. */
	static int migrate(Connection connection) throws SQLException {
		int updated = 0;
		try (PreparedStatement select = connection.prepareStatement("""
				select id, full_name, email, company from registration
				 where anonymized_at is null and (full_name || ' ' || email || ' ' || company) ~ ?
				""");
				PreparedStatement update = connection
					.prepareStatement("update registration set search_text = ? where id = ?")) {
			select.setString(1, "[" + RegistrationFilter.APOSTROPHES + "\uFF07\uFF40]");
			// A cursor (inside Flyway's transaction): the rows are not all held at once.
			select.setFetchSize(BATCH);
			int pending = 0;
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					update.setString(1, RegistrationFilter
						.searchable(rows.getString(2) + " " + rows.getString(3) + " " + rows.getString(4)));
					update.setLong(2, rows.getLong(1));
					update.addBatch();
					updated++;
					if (++pending == BATCH) {
						update.executeBatch();
						pending = 0;
					}
				}
			}
			if (pending > 0) {
				update.executeBatch();
			}
		}
		return updated;
	}

}
