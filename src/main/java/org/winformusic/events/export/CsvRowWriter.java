package org.winformusic.events.export;

import java.util.regex.Pattern;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * RFC 4180 CSV (CRLF, quotes doubled, a field quoted when it needs it) in UTF-8 with a
 * byte-order mark, so Excel shows accents, ñ and emoji. Every value goes through
 * {@link #neutralize(String)} so a spreadsheet never runs it as a formula.
 */
class CsvRowWriter implements RowWriter {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	/**
	 * The ASCII formula signs and their full-width forms (U+FF1D, U+FF0B, U+FF0D,
	 * U+FF20).
	 */
	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

	private static final String FORMULA_STARTS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

	private final Writer writer;

	private final CSVPrinter printer;

	CsvRowWriter(OutputStream out, char delimiter) throws IOException {
		this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
		this.writer.write(BYTE_ORDER_MARK);
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setDelimiter(delimiter)
			.setRecordSeparator("\r\n")
			.setQuoteMode(QuoteMode.MINIMAL)
			.get();
		this.printer = new CSVPrinter(this.writer, format);
	}

	@Override
	public void header(List<String> names) throws IOException {
		this.printer.printRecord(names);
	}

	@Override
	public void row(String[] values) throws IOException {
		for (String value : values) {
			this.printer.print(neutralize((value != null) ? value : ""));
		}
		this.printer.println();
	}

	@Override
	public void finish() throws IOException {
		// Flush, but leave closing the response stream to the servlet container.
		this.printer.flush();
	}

	/**
	 * OWASP's rule against CSV (formula) injection, applied to the value as a spreadsheet
	 * reads it: a value that starts with TAB, CR or LF, or whose first character after
	 * any leading Unicode white space is {@code =}, {@code +}, {@code -}, {@code @} or
	 * their full-width forms (spreadsheets skip leading blanks and fold full-width
	 * signs), gets a leading {@code '}, which makes spreadsheets show it as text. The
	 * printer still quotes it when RFC 4180 requires. A phone number as stored (E.164:
	 * {@code +} and digits only) is left as it is: a spreadsheet reads it as a number at
	 * worst, and it cannot hold a formula.
	 */
	static String neutralize(String value) {
		if (E164.matcher(value).matches()) {
			return value;
		}
		int index = 0;
		while (index < value.length() && isWhiteSpace(value.codePointAt(index))) {
			if ("\t\r\n".indexOf(value.charAt(index)) >= 0) {
				return "'" + value;
			}
			index += Character.charCount(value.codePointAt(index));
		}
		if (index < value.length() && FORMULA_STARTS.indexOf(value.charAt(index)) >= 0) {
			return "'" + value;
		}
		return value;
	}

	/** Unicode's White_Space property: ASCII blanks, no-break and ideographic spaces. */
	private static boolean isWhiteSpace(int codePoint) {
		return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85;
	}

}
