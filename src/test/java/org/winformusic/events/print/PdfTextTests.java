package org.winformusic.events.print;

import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.winformusic.events.print.PdfText.Fitted;
import org.winformusic.events.print.PdfText.Fonts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PdfTextTests {

	@Test
	void whatTheEmbeddedFontCannotDrawIsLeftOutOrBecomesAQuestionMarkInsteadOfAnError() throws Exception {
		try (PDDocument document = new PDDocument()) {
			Fonts fonts = Fonts.embed(document);
			// Emoji (with skin tones, joiners, flags, variation selectors) are
			// decoration:
			// left out, so the name reads as a name.
			assertThat(PdfText.printable(fonts.bold(), "Ana 🎵 Pérez\tMüller Ñandú\u200d"))
				.isEqualTo("Ana Pérez Müller Ñandú");
			assertThat(PdfText.printable(fonts.bold(), "Lupita 🎸🇲🇽 Pérez 👩🏽‍🎤")).isEqualTo("Lupita Pérez");
			assertThat(PdfText.printable(fonts.regular(), "Sello 💿 ❤️ Tlacuache")).isEqualTo("Sello Tlacuache");
			// A letter of a script the font lacks is a placeholder: something is missing.
			assertThat(PdfText.printable(fonts.regular(), "李 Wei")).isEqualTo("? Wei");
			// Decomposed accents (as some phones send them) are composed before drawing.
			assertThat(PdfText.printable(fonts.regular(), "Nu\u0301n\u0303ez")).isEqualTo("Núñez");
		}
	}

	@Test
	void fittedTextNeverRunsOverItsBox() throws Exception {
		try (PDDocument document = new PDDocument()) {
			Fonts fonts = Fonts.embed(document);
			String text = "Asociación Mexicana de Productores Independientes de Música y Distribuidoras Digitales "
					+ "Supercalifragilisticoespialidoso";
			Fitted fitted = PdfText.fit(fonts.bold(), text, 150, 40, 20, 8, 3, List.of());
			assertThat(fitted.lines()).hasSizeLessThanOrEqualTo(3);
			assertThat(fitted.height()).isLessThanOrEqualTo(40);
			for (String line : fitted.lines()) {
				assertThat(PdfText.width(fonts.bold(), fitted.size(), line)).as(line).isLessThanOrEqualTo(150);
			}
		}
	}

	@Test
	void theSingleBadgeSizeIsWidthByHeightInMillimetres() {
		assertThat(new BadgeSettings("100 x 70").singleSizeMillimetres()).containsExactly(100f, 70f);
		assertThat(new BadgeSettings("90x54").singleSizeMillimetres()).containsExactly(90f, 54f);
		assertThatIllegalArgumentException().isThrownBy(() -> new BadgeSettings("big"))
			.withMessageContaining("app.badges.single-size");
		assertThatIllegalArgumentException().isThrownBy(() -> new BadgeSettings("5x5"));
	}

}
