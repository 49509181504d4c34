package org.winformusic.events.registration;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.winformusic.events.shared.AppProperties;

import org.springframework.stereotype.Component;

/**
 * The door check-in QR code of a registration: {@code APP_BASE_URL/admin/checkin/{token}}
 * as an SVG, for the manage page (a {@code data:} image, which the content security
 * policy allows) and for emails. Scanned by a logged-in organizer's phone camera, it
 * opens that person's check-in card.
 */
@Component
public class CheckinQrCode {

	private static final int QUIET_ZONE = 2;

	private final AppProperties app;

	CheckinQrCode(AppProperties app) {
		this.app = app;
	}

	/** The link the code carries. */
	public String link(String manageToken) {
		return this.app.link("/admin/checkin/" + manageToken);
	}

	/** The code as an SVG document (black modules on white, one path). */
	public String svg(String manageToken) {
		BitMatrix matrix = encode(link(manageToken));
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
	public String dataUri(String manageToken) {
		return "data:image/svg+xml;base64,"
				+ Base64.getEncoder().encodeToString(svg(manageToken).getBytes(StandardCharsets.UTF_8));
	}

	private static BitMatrix encode(String text) {
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Could not encode a check-in QR code", ex);
		}
	}

}
