package org.winformusic.events.export;

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
	 * OWASP's rule against CSV (formula) injection: a value whose first character is
	 * {@code =}, {@code +}, {@code -}, {@code @}, TAB, CR or LF gets a leading {@code '},
	 * which makes spreadsheets show it as text. The printer still quotes it when RFC 4180
	 * requires.
	 */
	static String neutralize(String value) {
		if (value.isEmpty()) {
			return value;
		}
		return switch (value.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r', '\n' -> "'" + value;
			default -> value;
		};
	}

}
