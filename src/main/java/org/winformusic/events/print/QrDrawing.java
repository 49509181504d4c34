package org.winformusic.events.print;

import java.awt.Color;
import java.io.IOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A QR code drawn as vector squares, so it prints crisp at any size (the registration
 * module's {@code CheckinQrCode} draws the same kind of code as SVG or PNG, for screens
 * and emails).
 */
final class QrDrawing {

	private QrDrawing() {
	}

	/**
	 * Draws {@code text} as a QR code filling the square of side {@code size} points
	 * whose lower-left corner is ({@code x}, {@code y}), with {@code quietModules} white
	 * modules inside the square around the code.
	 */
	static void draw(PDPageContentStream content, String text, float x, float y, float size, int quietModules)
			throws IOException {
		BitMatrix matrix = encode(text);
		int modules = matrix.getWidth();
		float module = size / (modules + 2 * quietModules);
		content.setNonStrokingColor(Color.WHITE);
		content.addRect(x, y, size, size);
		content.fill();
		content.setNonStrokingColor(Color.BLACK);
		for (int row = 0; row < matrix.getHeight(); row++) {
			float top = y + size - (quietModules + row + 1) * module;
			int column = 0;
			while (column < modules) {
				if (!matrix.get(column, row)) {
					column++;
					continue;
				}
				int start = column;
				while (column < modules && matrix.get(column, row)) {
					column++;
				}
				// One rectangle per run of dark modules: a smaller file than one per
				// module.
				content.addRect(x + (quietModules + start) * module, top, (column - start) * module, module);
			}
		}
		content.fill();
	}

	private static BitMatrix encode(String text) {
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.ERROR_CORRECTION,
					ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0, EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Could not encode a pass QR code", ex);
		}
	}

}
