package org.winformusic.archfixture.alpha;

import org.winformusic.archfixture.gamma.GammaThing;

class AlphaService {

	static final String OWN_QUERY = "select id from alpha_table";

	String name(GammaThing thing) {
		return thing.name();
	}

}
