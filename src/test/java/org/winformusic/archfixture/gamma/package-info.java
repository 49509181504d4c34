/** Keeps every rule: its public type is used by {@code alpha}. */
@ApplicationModule(allowedDependencies = {})
package org.winformusic.archfixture.gamma;

import org.springframework.modulith.ApplicationModule;
