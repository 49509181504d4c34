package org.winformusic.events.export;

/**
 * The files the export writes: the exact export (values as stored, for scripts and
 * imports) and the people export (labels in the reader's language, for reading), each as
 * CSV or XLSX.
 */
enum ExportFormat {

	CSV("csv", "text/csv; charset=UTF-8", "registrations", false),

	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "registrations", false),

	PEOPLE_CSV("csv", "text/csv; charset=UTF-8", "people", true),

	PEOPLE_XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "people", true);

	private final String extension;

	private final String contentType;

	private final String fileLabel;

	private final boolean people;

	ExportFormat(String extension, String contentType, String fileLabel, boolean people) {
		this.extension = extension;
		this.contentType = contentType;
		this.fileLabel = fileLabel;
		this.people = people;
	}

	String extension() {
		return this.extension;
	}

	String contentType() {
		return this.contentType;
	}

	/** The word in the file name: {@code mexico-workshop-people-2028-03-01.xlsx}. */
	String fileLabel() {
		return this.fileLabel;
	}

	boolean csv() {
		return this.extension.equals("csv");
	}

	/**
	 * Whether values are put into words ({@link PeopleLabels}) rather than written as
	 * stored.
	 */
	boolean people() {
		return this.people;
	}

}
