package org.winformusic.events.shared;

import java.sql.SQLException;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import org.springframework.stereotype.Component;

/**
 * Lets a database migration wait for PostgreSQL as long as it needs. The pool gives up on
 * a statement whose answer takes longer than its {@code socketTimeout}
 * ({@code application.properties}: a request never hangs on a database that stopped
 * answering), but a migration that builds an index or rewrites a large table may run for
 * minutes, and cutting it off would stop the application from starting. The pool sets the
 * timeout back when the connection is returned.
 */
@Component
class MigrationsWithoutSocketTimeout implements Callback {

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.BEFORE_MIGRATE || event == Event.BEFORE_EACH_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			context.getConnection().setNetworkTimeout(Runnable::run, 0);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not lift the socket timeout for a migration", ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "migrations without socket timeout";
	}

}
