package org.winformusic.events.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing or malformed production setting into Boot's short start-up report, not
 * a stack trace.
 */
class MissingSettingFailureAnalyzer extends AbstractFailureAnalyzer<RequiredSettingsCheck.SettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RequiredSettingsCheck.SettingException cause) {
		String verb = (cause instanceof RequiredSettingsCheck.MissingSettingException) ? "Set " : "Correct ";
		return new FailureAnalysis(cause.getMessage(), verb + cause.variable() + " (see README.md, Configuration).",
				cause);
	}

}
