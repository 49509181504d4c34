package org.winformusic.events.admin;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the admin pages need to know about the viewer, to hide the buttons they cannot use
 * (the server refuses those actions anyway).
 */
@ControllerAdvice(basePackageClasses = AdminModel.class)
class AdminModel {

	@ModelAttribute("canAct")
	boolean canAct(Authentication authentication) {
		return has(authentication, StaffRole.ADMIN) || has(authentication, StaffRole.ORGANIZER);
	}

	/** Checks people in at the door: the actors, and DOOR. */
	@ModelAttribute("canCheckIn")
	boolean canCheckIn(Authentication authentication) {
		return canAct(authentication) || has(authentication, StaffRole.DOOR);
	}

	/**
	 * Reads the admin pages beyond the door's (registrations, outbox, dashboards): every
	 * role but DOOR.
	 */
	@ModelAttribute("canRead")
	boolean canRead(Authentication authentication) {
		return canAct(authentication) || has(authentication, StaffRole.OPS);
	}

	@ModelAttribute("isAdmin")
	boolean isAdmin(Authentication authentication) {
		return has(authentication, StaffRole.ADMIN);
	}

	static boolean has(Authentication authentication, StaffRole role) {
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch((a) -> role.authority().equals(a.getAuthority()));
	}

}
