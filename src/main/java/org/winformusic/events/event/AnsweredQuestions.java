package org.winformusic.events.event;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Which questions and choices have answers. The registration feature owns the answers and
 * implements this, so the event editor can refuse to change the kind of an answered
 * question, and ask before removing a chosen choice, without depending on that feature.
 */
public interface AnsweredQuestions {

	/** Those of {@code questionIds} that at least one registration answered. */
	Set<Long> answered(Collection<Long> questionIds);

	/**
	 * How many registrations chose each of {@code choiceIds} (those nobody chose are
	 * absent), so the editor can warn before such a choice leaves the form.
	 */
	Map<Long, Long> chosen(Collection<Long> choiceIds);

}
