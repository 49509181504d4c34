package org.winformusic.events.mail;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.winformusic.events.registration.EmailHistory;
import org.winformusic.events.registration.RegistrationMessage.Type;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox's memory of a registration's emails, for the registration module (see
 * {@link EmailHistory}). Read in the caller's transaction, if any.
 */
@Component
class OutboxHistory implements EmailHistory {

	private final JdbcClient jdbc;

	OutboxHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, Set<Type>> kindsQueued(Collection<Long> registrationIds) {
		Map<Long, Set<Type>> kinds = new HashMap<>();
		if (registrationIds.isEmpty()) {
			return kinds;
		}
		// A kind a newer release queued is not one this release knows.
		this.jdbc
			.sql("select distinct registration_id, kind from outbox_message"
					+ " where registration_id in (:ids) and kind in (:kinds)")
			.param("ids", registrationIds)
			.param("kinds", OutboxRepository.KNOWN_KINDS)
			.query((row, n) -> Map.entry(row.getLong(1), Type.valueOf(row.getString(2))))
			.list()
			.forEach((queued) -> kinds.computeIfAbsent(queued.getKey(), (id) -> EnumSet.noneOf(Type.class))
				.add(queued.getValue()));
		return kinds;
	}

}
