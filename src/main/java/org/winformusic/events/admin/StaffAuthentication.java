package org.winformusic.events.admin;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff login: staff_user rows checked by a {@link DaoAuthenticationProvider}, wrapped in
 * the {@link LoginThrottle} and the audit log. Every refusal (unknown user, wrong
 * password, disabled account, throttled) is the same {@link BadCredentialsException}, so
 * the login page cannot tell an attacker which one it was. The audit log names the
 * account an attempt was for, or {@link #UNKNOWN_ACCOUNT} when no account has that name:
 * what was typed may be a password in the wrong field, and is not kept.
 */
@Component
class StaffAuthentication implements UserDetailsService {

	/** The audit actor of an attempt for a name no account has. */
	static final String UNKNOWN_ACCOUNT = "unknown-account";

	private final StaffUsers users;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	StaffAuthentication(StaffUsers users, LoginThrottle throttle, AuditLog audit, PasswordEncoder passwordEncoder,
			PlatformTransactionManager transactionManager, JdbcClient jdbc) {
		this.users = users;
		this.throttle = throttle;
		this.audit = audit;
		this.passwordEncoder = passwordEncoder;
		this.transactions = new TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		StaffUsers.StaffUser user = this.users.findByEmail(username)
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
		// A password an admin has seen opens the profile only, not the role.
		String authority = user.mustChangePassword() ? OwnPasswordFirst.AUTHORITY : user.role().authority();
		return User.withUsername(user.email())
			.password(user.passwordHash())
			.disabled(!user.enabled())
			.authorities(List.of(new SimpleGrantedAuthority(authority)))
			.build();
	}

	AuthenticationProvider provider() {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(this);
		dao.setPasswordEncoder(this.passwordEncoder);
		return new Throttled(dao);
	}

	private final class Throttled implements AuthenticationProvider {

		private final DaoAuthenticationProvider delegate;

		Throttled(DaoAuthenticationProvider delegate) {
			this.delegate = delegate;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			String name = String.valueOf(authentication.getName()).strip();
			String username = (name.length() > 254) ? name.substring(0, 254) : name;
			String ip = (authentication.getDetails() instanceof WebAuthenticationDetails details)
					? details.getRemoteAddress() : "unknown";
			if (username.chars().anyMatch(Character::isISOControl)) {
				// No account is named so (PostgreSQL would even refuse a NUL): the usual
				// "wrong email or password", without a query.
				throw new BadCredentialsException("refused");
			}
			// Attempts on one account take turns, on every instance: otherwise parallel
			// guesses would all pass the throttle's check before any failure is counted.
			// A refusal is returned, not thrown, so the failure it records commits.
			Object outcome = StaffAuthentication.this.transactions.execute((tx) -> {
				StaffAuthentication.this.jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext(lower(?)))")
					.param(username)
					.query(Integer.class)
					.single();
				try {
					return attempt(authentication, username, ip);
				}
				catch (BadCredentialsException ex) {
					return ex;
				}
			});
			if (outcome instanceof BadCredentialsException refused) {
				throw refused;
			}
			return (Authentication) outcome;
		}

		private Authentication attempt(Authentication authentication, String username, String ip) {
			if (StaffAuthentication.this.throttle.refuses(username, ip)) {
				StaffAuthentication.this.audit.record(actor(username), "LOGIN_THROTTLED", null, null, null, ip);
				throw new BadCredentialsException("refused");
			}
			try {
				Authentication result = this.delegate.authenticate(authentication);
				StaffAuthentication.this.throttle.record(username, ip, true);
				StaffAuthentication.this.audit.record(result.getName(), "LOGIN", null, null, null, ip);
				return result;
			}
			catch (AuthenticationException ex) {
				StaffAuthentication.this.throttle.record(username, ip, false);
				StaffAuthentication.this.audit.record(actor(username), "LOGIN_FAILED", null, null, null, ip);
				throw new BadCredentialsException("refused");
			}
		}

		/** The account's email as stored, or {@link #UNKNOWN_ACCOUNT}. */
		private String actor(String username) {
			return StaffAuthentication.this.users.findByEmail(username)
				.map(StaffUsers.StaffUser::email)
				.orElse(UNKNOWN_ACCOUNT);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
