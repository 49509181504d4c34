package org.winformusic.events.registration;

import java.util.Map;
import java.util.Random;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check-in codes are the symbols ZXing makes when it tries all eight masks itself:
 * same version, same mask, module for module. Any scanner that read them before reads
 * them now.
 */
class QrSymbolsTests {

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";

	@Test
	void everySymbolIsTheOneZxingChoosesAmongTheEightMasks() throws Exception {
		Random random = new Random(20261206);
		for (int i = 0; i < 3000; i++) {
			// Pass links of any plausible base address, from version 2 to version 9
			// (version information from 7 on).
			String text = "https://" + word(random, 1 + random.nextInt(60)) + ".org/p/" + word(random, 22) + "?"
					+ word(random, random.nextInt(90));
			assertThat(QrSymbols.encode(text)).as(text).isEqualTo(zxing(text));
		}
	}

	@Test
	void symbolsOfEverySizeInAnyOrderComeOutRightTheWidestFromZxingWhole() throws Exception {
		for (String text : new String[] { "https://a.org/p/x", "https://events.winformusic.org/p/" + "y".repeat(22),
				"https://a.org/p/x", "0".repeat(300), "https://a.org/p/z", "x".repeat(400), "https://a.org/p/w" }) {
			assertThat(QrSymbols.encode(text)).as(text).isEqualTo(zxing(text));
		}
	}

	private static String word(Random random, int length) {
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < length; i++) {
			word.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return word.toString();
	}

	private static BitMatrix zxing(String text) throws Exception {
		return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
				Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
	}

}
