package org.winformusic.events.print;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.winformusic.events.print.PdfText.Fitted;
import org.winformusic.events.print.PdfText.Fonts;
import org.winformusic.events.print.PrintLayout.DoorList;
import org.winformusic.events.registration.RegistrationStatus;

import org.springframework.stereotype.Component;

import static org.winformusic.events.print.PdfText.mm;

/**
 * Draws the paper door list: a header on every page (event, date, counts, when it was
 * printed, what the marks mean), then one row per person, alphabetical and grouped by
 * initial, with a mark, the name, company, status in words and the pass code; "3 / 5" at
 * the foot. The mark is a tick box only for someone confirmed who has not arrived yet:
 * one who arrived is ticked already, with the time; one without a seat (pending review,
 * waitlisted, cancelled, declined) gets the door phone's stop sign, and the legend says
 * what the phone says: not to let them in without asking an organizer.
 */
@Component
class DoorListPdf {

	/** Every word on the list, in the reader's language. */
	record Texts(String documentTitle, String eventTitle, String eventDate, String counts, String printed,
			String legend, String nameHeading, String companyHeading, String statusHeading, String codeHeading,
			String nobody, Map<RegistrationStatus, String> statuses, Function<Instant, String> arrived) {

	}

	private final PassLinks passes;

	DoorListPdf(PassLinks passes) {
		this.passes = passes;
	}

	void write(Texts texts, List<Attendee> people, OutputStream out) throws IOException {
		try (PDDocument document = new PDDocument()) {
			document.getDocumentInformation().setTitle(texts.documentTitle());
			Fonts fonts = Fonts.embed(document);
			new Pages(document, fonts, texts).write(people);
			pageNumbers(document, fonts);
			document.save(out);
		}
	}

	private void pageNumbers(PDDocument document, Fonts fonts) throws IOException {
		int total = document.getNumberOfPages();
		for (int i = 0; i < total; i++) {
			PDPage page = document.getPage(i);
			try (PDPageContentStream content = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
				String number = (i + 1) + " / " + total;
				float width = PdfText.width(fonts.regular(), DoorList.FOOTER_SIZE, number);
				PdfText.show(content, fonts.regular(), DoorList.FOOTER_SIZE, PrintLayout.INK_SOFT,
						(mm(DoorList.WIDTH) - width) / 2, mm(DoorList.FOOTER_BASELINE), number);
			}
		}
	}

	/** The pages as they fill: a cursor {@code y} in millimetres from the page's top. */
	private final class Pages {

		private final PDDocument document;

		private final Fonts fonts;

		private final Texts texts;

		private PDPageContentStream content;

		private float y;

		Pages(PDDocument document, Fonts fonts, Texts texts) {
			this.document = document;
			this.fonts = fonts;
			this.texts = texts;
		}

		void write(List<Attendee> people) throws IOException {
			try {
				newPage();
				if (people.isEmpty()) {
					text(this.fonts.regular(), DoorList.ROW_SIZE + 1, PrintLayout.INK, DoorList.MARGIN,
							this.y + DoorList.ROW_HEIGHT, contentWidth(), this.texts.nobody());
				}
				String group = null;
				for (Attendee person : people) {
					String initial = person.name().initial();
					boolean newGroup = !initial.equals(group);
					float needed = DoorList.ROW_HEIGHT + (newGroup ? DoorList.GROUP_HEIGHT : 0);
					if (this.y + needed > bottom()) {
						newPage();
						newGroup = true;
					}
					if (newGroup) {
						group(initial);
						group = initial;
					}
					row(person);
				}
			}
			finally {
				if (this.content != null) {
					this.content.close();
				}
			}
		}

		private void newPage() throws IOException {
			if (this.content != null) {
				this.content.close();
			}
			PDPage page = new PDPage(new PDRectangle(mm(DoorList.WIDTH), mm(DoorList.HEIGHT)));
			this.document.addPage(page);
			this.content = new PDPageContentStream(this.document, page);
			header();
		}

