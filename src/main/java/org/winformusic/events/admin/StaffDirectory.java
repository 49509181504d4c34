package org.winformusic.events.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts as other modules may read them (the export's API tokens act for their
 * owner): who, with which role, and whether the account still works. Never the password
 * hash; this module alone reads and writes {@code staff_user}.
 */
@Service
@Transactional(readOnly = true)
public class StaffDirectory {

	private final JdbcClient jdbc;

	StaffDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account behind a login name (its email, any case). */
	public Optional<StaffAccount> byEmail(String email) {
		return this.jdbc.sql("select id, email, role, enabled from staff_user where lower(email) = lower(?)")
			.param(email)
			.query(StaffDirectory::account)
			.optional();
	}

	public Optional<StaffAccount> byId(long id) {
		return this.jdbc.sql("select id, email, role, enabled from staff_user where id = ?")
			.param(id)
			.query(StaffDirectory::account)
			.optional();
	}

	private static StaffAccount account(ResultSet rs, int row) throws SQLException {
		return new StaffAccount(rs.getLong("id"), rs.getString("email"), StaffRole.valueOf(rs.getString("role")),
				rs.getBoolean("enabled"));
	}

	/**
	 * A staff account: its id, its login name (email, as stored), its current role, and
	 * whether it may sign in.
	 */
	public record StaffAccount(long id, String email, StaffRole role, boolean enabled) {

	}

}
