package org.winformusic.events.export;

import java.util.Arrays;
import java.util.List;

/**
 * The staff roles (the admin module's ADMIN, ORGANIZER, OPS, stored by name), ordered
 * from the most to the least powerful, so a token's role can be compared with its
 * owner's.
 */
enum TokenRole {

	ADMIN, ORGANIZER, OPS;

	/** Whether someone with this role may hand {@code other} to a token. */
	boolean allows(TokenRole other) {
		return other.ordinal() >= ordinal();
	}

	/** The roles a token of someone with this role may have, highest first. */
	List<TokenRole> grantable() {
		return Arrays.stream(values()).filter(this::allows).toList();
	}

	static TokenRole lower(TokenRole a, TokenRole b) {
		return (a.ordinal() >= b.ordinal()) ? a : b;
	}

	String authority() {
		return "ROLE_" + name();
	}

}
