package org.winformusic.events.shared;

import java.util.regex.Pattern;

/**
 * An address as a log line may show it: the secret some addresses carry (a manage link
 * {@code /r/{token}/...}, a check-in pass {@code /p/{pass}},
 * {@code /admin/checkin/pass/{pass}} and
 * {@code /admin/events/{slug}/checkin/pass/{pass}}, the old manage-token code
 * {@code /admin/checkin/{token}}, an address-change link {@code /email-change/{token}})
 * replaced by {@code ***}, as nginx's access log does (deploy/nginx/compose.conf).
 */
final class LoggedPaths {

	private static final Pattern SECRET = Pattern.compile(
			"^(/+(?:r|p|email-change|admin/+checkin(?:/+pass)?|admin/+events/+[^/?]+/+checkin/+pass)/+)[^/?]+",
			Pattern.CASE_INSENSITIVE);

	private LoggedPaths() {
	}

	/** {@code path} with the secret it carries, if any, replaced by {@code ***}. */
	static String masked(String path) {
		return (path != null) ? SECRET.matcher(path).replaceFirst("$1***") : null;
	}

}
