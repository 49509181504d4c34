package org.winformusic.events.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server on 127.0.0.1 whose replies are scripted, for the failures GreenMail
 * cannot produce (451, 550). One connection at a time; every read times out. With
 * {@link #onlyFor}, the scripts and the counts of messages (all but {@link #connections})
 * concern only the messages to one address: the application's jobs may queue other emails
 * at any time, which the sender under test then sends here too.
 */
final class FakeSmtpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final Thread thread;

	private final Deque<String> rcptReplies = new ArrayDeque<>();

	private final Deque<String> dataReplies = new ArrayDeque<>();

	final AtomicInteger connections = new AtomicInteger();

	final AtomicInteger delivered = new AtomicInteger();

	final AtomicInteger dataAttempts = new AtomicInteger();

	final AtomicInteger rcptAttempts = new AtomicInteger();

	/** Message-IDs of accepted messages, with how often each was accepted. */
	final java.util.Map<String, Integer> acceptedIds = new java.util.concurrent.ConcurrentHashMap<>();

	private volatile String onlyFor;

	private final long delayMillis;

	private final boolean concurrent;

	FakeSmtpServer() throws IOException {
		this(0, false);
	}

	/**
	 * A slow server: every message's final dot is answered after {@code delayMillis};
	 * with {@code concurrent}, each connection is served on its own thread.
	 */
	FakeSmtpServer(long delayMillis, boolean concurrent) throws IOException {
		this.delayMillis = delayMillis;
		this.concurrent = concurrent;
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.thread = new Thread(this::serve, "fake-smtp");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	int port() {
		return this.socket.getLocalPort();
	}

	/**
	 * Scripts and counts only the messages to {@code address}; others are accepted and
	 * not counted.
	 */
	FakeSmtpServer onlyFor(String address) {
		this.onlyFor = address;
		return this;
	}

	/** Replies to the next RCPT TO commands, in order; then 250. */
	synchronized FakeSmtpServer rcptReplies(String... replies) {
		this.rcptReplies.addAll(java.util.List.of(replies));
		return this;
	}

	/** Replies to the next messages' final dot, in order; then 250. */
	synchronized FakeSmtpServer dataReplies(String... replies) {
		this.dataReplies.addAll(java.util.List.of(replies));
		return this;
	}

	private synchronized String next(Deque<String> replies) {
		return replies.isEmpty() ? "250 2.0.0 OK" : replies.poll();
	}

	private void serve() {
		while (this.concurrent && !this.socket.isClosed()) {
			try {
				Socket client = this.socket.accept();
				Thread conversation = new Thread(() -> {
					try (client) {
						this.connections.incrementAndGet();
						client.setSoTimeout(10_000);
						converse(client);
					}
					catch (IOException ex) {
						// The client went away.
					}
				}, "fake-smtp-client");
				conversation.setDaemon(true);
				conversation.start();
			}
			catch (IOException ex) {
				// Closed.
			}
		}
		while (!this.socket.isClosed()) {
			try (Socket client = this.socket.accept()) {
				this.connections.incrementAndGet();
				client.setSoTimeout(10_000);
				converse(client);
			}
			catch (IOException ex) {
				// Closed, or the client went away: wait for the next one.
			}
		}
	}

	private void converse(Socket client) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
		OutputStream out = client.getOutputStream();
		reply(out, "220 fake.test ESMTP");
		boolean scripted = true;
		for (int commands = 0; commands < 10_000; commands++) {
			String line = in.readLine();
			if (line == null) {
				return;
			}
			String command = line.toUpperCase();
			if (command.startsWith("EHLO") || command.startsWith("HELO")) {
				reply(out, "250 fake.test");
			}
			else if (command.startsWith("RCPT")) {
				String only = this.onlyFor;
				scripted = only == null || line.toLowerCase().contains("<" + only.toLowerCase() + ">");
				if (scripted) {
					this.rcptAttempts.incrementAndGet();
				}
				reply(out, scripted ? next(this.rcptReplies) : "250 2.1.5 OK");
			}
			else if (command.startsWith("DATA")) {
				reply(out, "354 go ahead");
				String messageId = null;
				for (int lines = 0; lines < 100_000; lines++) {
					String data = in.readLine();
					if (data == null || data.equals(".")) {
						break;
					}
					if (messageId == null && data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
						messageId = data.substring(11).trim();
					}
				}
				if (!scripted) {
					reply(out, "250 2.0.0 OK");
					continue;
				}
				this.dataAttempts.incrementAndGet();
				pause();
				String answer = next(this.dataReplies);
				if (answer.startsWith("250")) {
					this.delivered.incrementAndGet();
					if (messageId != null) {
						this.acceptedIds.merge(messageId, 1, Integer::sum);
					}
				}
				reply(out, answer);
			}
			else if (command.startsWith("QUIT")) {
				reply(out, "221 bye");
				return;
			}
			else {
				reply(out, "250 OK");
			}
		}
	}

	private void pause() {
		if (this.delayMillis > 0) {
			try {
				Thread.sleep(this.delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
