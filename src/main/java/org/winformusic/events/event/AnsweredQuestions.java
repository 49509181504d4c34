package org.winformusic.events.event;

import java.util.Collection;
import java.util.Set;

/**
 * Which questions have answers. The registration feature owns the answers and implements
 * this, so the event editor can refuse to change the kind of an answered question without
 * depending on that feature.
 */
public interface AnsweredQuestions {

	/** Those of {@code questionIds} that at least one registration answered. */
	Set<Long> answered(Collection<Long> questionIds);

}
