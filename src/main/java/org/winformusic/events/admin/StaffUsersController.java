package org.winformusic.events.admin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.winformusic.events.shared.BoundForms;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff users (ADMIN only): list, create with a one-time password shown once, change
 * role, disable, set a new one-time password for someone who lost theirs, revoke
 * someone's API tokens; and every user's own profile, where they change their password.
 * The create and password forms are records bound and validated like the event editor: a
 * problem is shown next to its field, the other typed values kept (never a password).
 */
@Controller
class StaffUsersController {

	private static final String USERS_VIEW = "admin/users";

	private static final String PROFILE_VIEW = "admin/profile";

	private static final String PASSWORD_RESET_VIEW = "admin/users-password";

	private static final String TOKENS_VIEW = "admin/users-tokens";

	private final StaffUsers users;

	private final StaffPasswords passwords;

	private final MessageSource messages;

	private final OwnPasswordFirst ownPasswordFirst;

	private final Validator validator;

	StaffUsersController(StaffUsers users, StaffPasswords passwords, MessageSource messages,
			OwnPasswordFirst ownPasswordFirst, Validator validator) {
		this.validator = validator;
		this.users = users;
		this.passwords = passwords;
		this.messages = messages;
		this.ownPasswordFirst = ownPasswordFirst;
	}

	@GetMapping("/admin/users")
	String list(Locale locale, Model model) {
		model.addAttribute("form", StaffUserForm.blank());
		return usersPage(locale, model);
	}

	@PostMapping("/admin/users")
	String create(@Valid @ModelAttribute("form") StaffUserForm form, BindingResult binding, Locale locale,
			Model model) {
		BindingResult result = BoundForms.keep(model, "form", form, binding, this.validator);
		StaffRole role = role(form.role());
		if (role == null && !result.hasFieldErrors("role")) {
			result.rejectValue("role", "staffforms.users.role");
		}
		if (result.hasErrors()) {
			return usersPage(locale, model);
		}
		try {
			String password = this.users.create(form.email(), form.displayName(), role);
			model.addAttribute("createdEmail", form.email().strip());
			// A new form object drops the binding result: the page shows an empty form.
			model.addAttribute("form", StaffUserForm.blank());
			return oneTimePasswordPage(password, locale, model);
		}
		catch (StaffUsers.RefusedChange ex) {
			result.rejectValue("email", ex.messageKey());
			return usersPage(locale, model);
		}
	}

