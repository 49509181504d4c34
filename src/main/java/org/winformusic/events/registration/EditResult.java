package org.winformusic.events.registration;

/**
 * What an edit of a registration's details did.
 *
 * @param registration the registration as it is now (as it was, when nothing changed)
 * @param details what changed, in the audit trail's shape ({@link ChangeDetails}): one
 * line per field or answer; empty when the save changed nothing, and then nothing was
 * written (no new version, no audit entry)
 */
public record EditResult(RegistrationView registration, String details) {

	/** Whether the save changed anything (something stored differs now). */
	public boolean changed() {
		return !this.details.isEmpty();
	}

}
