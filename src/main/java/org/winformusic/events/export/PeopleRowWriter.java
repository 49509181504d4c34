package org.winformusic.events.export;

import java.io.IOException;
import java.util.List;

/**
 * Writes the people export: each row of the exact export put into words by
 * {@link PeopleLabels}, then written by the exact export's CSV or XLSX writer (the CSV
 * keeps its formula guard; XLSX text cells need none).
 */
class PeopleRowWriter implements RowWriter {

	private final PeopleLabels.Labeller labels;

	private final RowWriter out;

	PeopleRowWriter(PeopleLabels.Labeller labels, RowWriter out) {
		this.labels = labels;
		this.out = out;
	}

	@Override
	public void header(List<String> names) throws IOException {
		this.out.header(this.labels.headers(names));
	}

	@Override
	public void row(String[] values) throws IOException {
		this.out.row(this.labels.row(values));
	}

	@Override
	public void finish() throws IOException {
		this.out.finish();
	}

	@Override
	public void abort() {
		this.out.abort();
	}

}