		private void header() throws IOException {
			float x = DoorList.MARGIN;
			float width = contentWidth();
			this.y = DoorList.MARGIN + 5;
			text(this.fonts.bold(), DoorList.TITLE_SIZE, PrintLayout.INK, x, this.y, width, this.texts.eventTitle());
			this.y += 5.5f;
			text(this.fonts.regular(), DoorList.HEADER_SIZE, PrintLayout.INK, x, this.y, width, this.texts.eventDate());
			this.y += 4.5f;
			text(this.fonts.bold(), DoorList.HEADER_SIZE, PrintLayout.INK, x, this.y, width, this.texts.counts());
			this.y += 4.5f;
			text(this.fonts.regular(), DoorList.PRINTED_SIZE, PrintLayout.INK_SOFT, x, this.y, width,
					this.texts.printed());
			this.y += 4.5f;
			stop(x + 1.8f, this.y - 1.1f);
			text(this.fonts.bold(), DoorList.PRINTED_SIZE, PrintLayout.INK, x + 5, this.y, width - 5,
					this.texts.legend());
			this.y += 6;
			float size = DoorList.COLUMN_HEADING_SIZE;
			text(this.fonts.bold(), size, PrintLayout.INK_SOFT, nameX(), this.y, nameWidth(), this.texts.nameHeading());
			text(this.fonts.bold(), size, PrintLayout.INK_SOFT, companyX(), this.y, DoorList.COMPANY_WIDTH,
					this.texts.companyHeading());
			text(this.fonts.bold(), size, PrintLayout.INK_SOFT, statusX(), this.y, DoorList.STATUS_WIDTH,
					this.texts.statusHeading());
			text(this.fonts.bold(), size, PrintLayout.INK_SOFT, codeX(), this.y, DoorList.CODE_WIDTH,
					this.texts.codeHeading());
			this.y += 1.5f;
			rule(PrintLayout.INK, 0.8f);
			this.y += 0.5f;
		}

		private void group(String initial) throws IOException {
			this.content.setNonStrokingColor(PrintLayout.WASH);
			this.content.addRect(mm(DoorList.MARGIN), page(this.y + DoorList.GROUP_HEIGHT - 0.8f), mm(contentWidth()),
					mm(DoorList.GROUP_HEIGHT - 1.6f));
			this.content.fill();
			text(this.fonts.bold(), DoorList.GROUP_SIZE, PrintLayout.ACCENT, DoorList.MARGIN + 1.5f,
					this.y + DoorList.GROUP_HEIGHT * 0.7f, 20, initial);
			this.y += DoorList.GROUP_HEIGHT;
		}

		private void row(Attendee person) throws IOException {
			float baseline = this.y + DoorList.ROW_HEIGHT * 0.68f;
			float box = DoorList.TICK_BOX;
			float boxTop = this.y + (DoorList.ROW_HEIGHT - box) / 2;
			if (person.seated()) {
				this.content.setStrokingColor(PrintLayout.INK);
				this.content.setLineWidth(0.7f);
				this.content.addRect(mm(DoorList.MARGIN + 1), page(boxTop + box), mm(box), mm(box));
				this.content.stroke();
			}
			else {
				stop(DoorList.MARGIN + 1 + box / 2, boxTop + box / 2);
			}
			if (person.arrived()) {
				tick(DoorList.MARGIN + 1, boxTop, box);
			}
			String status = person.arrived() ? this.texts.arrived().apply(person.checkedInAt())
					: this.texts.statuses().get(person.status());
			float size = DoorList.ROW_SIZE;
			text(this.fonts.regular(), size, PrintLayout.INK, nameX(), baseline, nameWidth() - 2,
					person.name().familyFirst());
			text(this.fonts.regular(), size - 0.5f, PrintLayout.INK_SOFT, companyX(), baseline,
					DoorList.COMPANY_WIDTH - 2, person.company());
			text(person.arrived() || !person.seated() ? this.fonts.bold() : this.fonts.regular(), size - 0.5f,
					PrintLayout.INK, statusX(), baseline, DoorList.STATUS_WIDTH - 2, status);
			text(this.fonts.mono(), size, PrintLayout.INK, codeX(), baseline, DoorList.CODE_WIDTH,
					DoorListPdf.this.passes.code(person.id()));
			this.y += DoorList.ROW_HEIGHT;
			rule(PrintLayout.LINE, 0.4f);
		}

