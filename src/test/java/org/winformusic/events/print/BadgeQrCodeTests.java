package org.winformusic.events.print;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.QRCodeWriter;
import org.junit.jupiter.api.Test;
import org.winformusic.events.QrCodes;
import org.winformusic.events.registration.CheckinPasses;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.shared.AppProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The badge's QR code as a camera at the door sees it: the light margin the QR standard
 * asks for around the symbol (4 modules), even where the name above and the door code
 * below come closest.
 */
class BadgeQrCodeTests {

	private static final int DPI = 300;

	private static final double PIXELS_PER_MM = DPI / 25.4;

	private final CheckinPasses passes = CheckinPasses.withKey(new byte[32],
			new AppProperties(URI.create("https://eventos.winformusic.com")));

	@Test
	void nothingIsPrintedWithinFourModulesOfTheCode() throws Exception {
		// Four lines of name fill their band down to just above the code; the door code
		// stands just under it.
		String name = "María de los Ángeles Guadalupe Concepción Hernández de la Garza y Villaseñor Altamirano Peña";
		BufferedImage badge = badge(new Attendee(7, name, "Discos Ñandú", "Productora", RegistrationStatus.CONFIRMED));
		int modules = new QRCodeWriter()
			.encode(this.passes.link(7), BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 0))
			.getWidth();
		double module = PrintLayout.Badge.QR_SIZE / (modules + 2.0 * PrintLayout.Badge.QR_QUIET_MODULES);
		double codeLeft = PrintLayout.Badge.WIDTH - PrintLayout.Badge.PADDING - PrintLayout.Badge.QR_SIZE
				+ PrintLayout.Badge.QR_QUIET_MODULES * module;
		double codeTop = PrintLayout.Badge.QR_TOP + PrintLayout.Badge.QR_QUIET_MODULES * module;
		double codeSide = modules * module;

		// The ring from 4 modules out to half a module from the code's edge (the code's
		// own edge pixels are grey where they are smoothed).
		int darkest = 255;
		for (int y = px(codeTop - 4 * module); y <= px(codeTop + codeSide + 4 * module); y++) {
			for (int x = px(codeLeft - 4 * module); x <= px(codeLeft + codeSide + 4 * module); x++) {
				double xMm = x / PIXELS_PER_MM;
				double yMm = y / PIXELS_PER_MM;
				boolean nearCode = xMm > codeLeft - module / 2 && xMm < codeLeft + codeSide + module / 2
						&& yMm > codeTop - module / 2 && yMm < codeTop + codeSide + module / 2;
				if (!nearCode) {
					darkest = Math.min(darkest, luminance(badge.getRGB(x, y)));
				}
			}
		}
		assertThat(darkest).as("darkest pixel within 4 modules of the QR code (255 is white)")
			.isGreaterThanOrEqualTo(230);
		assertThat(QrCodes.decode(badge)).isEqualTo(this.passes.link(7));
	}

	private BufferedImage badge(Attendee person) throws Exception {
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		new BadgePdf(PassLinks.of(this.passes::link, this.passes::code), new BadgeSettings("90x54")).write(
				new BadgePdf.Texts("Gafetes", "Taller", "1 de diciembre", "Nadie"), List.of(person),
				BadgePdf.Layout.SINGLE, pdf);
		return PdfPages.render(pdf.toByteArray(), 0, DPI);
	}

	private static int px(double millimetres) {
		return (int) Math.round(millimetres * PIXELS_PER_MM);
	}

	private static int luminance(int rgb) {
		return (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
	}

}
