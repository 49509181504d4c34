package org.winformusic.events.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing production setting into Boot's short start-up report, not a stack
 * trace.
 */
class MissingSettingFailureAnalyzer extends AbstractFailureAnalyzer<RequiredSettingsCheck.MissingSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RequiredSettingsCheck.MissingSettingException cause) {
		return new FailureAnalysis(cause.getMessage(), "Set " + cause.variable() + " (see README.md, Configuration).",
				cause);
	}

}
