package org.winformusic.events.registration;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The PNG of a black-and-white image, written directly: signature, {@code IHDR}, one
 * {@code IDAT}, {@code IEND} (PNG specification, ISO/IEC 15948). Every email with a
 * check-in pass carries one; ImageIO's writer with a {@code BufferedImage} took about a
 * fifth of the outbox sender's time for the same bytes.
 */
final class Png {

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private Png() {
	}

	/**
	 * @param scanlines {@code height} rows, each a filter-type byte followed by the row's
	 * pixels at one bit each, most significant bit first, 0 black and 1 white
	 */
	static byte[] grayscaleOneBit(int width, int height, byte[] scanlines) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
		out.writeBytes(SIGNATURE);
		// Width, height, bit depth 1, colour type 0 (grayscale), deflate, adaptive
		// filtering, no interlace.
		chunk(out, "IHDR",
				ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] { 1, 0, 0, 0, 0 }).array());
		chunk(out, "IDAT", deflate(scanlines));
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static byte[] deflate(byte[] data) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		try {
			deflater.setInput(data);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 8 + 64);
			byte[] buffer = new byte[4096];
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(name);
		out.writeBytes(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

}
