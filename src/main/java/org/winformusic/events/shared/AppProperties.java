package org.winformusic.events.shared;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every feature. Each feature binds the {@code app.*} keys it owns in
 * its own properties record; this one holds what all of them use.
 *
 * @param baseUrl the public address of the site, used for links in emails (environment
 * {@code APP_BASE_URL})
 */
@ConfigurationProperties("app")
public record AppProperties(@DefaultValue("http://localhost:8080") URI baseUrl) {

	/** An absolute link to {@code path} on the public site. */
	public String link(String path) {
		String base = this.baseUrl.toString();
		if (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return base + path;
	}

}
