/**
 * Email through the transactional outbox: messages are recorded with the change that
 * causes them and composed and sent later ({@code Outbox}, {@code OutboxSender}), event
 * reminders, and the staff outbox pages. Owns {@code outbox_message}.
 */
@ApplicationModule(allowedDependencies = { "event", "registration", "shared" })
package org.winformusic.events.mail;

import org.springframework.modulith.ApplicationModule;
