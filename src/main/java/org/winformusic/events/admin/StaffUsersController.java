package org.winformusic.events.admin;

import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff users (ADMIN only): list, create with a one-time password shown once, change
 * role, disable; and every user's own profile, where they change their password.
 */
@Controller
class StaffUsersController {

	private static final String USERS_VIEW = "admin/users";

	private static final String PROFILE_VIEW = "admin/profile";

	private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	private final StaffUsers users;

	StaffUsersController(StaffUsers users) {
		this.users = users;
	}

	@GetMapping("/admin/users")
	String list(Model model) {
		model.addAttribute("users", this.users.list());
		model.addAttribute("roles", StaffRole.values());
		return USERS_VIEW;
	}

	@PostMapping("/admin/users")
	String create(@RequestParam(required = false) String email, @RequestParam(required = false) String displayName,
			@RequestParam(required = false) String role, RedirectAttributes redirect) {
		StaffRole chosen = role(role);
		if (email == null || email.length() > 254 || !email.strip().matches(EMAIL) || displayName == null
				|| displayName.isBlank() || displayName.length() > 120 || chosen == null) {
			redirect.addFlashAttribute("notice", Notice.bad("admin.users.invalid"));
			return "redirect:/admin/users";
		}
		try {
			String password = this.users.create(email, displayName, chosen);
			// Shown once on the next page, then gone: it is never stored in clear.
			redirect.addFlashAttribute("oneTimePassword", password);
			redirect.addFlashAttribute("createdEmail", email.strip());
		}
		catch (StaffUsers.DuplicateStaffUserException ex) {
			redirect.addFlashAttribute("notice", Notice.bad("admin.users.duplicate"));
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{id}/role")
	String changeRole(@PathVariable long id, @RequestParam(required = false) String role, RedirectAttributes redirect) {
		StaffRole chosen = role(role);
		if (chosen == null) {
			redirect.addFlashAttribute("notice", Notice.bad("admin.users.invalid"));
		}
		else {
			this.users.changeRole(id, chosen);
			redirect.addFlashAttribute("notice", Notice.ok("admin.users.roleChanged"));
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam(defaultValue = "false") boolean enabled,
			Authentication authentication, RedirectAttributes redirect) {
		try {
			this.users.setEnabled(id, enabled, authentication.getName());
			redirect.addFlashAttribute("notice",
					Notice.ok(enabled ? "admin.users.enabledDone" : "admin.users.disabledDone"));
		}
		catch (StaffUsers.CannotDisableYourselfException ex) {
			redirect.addFlashAttribute("notice", Notice.bad("admin.users.notYourself"));
		}
		return "redirect:/admin/users";
	}

	@GetMapping("/admin/profile")
	String profile(Authentication authentication, Model model) {
		model.addAttribute("me", this.users.findByEmail(authentication.getName()).orElseThrow());
		return PROFILE_VIEW;
	}

	@PostMapping("/admin/profile")
	String changePassword(@RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
			Authentication authentication, RedirectAttributes redirect) {
		if (newPassword == null || newPassword.length() < StaffUsers.MIN_PASSWORD_LENGTH
				|| newPassword.length() > 200) {
			redirect.addFlashAttribute("notice", Notice.bad("admin.profile.tooShort"));
		}
		else if (!newPassword.equals(confirmPassword)) {
			redirect.addFlashAttribute("notice", Notice.bad("admin.profile.mismatch"));
		}
		else if (!this.users.changeOwnPassword(authentication.getName(), String.valueOf(currentPassword),
				newPassword)) {
			redirect.addFlashAttribute("notice", Notice.bad("admin.profile.wrongCurrent"));
		}
		else {
			redirect.addFlashAttribute("notice", Notice.ok("admin.profile.changed"));
		}
		return "redirect:/admin/profile";
	}

	private static StaffRole role(String role) {
		if (role == null) {
			return null;
		}
		for (StaffRole candidate : StaffRole.values()) {
			if (candidate.name().equalsIgnoreCase(role.strip())) {
				return candidate;
			}
		}
		return null;
	}

}
