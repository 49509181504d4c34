package org.winformusic.events.print;

import java.awt.Color;

/**
 * Every measure, font and colour of the badges and the door list, in one place for a
 * designer. Lengths are millimetres, font sizes points; a badge is drawn at
 * {@link Badge#WIDTH} x {@link Badge#HEIGHT} and scaled to other badge sizes. Positions
 * are measured from the top-left corner, as a designer's ruler reads them.
 */
final class PrintLayout {

	/** Liberation Sans (SIL Open Font License 1.1): every Latin letter, accents, ñ, ü. */
	static final String REGULAR_FONT = "liberation/LiberationSans-Regular.ttf";

	static final String BOLD_FONT = "liberation/LiberationSans-Bold.ttf";

	/** For the door codes: a typed O and 0 must not be confused. */
	static final String MONO_FONT = "liberation/LiberationMono-Bold.ttf";

	static final Color INK = new Color(0x11, 0x18, 0x27);

	static final Color INK_SOFT = new Color(0x4b, 0x55, 0x63);

	static final Color ACCENT = new Color(0xb4, 0x23, 0x2a);

	static final Color LINE = new Color(0xd9, 0xd6, 0xcf);

	static final Color WASH = new Color(0xf6, 0xf5, 0xf2);

	/** Line height as a multiple of the font size. */
	static final float LEADING = 1.15f;

	private PrintLayout() {
	}

	/** One badge (the 8-up sheet's cell; the single layout scales it to its page). */
	static final class Badge {

		static final float WIDTH = 90;

		static final float HEIGHT = 54;

		static final float PADDING = 5;

		static final float STRIPE_HEIGHT = 2.5f;

		static final float EVENT_TITLE_BASELINE = 7.5f;

		static final float EVENT_TITLE_SIZE = 7;

		static final float EVENT_DATE_BASELINE = 10.5f;

		static final float EVENT_DATE_SIZE = 6.5f;

		static final float NAME_TOP = 13;

		static final float NAME_BOTTOM = 29;

		static final float NAME_MAX_SIZE = 22;

		/** Small enough that the longest name the form takes (120 letters) fits. */
		static final float NAME_MIN_SIZE = 9;

		static final int NAME_MAX_LINES = 4;

		/** Small enough that the door code fits under it, inside the padding. */
		static final float QR_SIZE = 18;

		static final float QR_TOP = 30;

		/**
		 * White modules around the code, inside {@link #QR_SIZE}: with the gaps to the
		 * name above and the door code below, the 4 modules of light margin the QR
		 * standard asks for (with 1, a camera's detector missed about one random pass
		 * link in 600).
		 */
		static final int QR_QUIET_MODULES = 2;

		static final float QR_GAP = 3;

		/**
		 * The door code under the QR code, centred on it, in the mono font: what a
		 * volunteer types when the camera cannot scan.
		 */
		static final float CODE_BASELINE = 51.5f;

		static final float CODE_SIZE = 9;

		static final float COMPANY_TOP = 32;

		static final float COMPANY_MAX_SIZE = 10.5f;

		static final float COMPANY_MIN_SIZE = 7;

		static final int COMPANY_MAX_LINES = 4;

		/** The company ends here; the role goes below it. */
		static final float COMPANY_BOTTOM = 45;

		static final float ROLE_MAX_SIZE = 8.5f;

		static final float ROLE_MIN_SIZE = 6.5f;

		static final float ROLE_GAP = 1;

		private Badge() {
		}

	}

	/** The A4 sheet of 8 badges, 2 across and 4 down, with cutting marks. */
	static final class Sheet {

		static final float WIDTH = 210;

		static final float HEIGHT = 297;

		static final int COLUMNS = 2;

		static final int ROWS = 4;

		static final float CUT_MARK_LENGTH = 6;

		/** Space between the badges' edge and the start of a cutting mark. */
		static final float CUT_MARK_OFFSET = 2;

		static final float CUT_MARK_WIDTH_POINTS = 0.4f;

		private Sheet() {
		}

	}

	/** The door list: A4 portrait. */
	static final class DoorList {

		static final float WIDTH = 210;

		static final float HEIGHT = 297;

		static final float MARGIN = 15;

		static final float TITLE_SIZE = 15;

		static final float HEADER_SIZE = 9;

		static final float PRINTED_SIZE = 8;

		static final float COLUMN_HEADING_SIZE = 7.5f;

		static final float ROW_HEIGHT = 6.6f;

		static final float ROW_SIZE = 9;

		static final float GROUP_HEIGHT = 7.5f;

		static final float GROUP_SIZE = 11;

		static final float TICK_BOX = 3.6f;

		/** Column widths, left to right after the tick box; the name takes the rest. */
		static final float COMPANY_WIDTH = 55;

		static final float STATUS_WIDTH = 28;

		static final float CODE_WIDTH = 20;

		static final float TICK_WIDTH = 8;

		static final float FOOTER_BASELINE = 8;

		static final float FOOTER_SIZE = 8;

		private DoorList() {
		}

	}

}
