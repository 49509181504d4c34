package org.winformusic.events.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page (Spring Security handles its POST), and a harmless answer to
 * {@code GET /admin/logout}: a page with the logout button, since logging out is a POST.
 */
@Controller
class LoginController {

	private static final String LOGIN_VIEW = "admin/login";

	private static final String LOGOUT_VIEW = "admin/logout";

	@GetMapping("/admin/login")
	String login() {
		return LOGIN_VIEW;
	}

	@GetMapping("/admin/logout")
	String logout() {
		return LOGOUT_VIEW;
	}

}
