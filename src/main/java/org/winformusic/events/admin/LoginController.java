package org.winformusic.events.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page (Spring Security handles its POST), and a harmless answer to
 * {@code GET /admin/logout}: a page with the logout button, since logging out is a POST.
 */
@Controller
class LoginController {

	private static final String LOGIN_VIEW = "admin/login";

	private static final String LOGOUT_VIEW = "admin/logout";

	/** After a failed attempt the email typed is shown again (see KeepEmailOnFailure). */
	@GetMapping("/admin/login")
	String login(@CookieValue(name = WebSecurityConfiguration.KeepEmailOnFailure.COOKIE, required = false) String email,
			HttpServletResponse response, Model model) {
		if (email != null) {
			model.addAttribute("username", URLDecoder.decode(email, StandardCharsets.UTF_8));
			Cookie expired = new Cookie(WebSecurityConfiguration.KeepEmailOnFailure.COOKIE, "");
			expired.setPath("/admin/login");
			expired.setMaxAge(0);
			response.addCookie(expired);
		}
		return LOGIN_VIEW;
	}

	@GetMapping("/admin/logout")
	String logout() {
		return LOGOUT_VIEW;
	}

}
