package org.winformusic.events.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4180 as a CSV reader reads it, and OWASP's CSV-injection rule value by value. */
class CsvRowWriterTests {

	@Test
	void valuesStartingWithAFormulaCharacterGetALeadingApostrophe() {
		for (String formula : new String[] { "=1+1", "+1", "-1", "@SUM(1)", "\tx", "\rx", "\nx" }) {
			assertThat(CsvRowWriter.neutralize(formula)).isEqualTo("'" + formula);
		}
		// A tab or line break is a place a cell may start, too.
		assertThat(CsvRowWriter.neutralize("\t=1")).isEqualTo("'\t'=1");
		assertThat(CsvRowWriter.neutralize("\n=1")).isEqualTo("'\n'=1");
	}

	@Test
	void formulasAfterLeadingWhiteSpaceAreEscapedToo() {
		// A spreadsheet skips leading blanks (ASCII, no-break, ideographic) before it
		// looks for a formula sign.
		for (String formula : new String[] { " =1+1", "  +1", "\u00A0-1", "\u3000@SUM(1)",
				"\u2003=HYPERLINK(\"x\")" }) {
			assertThat(CsvRowWriter.neutralize(formula)).isEqualTo("'" + formula);
		}
	}

	@Test
	void fullWidthFormulaSignsAreEscaped() {
		for (String formula : new String[] { "\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF20SUM(1)", " \uFF1D1" }) {
			assertThat(CsvRowWriter.neutralize(formula)).isEqualTo("'" + formula);
		}
	}

	@Test
	void aPhoneNumberAsStoredStaysReadableButAnythingMoreIsEscaped() {
		assertThat(CsvRowWriter.neutralize("+573001234567")).isEqualTo("+573001234567");
		assertThat(CsvRowWriter.neutralize("+525512345678")).isEqualTo("+525512345678");
		for (String almost : new String[] { "+57300123456+1", "+5730012345678901", "+57 300", "+0123456789" }) {
			assertThat(CsvRowWriter.neutralize(almost)).isEqualTo("'" + almost);
		}
	}

	@Test
	void otherValuesStayAsTheyAre() {
		for (String value : new String[] { "", "x\"=1+1", "Ana, María", "Uno; dos", "Ana", "Ana =1", " Ana", "'=1",
				"\u3000Ana", "2028-03-01T10:15:00-06:00" }) {
			assertThat(CsvRowWriter.neutralize(value)).isEqualTo(value);
		}
	}

	/**
	 * Excel splits a CSV on the computer's list separator, which may not be the file's:
	 * each part after a comma, semicolon, tab or line break is guarded like a whole
	 * value.
	 */
	@Test
	void aFormulaAfterAnyListSeparatorInsideAValueIsEscapedToo() {
		assertThat(CsvRowWriter.neutralize("Sello;=1+2")).isEqualTo("Sello;'=1+2");
		assertThat(CsvRowWriter.neutralize("CDMX,=3+4")).isEqualTo("CDMX,'=3+4");
		assertThat(CsvRowWriter.neutralize("a\t@SUM(1)")).isEqualTo("a\t'@SUM(1)");
		assertThat(CsvRowWriter.neutralize("a\n-1")).isEqualTo("a\n'-1");
		assertThat(CsvRowWriter.neutralize("a; \u00A0+1, \"=2\"")).isEqualTo("a;' \u00A0+1,' \"=2\"");
		assertThat(CsvRowWriter.neutralize("=1;=2")).isEqualTo("'=1;'=2");
		assertThat(CsvRowWriter.neutralize("a;\uFF1D1")).isEqualTo("a;'\uFF1D1");
	}

	@Test
	void fieldsAreQuotedWhereRfc4180AsksAndReadBackAsWritten() throws IOException {
		String[] values = { "42", "Sello, \"Quotes\" & Co.\r\nSegunda línea", "Director; A&R", "", null, "José Peña 🎶",
				" espacios ", "=1+1" };
		for (char delimiter : new char[] { ',', ';' }) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			CsvRowWriter writer = new CsvRowWriter(out, delimiter);
			writer.header(List.of("ID", "Empresa", "Puesto", "Vacío", "Nulo", "Nombre", "Espacios", "Fórmula"));
			writer.row(values);
			writer.row(new String[] { "43", "a", "b", "c", "d", "e", "f", "g" });
			writer.finish();
			String text = out.toString(StandardCharsets.UTF_8);
			assertThat(text).startsWith("\uFEFFID" + delimiter).endsWith("g\r\n");
			List<CSVRecord> records = CSVFormat.RFC4180.builder()
				.setDelimiter(delimiter)
				.get()
				.parse(new StringReader(text.substring(1)))
				.getRecords();
			assertThat(records).hasSize(3);
			assertThat(records.get(1).values()).containsExactly("42", "Sello, \"Quotes\" & Co.\r\nSegunda línea",
					"Director; A&R", "", "", "José Peña 🎶", " espacios ", "'=1+1");
			assertThat(records.get(2).values()).containsExactly("43", "a", "b", "c", "d", "e", "f", "g");
		}
	}

	/**
	 * A field holding any list separator is quoted, not only the file's own: a
	 * spreadsheet may split the file on the other one.
	 */
	@Test
	void onlyFieldsThatNeedItAreQuoted() throws IOException {
		for (char delimiter : new char[] { ',', ';' }) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			CsvRowWriter writer = new CsvRowWriter(out, delimiter);
			writer.row(new String[] { "Ana, María", "Uno; dos", "Dice \"hola\"", "dos\nlíneas", "a\tb", "Ana", "" });
			writer.finish();
			assertThat(out.toString(StandardCharsets.UTF_8))
				.isEqualTo(String.join(String.valueOf(delimiter), "\uFEFF\"Ana, María\"", "\"Uno; dos\"",
						"\"Dice \"\"hola\"\"\"", "\"dos\nlíneas\"", "\"a\tb\"", "Ana", "\r\n"));
		}
	}

}
