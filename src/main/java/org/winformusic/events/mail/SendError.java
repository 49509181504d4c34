package org.winformusic.events.mail;

import java.time.Duration;
import java.time.Instant;

/**
 * A stored send failure ({@code last_error}: exception class and SMTP reply code, written
 * by {@link SendFailure}) in staff's words: the message key of what went wrong, the SMTP
 * code when there was one, and the stored text for the small print of a failure the words
 * do not name. The stored value is never changed; it is read here, at display time.
 *
 * @param key the message key ({@code mail.error.*}), with {@code code} as its argument
 * @param code the SMTP reply code, or null
 * @param technical the stored text, shown in small print only when {@code key} is the
 * generic one
 */
public record SendError(String key, Integer code, String technical) {

	static final String OTHER = "mail.error.other";

	/** The words for a stored {@code last_error}; null when there is none. */
	static SendError of(String lastError) {
		if (lastError == null || lastError.isBlank()) {
			return null;
		}
		String[] parts = lastError.strip().split(" ", 2);
		String type = parts[0];
		Integer code = (parts.length > 1 && parts[1].matches("[2-5][0-9][0-9]")) ? Integer.valueOf(parts[1]) : null;
		String key = (code != null) ? withCode(type, code) : withoutCode(type);
		return new SendError(key, code, OTHER.equals(key) ? lastError : null);
	}

	/**
	 * When a message that failed is tried again, as a message key: {@code mail.retry.due}
	 * (its time has come: the sender's next round takes it), {@code mail.retry.at}
	 * (within 12 hours: the time alone reads clearly), {@code mail.retry.on} (later: the
	 * date too); null for a message that is not waiting for a retry.
	 */
	static String retryKey(OutboxStatus status, String lastError, Instant nextAttemptAt, Instant now) {
		if (status != OutboxStatus.PENDING || lastError == null || nextAttemptAt == null) {
			return null;
		}
		if (!nextAttemptAt.isAfter(now)) {
			return "mail.retry.due";
		}
		return nextAttemptAt.isBefore(now.plus(Duration.ofHours(12))) ? "mail.retry.at" : "mail.retry.on";
	}

	/** Whether the small print with the stored text is worth showing. */
	public boolean unnamed() {
		return this.technical != null;
	}

	private static String withCode(String type, int code) {
		boolean permanent = code >= 500;
		return switch (type) {
			case "SMTPAddressFailedException" ->
				permanent ? "mail.error.recipientRefused" : "mail.error.recipientDeferred";
			case "SMTPSenderFailedException" -> permanent ? "mail.error.senderRefused" : "mail.error.deferred";
			default -> permanent ? "mail.error.refused" : "mail.error.deferred";
		};
	}

	private static String withoutCode(String type) {
		return switch (type) {
			case "ConnectException", "NoRouteToHostException", "MailConnectException", "PortUnreachableException" ->
				"mail.error.connect";
			case "UnknownHostException" -> "mail.error.unknownHost";
			case "SocketTimeoutException", "InterruptedIOException", "ConnectTimeoutException" -> "mail.error.timeout";
			case "SocketException", "EOFException", "StoreClosedException", "FolderClosedException" ->
				"mail.error.connectionLost";
			case "AuthenticationFailedException", "MailAuthenticationException" -> "mail.error.auth";
			case "SSLHandshakeException", "SSLException", "SSLPeerUnverifiedException", "CertificateException",
					"CertPathValidatorException", "SunCertPathBuilderException" ->
				"mail.error.secure";
			case "AddressException", "SendFailedException" -> "mail.error.address";
			case SendFailure.DATABASE -> "mail.error.database";
			default -> OTHER;
		};
	}

}
