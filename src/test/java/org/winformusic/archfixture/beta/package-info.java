/** Breaks the controller, public-type and table-ownership rules. */
@ApplicationModule(allowedDependencies = {})
package org.winformusic.archfixture.beta;

import org.springframework.modulith.ApplicationModule;
