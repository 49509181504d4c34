package org.winformusic.events.benchmark;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP server on 127.0.0.1 that accepts every message and keeps only a count:
 * the outbox drain measures the application's sender, not a mail store. A thread per
 * connection; {@code DATA} is read to its terminating dot and thrown away.
 */
final class SmtpSink implements Closeable {

	private final ServerSocket server;

	private final AtomicLong messages = new AtomicLong();

	private final Map<String, Integer> messageIds = new ConcurrentHashMap<>();

	private final Thread acceptor;

	SmtpSink() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.acceptor = new Thread(this::acceptLoop, "smtp-sink");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	long messages() {
		return this.messages.get();
	}

	/** How many times each Message-ID arrived. */
	Map<String, Integer> messageIds() {
		return Map.copyOf(this.messageIds);
	}

	private void acceptLoop() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Thread session = new Thread(() -> serve(client), "smtp-sink-session");
				session.setDaemon(true);
				session.start();
			}
			catch (IOException ex) {
				// Closed: the benchmark is over.
			}
		}
	}

	private void serve(Socket client) {
		try (client;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1), 32 * 1024);
				OutputStream out = client.getOutputStream()) {
			client.setSoTimeout(120_000);
			reply(out, "220 benchmark-sink ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (command) {
					case "EHLO" ->
						reply(out, "250-benchmark-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 52428800");
					case "HELO" -> reply(out, "250 benchmark-sink");
					case "DATA" -> {
						reply(out, "354 go ahead");
						String data;
						while ((data = in.readLine()) != null && !data.equals(".")) {
							// The message is discarded: only the count and its Message-ID
							// matter.
							if (data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
								this.messageIds.merge(data.substring(11).trim(), 1, Integer::sum);
							}
						}
						this.messages.incrementAndGet();
						reply(out, "250 queued");
					}
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "250 ok");
				}
			}
		}
		catch (SocketException ex) {
			// The client went away.
		}
		catch (IOException ex) {
			// A broken session only lowers the count, which the check then reports.
		}
	}

	private static void reply(OutputStream out, String text) throws IOException {
		out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
