package org.winformusic.events;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a QR code back from a PNG or an SVG, as a phone camera would. */
public final class QrCodes {

	private static final Pattern SVG_SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

	private static final Pattern SVG_MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");

	private QrCodes() {
	}

	/** The text of the code in a PNG. */
	public static String decode(byte[] png) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		if (image == null) {
			throw new AssertionError("not a readable image");
		}
		return decode(image);
	}

	/**
	 * The text of the code in an image (a PNG read, a PDF page rendered). ZXing's finder
	 * pattern search misses a few codes at one resolution (a badge's random pass link
	 * failed once in CI at 300 dpi) and finds them at another, as a camera moving closer
	 * would: so the image is read again at other scales before giving up.
	 */
	public static String decode(BufferedImage image) {
		try {
			return decode(new BinaryBitmap(new HybridBinarizer(new ImageLuminance(image))));
		}
		catch (AssertionError missed) {
			for (double scale : new double[] { 0.5, 0.75, 1.5 }) {
				try {
					return decode(new BinaryBitmap(new HybridBinarizer(new ImageLuminance(scaled(image, scale)))));
				}
				catch (AssertionError again) {
					// The next scale.
				}
			}
			throw missed;
		}
	}

	private static BufferedImage scaled(BufferedImage image, double scale) {
		int width = (int) Math.round(image.getWidth() * scale);
		int height = (int) Math.round(image.getHeight() * scale);
		BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D graphics = scaled.createGraphics();
		graphics.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
				java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		graphics.drawImage(image, 0, 0, width, height, null);
		graphics.dispose();
		return scaled;
	}

	private static String decode(BinaryBitmap bitmap) {
		try {
			return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
		}
		catch (ReaderException ex) {
			// ZXing's finder-pattern search misses a few clean, generated codes (a known
			// limit of its detector); our PNG is an axis-aligned code with a quiet zone,
			// which the pure-barcode path reads without searching.
			try {
				return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
			}
			catch (ReaderException pure) {
				throw new AssertionError("no QR code found in the image", ex);
			}
		}
	}

	/** The text of the code in our SVG: its modules drawn back into pixels. */
	public static String decodeSvg(String svg) {
		Matcher size = SVG_SIZE.matcher(svg);
		if (!size.find()) {
			throw new AssertionError("not a QR code SVG");
		}
		// The page shows the image on a white card with padding: two more modules of
		// quiet
		// zone around the SVG's own two, the four the QR standard asks for.
		int border = 2;
		int modules = Integer.parseInt(size.group(1)) + 2 * border;
		int scale = 4;
		int width = modules * scale;
		int[] pixels = new int[width * width];
		java.util.Arrays.fill(pixels, 0xFFFFFF);
		Matcher module = SVG_MODULE.matcher(svg);
		while (module.find()) {
			int x = Integer.parseInt(module.group(1)) + border;
			int y = Integer.parseInt(module.group(2)) + border;
			for (int dy = 0; dy < scale; dy++) {
				for (int dx = 0; dx < scale; dx++) {
					pixels[(y * scale + dy) * width + x * scale + dx] = 0;
				}
			}
		}
		return decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, width, pixels))));
	}

	/**
	 * The grey level of each pixel (ZXing's BufferedImageLuminanceSource lives in its
	 * javase module, which we do not ship).
	 */
	private static final class ImageLuminance extends LuminanceSource {

		private final byte[] pixels;

		ImageLuminance(BufferedImage image) {
			super(image.getWidth(), image.getHeight());
			this.pixels = new byte[image.getWidth() * image.getHeight()];
			for (int y = 0; y < image.getHeight(); y++) {
				for (int x = 0; x < image.getWidth(); x++) {
					int rgb = image.getRGB(x, y);
					int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
					this.pixels[y * image.getWidth() + x] = (byte) grey;
				}
			}
		}

		@Override
		public byte[] getRow(int y, byte[] row) {
			byte[] result = (row != null && row.length >= getWidth()) ? row : new byte[getWidth()];
			System.arraycopy(this.pixels, y * getWidth(), result, 0, getWidth());
			return result;
		}

		@Override
		public byte[] getMatrix() {
			return this.pixels;
		}

	}

}
