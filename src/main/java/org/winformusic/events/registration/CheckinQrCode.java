package org.winformusic.events.registration;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;

import org.springframework.stereotype.Component;

/**
 * The door check-in QR code of a registration: its check-in pass link
 * ({@link CheckinPasses#link}, never the manage link) as an SVG for the manage page (a
 * {@code data:} image, which the content security policy allows), and as a PNG for emails
 * (mail clients block SVG and {@code data:} images, so the mail module attaches it
 * inline). Scanned by a signed-in organizer's phone camera, it opens that person's
 * check-in card; scanned by anyone else, a "show this at the entrance" page.
 */
@Component
public class CheckinQrCode {

	private static final int QUIET_ZONE = 2;

	/** The PNG's white border, in modules: the 4 the QR standard asks for. */
	private static final int PNG_QUIET_ZONE = 4;

	/**
	 * Pixels per module in the PNG: about 250-300 px for our links, crisp without
	 * scaling.
	 */
	private static final int PNG_SCALE = 6;

	/** Links whose symbol is kept: about 200 bytes each. */
	private static final int REMEMBERED = 4096;

	private final CheckinPasses passes;

	private final Map<String, BitMatrix> recent = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, BitMatrix> eldest) {
			return size() > REMEMBERED;
		}

	});

	public CheckinQrCode(CheckinPasses passes) {
		this.passes = passes;
	}

	/**
	 * The door code that goes under the QR code ({@link CheckinPasses#code}): typed by a
	 * volunteer when the camera cannot scan.
	 */
	public String doorCode(long registrationId) {
		return this.passes.code(registrationId);
	}

	/** The code as an SVG document (black modules on white, one path). */
	public String svg(long registrationId) {
		BitMatrix matrix = encode(this.passes.link(registrationId));
		int size = matrix.getWidth() + 2 * QUIET_ZONE;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size
				+ "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
	}

	/** The SVG as a {@code data:image/svg+xml;base64,...} URI for an {@code img src}. */
	public String dataUri(long registrationId) {
		return "data:image/svg+xml;base64,"
				+ Base64.getEncoder().encodeToString(svg(registrationId).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The code as a 1-bit PNG (black modules on white), {@value #PNG_SCALE} pixels per
	 * module with a quiet zone of {@value #PNG_QUIET_ZONE} modules.
	 */
	public byte[] png(long registrationId) {
		BitMatrix matrix = encode(this.passes.link(registrationId));
		int size = (matrix.getWidth() + 2 * PNG_QUIET_ZONE) * PNG_SCALE;
		int stride = (size + 7) / 8;
		// Each scanline: filter type 0 (none), then one bit per pixel, most significant
		// first, 0 black and 1 white (grayscale, bit depth 1).
		byte[] scanlines = new byte[size * (1 + stride)];
		byte[] row = new byte[1 + stride];
		for (int moduleY = -PNG_QUIET_ZONE; moduleY < matrix.getHeight() + PNG_QUIET_ZONE; moduleY++) {
			Arrays.fill(row, 1, row.length, (byte) 0xff);
			if (moduleY >= 0 && moduleY < matrix.getHeight()) {
				for (int moduleX = 0; moduleX < matrix.getWidth(); moduleX++) {
					if (matrix.get(moduleX, moduleY)) {
						int x0 = (moduleX + PNG_QUIET_ZONE) * PNG_SCALE;
						for (int x = x0; x < x0 + PNG_SCALE; x++) {
							row[1 + x / 8] &= (byte) ~(0x80 >>> (x % 8));
						}
					}
				}
			}
			int y0 = (moduleY + PNG_QUIET_ZONE) * PNG_SCALE;
			for (int y = y0; y < y0 + PNG_SCALE; y++) {
				System.arraycopy(row, 0, scanlines, y * row.length, row.length);
			}
		}
		return Png.grayscaleOneBit(size, size, scanlines);
	}

	/**
	 * The symbol of a link ({@link QrSymbols}), encoded once while it is among the
	 * {@value #REMEMBERED} most recently used: one registration's link is encoded again
	 * and again (its manage page right after the form, then its email, then each visit).
	 * Never changed once made, so the map may hand one out to several threads.
	 */
	private BitMatrix encode(String link) {
		BitMatrix matrix = this.recent.get(link);
		if (matrix == null) {
			matrix = encodeNow(link);
			this.recent.put(link, matrix);
		}
		return matrix;
	}

	private static BitMatrix encodeNow(String text) {
		try {
			return QrSymbols.encode(text);
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Could not encode a check-in QR code", ex);
		}
	}

}
