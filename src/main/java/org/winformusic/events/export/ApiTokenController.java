package org.winformusic.events.export;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.context.MessageSource;
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
import org.winformusic.events.admin.StaffRole;
import org.winformusic.events.shared.BoundForms;
import org.winformusic.events.shared.EventTimes;
import org.winformusic.events.shared.SingleLine;

/**
 * {@code /admin/profile/tokens}: every staff user lists, creates and revokes their own
 * API tokens. A new token is shown on the page that answers the POST, once, and never
 * again.
 */
@Controller
class ApiTokenController {

	static final String VIEW = "export/tokens";

	static final String PATH = "/admin/profile/tokens";

	/** How far ahead a token's last day may be. */
	static final int MAX_YEARS_VALID = 10;

	private final ApiTokens tokens;

	private final EventTimes times;

	private final Clock clock;

	private final MessageSource messages;

	private final Validator validator;

	ApiTokenController(ApiTokens tokens, EventTimes times, Clock clock, MessageSource messages, Validator validator) {
		this.validator = validator;
		this.tokens = tokens;
		this.messages = messages;
		this.times = times;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String list(Authentication authentication, Locale locale, Model model) {
		ApiTokens.Owner owner = owner(authentication);
		model.addAttribute("form", TokenForm.blank());
		fill(model, owner, locale);
		return VIEW;
	}

	@PostMapping(PATH)
	String create(@Valid @ModelAttribute("form") TokenForm form, BindingResult binding, Authentication authentication,
			Locale locale, Model model, HttpServletResponse response) {
		BindingResult errors = BoundForms.keep(model, "form", form, binding, this.validator);
		ApiTokens.Owner owner = owner(authentication);
		StaffRole role = role(form.role());
		if ((role == null || !owner.role().allows(role)) && !errors.hasFieldErrors("role")) {
			errors.rejectValue("role", "export.tokens.error.role");
		}
		LocalDate expiresOn = null;
		if (form.expiresOn() != null && !form.expiresOn().isBlank()) {
			try {
				expiresOn = LocalDate.parse(form.expiresOn().strip());
				LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
				if (expiresOn.isBefore(today)) {
					errors.rejectValue("expiresOn", "export.tokens.error.expiresPast");
				}
				// A bound that also keeps the day inside what Java and PostgreSQL can
				// store (+999999999-12-31 has no next day).
				else if (expiresOn.isAfter(today.plusYears(MAX_YEARS_VALID))) {
					errors.rejectValue("expiresOn", "export.tokens.error.expiresFar");
				}
			}
			catch (DateTimeParseException ex) {
				errors.rejectValue("expiresOn", "export.tokens.error.expiresFormat");
			}
		}
		if (errors.hasErrors()) {
			fill(model, owner, locale);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return VIEW;
		}
		String name = form.name().strip();
		String token = this.tokens.create(owner, name, role, expiresOn);
		fill(model, owner, locale);
		// A new form object drops the binding result: the page shows an empty form.
		model.addAttribute("form", TokenForm.blank());
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

	private void fill(Model model, ApiTokens.Owner owner, Locale locale) {
		Map<String, String> roles = new LinkedHashMap<>();
		for (StaffRole role : owner.role().grantable()) {
			roles.put(role.name(), this.messages.getMessage("export.tokens.role." + role, null, locale));
		}
		model.addAttribute("roleOptions", roles);
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
	 * The create form as posted: a name on one line, a role no higher than the owner's,
	 * and an optional last valid day ({@code yyyy-MM-dd}, as a date field sends it).
	 */
	record TokenForm(
			@NotBlank(message = "{export.tokens.error.name}") @Size(max = ApiTokens.MAX_NAME_LENGTH,
					message = "{export.tokens.error.nameLength}") @SingleLine String name,
			String role, String expiresOn) {

		static TokenForm blank() {
			return new TokenForm(null, StaffRole.OPS.name(), null);
		}

	}

	/** One token in the list, dates formatted (UTC). */
	record TokenRow(long id, String name, StaffRole role, String created, String expiresOn, String lastUsed,
			ApiTokens.TokenState state) {

	}

}
