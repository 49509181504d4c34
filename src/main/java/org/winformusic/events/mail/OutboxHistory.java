package org.winformusic.events.mail;

import java.util.EnumSet;
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
	public Set<Type> kindsQueued(long registrationId) {
		// A kind a newer release queued is not one this release knows.
		Set<Type> kinds = EnumSet.noneOf(Type.class);
		this.jdbc.sql("select distinct kind from outbox_message where registration_id = :id and kind in (:kinds)")
			.param("id", registrationId)
			.param("kinds", OutboxRepository.KNOWN_KINDS)
			.query(String.class)
			.list()
			.forEach((kind) -> kinds.add(Type.valueOf(kind)));
		return kinds;
	}

}
