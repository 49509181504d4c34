package org.winformusic.events.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An Excel workbook written with POI's streaming API: only a window of rows stays in
 * memory, the rest goes to a temporary file until the workbook is written out.
 * <p>
 * The registration id and the waitlist position are number cells, and in the people
 * export the times are date cells ("1 mar 2028, 10:15" in the reader's language, in the
 * event's zone as the header names it), so a spreadsheet sorts and filters them as
 * numbers and dates. Every other cell is a string cell with the text format ({@code @}),
 * so a spreadsheet never evaluates it as a formula, a number or a date: {@code =1+1}
 * stays the text "=1+1" and a phone number keeps its leading {@code +} and zeros. That is
 * why, unlike the CSV, no {@code '} is prepended: the values are exactly as stored. No
 * cell is ever a formula. The header row is bold, frozen and has an autofilter; columns
 * have widths for what they hold, comments and answers wrap.
 */
class XlsxRowWriter implements RowWriter {

	static final int ROWS_IN_MEMORY = 100;

	private static final ExportColumn[] COLUMNS = ExportColumn.values();

	/** A whole number Excel holds exactly (15 digits). */
	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,15}");

	/** The widest a column is made for its header, in characters. */
	private static final int HEADER_WIDTH_MAX = 30;

	private final OutputStream out;

	private final SXSSFWorkbook workbook;

	private final SXSSFSheet sheet;

	private final CellStyle text;

	private final CellStyle wrapped;

	private final CellStyle number;

	private final CellStyle time;

	private final boolean timesAsDates;

	private int columns;

	private int rowIndex;

	/**
	 * The exact export's workbook: times stay the stored ISO text with the offset
	 * ({@code 2028-03-01T10:15:00-06:00}, which sorts as text).
	 */
	XlsxRowWriter(OutputStream out, String sheetName) {
		this(out, sheetName, null);
	}

	/**
	 * A workbook whose time columns (given as the exact export's ISO text, in the event's
	 * zone) are date cells shown in {@code timesIn}'s language; ISO text when null.
	 */
	XlsxRowWriter(OutputStream out, String sheetName, Locale timesIn) {
		this.out = out;
		this.workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
		this.workbook.setCompressTempFiles(true);
		this.sheet = this.workbook.createSheet(sheetName);
		var formats = this.workbook.createDataFormat();
		this.text = this.workbook.createCellStyle();
		this.text.setDataFormat(formats.getFormat("@"));
		this.wrapped = this.workbook.createCellStyle();
		this.wrapped.cloneStyleFrom(this.text);
		this.wrapped.setWrapText(true);
		this.wrapped.setVerticalAlignment(VerticalAlignment.TOP);
		this.number = this.workbook.createCellStyle();
		this.number.setDataFormat(formats.getFormat("0"));
		this.time = this.workbook.createCellStyle();
		this.timesAsDates = timesIn != null;
		this.time.setDataFormat(formats.getFormat(
				(timesIn != null && timesIn.getLanguage().equals("es") ? "[$-80A]" : "[$-409]") + "d mmm yyyy, hh:mm"));
	}

	@Override
	public void header(List<String> names) {
		this.columns = names.size();
		Font bold = this.workbook.createFont();
		bold.setBold(true);
		CellStyle style = this.workbook.createCellStyle();
		style.cloneStyleFrom(this.text);
		style.setFont(bold);
		style.setWrapText(true);
		style.setVerticalAlignment(VerticalAlignment.TOP);
		Row row = this.sheet.createRow(this.rowIndex++);
		int lines = 1;
		for (int i = 0; i < names.size(); i++) {
			String name = (names.get(i) != null) ? names.get(i) : "";
			var cell = row.createCell(i, CellType.STRING);
			cell.setCellStyle(style);
			cell.setCellValue(name);
			// Room for the autofilter's button after the name.
			int wanted = name.length() + 3;
			int width = Math.max(width(i), Math.min(wanted, HEADER_WIDTH_MAX));
			this.sheet.setColumnWidth(i, width * 256);
			lines = Math.max(lines, Math.min(3, (wanted + width - 1) / width));
		}
		row.setHeightInPoints(lines * this.sheet.getDefaultRowHeightInPoints());
		this.sheet.createFreezePane(0, 1);
	}

	@Override
	public void row(String[] values) {
		Row row = this.sheet.createRow(this.rowIndex++);
		for (int i = 0; i < values.length; i++) {
			String value = values[i];
			Kind kind = kind(i);
			if (value != null && kind == Kind.NUMBER && WHOLE_NUMBER.matcher(value).matches()) {
				var cell = row.createCell(i, CellType.NUMERIC);
				cell.setCellStyle(this.number);
				cell.setCellValue(Long.parseLong(value));
			}
			else if (value != null && kind == Kind.TIME && this.timesAsDates) {
				var cell = row.createCell(i, CellType.NUMERIC);
				cell.setCellStyle(this.time);
				cell.setCellValue(localTime(value));
			}
			else {
				var cell = row.createCell(i, CellType.STRING);
				cell.setCellStyle((kind == Kind.LONG_TEXT) ? this.wrapped : this.text);
				cell.setCellValue((value != null) ? value : "");
			}
		}
	}

	private enum Kind {

		TEXT, LONG_TEXT, NUMBER, TIME

	}

	private static Kind kind(int column) {
		if (column >= COLUMNS.length) {
			// An answer to one of the event's own questions.
			return Kind.LONG_TEXT;
		}
		return switch (COLUMNS[column]) {
			case ID, WAITLIST_POSITION -> Kind.NUMBER;
			case PRIVACY_CONSENT_AT, REGISTERED_AT, CONFIRMED_AT, CANCELLED_AT, CHECKED_IN_AT, DECLINED_AT -> Kind.TIME;
			case COMMENTS -> Kind.LONG_TEXT;
			default -> Kind.TEXT;
		};
	}

	/** A column's width for its values, in characters. */
	private static int width(int column) {
		if (column >= COLUMNS.length) {
			return 30;
		}
		return switch (COLUMNS[column]) {
			case ID, LANGUAGE, NEWS_OPT_IN, WAITLIST_POSITION -> 10;
			case STATUS, PRIVACY_CONSENT_VERSION, ASSOCIATION_INTEREST -> 14;
			case FULL_NAME, COMPANY, COMPANY_TYPE -> 28;
			case EMAIL -> 32;
			case COMMENTS -> 50;
			case PRIVACY_CONSENT_AT, REGISTERED_AT, CONFIRMED_AT, CANCELLED_AT, CHECKED_IN_AT, DECLINED_AT -> 20;
			default -> 20;
		};
	}

	/**
	 * The exact export's time ({@link RegistrationExport#TIME}, already in the event's
	 * zone) as that zone's wall-clock time, read by hand for the common four-digit year
	 * (six times a row).
	 */
	static LocalDateTime localTime(String iso) {
		if (iso.length() >= 19 && iso.charAt(4) == '-' && iso.charAt(10) == 'T') {
			return LocalDateTime.of(Integer.parseInt(iso, 0, 4, 10), Integer.parseInt(iso, 5, 7, 10),
					Integer.parseInt(iso, 8, 10, 10), Integer.parseInt(iso, 11, 13, 10),
					Integer.parseInt(iso, 14, 16, 10), Integer.parseInt(iso, 17, 19, 10));
		}
		return OffsetDateTime.parse(iso, RegistrationExport.TIME).toLocalDateTime();
	}

	@Override
	public void finish() throws IOException {
		try {
			if (this.columns > 0) {
				this.sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, this.rowIndex - 1), 0, this.columns - 1));
			}
			this.workbook.write(this.out);
			this.out.flush();
		}
		finally {
			// Deletes the temporary file.
			this.workbook.close();
		}
	}

	@Override
	public void abort() {
		try {
			this.workbook.close();
		}
		catch (IOException ex) {
			// Only the temporary file could not be removed; the export failed anyway.
		}
	}

}
