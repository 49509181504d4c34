package org.winformusic.events.registration;

/**
 * What an edit of a registration's details did.
 *
 * @param registration the registration as it is now (as it was, when nothing changed)
 * @param details what changed, in the audit trail's shape ({@link ChangeDetails}): one
 * line per field or answer; empty when the save changed nothing, and then nothing was
 * written (no new version, no audit entry)
 * @param previousEmail the address the registration had before, when this save changed it
 * (the new one was then sent the personal link, the old one a notice); else null
 */
public record EditResult(RegistrationView registration, String details, String previousEmail) {

	/** Whether the save changed anything (something stored differs now). */
	public boolean changed() {
		return !this.details.isEmpty();
	}

	/**
	 * Whether the save changed the email address (and the emails about it were queued).
	 */
	public boolean emailChanged() {
		return this.previousEmail != null;
	}

}
