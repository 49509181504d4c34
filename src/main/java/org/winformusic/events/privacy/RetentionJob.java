package org.winformusic.events.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.winformusic.events.admin.PersonalDataTraces;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.mail.OutboxErasure;
import org.winformusic.events.registration.RegistrationDirectory;
import org.winformusic.events.registration.RegistrationErasure;
import org.winformusic.events.shared.Audited;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the retention promises of the privacy notice. Each run, in batches:
 * <ul>
 * <li>suppresses the blocked copies of erased registrations whose blocking period has
 * ended;</li>
 * <li>anonymizes every registration of an event that ended more than its retention period
 * ago, and removes what those registrations left elsewhere: outbox messages, manage
 * links, staff notes, audit entries' before/after values.</li>
 * </ul>
 * and then, once, deletes staff notes still left on erased or anonymized registrations
 * (one saved while the erasure was under way, or before notes on them were refused). It
 * runs a minute after start-up (so a restarted instance catches up) and then hourly.
 * Several instances may run it at once: a batch takes a transaction-scoped advisory lock,
 * and an instance that does not get it leaves the work to the one that did. Login
 * attempts and rate-limit counters are dropped after their windows by their own features.
 */
@Component
class RetentionJob {

	/** The advisory lock key, the same on every instance ("privacy" in ASCII). */
	private static final long LOCK = 0x70726976616379L;

	static final int BATCH = 500;

	private static final Log logger = LogFactory.getLog(RetentionJob.class);

	private final RegistrationErasure erasure;

	private final RegistrationDirectory directory;

	private final EventCatalog catalog;

	private final OutboxErasure outbox;

	private final PersonalDataTraces traces;

	private final ApplicationEventPublisher audit;

	private final PrivacyProperties properties;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transactions;

	RetentionJob(RegistrationErasure erasure, RegistrationDirectory directory, EventCatalog catalog,
			OutboxErasure outbox, PersonalDataTraces traces, ApplicationEventPublisher audit,
			PrivacyProperties properties, JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
		this.erasure = erasure;
		this.directory = directory;
		this.catalog = catalog;
		this.outbox = outbox;
		this.traces = traces;
		this.audit = audit;
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Scheduled(initialDelayString = "${app.privacy.retention-initial-delay:PT1M}",
			fixedDelayString = "${app.privacy.retention-interval:PT1H}")
	void scheduled() {
		if (this.properties.retentionJobEnabled()) {
			run();
		}
	}

	/**
	 * One full pass.
	 * @return what this instance did (zero everywhere when another instance held the
	 * lock)
	 */
	public Result run() {
		int suppressed = 0;
		int anonymized = 0;
		while (true) {
			Result batch = this.transactions.execute((tx) -> batch());
			suppressed += batch.suppressed();
			anonymized += batch.anonymized();
			if (batch.anonymized() < BATCH) {
				break;
			}
		}
		// Once a run, after the batches: what they anonymized is swept with the rest.
		this.transactions.executeWithoutResult((tx) -> sweepNotes());
		if (suppressed > 0 || anonymized > 0) {
			// Counts only: never which registrations.
			logger.info("Retention: " + suppressed + " blocked registrations suppressed, " + anonymized
					+ " registrations of ended events anonymized");
		}
		return new Result(suppressed, anonymized);
	}

	private Result batch() {
		if (!locked()) {
			return new Result(0, 0);
		}
		Instant now = this.clock.instant();
		List<Long> suppressed = this.erasure.suppressBlockedBefore(now.minus(this.properties.blockingPeriod()));
		List<Long> expired = this.erasure
			.holdingPersonalData(this.catalog.pastRetention(now, this.properties.retentionAfterEvent()), BATCH);
		this.erasure.anonymize(expired, now);
		this.outbox.deleteFor(expired);
		this.traces.forget(expired);
		if (!suppressed.isEmpty() || !expired.isEmpty()) {
			this.audit.publishEvent(new Audited(Audited.SYSTEM, "RETENTION_APPLIED", null, null,
					"suppressed=" + suppressed.size() + " anonymized=" + expired.size(), null));
		}
		return new Result(suppressed.size(), expired.size());
	}

	/** Deletes the staff notes still left on erased or anonymized registrations. */
	private void sweepNotes() {
		if (!locked()) {
			return;
		}
		int notes = this.traces.deleteNotes(this.directory.erasedAmong(this.traces.registrationsWithNotes()));
		if (notes > 0) {
			// A count only: never which registrations.
			logger.info("Retention: " + notes + " staff notes left on erased registrations deleted");
		}
	}

	/**
	 * Whether this transaction holds the job's lock; an instance that does not leaves the
	 * work to the one that does.
	 */
	private boolean locked() {
		return this.jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
	}

	/** Registrations suppressed (blocked copies deleted) and anonymized by one run. */
	public record Result(int suppressed, int anonymized) {

	}

}
