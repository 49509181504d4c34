package org.winformusic.events.print;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The badge settings ops may change without a designer.
 *
 * @param singleSize the page of the one-badge-per-page layout, for badge printers: width
 * x height in millimetres, {@code 90x54} by default (environment
 * {@code APP_BADGES_SINGLE_SIZE})
 */
@ConfigurationProperties("app.badges")
record BadgeSettings(@DefaultValue("90x54") String singleSize) {

	BadgeSettings {
		size(singleSize);
	}

	/** Width and height of the single-badge page, in millimetres. */
	float[] singleSizeMillimetres() {
		return size(this.singleSize);
	}

	private static float[] size(String text) {
		String[] parts = text.strip().toLowerCase(java.util.Locale.ROOT).split("\\s*[x×]\\s*");
		try {
			float width = Float.parseFloat(parts[0]);
			float height = Float.parseFloat(parts[1]);
			if (parts.length == 2 && width >= 20 && height >= 20 && width <= 500 && height <= 500) {
				return new float[] { width, height };
			}
		}
		catch (NumberFormatException | ArrayIndexOutOfBoundsException ex) {
			// reported below
		}
		throw new IllegalArgumentException(
				"app.badges.single-size must be WIDTHxHEIGHT in millimetres between 20 and 500, such as 90x54, not '"
						+ text + "'");
	}

}
