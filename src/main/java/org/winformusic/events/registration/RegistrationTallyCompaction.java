package org.winformusic.events.registration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the deltas the registration triggers append (V16) into
 * {@code registration_tally}, so reads of {@link RegistrationTallies} add up a few rows
 * per group however many registrations changed. Safe on several instances at once: each
 * run takes only deltas nobody else holds ({@code FOR UPDATE SKIP LOCKED}), deletes and
 * adds them in one statement (a delta is folded exactly once, or not at all if the run
 * fails), and upserts the groups in key order, so two runs that fold into the same groups
 * wait for each other instead of deadlocking.
 */
@Component
class RegistrationTallyCompaction {

	private static final Log logger = LogFactory.getLog(RegistrationTallyCompaction.class);

	/** Deltas folded per statement: bounds how long one run holds its row locks. */
	static final int BATCH = 10_000;

	/**
	 * The deltas are picked by their physical address ({@code ctid}): an insert-only
	 * table needs no key of its own, and the locked rows cannot move before they are
	 * deleted.
	 */
	private static final String FOLD = """
			with moved as (
			    delete from registration_tally_delta
			     where ctid = any (array(select ctid from registration_tally_delta limit :batch for update skip locked))
			    returning event_id, dimension, value, n
			), folded as (
			    insert into registration_tally (event_id, dimension, value, n)
			    select event_id, dimension, value, sum(n) from moved
			     group by event_id, dimension, value
			     order by event_id, dimension, value
			    on conflict (event_id, dimension, value) do update set n = registration_tally.n + excluded.n
			)
			select count(*) from moved
			""";

	private final JdbcClient jdbc;

	RegistrationTallyCompaction(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "${app.tally-compaction-interval:2s}",
			initialDelayString = "${app.tally-compaction-interval:2s}")
	void compactOnSchedule() {
		try {
			compact();
		}
		catch (RuntimeException ex) {
			// The next run folds what this one did not: nothing is lost, reads stay
			// exact.
			logger.warn("Folding registration tallies failed: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * Folds every pending delta nobody else is folding, batch by batch.
	 * @return the deltas folded
	 */
	public int compact() {
		int total = 0;
		int moved;
		do {
			moved = foldBatch(BATCH);
			total += moved;
		}
		while (moved == BATCH);
		return total;
	}

	/**
	 * One statement: up to {@code batch} deltas deleted and added to their groups.
	 * @return the deltas folded
	 */
	@Transactional
	public int foldBatch(int batch) {
		return this.jdbc.sql(FOLD).param("batch", batch).query(Integer.class).single();
	}

}
