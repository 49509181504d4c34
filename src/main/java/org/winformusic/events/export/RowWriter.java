package org.winformusic.events.export;

import java.io.IOException;
import java.util.List;

/**
 * Writes the export one row at a time to the response, so no file is ever held in memory.
 */
interface RowWriter {

	void header(List<String> names) throws IOException;

	/** One registration; a null value is an empty cell. */
	void row(String[] values) throws IOException;

	/** Writes what is buffered and releases resources; the response stays open. */
	void finish() throws IOException;

	/** Releases resources after a failure; what was written is incomplete anyway. */
	default void abort() {
	}

}
