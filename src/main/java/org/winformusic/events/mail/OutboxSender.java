package org.winformusic.events.mail;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.winformusic.events.registration.CalendarFile;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
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
public class OutboxSender implements DisposableBean, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(OutboxSender.class);

	private static final String UTF_8 = StandardCharsets.UTF_8.name();

	static final String CALENDAR_CONTENT_TYPE = "text/calendar; charset=UTF-8; method=";

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

	private final InternetAddress from;

	/**
	 * Several SMTP connections at once: a remote server's round trips, not CPU, bound the
	 * rate of one connection.
	 */
	private final ExecutorService workers;

	/** Set on shutdown: no batch is claimed or handed to SMTP after it. */
	private volatile boolean stopping;

	private volatile boolean running;

	/** Rows claimed by this instance and being sent right now, by batch. */
	private final Set<List<Long>> onTheWire = ConcurrentHashMap.newKeySet();

	/** Drains running on any thread, for {@link #stop()} to wait for. */
	private final AtomicInteger draining = new AtomicInteger();

	OutboxSender(OutboxRepository outbox, MailRenderer renderer, JavaMailSender mailSender, MailSettings settings,
			Clock clock) {
		this.outbox = outbox;
		this.renderer = renderer;
		this.mailSender = mailSender;
		this.settings = settings;
		this.clock = clock;
		this.from = parseFrom(settings.mailFrom());
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
		this.running = true;
	}

	/**
	 * Stops claiming, waits a bounded time for batches on the wire, then puts back what
	 * this instance claimed but did not hand to SMTP. A batch still on the wire after the
	 * wait stays SENDING (it may have been delivered: sending it again could send it
	 * twice) and is found by the stuck-row timeout.
	 */
	@Override
	public void stop() {
		this.stopping = true;
		long deadline = System.nanoTime() + STOP_WAIT_NANOS;
		while (this.draining.get() > 0 && System.nanoTime() < deadline) {
			try {
				TimeUnit.MILLISECONDS.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		List<Long> busy = this.onTheWire.stream().flatMap(List::stream).toList();
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
			this.running = false;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void destroy() {
		this.stopping = true;
		if (this.workers != null) {
			this.workers.shutdownNow();
		}
	}

	private static InternetAddress parseFrom(String from) {
		try {
			return new InternetAddress(Headers.clean(from), true);
		}
		catch (AddressException ex) {
			throw new IllegalStateException("app.mail-from (APP_MAIL_FROM) is not a valid address", ex);
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
		if (this.stopping) {
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
		this.draining.incrementAndGet();
		try {
			int batchSize = Math.max(1, this.settings.mail().batchSize());
			long started = System.nanoTime();
			int sent = 0;
			while (!this.stopping && System.nanoTime() - started < MAX_RUN_NANOS) {
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
			this.draining.decrementAndGet();
		}
	}

	private int deliver(List<OutboxRepository.Claimed> batch) {
		Map<MimeMessage, MailRenderer.Prepared> messages = new LinkedHashMap<>();
		for (MailRenderer.Prepared prepared : this.renderer.prepare(batch)) {
			if (prepared.skipReason() != null) {
				this.outbox.markSkipped(prepared.claimed().id(), this.instance, prepared.skipReason());
				continue;
			}
			if (prepared.error() != null) {
				fail(prepared, new Failure(true, prepared.error()));
				continue;
			}
			try {
				messages.put(toMimeMessage(prepared), prepared);
			}
			catch (MessagingException | RuntimeException ex) {
				// A message that cannot be built (an invalid address) never will be.
				fail(prepared, new Failure(true, describe(ex)));
			}
		}
		if (messages.isEmpty()) {
			return 0;
		}
		List<Long> ids = messages.values().stream().map((prepared) -> prepared.claimed().id()).toList();
		if (!handOver(ids)) {
			// Shutting down: not handed to SMTP, so queued again as if never claimed.
			this.outbox.release(this.instance, ids);
			return 0;
		}
		try {
			return send(messages);
		}
		finally {
			this.onTheWire.remove(ids);
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
			failed = allFailed(messages.keySet(), ex);
		}
		List<OutboxRepository.Sent> sent = new ArrayList<>();
		for (Map.Entry<MimeMessage, MailRenderer.Prepared> entry : messages.entrySet()) {
			Exception failure = failed.get(entry.getKey());
			if (failure == null) {
				sent.add(attempted(entry.getValue()));
			}
			else {
				fail(entry.getValue(), classify(failure));
			}
		}
		this.outbox.markSent(sent, this.instance);
		return sent.size();
	}

	/**
	 * Marks a batch as on the wire unless shutdown has begun; the flag is read after the
	 * batch is registered, so {@link #stop()} either sees the batch or this sees the
	 * flag.
	 */
	private boolean handOver(List<Long> ids) {
		this.onTheWire.add(ids);
		if (this.stopping) {
			this.onTheWire.remove(ids);
			return false;
		}
		return true;
	}

	private static OutboxRepository.Sent attempted(MailRenderer.Prepared prepared) {
		String subject = (prepared.mail() != null) ? Headers.clean(prepared.mail().subject()) : null;
		return new OutboxRepository.Sent(prepared.claimed().id(), prepared.recipient(), subject);
	}

	private static Map<Object, Exception> allFailed(Set<MimeMessage> messages, Exception ex) {
		Map<Object, Exception> failed = new IdentityHashMap<>();
		messages.forEach((m) -> failed.put(m, ex));
		return failed;
	}

	private void fail(MailRenderer.Prepared prepared, Failure failure) {
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

	/**
	 * multipart/alternative (text, HTML), inside multipart/mixed with {@code event.ics}
	 * when there is a calendar file. With the check-in QR code, the HTML becomes
	 * multipart/related (HTML, inline PNG) inside the alternative:
	 * {@code mixed → [alternative → [text, related → [html, png]], ics]}. Built with
	 * plain Jakarta Mail: MimeMessageHelper would parse a MIME-types file for every
	 * message.
	 */
	MimeMessage toMimeMessage(MailRenderer.Prepared prepared) throws MessagingException {
		OutboxRepository.Claimed claimed = prepared.claimed();
		MailComposer.Composed mail = prepared.mail();
		MimeMessage message = (this.mailSender instanceof JavaMailSenderImpl impl)
				? new StableIdMimeMessage(impl.getSession(), claimed.messageId()) : this.mailSender.createMimeMessage();
		message.setFrom(this.from);
		InternetAddress to = new InternetAddress(prepared.recipient(), true);
		to.validate();
		message.setRecipient(Message.RecipientType.TO, to);
		message.setSubject(Headers.clean(mail.subject()), UTF_8);
		message.setSentDate(Date.from(this.clock.instant()));
		MimeMultipart alternative = new MimeMultipart("alternative");
		MimeBodyPart text = new MimeBodyPart();
		text.setText(mail.text(), UTF_8, "plain");
		alternative.addBodyPart(text);
		MimeBodyPart html = new MimeBodyPart();
		html.setText(mail.html(), UTF_8, "html");
		if (mail.checkinQrPng() == null) {
			alternative.addBodyPart(html);
		}
		else {
			alternative.addBodyPart(related(html, mail.checkinQrPng()));
		}
		if (mail.ics() == null) {
			message.setContent(alternative);
		}
		else {
			MimeMultipart mixed = new MimeMultipart("mixed");
			MimeBodyPart body = new MimeBodyPart();
			body.setContent(alternative);
			mixed.addBodyPart(body);
			MimeBodyPart calendar = new MimeBodyPart();
			calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.ics().getBytes(StandardCharsets.UTF_8),
					CALENDAR_CONTENT_TYPE + CalendarFile.method(mail.ics()))));
			calendar.setFileName("event.ics");
			calendar.setDisposition(Part.ATTACHMENT);
			mixed.addBodyPart(calendar);
			message.setContent(mixed);
		}
		message.setHeader("Message-ID", claimed.messageId());
		message.setHeader("Auto-Submitted", "auto-generated");
		return message;
	}

	/**
	 * The HTML part with the check-in QR code PNG it shows as {@code cid:checkin-qr}.
	 */
	private static MimeBodyPart related(MimeBodyPart html, byte[] png) throws MessagingException {
		MimeBodyPart image = new MimeBodyPart();
		image.setDataHandler(new DataHandler(new ByteArrayDataSource(png, "image/png")));
		image.setContentID("<" + MailComposer.CHECKIN_QR_CONTENT_ID + ">");
		image.setDisposition(Part.INLINE);
		image.setFileName(MailComposer.CHECKIN_QR_CONTENT_ID + ".png");
		MimeMultipart related = new MimeMultipart("related");
		related.addBodyPart(html);
		related.addBodyPart(image);
		MimeBodyPart part = new MimeBodyPart();
		part.setContent(related);
		// RFC 2387: multipart/related names the type of its root part.
		part.setHeader("Content-Type", related.getContentType() + "; type=\"text/html\"");
		return part;
	}

	/** Temporary or permanent, and what to record: exception class and SMTP code only. */
	static Failure classify(Throwable failure) {
		Integer code = null;
		Throwable codeCarrier = null;
		Throwable deepest = failure;
		boolean network = false;
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		List<Throwable> queue = new ArrayList<>(List.of(failure));
		for (int i = 0; i < queue.size() && i < 20; i++) {
			Throwable t = queue.get(i);
			if (!seen.add(t)) {
				continue;
			}
			deepest = t;
			if (code == null && smtpCode(t) != null) {
				code = smtpCode(t);
				codeCarrier = t;
			}
			if (t instanceof ConnectException || t instanceof InterruptedIOException
					|| t instanceof NoRouteToHostException || t instanceof UnknownHostException
					|| t instanceof SocketException) {
				network = true;
			}
			if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
				queue.add(messaging.getNextException());
			}
			if (t.getCause() != null) {
				queue.add(t.getCause());
			}
		}
		boolean permanent = code != null && code >= 500 && !network;
		String description = (codeCarrier != null) ? codeCarrier.getClass().getSimpleName() + " " + code
				: deepest.getClass().getSimpleName();
		return new Failure(permanent, description);
	}

	/**
	 * The SMTP reply code carried by Angus Mail's SMTPSendFailedException,
	 * SMTPAddressFailedException or SMTPSenderFailedException. Angus Mail is only a
	 * runtime dependency (the API is jakarta.mail), hence the reflective read.
	 */
	private static Integer smtpCode(Throwable t) {
		if (!(t instanceof MessagingException) || !t.getClass().getSimpleName().startsWith("SMTP")) {
			return null;
		}
		try {
			Object code = t.getClass().getMethod("getReturnCode").invoke(t);
			return (code instanceof Integer number && number > 0) ? number : null;
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

	private static String describe(Throwable ex) {
		return (ex instanceof AddressException) ? "AddressException" : ex.getClass().getSimpleName();
	}

	/**
	 * How a send failed.
	 *
	 * @param permanent true when retrying cannot help
	 * @param description safe to store and log: no addresses
	 */
	record Failure(boolean permanent, String description) {
	}

	/**
	 * Keeps the stored Message-ID: JavaMail would otherwise mint a new one per attempt.
	 */
	static class StableIdMimeMessage extends MimeMessage {

		private final String messageId;

		StableIdMimeMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
