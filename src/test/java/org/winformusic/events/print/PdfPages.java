package org.winformusic.events.print;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads a printout back as a reader would: its pages, its text, its QR codes. */
final class PdfPages {

	private PdfPages() {
	}

	static int count(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
	}

	/** The text in drawing order, runs of white space as one space. */
	static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	/** The text of one page (0-based), lines kept. */
	static String pageText(byte[] pdf, int page) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(page + 1);
			stripper.setEndPage(page + 1);
			return stripper.getText(document);
		}
	}

	/** Every drawn character with its position, page 1. */
	static List<TextPosition> characters(byte[] pdf) throws IOException {
		List<TextPosition> characters = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper() {
				@Override
				protected void processTextPosition(TextPosition text) {
					characters.add(text);
				}
			};
			stripper.setEndPage(1);
			stripper.getText(document);
		}
		return characters;
	}

	static BufferedImage render(byte[] pdf, int page, float dpi) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFRenderer(document).renderImageWithDPI(page, dpi);
		}
	}

	/** The QR code in {@code image}, as a phone camera would read it. */
	static String decodeQr(BufferedImage image) {
		try {
			return new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new ImageLuminance(image))),
						Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
				.getText();
		}
		catch (ReaderException ex) {
			throw new AssertionError("no QR code found in the image", ex);
		}
	}

	/**
	 * Grey levels for ZXing (its BufferedImageLuminanceSource is in a module we do not
	 * ship).
	 */
	private static final class ImageLuminance extends LuminanceSource {

		private final byte[] pixels;

		ImageLuminance(BufferedImage image) {
			super(image.getWidth(), image.getHeight());
			this.pixels = new byte[image.getWidth() * image.getHeight()];
			for (int y = 0; y < image.getHeight(); y++) {
				for (int x = 0; x < image.getWidth(); x++) {
					int rgb = image.getRGB(x, y);
					this.pixels[y * image.getWidth()
							+ x] = (byte) ((((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3);
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
