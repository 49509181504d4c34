package org.winformusic.events.shared;

/**
 * Something staff did in a feature that the audit log cannot be reached from without a
 * cycle (events, emails). Published inside the action's transaction; the admin feature
 * records it for the logged-in user in the same transaction.
 *
 * @param action what was done, e.g. {@code EVENT_UPDATED}
 * @param details a short description without personal data
 */
public record StaffActionTaken(String action, Long eventId, Long registrationId, String details) {

}
