/**
 * What every module may use and that belongs to no feature: settings, locales, request
 * guards, form binding, event times, the audit event ({@code Audited}), adjusting beans
 * Spring Boot creates ({@code BeanCustomizer}), how a full name is filed alphabetically
 * ({@code PersonName}). Owns no table and depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
package org.winformusic.events.shared;

import org.springframework.modulith.ApplicationModule;
