package org.winformusic.events.print;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text on the printouts: the embedded fonts, measuring, and fitting a text into a box by
 * shrinking, then wrapping, then (at the smallest size) cutting with an ellipsis, so
 * nothing ever runs over the edge. Lengths in points.
 */
final class PdfText {

	static final float POINTS_PER_MM = 72 / 25.4f;

	private static final String ELLIPSIS = "…";

	/** Height of a capital letter in Liberation Sans, as a fraction of the font size. */
	static final float CAP_HEIGHT = 0.73f;

	private static final float SIZE_STEP = 0.5f;

	private static final byte[] REGULAR = read(PrintLayout.REGULAR_FONT);

	private static final byte[] BOLD = read(PrintLayout.BOLD_FONT);

	private static final byte[] MONO = read(PrintLayout.MONO_FONT);

	private PdfText() {
	}

	static float mm(float millimetres) {
		return millimetres * POINTS_PER_MM;
	}

	/** The fonts of one document, embedded as subsets (only the letters used). */
	record Fonts(PDFont regular, PDFont bold, PDFont mono) {

		static Fonts embed(PDDocument document) throws IOException {
			return new Fonts(load(document, REGULAR), load(document, BOLD), load(document, MONO));
		}

		private static PDFont load(PDDocument document, byte[] font) throws IOException {
			return PDType0Font.load(document, new java.io.ByteArrayInputStream(font), true);
		}

	}

	/** Lines to draw at one font size. */
	record Fitted(List<String> lines, float size) {

		float height() {
			return blockHeight(this.lines.size(), this.size);
		}

	}

	/**
	 * {@code text} in NFC with every character the font cannot draw left out (an emoji
	 * and what builds one: skin tones, flags, variation selectors) or, for a letter of a
	 * script the font lacks, replaced by {@code ?}, and control characters made spaces,
	 * so drawing never fails on what a registrant typed.
	 */
	static String printable(PDFont font, String text) {
		if (text == null) {
			return "";
		}
		String normal = Normalizer.normalize(text, Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder(normal.length());
		normal.codePoints().forEach((cp) -> {
			if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
				out.append(' ');
			}
			else if (Character.getType(cp) == Character.FORMAT) {
				// zero-width joiners and the like: nothing to draw
			}
			else {
				String character = new String(Character.toChars(cp));
				if (canDraw(font, character)) {
					out.append(character);
				}
				else if (!decoration(cp)) {
					out.append('?');
				}
			}
		});
		return out.toString().replaceAll(" {2,}", " ").strip();
	}

	/** Symbols and the marks that modify them: an emoji's parts. */
	private static boolean decoration(int cp) {
		int type = Character.getType(cp);
		return type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL || type == Character.NON_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

	private static boolean canDraw(PDFont font, String character) {
		try {
			font.encode(character);
			return true;
		}
		catch (IllegalArgumentException | IOException ex) {
			return false;
		}
	}

	static float width(PDFont font, float size, String text) {
		try {
			return font.getStringWidth(text) / 1000 * size;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The largest size from {@code maxSize} down to {@code minSize} at which {@code text}
	 * fits a box {@code width} wide and {@code height} high in at most {@code maxLines}
	 * lines. At each size one line is tried first, then {@code preferred} (a break chosen
	 * by meaning, such as given names over family names), then plain word wrapping. At
	 * the smallest size what still does not fit is cut with an ellipsis.
	 */
	static Fitted fit(PDFont font, String text, float width, float height, float maxSize, float minSize, int maxLines,
			List<String> preferred) {
		for (float step = maxSize; step >= minSize; step -= SIZE_STEP) {
			float size = step;
			if (width(font, size, text) <= width) {
				return new Fitted(List.of(text), size);
			}
			if (preferred.size() > 1 && fits(preferred.size(), size, height, maxLines)
					&& preferred.stream().allMatch((line) -> width(font, size, line) <= width)) {
				return new Fitted(preferred, size);
			}
			List<String> wrapped = wrap(font, size, text, width);
			if (fits(wrapped.size(), size, height, maxLines)) {
				return new Fitted(wrapped, size);
			}
		}
		int lines = maxLines;
		while (lines > 1 && !fits(lines, minSize, height, maxLines)) {
			lines--;
		}
		List<String> wrapped = new ArrayList<>(wrap(font, minSize, text, width));
		if (wrapped.size() > lines) {
			String last = String.join(" ", wrapped.subList(lines - 1, wrapped.size()));
			wrapped = new ArrayList<>(wrapped.subList(0, lines - 1));
			wrapped.add(ellipsize(font, minSize, last, width));
		}
		return new Fitted(wrapped, minSize);
	}

	/** Whether {@code lines} lines at {@code size}, cap to last baseline, fit. */
	private static boolean fits(int lines, float size, float height, int maxLines) {
		return lines <= maxLines && blockHeight(lines, size) <= height;
	}

	/** From the top of the first line's capitals to the last line's baseline. */
	static float blockHeight(int lines, float size) {
		return size * (CAP_HEIGHT + (lines - 1) * PrintLayout.LEADING);
	}

	/** One line, shrunk down to {@code minSize} and then cut with an ellipsis. */
	static Fitted fitLine(PDFont font, String text, float width, float maxSize, float minSize) {
		return fit(font, text, width, Float.MAX_VALUE, maxSize, minSize, 1, List.of());
	}

	/** {@code text} cut (with an ellipsis) to fit {@code width}, or whole if it fits. */
	static String ellipsize(PDFont font, float size, String text, float width) {
		if (width(font, size, text) <= width) {
			return text;
		}
		int end = text.length();
		while (end > 0 && width(font, size, text.substring(0, end).stripTrailing() + ELLIPSIS) > width) {
			end = text.offsetByCodePoints(end, -1);
		}
		return text.substring(0, end).stripTrailing() + ELLIPSIS;
	}

	/** Greedy word wrap; a word wider than the line is broken between letters. */
	static List<String> wrap(PDFont font, float size, String text, float width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (width(font, size, candidate) <= width) {
				line.setLength(0);
				line.append(candidate);
				continue;
			}
			if (!line.isEmpty()) {
				lines.add(line.toString());
				line.setLength(0);
			}
			String rest = word;
			while (width(font, size, rest) > width && rest.length() > 1) {
				int end = rest.length();
				while (end > 1 && width(font, size, rest.substring(0, end)) > width) {
					end = rest.offsetByCodePoints(end, -1);
				}
				lines.add(rest.substring(0, end));
				rest = rest.substring(end);
			}
			line.append(rest);
		}
		if (!line.isEmpty() || lines.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	/** Draws one line with its baseline at ({@code x}, {@code y}). */
	static void show(PDPageContentStream content, PDFont font, float size, Color color, float x, float y, String text)
			throws IOException {
		content.beginText();
		content.setFont(font, size);
		content.setNonStrokingColor(color);
		content.newLineAtOffset(x, y);
		content.showText(text);
		content.endText();
	}

	/**
	 * Fitted lines, the first with its baseline at ({@code x}, {@code firstBaseline}).
	 */
	static void lines(PDPageContentStream content, PDFont font, Fitted fitted, Color color, float x,
			float firstBaseline) throws IOException {
		float baseline = firstBaseline;
		for (String line : fitted.lines()) {
			show(content, font, fitted.size(), color, x, baseline, line);
			baseline -= fitted.size() * PrintLayout.LEADING;
		}
	}

	private static byte[] read(String resource) {
		try (InputStream in = PdfText.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Font " + resource + " is not on the class path");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
