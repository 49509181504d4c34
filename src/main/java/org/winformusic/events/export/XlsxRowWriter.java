package org.winformusic.events.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An Excel workbook written with POI's streaming API: only a window of rows stays in
 * memory, the rest goes to a temporary file until the workbook is written out.
 * <p>
 * Every cell is a string cell with the text format ({@code @}), so a spreadsheet never
 * evaluates it as a formula, a number or a date: {@code =1+1} stays the text "=1+1" and a
 * phone number keeps its leading {@code +} and zeros. That is why, unlike the CSV, no
 * {@code '} is prepended: the values are exactly as stored.
 */
class XlsxRowWriter implements RowWriter {

	static final int ROWS_IN_MEMORY = 100;

	private final OutputStream out;

	private final SXSSFWorkbook workbook;

	private final SXSSFSheet sheet;

	private final CellStyle text;

	private int rowIndex;

	XlsxRowWriter(OutputStream out, String sheetName) {
		this.out = out;
		this.workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
		this.workbook.setCompressTempFiles(true);
		this.sheet = this.workbook.createSheet(sheetName);
		this.text = this.workbook.createCellStyle();
		this.text.setDataFormat(this.workbook.createDataFormat().getFormat("@"));
	}

	@Override
	public void header(List<String> names) {
		write(names.toArray(String[]::new));
	}

	@Override
	public void row(String[] values) {
		write(values);
	}

	private void write(String[] values) {
		Row row = this.sheet.createRow(this.rowIndex++);
		for (int i = 0; i < values.length; i++) {
			var cell = row.createCell(i, CellType.STRING);
			cell.setCellStyle(this.text);
			cell.setCellValue((values[i] != null) ? values[i] : "");
		}
	}

	@Override
	public void finish() throws IOException {
		try {
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
