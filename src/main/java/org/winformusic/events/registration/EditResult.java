package org.winformusic.events.registration;

/**
 * What an edit of a registration's details did.
 *
 * @param registration the registration as it is now (as it was, when nothing changed)
 * @param details what changed, in the audit trail's shape ({@link ChangeDetails}): one
 * line per field or answer; empty when the save changed nothing, and then nothing was
 * written (no new version, no audit entry)
 * @param previousEmail the address the registration had before, when this save (staff's)
 * changed it (the new one was then sent the personal link, the old one a notice); else
 * null
 * @param requestedEmail the address a registrant's save asked to change to, when it did:
 * the registration keeps its address until the link sent there confirms it; else null
 * @param emailChangeCancelled whether the registrant's save typed the registration's
 * address back over a change waiting for confirmation, which it cancelled
 */
public record EditResult(RegistrationView registration, String details, String previousEmail, String requestedEmail,
		boolean emailChangeCancelled) {

	public EditResult(RegistrationView registration, String details, String previousEmail) {
		this(registration, details, previousEmail, null, false);
	}

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

	/** Whether the save asked for a change of address (its confirmation was queued). */
	public boolean emailChangeRequested() {
		return this.requestedEmail != null;
	}

	EditResult withEmailChange(String requested, boolean cancelled) {
		return new EditResult(this.registration, this.details, this.previousEmail, requested, cancelled);
	}

}