		/**
		 * A tick drawn in the box whose top left corner is given: the arrival is marked.
		 */
		private void tick(float left, float top, float box) throws IOException {
			this.content.setStrokingColor(PrintLayout.INK);
			this.content.setLineWidth(1.1f);
			this.content.moveTo(mm(left + box * 0.15f), page(top + box * 0.5f));
			this.content.lineTo(mm(left + box * 0.4f), page(top + box * 0.8f));
			this.content.lineTo(mm(left + box * 0.9f), page(top + box * 0.1f));
			this.content.stroke();
		}

		/**
		 * The stop sign (the door phone's ⛔, which the font lacks): a dark disc with a
		 * white bar, centred on the point given; no box, so nobody ticks the row.
		 */
		private void stop(float centreX, float centreY) throws IOException {
			float r = DoorList.TICK_BOX / 2;
			float k = r * 0.5523f;
			float x = mm(centreX);
			float y = page(centreY);
			this.content.setNonStrokingColor(PrintLayout.INK);
			this.content.moveTo(x + mm(r), y);
			this.content.curveTo(x + mm(r), y + mm(k), x + mm(k), y + mm(r), x, y + mm(r));
			this.content.curveTo(x - mm(k), y + mm(r), x - mm(r), y + mm(k), x - mm(r), y);
			this.content.curveTo(x - mm(r), y - mm(k), x - mm(k), y - mm(r), x, y - mm(r));
			this.content.curveTo(x + mm(k), y - mm(r), x + mm(r), y - mm(k), x + mm(r), y);
			this.content.fill();
			this.content.setNonStrokingColor(java.awt.Color.WHITE);
			this.content.addRect(x - mm(r * 0.62f), y - mm(r * 0.18f), mm(r * 1.24f), mm(r * 0.36f));
			this.content.fill();
		}

		/** One line of text, shrunk by up to 1.5 points and then cut to {@code width}. */
		private void text(PDFont font, float size, java.awt.Color color, float x, float baseline, float width,
				String text) throws IOException {
			String printable = PdfText.printable(font, text);
			if (printable.isEmpty()) {
				return;
			}
			Fitted fitted = PdfText.fitLine(font, printable, mm(width), size, size - 1.5f);
			PdfText.lines(this.content, font, fitted, color, mm(x), page(baseline));
		}

		private void rule(java.awt.Color color, float lineWidth) throws IOException {
			this.content.setStrokingColor(color);
			this.content.setLineWidth(lineWidth);
			this.content.moveTo(mm(DoorList.MARGIN), page(this.y));
			this.content.lineTo(mm(DoorList.WIDTH - DoorList.MARGIN), page(this.y));
			this.content.stroke();
		}

		private static float page(float millimetresFromTop) {
			return mm(DoorList.HEIGHT - millimetresFromTop);
		}

		private static float bottom() {
			return DoorList.HEIGHT - DoorList.MARGIN - 4;
		}

		private static float contentWidth() {
			return DoorList.WIDTH - 2 * DoorList.MARGIN;
		}

		private static float nameX() {
			return DoorList.MARGIN + DoorList.TICK_WIDTH;
		}

		private static float nameWidth() {
			return contentWidth() - DoorList.TICK_WIDTH - DoorList.COMPANY_WIDTH - DoorList.STATUS_WIDTH
					- DoorList.CODE_WIDTH;
		}

		private static float companyX() {
			return nameX() + nameWidth();
		}

		private static float statusX() {
			return companyX() + DoorList.COMPANY_WIDTH;
		}

		private static float codeX() {
			return statusX() + DoorList.STATUS_WIDTH;
		}

	}

}
