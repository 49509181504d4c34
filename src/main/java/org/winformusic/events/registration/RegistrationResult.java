package org.winformusic.events.registration;

/**
 * What became of a registration attempt.
 *
 * @param registrationId the new registration (CREATED) or the existing one (DUPLICATE),
 * else null
 * @param manageToken the raw manage token of a CREATED registration, for the redirect to
 * its manage page; null otherwise (a duplicate's link goes by email only)
 * @param status the new registration's status when CREATED
 */
public record RegistrationResult(Outcome outcome, Long registrationId, String manageToken, RegistrationStatus status) {

	@Override
	public String toString() {
		// Never print the token or the submitted values.
		return "RegistrationResult[outcome=" + this.outcome + ", registrationId=" + this.registrationId + ", status="
				+ this.status + "]";
	}

	static RegistrationResult created(long id, String token, RegistrationStatus status) {
		return new RegistrationResult(Outcome.CREATED, id, token, status);
	}

	static RegistrationResult duplicate(Long id) {
		return new RegistrationResult(Outcome.DUPLICATE, id, null, null);
	}

	static RegistrationResult windowClosed() {
		return new RegistrationResult(Outcome.WINDOW_CLOSED, null, null, null);
	}

	/** The kinds of outcome. */
	public enum Outcome {

		/** Registered: see {@link #status()}. */
		CREATED,
		/**
		 * The address already holds an active registration; its link was emailed again.
		 */
		DUPLICATE,
		/** The event is unpublished, or its registration window is not open. */
		WINDOW_CLOSED

	}

}
