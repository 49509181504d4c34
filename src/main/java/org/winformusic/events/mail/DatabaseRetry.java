package org.winformusic.events.mail;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * A write the sender must not lose to a moment without the database (a failover, a
 * connection killed): that the SMTP server accepted a batch. Left in SENDING, the batch
 * would be sent a second time once the stuck-row timeout finds it.
 */
final class DatabaseRetry {

	private static final Log logger = LogFactory.getLog(DatabaseRetry.class);

	private DatabaseRetry() {
	}

	/**
	 * Runs {@code write}; while it fails with a database error, again every
	 * {@code pause}, for at most {@code within}; then the last failure is thrown.
	 */
	static void run(Runnable write, Duration within, Duration pause) {
		long deadline = System.nanoTime() + within.toNanos();
		while (true) {
			try {
				write.run();
				return;
			}
			catch (DataAccessException | TransactionException ex) {
				if (System.nanoTime() + pause.toNanos() > deadline) {
					throw ex;
				}
				logger.warn("The database failed while recording emails as sent, trying again in " + pause.toSeconds()
						+ " s: " + ex.getClass().getSimpleName());
				try {
					Thread.sleep(pause.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

}
