/**
 * Events: the public event page, the event editor, speakers, partners and the event's own
 * questions. Public API: {@code EventCatalog} (published events as {@code EventInfo}),
 * {@code EventLists} (the staff's lists of events), {@code EventAdministration},
 * {@code Unpublishing}, {@code NoLongerPublished} (the notice at the public addresses of
 * an event published once and unpublished since), {@code EventQuestions}, and the
 * {@code EventMoved} event it publishes. Owns the tables {@code event},
 * {@code event_question}, {@code event_question_choice}, {@code speaker} and
 * {@code partner}.
 */
@ApplicationModule(allowedDependencies = "shared")
package org.winformusic.events.event;

import org.springframework.modulith.ApplicationModule;
