package org.winformusic.events.admin;

import java.io.Serializable;

/**
 * A one-line result shown after a redirect (flash attribute, so it is serialized into the
 * JDBC session): a message key of the admin bundle, an optional argument, and how it
 * reads. Message arguments: {0} = argument, {1} = second.
 */
record Notice(String key, String argument, String second, Kind kind) implements Serializable {

	static Notice ok(String key) {
		return new Notice(key, null, null, Kind.ok);
	}

	static Notice ok(String key, Object argument) {
		return new Notice(key, String.valueOf(argument), null, Kind.ok);
	}

	static Notice warn(String key) {
		return new Notice(key, null, null, Kind.warn);
	}

	static Notice warn(String key, Object argument) {
		return new Notice(key, String.valueOf(argument), null, Kind.warn);
	}

	static Notice bad(String key) {
		return new Notice(key, null, null, Kind.bad);
	}

	/** The CSS modifier of the notice. */
	enum Kind {

		ok, warn, bad

	}

}
