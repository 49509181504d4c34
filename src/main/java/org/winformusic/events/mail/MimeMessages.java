package org.winformusic.events.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

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
import org.winformusic.events.registration.CalendarFile;
import org.winformusic.events.shared.EmailAddresses;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Turns a composed outbox message into the MIME message the sender hands to SMTP. */
final class MimeMessages {

	private static final String UTF_8 = StandardCharsets.UTF_8.name();

	static final String CALENDAR_CONTENT_TYPE = "text/calendar; charset=UTF-8; method=";

	private final JavaMailSender mailSender;

	private final InternetAddress from;

	private final Clock clock;

	MimeMessages(JavaMailSender mailSender, String from, Clock clock) {
		this.mailSender = mailSender;
		this.from = parseFrom(from);
		this.clock = clock;
	}

	private static InternetAddress parseFrom(String from) {
		try {
			return ascii(new InternetAddress(Headers.clean(from), true));
		}
		catch (AddressException ex) {
			throw new IllegalStateException("app.mail-from (APP_MAIL_FROM) is not a valid address", ex);
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
	MimeMessage of(MailRenderer.Prepared prepared) throws MessagingException {
		OutboxRepository.Claimed claimed = prepared.claimed();
		MailComposer.Composed mail = prepared.mail();
		MimeMessage message = (this.mailSender instanceof JavaMailSenderImpl impl)
				? new StableIdMimeMessage(impl.getSession(), claimed.messageId()) : this.mailSender.createMimeMessage();
		message.setFrom(this.from);
		InternetAddress to = ascii(new InternetAddress(prepared.recipient(), true));
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
		if (mail.replyTo() != null) {
			message.setReplyTo(new InternetAddress[] { new InternetAddress(mail.replyTo(), true) });
		}
		if (mail.newsStopLink() != null) {
			// RFC 2369 and RFC 8058: the footer's one-click opt-out, which mail clients
			// offer as an "unsubscribe" button that POSTs without cookies.
			message.setHeader("List-Unsubscribe", "<" + mail.newsStopLink() + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		return message;
	}

	/**
	 * The address as SMTP can carry it: the domain in its ASCII (IDNA) form, the display
	 * name kept. The outbox still records the address as the person typed it.
	 */
	static InternetAddress ascii(InternetAddress address) throws AddressException {
		String ascii = EmailAddresses.ascii(address.getAddress());
		if (ascii == null) {
			throw new AddressException("The domain has no ASCII form");
		}
		try {
			return new InternetAddress(ascii, address.getPersonal(), UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
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
