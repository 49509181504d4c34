package org.winformusic.events.admin;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

/**
 * A password an ADMIN has seen (a new account's one-time password, or one set for someone
 * who lost theirs) opens nothing but the owner's profile, where they choose their own.
 * Such a login is granted {@link #AUTHORITY} instead of its role, so every role check
 * (URLs, the export chain, method security, the check-in pass) refuses it without a query
 * per request; the admin chain sends it to the profile. Choosing a password swaps in the
 * role, in this session only: the session was created after the flag was set (a reset
 * ends the older ones), and the flag is read at login.
 */
@Component
class OwnPasswordFirst {

	/** Not a role: {@code hasRole} and {@code hasAnyRole} never match it. */
	static final String AUTHORITY = "OWN_PASSWORD_FIRST";

	static final String PROFILE = "/admin/profile";

	private final StaffUsers users;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	OwnPasswordFirst(StaffUsers users) {
		this.users = users;
	}

	static boolean pending(Authentication authentication) {
		return authentication != null
				&& authentication.getAuthorities().stream().anyMatch((a) -> AUTHORITY.equals(a.getAuthority()));
	}

	/**
	 * After login: to the profile while the password is one an admin has seen (the page
	 * asked for before login can wait); otherwise back to that page, or the dashboard.
	 */
	static AuthenticationSuccessHandler loginSuccess(RequestCache requestCache) {
		SavedRequestAwareAuthenticationSuccessHandler usual = new SavedRequestAwareAuthenticationSuccessHandler();
		usual.setDefaultTargetUrl("/admin");
		usual.setRequestCache(requestCache);
		return (request, response, authentication) -> {
			if (pending(authentication)) {
				requestCache.removeRequest(request, response);
				response.sendRedirect(request.getContextPath() + PROFILE);
			}
			else {
				usual.onAuthenticationSuccess(request, response, authentication);
			}
		};
	}

	/** Refused pages send a pending login to the profile; anyone else gets the 403. */
	static AccessDeniedHandler accessDenied() {
		AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
		return new AccessDeniedHandler() {

			@Override
			public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
					throws IOException, ServletException {
				if (pending(SecurityContextHolder.getContext().getAuthentication())) {
					response.sendRedirect(request.getContextPath() + PROFILE);
				}
				else {
					forbidden.handle(request, response, denied);
				}
			}

		};
	}

	/**
	 * The owner has just chosen their password: this session gets the account's role
	 * (read now, as at login) under a new session id, as after a login.
	 */
	void release(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (!pending(authentication)) {
			return;
		}
		StaffUsers.StaffUser user = this.users.findByEmail(authentication.getName()).orElseThrow();
		User principal = new User(user.email(), "", List.of(new SimpleGrantedAuthority(user.role().authority())));
		principal.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		this.contexts.saveContext(context, request, response);
	}

}
