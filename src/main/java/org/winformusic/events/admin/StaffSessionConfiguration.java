package org.winformusic.events.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Staff sessions (Spring Session JDBC) without a write per request.
 * <p>
 * What Spring Session offers is already in use: save mode {@code on-set-attribute} (only
 * attributes set are written; the default) and flush mode {@code on-save}. But every
 * request still moves the session's last-access time, and the repository then rewrites
 * the {@code spring_session} row, whatever else happened (declined upstream as a feature,
 * spring-session#1065). So the row update below is conditional: it writes when the id,
 * the principal or the timeout changed, or when the stored last-access time is a minute
 * or more old. A session therefore expires at most a minute early (after 29 of its 30
 * minutes of inactivity), and a staff member browsing the list causes one write a minute
 * instead of one per page. Attribute changes (login, logout) are written as before.
 * <p>
 * A new attribute is an upsert: two requests of one session at once (a double click, two
 * tabs) that both set an attribute the session did not have (a flash message, a saved
 * request) would otherwise both insert it, and the second would fail with a duplicate key
 * after its action had worked. The last write wins, as with an attribute both change.
 */
@Configuration(proxyBeanMethods = false)
class StaffSessionConfiguration {

	/** How stale the stored last-access time may get before a request rewrites it. */
	static final long LAST_ACCESS_RESOLUTION_MILLIS = 60_000;

	// The parameters in Spring Session's order: session id, last access time, max
	// inactive interval, expiry time, principal name, primary id.
	static final String UPDATE_SESSION_WHEN_CHANGED = """
			UPDATE %TABLE_NAME% AS s
			SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
			    MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
			    PRINCIPAL_NAME = v.principal_name
			FROM (SELECT CAST(? AS char(36)) AS session_id, CAST(? AS bigint) AS last_access_time,
			             CAST(? AS integer) AS max_inactive_interval, CAST(? AS bigint) AS expiry_time,
			             CAST(? AS varchar) AS principal_name, CAST(? AS char(36)) AS primary_id) v
			WHERE s.PRIMARY_ID = v.primary_id
			  AND (s.SESSION_ID <> v.session_id
			       OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
			       OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
			       OR v.last_access_time - s.LAST_ACCESS_TIME >= """ + LAST_ACCESS_RESOLUTION_MILLIS + ")";

	// The parameters in Spring Session's order: primary id, attribute name, bytes.
	static final String CREATE_OR_REPLACE_SESSION_ATTRIBUTE = """
			INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			VALUES (?, ?, ?)
			ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionRowWrittenOnlyWhenChanged() {
		return (repository) -> {
			repository.setUpdateSessionQuery(UPDATE_SESSION_WHEN_CHANGED);
			repository.setCreateSessionAttributeQuery(CREATE_OR_REPLACE_SESSION_ATTRIBUTE);
		};
	}

}
