package org.winformusic.events.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** OWASP's CSV-injection rule, value by value. */
class CsvRowWriterTests {

	@Test
	void valuesStartingWithAFormulaCharacterGetALeadingApostrophe() {
		for (String formula : new String[] { "=1+1", "+1", "-1", "@SUM(1)", "\t=1", "\r=1", "\n=1" }) {
			assertThat(CsvRowWriter.neutralize(formula)).isEqualTo("'" + formula);
		}
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
		for (String value : new String[] { "", "x\",=1+1", "Ana", "Ana =1", " Ana", "'=1", "\u3000Ana",
				"2028-03-01T10:15:00-06:00" }) {
			assertThat(CsvRowWriter.neutralize(value)).isEqualTo(value);
		}
	}

}
