package org.winformusic.events.admin;

/**
 * What a staff user may do. ADMIN: everything, including staff users and the audit log;
 * ORGANIZER: review, edit and act on registrations, check people in, resend emails,
 * export; OPS: read and export only.
 */
public enum StaffRole {

	ADMIN, ORGANIZER, OPS;

	/** The Spring Security authority, "ROLE_ADMIN". */
	public String authority() {
		return "ROLE_" + name();
	}

}
