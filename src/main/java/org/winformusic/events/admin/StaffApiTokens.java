package org.winformusic.events.admin;

import java.util.Map;

/**
 * The export API tokens of staff accounts, as this module needs them: a token must not
 * outlive what an ADMIN does to end someone's access (a new one-time password, disabling
 * the account), and the users page shows how many each member has. The export module owns
 * the tokens and implements this; this module may neither read its table nor depend on it
 * (it depends on this one).
 */
public interface StaffApiTokens {

	/**
	 * Revokes every token of the account that still works, in the caller's transaction,
	 * with an audit entry for each by whoever is signed in.
	 * @return how many were revoked
	 */
	int revokeAll(long staffUserId);

	/** The names of the account's tokens that still work, oldest first. */
	java.util.List<String> activeNames(long staffUserId);

	/**
	 * How many tokens that still work (neither revoked nor expired) each account has;
	 * accounts with none are absent.
	 */
	Map<Long, Integer> activeCounts();

}
