package org.winformusic.events.print;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a printout back as a reader would: its pages and its text (QR codes: QrCodes).
 */
public final class PdfPages {

	private PdfPages() {
	}

	static int count(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
	}

	/** The text in drawing order, runs of white space as one space. */
	public static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	/** The text of one page (0-based), lines kept. */
	static String pageText(byte[] pdf, int page) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(page + 1);
			stripper.setEndPage(page + 1);
			return stripper.getText(document);
		}
	}

	/** Every drawn character with its position, page 1. */
	static List<TextPosition> characters(byte[] pdf) throws IOException {
		List<TextPosition> characters = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper() {
				@Override
				protected void processTextPosition(TextPosition text) {
					characters.add(text);
				}
			};
			stripper.setEndPage(1);
			stripper.getText(document);
		}
		return characters;
	}

	static BufferedImage render(byte[] pdf, int page, float dpi) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFRenderer(document).renderImageWithDPI(page, dpi);
		}
	}

}