	@PostMapping("/admin/users/{id}/role")
	String changeRole(@PathVariable long id, @RequestParam(required = false) String role, Authentication authentication,
			RedirectAttributes redirect) {
		StaffRole chosen = role(role);
		if (chosen == null) {
			redirect.addFlashAttribute("notice", Notice.bad("admin.users.invalid"));
			return "redirect:/admin/users";
		}
		try {
			this.users.changeRole(id, chosen, authentication.getName());
			redirect.addFlashAttribute("notice", Notice.ok("admin.users.roleChanged"));
		}
		catch (StaffUsers.RefusedChange ex) {
			redirect.addFlashAttribute("notice", Notice.bad(ex.messageKey()));
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
		catch (StaffUsers.RefusedChange ex) {
			redirect.addFlashAttribute("notice", Notice.bad(ex.messageKey()));
		}
		return "redirect:/admin/users";
	}

	/**
	 * "Revoke their API tokens?", naming them: a script of theirs that uses one stops
	 * working too.
	 */
	@GetMapping("/admin/users/{id}/tokens")
	String confirmTokenRevocation(@PathVariable long id, Model model) {
		model.addAttribute("userId", id);
		model.addAttribute("email", this.passwords.emailOf(id));
		model.addAttribute("tokenNames", this.users.activeTokenNames(id));
		return TOKENS_VIEW;
	}

	/** Revokes a member's API tokens (one may have leaked); they can make new ones. */
	@PostMapping("/admin/users/{id}/tokens")
	String revokeTokens(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		int revoked = this.users.revokeTokens(id);
		// Resolved here, with the number, so the plural fits it.
		redirect.addFlashAttribute("notice", Notice.ok("ux.notice.text",
				this.messages.getMessage("admin.users.tokensRevoked", new Object[] { revoked }, locale)));
		return "redirect:/admin/users";
	}

	/**
	 * "Set a new one-time password?" for someone who lost theirs: their current password
	 * stops working and they are signed out. Not for one's own account (the profile
	 * page).
	 */
	@GetMapping("/admin/users/{id}/password")
	String confirmPasswordReset(@PathVariable long id, Authentication authentication, Model model,
			RedirectAttributes redirect) {
		String email = this.passwords.emailOf(id);
		if (email.equalsIgnoreCase(authentication.getName())) {
			redirect.addFlashAttribute("notice", Notice.bad("admin.users.notYourOwnPassword"));
			return "redirect:/admin/users";
		}
		model.addAttribute("userId", id);
		model.addAttribute("email", email);
		return PASSWORD_RESET_VIEW;
	}

	@PostMapping("/admin/users/{id}/password")
	String resetPassword(@PathVariable long id, Authentication authentication, Locale locale, Model model,
			RedirectAttributes redirect) {
		StaffPasswords.OneTimePassword reset;
		try {
			reset = this.passwords.reset(id, authentication.getName());
		}
		catch (StaffUsers.RefusedChange ex) {
			redirect.addFlashAttribute("notice", Notice.bad(ex.messageKey()));
			return "redirect:/admin/users";
		}
		// Shown exactly like a new account's.
		model.addAttribute("resetEmail", reset.email());
		model.addAttribute("revokedTokens", reset.revokedTokens());
		model.addAttribute("form", StaffUserForm.blank());
		return oneTimePasswordPage(reset.password(), locale, model);
	}

	/**
	 * The users page with a one-time password, shown once: on the page that answers the
	 * POST, never kept for a next page. A flash attribute would be: the session holding
	 * it lives in PostgreSQL (Spring Session JDBC), where the password would sit in clear
	 * until the next page read it, or the session ended. The security headers keep
	 * browsers and proxies from storing the page ({@code Cache-Control: no-store}).
	 */
	private String oneTimePasswordPage(String password, Locale locale, Model model) {
		model.addAttribute("oneTimePassword", password);
		return usersPage(locale, model);
	}

	@GetMapping("/admin/profile")
	String profile(Authentication authentication, Model model) {
		model.addAttribute("form", PasswordForm.blank());
		return profilePage(authentication, model);
	}

	@PostMapping("/admin/profile")
	String changePassword(@Valid @ModelAttribute("form") PasswordForm form, BindingResult binding,
			Authentication authentication, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		BindingResult result = BoundForms.keep(model, "form", form, binding, this.validator);
		if (!result.hasFieldErrors("newPassword") && !result.hasFieldErrors("confirmPassword")
				&& !form.newPassword().equals(form.confirmPassword())) {
			result.rejectValue("confirmPassword", "admin.profile.mismatch");
		}
		// Keeping the current password would keep a one-time password an admin has seen.
		if (!result.hasFieldErrors("newPassword") && form.newPassword().equals(form.currentPassword())) {
			result.rejectValue("newPassword", "admin.profile.sameAsCurrent");
		}
		HttpSession session = request.getSession(false);
		if (!result.hasErrors()
				&& !this.passwords.changeOwn(authentication.getName(), String.valueOf(form.currentPassword()),
						form.newPassword(), (session != null) ? session.getId() : null)) {
			result.rejectValue("currentPassword", "admin.profile.wrongCurrent");
		}
		if (result.hasErrors()) {
			return profilePage(authentication, model);
		}
		// A password of their own now: the session gets its role (the flag is gone).
		this.ownPasswordFirst.release(request, response, authentication);
		redirect.addFlashAttribute("notice", Notice.ok("admin.profile.changed"));
		return "redirect:/admin/profile";
	}

	private String usersPage(Locale locale, Model model) {
		model.addAttribute("users", this.users.list());
		model.addAttribute("activeTokens", this.users.activeTokens());
		model.addAttribute("roles", StaffRole.values());
		Map<String, String> roleOptions = new LinkedHashMap<>();
		for (StaffRole role : StaffRole.values()) {
			roleOptions.put(role.name(), this.messages.getMessage("admin.role." + role, null, locale));
		}
		model.addAttribute("roleOptions", roleOptions);
		return USERS_VIEW;
	}

	private String profilePage(Authentication authentication, Model model) {
		model.addAttribute("me", this.users.findByEmail(authentication.getName()).orElseThrow());
		model.addAttribute("ownPasswordFirst", OwnPasswordFirst.pending(authentication));
		return PROFILE_VIEW;
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
