package org.winformusic.events.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV (CRLF, quotes doubled) in UTF-8 with a byte-order mark, so Excel shows
 * accents, ñ and emoji. A field is quoted when it holds a quote, a line break or any list
 * separator (comma, semicolon or tab), not only this file's delimiter: Excel splits a CSV
 * on the computer's list separator, so the comma file may be read split on semicolons and
 * the semicolon file on commas. Every value and header goes through
 * {@link #neutralize(String)} so a spreadsheet never runs it as a formula, whichever
 * separator it splits on. Written here rather than through a CSV library: the export
 * writes millions of fields, and a library's printer, which checks each character through
 * an {@code Appendable}, was a third of a large export's time.
 */
class CsvRowWriter implements RowWriter {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private static final String RECORD_SEPARATOR = "\r\n";

	/** A phone number as stored: E.164. */
	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

	/**
	 * The ASCII formula signs and their full-width forms (U+FF1D, U+FF0B, U+FF0D,
	 * U+FF20).
	 */
	private static final String FORMULA_STARTS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

	private final Writer writer;

	private final char delimiter;

	CsvRowWriter(OutputStream out, char delimiter) throws IOException {
		this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
		this.writer.write(BYTE_ORDER_MARK);
		this.delimiter = delimiter;
	}

	/**
	 * The header row, guarded like the values: an event's own questions are headed by
	 * labels that staff type, and a spreadsheet evaluates {@code =Sello favorito} in a
	 * header as readily as in a row.
	 */
	@Override
	public void header(List<String> names) throws IOException {
		for (int i = 0; i < names.size(); i++) {
			field(i, names.get(i));
		}
		this.writer.write(RECORD_SEPARATOR);
	}

	@Override
	public void row(String[] values) throws IOException {
		for (int i = 0; i < values.length; i++) {
			field(i, (values[i] != null) ? values[i] : "");
		}
		this.writer.write(RECORD_SEPARATOR);
	}

	@Override
	public void finish() throws IOException {
		// Flush, but leave closing the response stream to the servlet container.
		this.writer.flush();
	}

	/**
	 * One value, guarded, quoted when it holds a mark: each value is looked over once.
	 */
	private void field(int index, String raw) throws IOException {
		if (index > 0) {
			this.writer.write(this.delimiter);
		}
		boolean marks = hasMarks(raw);
		String value = neutralize(raw, marks);
		if (marks) {
			this.writer.write('"');
			this.writer.write(value.replace("\"", "\"\""));
			this.writer.write('"');
		}
		else {
			this.writer.write(value);
		}
	}

	/**
	 * Where a spreadsheet that splits on another list separator than this file's (the
	 * file's own is one of them), or that ignores the quotes, may start a new cell (or a
	 * new row): comma, semicolon, tab, CR and LF. All below 64, so one bit each of a
	 * mask.
	 */
	private static final long SEPARATORS = (1L << ',') | (1L << ';') | (1L << '\t') | (1L << '\r') | (1L << '\n');

	/** The separators and the quote: a field holding one of them is quoted. */
	private static final long MARKS = SEPARATORS | (1L << '"');

	private static boolean isSeparator(char c) {
		return c < 64 && ((SEPARATORS >>> c) & 1L) != 0;
	}

	/**
	 * Whether the value holds a separator or a quote: most values hold neither, and are
	 * written as they are after one look at each character.
	 */
	private static boolean hasMarks(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 64 && ((MARKS >>> c) & 1L) != 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * OWASP's rule against CSV (formula) injection, applied to the value as a spreadsheet
	 * reads it: a value that starts with TAB, CR or LF, or whose first character after
	 * any leading Unicode white space is {@code =}, {@code +}, {@code -}, {@code @} or
	 * their full-width forms (spreadsheets skip leading blanks and fold full-width
	 * signs), gets a leading {@code '}, which makes spreadsheets show it as text. The
	 * same goes for each part of the value after a list separator ({@code Sello;=1+2}
	 * becomes {@code Sello;'=1+2}): a spreadsheet that splits the file on that separator
	 * starts a cell there. The printer still quotes it when RFC 4180 requires. A phone
	 * number as stored (E.164: {@code +} and digits only) is left as it is: a spreadsheet
	 * reads it as a number at worst, and it cannot hold a formula.
	 */
	static String neutralize(String value) {
		return neutralize(value, hasMarks(value));
	}

	/**
	 * As {@link #neutralize(String)}, told whether the value holds a separator or quote.
	 */
	private static String neutralize(String value, boolean marks) {
		if (value.startsWith("+") && E164.matcher(value).matches()) {
			return value;
		}
		String guarded = marks ? guardedAfterSeparators(value) : value;
		return startsWithFormula(value) ? "'" + guarded : guarded;
	}

	private static String guardedAfterSeparators(String value) {
		StringBuilder out = null;
		int copied = 0;
		for (int i = 0; i < value.length(); i++) {
			if (isSeparator(value.charAt(i)) && formulaAfterSeparator(value, i + 1)) {
				if (out == null) {
					out = new StringBuilder(value.length() + 4);
				}
				out.append(value, copied, i + 1).append('\'');
				copied = i + 1;
			}
		}
		return (out != null) ? out.append(value, copied, value.length()).toString() : value;
	}

	/**
	 * Whether the part of the value from {@code index} (just after a list separator)
	 * starts, after blanks and quotes, with a formula sign: split on that separator, the
	 * file's quoting no longer lines up with the cells, so a quote may open that cell.
	 */
	private static boolean formulaAfterSeparator(String value, int index) {
		while (index < value.length() && !isSeparator(value.charAt(index))
				&& (value.charAt(index) == '"' || isWhiteSpace(value.codePointAt(index)))) {
			index += Character.charCount(value.codePointAt(index));
		}
		return index < value.length() && FORMULA_STARTS.indexOf(value.charAt(index)) >= 0;
	}

	private static boolean startsWithFormula(String value) {
		int index = 0;
		while (index < value.length() && isWhiteSpace(value.codePointAt(index))) {
			if ("\t\r\n".indexOf(value.charAt(index)) >= 0) {
				return true;
			}
			index += Character.charCount(value.codePointAt(index));
		}
		return index < value.length() && FORMULA_STARTS.indexOf(value.charAt(index)) >= 0;
	}

	/** Unicode's White_Space property: ASCII blanks, no-break and ideographic spaces. */
	private static boolean isWhiteSpace(int codePoint) {
		return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85;
	}

}
