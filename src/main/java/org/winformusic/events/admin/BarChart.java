package org.winformusic.events.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn as inline SVG by the template: bars are rectangles with presentation
 * attributes only (no script, no style attribute), which the content security policy
 * allows.
 */
record BarChart(int width, int height, List<Bar> bars, long max) {

	static final int HEIGHT = 160;

	private static final int BAR = 12;

	private static final int GAP = 3;

	/**
	 * The chart is at least this many days wide, so one or two days of data are narrow
	 * bars on a scale, not one block across the page; 60 days still fit a laptop.
	 */
	static final int MIN_SLOTS = 14;

	static BarChart of(List<AdminQueries.DayCount> days,
			java.util.function.Function<java.time.LocalDate, String> label) {
		long max = days.stream().mapToLong(AdminQueries.DayCount::count).max().orElse(0);
		List<Bar> bars = new ArrayList<>();
		int x = 0;
		for (AdminQueries.DayCount day : days) {
			int height = (max == 0) ? 0 : (int) Math.max((day.count() > 0) ? 2 : 0, day.count() * HEIGHT / max);
			bars.add(new Bar(x, HEIGHT - height, BAR, height, label.apply(day.day()), day.count()));
			x += BAR + GAP;
		}
		int width = Math.max(days.size(), MIN_SLOTS) * (BAR + GAP) - GAP;
		return new BarChart(width, HEIGHT, bars, max);
	}

	public String viewBox() {
		return "0 0 " + this.width + " " + this.height;
	}

	public boolean empty() {
		return this.bars.isEmpty();
	}

	public String firstLabel() {
		return this.bars.isEmpty() ? "" : this.bars.get(0).label();
	}

	public String lastLabel() {
		return this.bars.isEmpty() ? "" : this.bars.get(this.bars.size() - 1).label();
	}

	/** Public, so that the template's expressions over it compile. */
	public record Bar(int x, int y, int width, int height, String label, long count) {

	}

}
