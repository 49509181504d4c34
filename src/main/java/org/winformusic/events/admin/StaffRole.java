package org.winformusic.events.admin;

import java.util.Arrays;
import java.util.List;

/**
 * What a staff user, or an API token, may do; ordered from the most to the least
 * powerful. ADMIN: everything, including staff users and the audit log; ORGANIZER:
 * review, edit and act on registrations, check people in, resend emails, export; OPS:
 * read and export only.
 */
public enum StaffRole {

	ADMIN, ORGANIZER, OPS;

	/** The Spring Security authority, "ROLE_ADMIN". */
	public String authority() {
		return "ROLE_" + name();
	}

	/** Whether someone with this role may hand {@code other} on (to an API token). */
	public boolean allows(StaffRole other) {
		return other.ordinal() >= ordinal();
	}

	/** The roles someone with this role may hand on, highest first. */
	public List<StaffRole> grantable() {
		return Arrays.stream(values()).filter(this::allows).toList();
	}

	/** The less powerful of the two. */
	public static StaffRole lower(StaffRole a, StaffRole b) {
		return (a.ordinal() >= b.ordinal()) ? a : b;
	}

}
