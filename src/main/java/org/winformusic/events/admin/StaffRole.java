package org.winformusic.events.admin;

import java.util.Arrays;
import java.util.List;

/**
 * What a staff user, or an API token, may do; ordered from the most to the least
 * powerful. ADMIN: everything, including staff users and the audit log; ORGANIZER:
 * review, edit and act on registrations, check people in, resend emails, export; OPS:
 * read and export only; DOOR: the events' door pages only (search, check in, undo), for a
 * volunteer's phone at the entrance, which may be borrowed or lost: no registration list
 * or detail, no export, no API token.
 */
public enum StaffRole {

	ADMIN, ORGANIZER, OPS, DOOR;

	/** The Spring Security authority, "ROLE_ADMIN". */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * Whether someone with this role may hand {@code other} on (to an API token). Tokens
	 * open the export only, so DOOR neither hands a role on nor is handed one.
	 */
	public boolean allows(StaffRole other) {
		return this != DOOR && other != DOOR && other.ordinal() >= ordinal();
	}

	/** The roles someone with this role may hand on, highest first. */
	public List<StaffRole> grantable() {
		return Arrays.stream(values()).filter(this::allows).toList();
	}

	/**
	 * The less powerful of the two: a token whose owner is now DOOR acts as DOOR, which
	 * the export refuses.
	 */
	public static StaffRole lower(StaffRole a, StaffRole b) {
		return (a.ordinal() >= b.ordinal()) ? a : b;
	}

}
