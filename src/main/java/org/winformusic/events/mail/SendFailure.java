package org.winformusic.events.mail;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;

/**
 * How a send failed: temporary (retry with backoff) or permanent, and what to record.
 *
 * @param permanent true when retrying cannot help
 * @param description safe to store and log: exception class and SMTP code, no addresses
 */
record SendFailure(boolean permanent, String description) {

	/** Temporary or permanent, and what to record: exception class and SMTP code only. */
	static SendFailure classify(Throwable failure) {
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
		return new SendFailure(permanent, description);
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

	static String describe(Throwable ex) {
		return (ex instanceof AddressException) ? "AddressException" : ex.getClass().getSimpleName();
	}

}
