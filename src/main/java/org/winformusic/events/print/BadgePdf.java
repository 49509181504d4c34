package org.winformusic.events.print;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;
import org.winformusic.events.print.PdfText.Fitted;
import org.winformusic.events.print.PdfText.Fonts;
import org.winformusic.events.print.PrintLayout.Badge;
import org.winformusic.events.print.PrintLayout.Sheet;
import org.winformusic.events.shared.PersonName;

import org.springframework.stereotype.Component;

import static org.winformusic.events.print.PdfText.mm;

/**
 * Draws name badges: the name large, company and role below, the event's title and date
 * small, and the person's check-in pass as a QR code with the door code under it (typed
 * when the camera cannot scan). Measures come from {@link PrintLayout}.
 */
@Component
class BadgePdf {

	/** How badges go on paper. */
	enum Layout {

		/** A4 sheets of 8 badges (2 x 4) with cutting marks, for an office printer. */
		SHEET,

		/** One badge per page of {@code app.badges.single-size}, for a badge printer. */
		SINGLE

	}

	/** The texts around the badges, in the reader's language. */
	record Texts(String documentTitle, String eventTitle, String eventDate, String nobody) {

	}

	private final PassLinks passes;

	private final BadgeSettings settings;

	BadgePdf(PassLinks passes, BadgeSettings settings) {
		this.passes = passes;
		this.settings = settings;
	}

	void write(Texts texts, List<Attendee> people, Layout layout, OutputStream out) throws IOException {
		try (PDDocument document = new PDDocument()) {
			document.getDocumentInformation().setTitle(texts.documentTitle());
			Fonts fonts = Fonts.embed(document);
			if (layout == Layout.SHEET) {
				sheets(document, fonts, texts, people);
			}
			else {
				singles(document, fonts, texts, people);
			}
			document.save(out);
		}
	}

