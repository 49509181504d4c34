package org.winformusic.events.mail;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due outbox messages. Safe on many instances: each batch is claimed in one short
 * statement with {@code FOR UPDATE SKIP LOCKED}, composed from the registrations as they
 * are now ({@link MailRenderer}: messages that no longer apply are SKIPPED), sent over
 * one SMTP connection outside any transaction, then its outcome recorded with the
 * recipient and subject it went out with. A retry composes the message again, under the
 * same Message-ID. A temporary failure (connection refused or timed out, SMTP 4xx) is
 * retried with backoff; a permanent one (SMTP 5xx) or the last attempt marks the message
 * FAILED.
 * <p>
 * On shutdown ({@link #stop()}) no new batch is claimed, batches already handed to SMTP
 * are finished and recorded, and claimed rows not yet handed over go back to PENDING:
 * nothing is left in SENDING for another instance's stuck-row timeout to find.
 */
@Component
class OutboxSender implements DisposableBean, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(OutboxSender.class);

	/** Bounds one run, so a huge backlog does not hold the scheduler thread forever. */
	private static final long MAX_RUN_NANOS = 60_000_000_000L;

	/**
	 * How long {@link #stop()} waits for batches on the wire: a batch of 20 takes well
	 * under a second on a working server, and the process must exit within 10 s.
	 */
	private static final long STOP_WAIT_NANOS = 4_000_000_000L;

	private final OutboxRepository outbox;

	private final MailRenderer renderer;

	private final JavaMailSender mailSender;

	private final MailSettings settings;

	private final Clock clock;

	private final String instance;

	private final MimeMessages mime;

	/**
	 * Several SMTP connections at once: a remote server's round trips, not CPU, bound the
	 * rate of one connection.
	 */
	private final ExecutorService workers;

	private final SenderShutdown shutdown = new SenderShutdown();

	OutboxSender(OutboxRepository outbox, MailRenderer renderer, JavaMailSender mailSender, MailSettings settings,
			Clock clock) {
		this.outbox = outbox;
		this.renderer = renderer;
		this.mailSender = mailSender;
		this.settings = settings;
		this.clock = clock;
		this.mime = new MimeMessages(mailSender, settings.mailFrom(), clock);
		this.instance = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
		int threads = settings.mail().senderThreads();
		this.workers = (threads > 1) ? Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "outbox-sender");
			thread.setDaemon(true);
			return thread;
		}) : null;
	}

	@Override
	public void start() {
		this.shutdown.resume();
	}

	/**
	 * Stops claiming, waits a bounded time for batches on the wire, then puts back what
	 * this instance claimed but did not hand to SMTP. A batch still on the wire after the
	 * wait stays SENDING (it may have been delivered: sending it again could send it
	 * twice) and is found by the stuck-row timeout.
	 */
	@Override
	public void stop() {
		this.shutdown.begin();
		List<Long> busy = this.shutdown.stillOnTheWire(STOP_WAIT_NANOS);
		try {
			int released = this.outbox.releaseAllBut(this.instance, busy);
			if (released > 0 || !busy.isEmpty()) {
				logger.info("Outbox sender stopped: " + released + " claimed message(s) queued again, " + busy.size()
						+ " still on the wire");
			}
		}
		catch (RuntimeException ex) {
			// The database is gone: the stuck-row timeout will find what this held.
			logger.warn("Outbox sender stopped without putting back its claimed messages: "
					+ ex.getClass().getSimpleName());
		}
		finally {
			this.shutdown.stopped();
		}
	}

	@Override
	public boolean isRunning() {
		return this.shutdown.started();
	}

	@Override
	public void destroy() {
		this.shutdown.begin();
		if (this.workers != null) {
			this.workers.shutdownNow();
		}
	}

	@Scheduled(fixedDelayString = "${app.mail-poll-interval:5s}", initialDelayString = "${app.mail-poll-interval:5s}")
	void sendOnSchedule() {
		if (this.settings.mail().senderEnabled()) {
			sendDueMessages();
		}
	}

	/**
	 * Re-queues messages stuck in SENDING, then sends due messages batch by batch until
	 * none is due.
	 * @return the number of messages the SMTP server accepted
	 */
	public int sendDueMessages() {
		if (this.shutdown.stopping()) {
			return 0;
		}
		int requeued = this.outbox.requeueStuck(this.settings.mail().sendingTimeout());
		if (requeued > 0) {
			logger.warn(requeued + " outbox message(s) were stuck in SENDING and are queued again");
		}
		if (this.workers == null) {
			return drain();
		}
		List<Future<Integer>> runs = new ArrayList<>();
		for (int i = 0; i < this.settings.mail().senderThreads(); i++) {
			runs.add(this.workers.submit(this::drain));
		}
		int sent = 0;
		for (Future<Integer> run : runs) {
			try {
				sent += run.get();
			}
			catch (ExecutionException ex) {
				logger.error("An outbox sender thread failed", ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return sent;
	}

	/** Claims and sends batches on this thread until none is due (or the time is up). */
	private int drain() {
		this.shutdown.drainStarted();
		try {
			int batchSize = Math.max(1, this.settings.mail().batchSize());
			long started = System.nanoTime();
			int sent = 0;
			while (!this.shutdown.stopping() && System.nanoTime() - started < MAX_RUN_NANOS) {
				List<OutboxRepository.Claimed> batch = this.outbox.claim(this.instance, batchSize);
				if (batch.isEmpty()) {
					break;
				}
				sent += deliver(batch);
				if (batch.size() < batchSize) {
					break;
				}
			}
			return sent;
		}
		finally {
			this.shutdown.drainEnded();
		}
	}

	private int deliver(List<OutboxRepository.Claimed> batch) {
		Map<MimeMessage, MailRenderer.Prepared> messages = new LinkedHashMap<>();
		for (MailRenderer.Prepared prepared : this.renderer.prepare(batch, this.instance)) {
			if (prepared.skipReason() != null) {
				this.outbox.markSkipped(prepared.claimed().id(), this.instance, prepared.skipReason());
				continue;
			}
			if (prepared.failure() != null) {
				fail(prepared, prepared.failure());
				continue;
			}
			try {
				messages.put(this.mime.of(prepared), prepared);
			}
			catch (MessagingException | RuntimeException ex) {
				// A message that cannot be built (an invalid address) never will be.
				fail(prepared, new SendFailure(true, SendFailure.describe(ex)));
			}
		}
		if (messages.isEmpty()) {
			return 0;
		}
		List<Long> ids = messages.values().stream().map((prepared) -> prepared.claimed().id()).toList();
		if (!this.shutdown.handOver(ids)) {
			// Shutting down: not handed to SMTP, so queued again as if never claimed.
			this.outbox.release(this.instance, ids);
			return 0;
		}
		try {
			return send(messages);
		}
		finally {
			this.shutdown.landed(ids);
		}
	}

	private int send(Map<MimeMessage, MailRenderer.Prepared> messages) {
		Map<Object, Exception> failed = Collections.emptyMap();
		try {
			this.mailSender.send(messages.keySet().toArray(new MimeMessage[0]));
		}
		catch (MailSendException ex) {
			// Spring names every message that failed, a lost connection included. A
			// failure naming none is the QUIT after all were accepted: they were
			// delivered, and sending them again would send them twice.
			failed = new IdentityHashMap<>(ex.getFailedMessages());
		}
		catch (MailException ex) {
			failed = new IdentityHashMap<>();
			for (MimeMessage message : messages.keySet()) {
				failed.put(message, ex);
			}
		}
		List<OutboxRepository.Sent> sent = new ArrayList<>();
		for (Map.Entry<MimeMessage, MailRenderer.Prepared> entry : messages.entrySet()) {
			Exception failure = failed.get(entry.getKey());
			if (failure == null) {
				sent.add(attempted(entry.getValue()));
			}
			else {
				fail(entry.getValue(), SendFailure.classify(failure));
			}
		}
		// Accepted: recorded even through a failover (within half the stuck-row timeout).
		DatabaseRetry.run(() -> this.outbox.markSent(sent, this.instance),
				this.settings.mail().sendingTimeout().dividedBy(2), java.time.Duration.ofSeconds(1));
		return sent.size();
	}

	private static OutboxRepository.Sent attempted(MailRenderer.Prepared prepared) {
		String subject = (prepared.mail() != null) ? Headers.clean(prepared.mail().subject()) : null;
		return new OutboxRepository.Sent(prepared.claimed().id(), prepared.recipient(), subject);
	}

	private void fail(MailRenderer.Prepared prepared, SendFailure failure) {
		OutboxRepository.Claimed claimed = prepared.claimed();
		int maxAttempts = this.settings.mail().maxAttempts();
		if (failure.permanent() || claimed.attempts() >= maxAttempts) {
			this.outbox.markFailed(claimed.id(), this.instance, failure.description(), attempted(prepared));
			logger.warn("Outbox message " + claimed.id() + " FAILED after " + claimed.attempts() + " attempt(s): "
					+ failure.description());
		}
		else {
			this.outbox.markRetry(claimed.id(), this.instance,
					this.clock.instant().plus(this.settings.mail().backoffAfter(claimed.attempts())),
					failure.description(), attempted(prepared));
			logger.info("Outbox message " + claimed.id() + " will be retried (attempt " + claimed.attempts() + "): "
					+ failure.description());
		}
	}

}
