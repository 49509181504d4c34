package org.winformusic.events.benchmark;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * One keep-alive HTTP/1.1 connection of one virtual user, with its own cookie jar. A
 * plain blocking socket rather than {@code java.net.http.HttpClient}: on a 2-core machine
 * that the load generator shares with the application and the database, every CPU cycle
 * the client spends is one the server does not get, and this client spends very few. It
 * sends what a browser sends ({@code Accept-Encoding: gzip}, a language, cookies) and
 * reconnects when the server closes the connection.
 */
final class HttpConnection implements Closeable {

	private static final Pattern HIDDEN_INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*\"([^\"]*)\"");

	private final String host;

	private final int port;

	private final String language;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private final Map<String, String> extraHeaders = new LinkedHashMap<>();

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	HttpConnection(String host, int port, String language) {
		this.host = host;
		this.port = port;
		this.language = language;
	}

	Response get(String path) throws IOException {
		return send("GET", path, null);
	}

	Response postForm(String path, Map<String, String> form) throws IOException {
		return send("POST", path, urlEncode(form).getBytes(StandardCharsets.US_ASCII));
	}

	/** A header sent with every request, e.g. the client address a proxy would add. */
	void header(String name, String value) {
		this.extraHeaders.put(name, value);
	}

	void clearCookies() {
		this.cookies.clear();
	}

	Map<String, String> cookies() {
		return this.cookies;
	}

	Response send(String method, String path, byte[] body) throws IOException {
		StringBuilder head = new StringBuilder(256);
		head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
		head.append("Host: ").append(this.host).append(':').append(this.port).append("\r\n");
		head.append("User-Agent: win-events-benchmark\r\n");
		head.append("Accept: text/html,*/*\r\n");
		head.append("Accept-Encoding: gzip\r\n");
		head.append("Accept-Language: ").append(this.language).append("\r\n");
		for (Map.Entry<String, String> header : this.extraHeaders.entrySet()) {
			head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
		}
		if (!this.cookies.isEmpty()) {
			head.append("Cookie: ");
			boolean first = true;
			for (Map.Entry<String, String> cookie : this.cookies.entrySet()) {
				head.append(first ? "" : "; ").append(cookie.getKey()).append('=').append(cookie.getValue());
				first = false;
			}
			head.append("\r\n");
		}
		if (body != null) {
			head.append("Content-Type: application/x-www-form-urlencoded\r\n");
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
		boolean reused = this.socket != null;
		try {
			return exchange(method, headBytes, body);
		}
		catch (IOException ex) {
			close();
			if (!reused) {
				throw ex;
			}
			// The server closed an idle keep-alive connection before it saw this request.
			return exchange(method, headBytes, body);
		}
	}

	private Response exchange(String method, byte[] head, byte[] body) throws IOException {
		if (this.socket == null) {
			connect();
		}
		this.out.write(head);
		if (body != null) {
			this.out.write(body);
		}
		this.out.flush();
		String statusLine = readLine();
		if (statusLine == null) {
			throw new EOFException("Connection closed before a response");
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		List<String[]> headers = new ArrayList<>();
		long contentLength = -1;
		boolean chunked = false;
		boolean closeAfter = false;
		String line;
		while ((line = readLine()) != null && !line.isEmpty()) {
			int colon = line.indexOf(':');
			String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).trim();
			headers.add(new String[] { name, value });
			switch (name) {
				case "content-length" -> contentLength = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> closeAfter = value.equalsIgnoreCase("close");
				case "set-cookie" -> storeCookie(value);
				default -> {
				}
			}
		}
		byte[] content;
		if (method.equals("HEAD") || status == 204 || status == 304 || status / 100 == 1) {
			content = new byte[0];
		}
		else if (chunked) {
			content = readChunked();
		}
		else if (contentLength >= 0) {
			content = this.in.readNBytes((int) contentLength);
			if (content.length < contentLength) {
				throw new EOFException("Body cut short");
			}
		}
		else {
			content = this.in.readAllBytes();
			closeAfter = true;
		}
		if (closeAfter) {
			close();
		}
		return new Response(status, headers, content);
	}

	private void connect() throws IOException {
		Socket s = new Socket();
		s.setTcpNoDelay(true);
		s.connect(new InetSocketAddress(this.host, this.port), 5_000);
		s.setSoTimeout(60_000);
		this.socket = s;
		this.in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
		this.out = s.getOutputStream();
	}

	private byte[] readChunked() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
		while (true) {
			String sizeLine = readLine();
			if (sizeLine == null) {
				throw new EOFException("Chunked body cut short");
			}
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt((semicolon < 0) ? sizeLine.trim() : sizeLine.substring(0, semicolon).trim(),
					16);
			if (size == 0) {
				String trailer;
				while ((trailer = readLine()) != null && !trailer.isEmpty()) {
					// Trailers are not used by the application.
				}
				return body.toByteArray();
			}
			byte[] chunk = this.in.readNBytes(size);
			if (chunk.length < size) {
				throw new EOFException("Chunk cut short");
			}
			body.write(chunk);
			readLine();
		}
	}

	private String readLine() throws IOException {
		StringBuilder line = new StringBuilder(64);
		int b;
		while ((b = this.in.read()) != -1) {
			if (b == '\n') {
				int length = line.length();
				if (length > 0 && line.charAt(length - 1) == '\r') {
					line.setLength(length - 1);
				}
				return line.toString();
			}
			line.append((char) b);
		}
		return (line.length() == 0) ? null : line.toString();
	}

	private void storeCookie(String header) {
		String pair = header.split(";", 2)[0];
		int equals = pair.indexOf('=');
		if (equals <= 0) {
			return;
		}
		String name = pair.substring(0, equals).trim();
		String value = pair.substring(equals + 1).trim();
		String lower = header.toLowerCase(Locale.ROOT);
		if (value.isEmpty() || lower.contains("max-age=0")) {
			this.cookies.remove(name);
		}
		else {
			this.cookies.put(name, value);
		}
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// Closing a socket we no longer use.
			}
			this.socket = null;
		}
	}

	static String urlEncode(Map<String, String> form) {
		StringBuilder body = new StringBuilder(512);
		for (Map.Entry<String, String> field : form.entrySet()) {
			if (body.length() > 0) {
				body.append('&');
			}
			body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
		}
		return body.toString();
	}

	/** A response, its headers (names in lower case) and its body as received. */
	record Response(int status, List<String[]> headers, byte[] body) {

		String header(String name) {
			for (String[] header : this.headers) {
				if (header[0].equals(name)) {
					return header[1];
				}
			}
			return null;
		}

		List<String> headers(String name) {
			List<String> values = new ArrayList<>();
			for (String[] header : this.headers) {
				if (header[0].equals(name)) {
					values.add(header[1]);
				}
			}
			return values;
		}

		/** The body, gunzipped when the server compressed it. */
		byte[] content() {
			if (!"gzip".equalsIgnoreCase(header("content-encoding"))) {
				return this.body;
			}
			try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(this.body))) {
				return gzip.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		String text() {
			return new String(content(), StandardCharsets.UTF_8);
		}

		/**
		 * Whether the response starts an HTTP session (a servlet or Spring Session
		 * cookie).
		 */
		boolean setsSessionCookie() {
			for (String cookie : headers("set-cookie")) {
				String upper = cookie.toUpperCase(Locale.ROOT);
				if (upper.startsWith("SESSION=") || upper.startsWith("JSESSIONID=")) {
					return true;
				}
			}
			return false;
		}

		/**
		 * The hidden inputs of the page (CSRF token and whatever else a form carries), in
		 * page order.
		 */
		Map<String, String> hiddenInputs() {
			Map<String, String> fields = new LinkedHashMap<>();
			Matcher input = HIDDEN_INPUT.matcher(text());
			while (input.find()) {
				Map<String, String> attributes = new LinkedHashMap<>();
				Matcher attribute = ATTRIBUTE.matcher(input.group());
				while (attribute.find()) {
					attributes.put(attribute.group(1).toLowerCase(Locale.ROOT), attribute.group(2));
				}
				if ("hidden".equalsIgnoreCase(attributes.get("type")) && attributes.containsKey("name")) {
					fields.put(attributes.get("name"), unescape(attributes.getOrDefault("value", "")));
				}
			}
			return fields;
		}

		private static String unescape(String html) {
			return html.replace("&quot;", "\"")
				.replace("&#39;", "'")
				.replace("&lt;", "<")
				.replace("&gt;", ">")
				.replace("&amp;", "&");
		}

	}

}
