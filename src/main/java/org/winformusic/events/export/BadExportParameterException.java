package org.winformusic.events.export;

import java.util.List;

/** An export link with a filter or option value the export does not know: a 400. */
class BadExportParameterException extends RuntimeException {

	private final String parameter;

	private final String value;

	private final List<String> allowed;

	BadExportParameterException(String parameter, String value, List<String> allowed) {
		super(null, null, false, false);
		this.parameter = parameter;
		this.value = value;
		this.allowed = allowed;
	}

	String parameter() {
		return this.parameter;
	}

	String value() {
		return this.value;
	}

	List<String> allowed() {
		return this.allowed;
	}

}
