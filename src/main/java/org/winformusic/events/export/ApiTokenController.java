package org.winformusic.events.export;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.winformusic.events.admin.StaffRole;
import org.winformusic.events.shared.EventTimes;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/profile/tokens}: every staff user lists, creates and revokes their own
 * API tokens. A new token is shown on the page that answers the POST, once, and never
 * again.
 */
@Controller
class ApiTokenController {

	static final String VIEW = "export/tokens";

	static final String PATH = "/admin/profile/tokens";

	private final ApiTokens tokens;

	private final EventTimes times;

	private final Clock clock;

	ApiTokenController(ApiTokens tokens, EventTimes times, Clock clock) {
		this.tokens = tokens;
		this.times = times;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String list(Authentication authentication, Locale locale, Model model) {
		ApiTokens.Owner owner = owner(authentication);
		fill(model, owner, new TokenForm(null, null, null), locale);
		return VIEW;
	}

	@PostMapping(PATH)
	String create(@ModelAttribute("form") TokenForm form, BindingResult errors, Authentication authentication,
			Locale locale, Model model, HttpServletResponse response) {
		ApiTokens.Owner owner = owner(authentication);
		String name = (form.getName() != null) ? form.getName().strip() : "";
		if (name.isEmpty()) {
			errors.rejectValue("name", "export.tokens.error.name");
		}
		else if (name.length() > ApiTokens.MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
			errors.rejectValue("name", "export.tokens.error.nameLength");
		}
		StaffRole role = role(form.getRole());
		if (role == null || !owner.role().allows(role)) {
			errors.rejectValue("role", "export.tokens.error.role");
		}
		LocalDate expiresOn = null;
		if (form.getExpiresOn() != null && !form.getExpiresOn().isBlank()) {
			try {
				expiresOn = LocalDate.parse(form.getExpiresOn().strip());
				if (expiresOn.isBefore(LocalDate.now(this.clock.withZone(ZoneOffset.UTC)))) {
					errors.rejectValue("expiresOn", "export.tokens.error.expiresPast");
				}
			}
			catch (DateTimeParseException ex) {
				errors.rejectValue("expiresOn", "export.tokens.error.expiresFormat");
			}
		}
		if (errors.hasErrors()) {
			fill(model, owner, form, locale);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return VIEW;
		}
		String token = this.tokens.create(owner, name, role, expiresOn);
		fill(model, owner, new TokenForm(null, null, null), locale);
		model.addAttribute("newToken", token);
		model.addAttribute("newTokenName", name);
		// The token is in this page only: no browser or proxy may keep a copy.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return VIEW;
	}

	@PostMapping(PATH + "/{id}/revoke")
	String revoke(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		boolean revoked = this.tokens.revoke(owner(authentication), id);
		redirect.addFlashAttribute("tokenNotice", revoked ? "revoked" : "notFound");
		return "redirect:" + PATH;
	}

	private ApiTokens.Owner owner(Authentication authentication) {
		return this.tokens.owner(authentication.getName())
			.filter(ApiTokens.Owner::enabled)
			.orElseThrow(() -> new AccessDeniedException("No staff account"));
	}

	private void fill(Model model, ApiTokens.Owner owner, TokenForm form, Locale locale) {
		model.addAttribute("form", form);
		model.addAttribute("roles", owner.role().grantable());
		model.addAttribute("tokens", this.tokens.list(owner).stream().map((t) -> row(t, locale)).toList());
	}

	private TokenRow row(ApiTokens.TokenInfo token, Locale locale) {
		return new TokenRow(token.id(), token.name(), token.role(), utc(token.createdAt(), locale),
				(token.expiresOn() != null) ? token.expiresOn().toString() : null, utc(token.lastUsedAt(), locale),
				token.state());
	}

	private String utc(Instant instant, Locale locale) {
		return (instant != null) ? this.times.dateTime(instant, ZoneOffset.UTC, locale) : null;
	}

	private static StaffRole role(String value) {
		try {
			return (value != null) ? StaffRole.valueOf(value) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The create form as posted (a JavaBean, so errors bind to its fields in the page).
	 */
	public static class TokenForm {

		private String name;

		private String role;

		private String expiresOn;

		public TokenForm() {
		}

		TokenForm(String name, String role, String expiresOn) {
			this.name = name;
			this.role = role;
			this.expiresOn = expiresOn;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getRole() {
			return this.role;
		}

		public void setRole(String role) {
			this.role = role;
		}

		public String getExpiresOn() {
			return this.expiresOn;
		}

		public void setExpiresOn(String expiresOn) {
			this.expiresOn = expiresOn;
		}

	}

	/** One token in the list, dates formatted (UTC). */
	record TokenRow(long id, String name, StaffRole role, String created, String expiresOn, String lastUsed,
			ApiTokens.TokenState state) {

	}

}
