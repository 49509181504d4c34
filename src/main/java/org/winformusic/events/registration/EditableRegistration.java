package org.winformusic.events.registration;

/**
 * A registration as an edit form shows it, with the version it was read at: the form
 * sends the version back, and a save over a newer one is refused
 * ({@link EditConflictException}) instead of overwriting someone else's change unseen.
 */
public record EditableRegistration(RegistrationView registration, int version) {

	/**
	 * The version a form posted: null when it sent none (no check), and a version no row
	 * has when it sent something else (the save is refused as stale, not with an error
	 * page).
	 */
	public static Integer postedVersion(String posted) {
		if (posted == null || posted.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(posted.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