	private void sheets(PDDocument document, Fonts fonts, Texts texts, List<Attendee> people) throws IOException {
		int perPage = Sheet.COLUMNS * Sheet.ROWS;
		float gridLeft = (Sheet.WIDTH - Sheet.COLUMNS * Badge.WIDTH) / 2;
		float gridTop = (Sheet.HEIGHT - Sheet.ROWS * Badge.HEIGHT) / 2;
		int pages = Math.max(1, (people.size() + perPage - 1) / perPage);
		for (int p = 0; p < pages; p++) {
			PDPage page = new PDPage(new PDRectangle(mm(Sheet.WIDTH), mm(Sheet.HEIGHT)));
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				cutMarks(content, gridLeft, gridTop);
				List<Attendee> onPage = people.subList(p * perPage, Math.min(people.size(), (p + 1) * perPage));
				if (onPage.isEmpty()) {
					nobody(content, fonts, texts, gridLeft, gridTop);
				}
				for (int i = 0; i < onPage.size(); i++) {
					float left = gridLeft + (i % Sheet.COLUMNS) * Badge.WIDTH;
					float bottom = gridTop + (i / Sheet.COLUMNS + 1) * Badge.HEIGHT;
					badge(content, fonts, texts, onPage.get(i), mm(left), mm(Sheet.HEIGHT - bottom), 1);
				}
			}
		}
	}

	private void singles(PDDocument document, Fonts fonts, Texts texts, List<Attendee> people) throws IOException {
		float[] size = this.settings.singleSizeMillimetres();
		float scale = Math.min(size[0] / Badge.WIDTH, size[1] / Badge.HEIGHT);
		float x = mm((size[0] - Badge.WIDTH * scale) / 2);
		float y = mm((size[1] - Badge.HEIGHT * scale) / 2);
		List<Attendee> pages = people.isEmpty() ? java.util.Collections.singletonList((Attendee) null) : people;
		for (Attendee person : pages) {
			PDPage page = new PDPage(new PDRectangle(mm(size[0]), mm(size[1])));
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				if (person == null) {
					String note = PdfText.printable(fonts.regular(), texts.nobody());
					Fitted fitted = PdfText.fit(fonts.regular(), note, mm(size[0]) - 2 * mm(Badge.PADDING),
							mm(size[1] / 2), 10, 5, 3, List.of());
					PdfText.lines(content, fonts.regular(), fitted, PrintLayout.INK, mm(Badge.PADDING),
							mm(size[1] / 2));
				}
				else {
					badge(content, fonts, texts, person, x, y, scale);
				}
			}
		}
	}

	/**
	 * One badge with its lower-left corner at ({@code x}, {@code y}) points, drawn at
	 * {@link Badge#WIDTH} x {@link Badge#HEIGHT} mm times {@code scale}.
	 */
	private void badge(PDPageContentStream content, Fonts fonts, Texts texts, Attendee person, float x, float y,
			float scale) throws IOException {
		content.saveGraphicsState();
		content.transform(Matrix.getTranslateInstance(x, y));
		if (scale != 1) {
			content.transform(Matrix.getScaleInstance(scale, scale));
		}
		float width = mm(Badge.WIDTH);
		float padding = mm(Badge.PADDING);
		float inner = width - 2 * padding;

		content.setNonStrokingColor(PrintLayout.ACCENT);
		content.addRect(0, top(Badge.STRIPE_HEIGHT), width, mm(Badge.STRIPE_HEIGHT));
		content.fill();

		Fitted title = PdfText.fitLine(fonts.bold(), PdfText.printable(fonts.bold(), texts.eventTitle()), inner,
				Badge.EVENT_TITLE_SIZE, Badge.EVENT_TITLE_SIZE - 1.5f);
		PdfText.lines(content, fonts.bold(), title, PrintLayout.ACCENT, padding, top(Badge.EVENT_TITLE_BASELINE));
		Fitted date = PdfText.fitLine(fonts.regular(), PdfText.printable(fonts.regular(), texts.eventDate()), inner,
				Badge.EVENT_DATE_SIZE, Badge.EVENT_DATE_SIZE - 1.5f);
		PdfText.lines(content, fonts.regular(), date, PrintLayout.INK_SOFT, padding, top(Badge.EVENT_DATE_BASELINE));

		String fullName = PdfText.printable(fonts.bold(), person.fullName());
		// Given names over family names; a name typed "Family, Given" keeps its order.
		boolean familyFirst = PersonName.typedFamilyFirst(person.fullName());
		String given = PdfText.printable(fonts.bold(), person.name().given());
		String family = PdfText.printable(fonts.bold(), person.name().family());
		List<String> byMeaning = (given.isEmpty() || family.isEmpty()) ? List.of()
				: familyFirst ? List.of(family + ",", given) : List.of(given, family);
		float band = mm(Badge.NAME_BOTTOM - Badge.NAME_TOP);
		Fitted name = PdfText.fit(fonts.bold(), fullName, inner, band, Badge.NAME_MAX_SIZE, Badge.NAME_MIN_SIZE,
				Badge.NAME_MAX_LINES, byMeaning);
		// Centred in its band: one short line and two long ones sit at the same place.
		float firstBaseline = top(Badge.NAME_TOP) - (band - name.height()) / 2 - capHeight(name.size());
		PdfText.lines(content, fonts.bold(), name, PrintLayout.INK, padding, firstBaseline);

		float qrSize = mm(Badge.QR_SIZE);
		float qrLeft = width - padding - qrSize;
		QrDrawing.draw(content, this.passes.link(person.id()), qrLeft, top(Badge.QR_TOP) - qrSize, qrSize,
				Badge.QR_QUIET_MODULES);
		// As the door list prints it, so the volunteer reads the same code on both.
		String code = this.passes.code(person.id());
		float codeWidth = PdfText.width(fonts.mono(), Badge.CODE_SIZE, code);
		PdfText.show(content, fonts.mono(), Badge.CODE_SIZE, PrintLayout.INK, qrLeft + (qrSize - codeWidth) / 2,
				top(Badge.CODE_BASELINE), code);

		float textWidth = inner - qrSize - mm(Badge.QR_GAP);
		Fitted company = PdfText.fit(fonts.regular(), PdfText.printable(fonts.regular(), person.company()), textWidth,
				mm(Badge.COMPANY_BOTTOM - Badge.COMPANY_TOP), Badge.COMPANY_MAX_SIZE, Badge.COMPANY_MIN_SIZE,
				Badge.COMPANY_MAX_LINES, List.of());
		float companyBaseline = top(Badge.COMPANY_TOP) - capHeight(company.size());
		PdfText.lines(content, fonts.regular(), company, PrintLayout.INK, padding, companyBaseline);
		String role = PdfText.printable(fonts.regular(), person.jobTitle());
		if (!role.isEmpty()) {
			Fitted fitted = PdfText.fitLine(fonts.regular(), role, textWidth, Badge.ROLE_MAX_SIZE, Badge.ROLE_MIN_SIZE);
			float baseline = companyBaseline - (company.lines().size() - 1) * company.size() * PrintLayout.LEADING
					- mm(Badge.ROLE_GAP) - fitted.size() * PrintLayout.LEADING;
			PdfText.lines(content, fonts.regular(), fitted, PrintLayout.INK_SOFT, padding, baseline);
		}
		content.restoreGraphicsState();
	}

	/** Short lines along the grid's edges, outside it, where a guillotine cuts. */
	private static void cutMarks(PDPageContentStream content, float gridLeft, float gridTop) throws IOException {
		float gridRight = gridLeft + Sheet.COLUMNS * Badge.WIDTH;
		float gridBottom = gridTop + Sheet.ROWS * Badge.HEIGHT;
		float near = Sheet.CUT_MARK_OFFSET;
		float far = Sheet.CUT_MARK_OFFSET + Sheet.CUT_MARK_LENGTH;
		content.setStrokingColor(PrintLayout.INK);
		content.setLineWidth(Sheet.CUT_MARK_WIDTH_POINTS);
		for (int column = 0; column <= Sheet.COLUMNS; column++) {
			float x = gridLeft + column * Badge.WIDTH;
			line(content, x, gridTop - far, x, gridTop - near);
			line(content, x, gridBottom + near, x, gridBottom + far);
		}
		for (int row = 0; row <= Sheet.ROWS; row++) {
			float y = gridTop + row * Badge.HEIGHT;
			line(content, gridLeft - far, y, gridLeft - near, y);
			line(content, gridRight + near, y, gridRight + far, y);
		}
		content.stroke();
	}

	private static void nobody(PDPageContentStream content, Fonts fonts, Texts texts, float gridLeft, float gridTop)
			throws IOException {
		String note = PdfText.printable(fonts.regular(), texts.nobody());
		Fitted fitted = PdfText.fit(fonts.regular(), note, mm(Sheet.COLUMNS * Badge.WIDTH), mm(Badge.HEIGHT), 12, 8, 3,
				List.of());
		PdfText.lines(content, fonts.regular(), fitted, PrintLayout.INK, mm(gridLeft), mm(Sheet.HEIGHT - gridTop - 10));
	}

	/** A line between two points given in millimetres from the page's top-left corner. */
	private static void line(PDPageContentStream content, float x1, float y1, float x2, float y2) throws IOException {
		content.moveTo(mm(x1), mm(Sheet.HEIGHT - y1));
		content.lineTo(mm(x2), mm(Sheet.HEIGHT - y2));
	}

	/** {@code millimetres} below the badge's top edge, in the badge's points. */
	private static float top(float millimetres) {
		return mm(Badge.HEIGHT - millimetres);
	}

	private static float capHeight(float size) {
		return PdfText.CAP_HEIGHT * size;
	}

}
