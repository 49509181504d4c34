package org.winformusic.events.e2e;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import static org.awaitility.Awaitility.await;

/**
 * The SMTP server of the browser tests: GreenMail on a free 127.0.0.1 port, started once
 * per JVM, which the application's outbox sender delivers to.
 */
final class MailCatcher {

	private static final Pattern MANAGE_LINK = Pattern.compile("https?://[^\\s\"<>]+(/r/[A-Za-z0-9_-]{43})");

	private static final Pattern EVENT_LINK = Pattern.compile("https?://[^\\s\"<>]+(/events/[a-z0-9-]+)");

	static final GreenMail SMTP = start();

	private MailCatcher() {
	}

	private static GreenMail start() {
		GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
		return greenMail;
	}

	static int port() {
		return SMTP.getSmtp().getPort();
	}

	/**
	 * Waits (bounded) until the recipient has a message whose subject starts as given.
	 */
	static MimeMessage awaitMessage(String recipient, String subjectStart) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> find(recipient, subjectStart), (found) -> found != null);
	}

	static List<MimeMessage> messagesTo(String recipient) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter((m) -> isFor(m, recipient)).toList();
	}

	/** The path of the manage link in a message's text part ({@code /r/<token>}). */
	static String manageLinkPath(MimeMessage message) {
		Matcher matcher = MANAGE_LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
		if (!matcher.find()) {
			throw new AssertionError("no manage link in the message");
		}
		return matcher.group(1);
	}

	/**
	 * The path of the link to the event's page in a message's text
	 * ({@code /events/<slug>}).
	 */
	static String eventLinkPath(MimeMessage message) {
		Matcher matcher = EVENT_LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
		if (!matcher.find()) {
			throw new AssertionError("no event link in the message");
		}
		return matcher.group(1);
	}

	private static MimeMessage find(String recipient, String subjectStart) throws MessagingException {
		for (MimeMessage message : SMTP.getReceivedMessages()) {
			if (isFor(message, recipient) && message.getSubject().startsWith(subjectStart)) {
				return message;
			}
		}
		return null;
	}

	private static boolean isFor(MimeMessage message, String recipient) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((a) -> a.toString().equalsIgnoreCase(recipient));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

}
