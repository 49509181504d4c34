package org.winformusic.events.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

import javax.net.SocketFactory;

/**
 * Plain SMTP sockets with {@code TCP_NODELAY}. Jakarta Mail flushes a message's last
 * bytes and the terminating {@code .} as a small segment; with Nagle's algorithm on, that
 * segment waits for the server to acknowledge the previous one, and a server waiting for
 * the end of the message delays its acknowledgement (40 ms on Linux). Every message then
 * cost 40 ms on its connection whatever the CPU: the outbox drain was bound at about 70
 * messages/s by that wait (JFR: 9 980 of the sender's 11 976 slow socket reads were the
 * reply to the end of DATA, 43 ms each). Used for plain and STARTTLS connections; an
 * operator's own {@code mail.smtp.socketFactory} wins.
 */
final class NoDelaySockets extends SocketFactory {

	static final String PROPERTY = "mail.smtp.socketFactory";

	@Override
	public Socket createSocket() throws IOException {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		return socket;
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port), null);
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port), null);
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
	}

	private Socket connected(SocketAddress remote, SocketAddress local) throws IOException {
		Socket socket = createSocket();
		if (local != null) {
			socket.bind(local);
		}
		socket.connect(remote);
		return socket;
	}

}
