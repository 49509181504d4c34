package org.winformusic.events.registration;

import java.util.List;

/**
 * One page of the registrations list, as the page shows it.
 *
 * @param content the rows of this page
 * @param totalElements how many registrations match: exact when {@code totalExact}, else
 * an estimate ("about 12 000")
 * @param firstRow 0-based position of the first row in the whole list
 * @param previousCursor the {@code cursor} parameter of the previous page, null on the
 * first
 * @param nextCursor the {@code cursor} parameter of the next page, null on the last
 */
public record RegistrationList(List<RegistrationRow> content, long totalElements, boolean totalExact, long firstRow,
		int size, String previousCursor, String nextCursor) {

	/** 1-based number of the first row shown (0 when the page is empty). */
	public long from() {
		return this.content.isEmpty() ? 0 : this.firstRow + 1;
	}

	/** 1-based number of the last row shown. */
	public long to() {
		return this.firstRow + this.content.size();
	}

	public boolean hasPrevious() {
		return this.previousCursor != null;
	}

	public boolean hasNext() {
		return this.nextCursor != null;
	}

	/**
	 * The estimate rounded to two significant digits (12 345 reads "about 12 000"): more
	 * digits would claim a precision it does not have.
	 */
	public long roundedTotal() {
		if (this.totalExact || this.totalElements < 100) {
			return this.totalElements;
		}
		long unit = (long) Math.pow(10, (long) Math.floor(Math.log10(this.totalElements)) - 1);
		return Math.round((double) this.totalElements / unit) * unit;
	}

}
