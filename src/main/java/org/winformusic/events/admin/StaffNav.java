package org.winformusic.events.admin;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Which links the admin layout's navigation shows the signed-in staff member, read once
 * per page from their role ({@code ${@staffNav.of(#authentication)}}). Each link used to
 * ask Spring Security with an access expression of its own ({@code sec:authorize}), which
 * builds an evaluation context and evaluates SpEL every time: six of them were an eighth
 * of the CPU of rendering {@code /admin}. A staff member has one role, and there is no
 * role hierarchy, so the role alone decides.
 */
@Component("staffNav")
class StaffNav {

	/** The links for {@code authentication} (none but the dashboard when signed out). */
	public Links of(Authentication authentication) {
		StaffRole role = null;
		if (authentication != null && authentication.isAuthenticated()) {
			for (GrantedAuthority granted : authentication.getAuthorities()) {
				for (StaffRole each : StaffRole.values()) {
					if (each.authority().equals(granted.getAuthority())) {
						role = each;
					}
				}
			}
		}
		return new Links(role == StaffRole.DOOR, role != null && role != StaffRole.DOOR, role == StaffRole.ADMIN);
	}

	/**
	 * @param door the door pages only: its landing is the door's list of events
	 * @param outbox the outbox (ADMIN, ORGANIZER and OPS)
	 * @param admin the staff users, the audit log and the data requests
	 */
	record Links(boolean door, boolean outbox, boolean admin) {
	}

}
