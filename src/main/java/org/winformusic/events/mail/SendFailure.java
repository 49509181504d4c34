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

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * How a send failed: temporary (retry with backoff) or permanent, and what to record.
 *
 * @param permanent true when retrying cannot help
 * @param description safe to store and log: exception class and SMTP code
 * ({@link #DATABASE} and the class for a database failure), no addresses
 */
record SendFailure(boolean permanent, String description) {

	/** How a composition the database failed is recorded, before the exception class. */
	static final String DATABASE = "DatabaseFailure";

	/**
	 * Why a message could not be composed: for good (bad data: it never will be), except
	 * when the database failed meanwhile (a connection lost in a failover, none free in
	 * time during a rush, a transaction that could not start): that passes, so it is
	 * tried again later, as an SMTP deferral is.
	 */
	static SendFailure composing(RuntimeException failure) {
		String name = failure.getClass().getSimpleName();
		return databaseFailure(failure) ? new SendFailure(false, DATABASE + " " + name) : new SendFailure(true, name);
	}

	private static boolean databaseFailure(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
			if (t instanceof DataAccessException || t instanceof TransactionException) {
				return true;
			}
		}
		return false;
	}

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
