package org.winformusic.archfixture.beta;

import org.springframework.stereotype.Controller;

@Controller
public class PublicController {

	static final String QUERY = """
			select count(*) from alpha_table
			""";

	LonelyType lonely() {
		return new LonelyType();
	}

}
