package org.winformusic.events.registration;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR symbols (error correction level M, no quiet zone) with the mask the QR standard asks
 * an encoder to choose: of the eight, the one whose symbol scores the lowest penalty
 * (ISO/IEC 18004, "Evaluation of masking results"; the lowest-numbered on a tie). ZXing
 * builds and scores the symbol eight times for that, nine tenths of an encoding. Here
 * ZXing builds it once, with mask 0, and each other mask's symbol is that one with a
 * fixed set of modules flipped: a mask flips the data modules where its pattern is dark,
 * and the format information names the mask; neither depends on the text, only on the
 * symbol's version (its size). Those flips are learnt from ZXing's own symbols, once per
 * version, and the eight symbols are scored a row (and a column) at a time, as bits of a
 * {@code long}. The symbols are the ones ZXing makes ({@code QrSymbolsTests} compares
 * thousands); one wider than 64 modules (version 12 and up, far longer than a pass link)
 * is left to ZXing whole.
 */
final class QrSymbols {

	private static final int MASKS = 8;

	/** For each version (by size): what mask k flips against mask 0, per k. */
	private static final Map<Integer, Lines[]> FLIPS = new ConcurrentHashMap<>();

	private QrSymbols() {
	}

	/** The symbol of a text, with the mask the standard's penalty picks. */
	static BitMatrix encode(String text) throws WriterException {
		BitMatrix symbol = zxing(text, 0, null);
		int size = symbol.getWidth();
		if (size > Long.SIZE) {
			return zxing(text, null, null);
		}
		Lines[] flips = FLIPS.computeIfAbsent(size, QrSymbols::flips);
		Lines maskZero = Lines.of(symbol);
		int best = 0;
		int lowest = Integer.MAX_VALUE;
		for (int mask = 0; mask < MASKS; mask++) {
			int penalty = maskZero.xor(flips[mask]).penalty();
			if (penalty < lowest) {
				lowest = penalty;
				best = mask;
			}
		}
		long[] flip = flips[best].rows;
		for (int y = 0; y < size; y++) {
			for (long bits = flip[y]; bits != 0; bits &= bits - 1) {
				symbol.flip(Long.numberOfTrailingZeros(bits), y);
			}
		}
		return symbol;
	}

	/**
	 * What each mask flips against mask 0 in a symbol of this size: the difference of two
	 * symbols ZXing makes of the same text at that version.
	 */
	private static Lines[] flips(int size) {
		int version = (size - 17) / 4;
		try {
			Lines maskZero = Lines.of(zxing("0", 0, version));
			Lines[] flips = new Lines[MASKS];
			for (int mask = 0; mask < MASKS; mask++) {
				flips[mask] = Lines.of(zxing("0", mask, version)).xor(maskZero);
			}
			return flips;
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Could not build a QR symbol of version " + version, ex);
		}
	}

	private static BitMatrix zxing(String text, Integer mask, Integer version) throws WriterException {
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
		hints.put(EncodeHintType.MARGIN, 0);
		if (mask != null) {
			hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
		}
		if (version != null) {
			hints.put(EncodeHintType.QR_VERSION, version);
		}
		return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
	}

	/**
	 * A symbol as its rows and its columns, module {@code i} of a line in bit {@code i}
	 * (1 dark).
	 */
	private record Lines(int size, long[] rows, long[] columns) {

		static Lines of(BitMatrix symbol) {
			int size = symbol.getWidth();
			long[] rows = new long[size];
			long[] columns = new long[size];
			for (int y = 0; y < size; y++) {
				for (int x = 0; x < size; x++) {
					if (symbol.get(x, y)) {
						rows[y] |= 1L << x;
						columns[x] |= 1L << y;
					}
				}
			}
			return new Lines(size, rows, columns);
		}

		Lines xor(Lines other) {
			long[] rows = new long[this.size];
			long[] columns = new long[this.size];
			for (int i = 0; i < this.size; i++) {
				rows[i] = this.rows[i] ^ other.rows[i];
				columns[i] = this.columns[i] ^ other.columns[i];
			}
			return new Lines(this.size, rows, columns);
		}

		/**
		 * The standard's four penalties, as ZXing 3.5 scores them: runs of five or more
		 * modules of one colour in a row or column (3, plus 1 per module beyond five),
		 * 2x2 blocks of one colour (3 each), a finder-like dark-light-dark-dark-dark-
		 * light-dark run with four light modules of the symbol before or after it (40
		 * each; the quiet zone does not count as light), and a share of dark modules away
		 * from half (10 per 5 %).
		 */
		int penalty() {
			long all = (this.size == Long.SIZE) ? -1L : (1L << this.size) - 1;
			int penalty = 0;
			int dark = 0;
			for (int i = 0; i < this.size; i++) {
				penalty += line(this.rows[i], all) + line(this.columns[i], all);
				dark += Long.bitCount(this.rows[i]);
				if (i + 1 < this.size) {
					long a = this.rows[i];
					long b = this.rows[i + 1];
					// Module x like x+1 in both rows, and like the one below it.
					long blocks = ~(a ^ (a >>> 1)) & ~(b ^ (b >>> 1)) & ~(a ^ b) & (all >>> 1);
					penalty += 3 * Long.bitCount(blocks);
				}
			}
			int total = this.size * this.size;
			return penalty + Math.abs(dark * 2 - total) * 10 / total * 10;
		}

		/** Rules 1 and 3 along one row or column. */
		private int line(long a, long all) {
			// Bit x: modules x to x+4 of one colour, the windows of a run of L >= 5 (L -
			// 4
			// of them; the run scores L - 2: its windows, plus 2 for the first).
			long same = ~(a ^ (a >>> 1));
			long five = same & (same >>> 1) & (same >>> 2) & (same >>> 3) & (all >>> 4);
			int runs = Long.bitCount(five) + 2 * Long.bitCount(five & ~(five << 1));
			// Bit x: dark, light, dark, dark, dark, light, dark from module x.
			long finder = a & ~(a >>> 1) & (a >>> 2) & (a >>> 3) & (a >>> 4) & ~(a >>> 5) & (a >>> 6) & (all >>> 6);
			// Bit x: modules x to x+3 light, inside the symbol.
			long light = ~a & ~(a >>> 1) & ~(a >>> 2) & ~(a >>> 3) & (all >>> 3);
			return runs + 40 * Long.bitCount(finder & ((light << 4) | (light >>> 7)));
		}

	}

}
