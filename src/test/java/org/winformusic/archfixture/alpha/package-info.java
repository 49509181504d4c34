/** Declares {@code beta} only, and uses {@code gamma}. Owns {@code alpha_table}. */
@ApplicationModule(allowedDependencies = "beta")
package org.winformusic.archfixture.alpha;

import org.springframework.modulith.ApplicationModule;
