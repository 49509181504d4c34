package org.winformusic.events.registration;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar entry's SEQUENCE, as calendars compare it. */
class CalendarFileTests {

	@Test
	void sequenceGrowsWithEveryVersionAndACancellationOutranksTheEntryOfItsVersion() {
		assertThat(CalendarFile.sequence(3, true)).isGreaterThan(CalendarFile.sequence(3, false));
		assertThat(CalendarFile.sequence(4, false)).isGreaterThan(CalendarFile.sequence(3, true));
	}

	@Test
	void sequenceGrowsWhenTheEventIsSavedAlthoughTheRegistrationDidNotChange() {
		assertThat(CalendarFile.sequence(3, 1, false)).isGreaterThan(CalendarFile.sequence(3, 0, true));
		assertThat(CalendarFile.sequence(3, 0, false)).isEqualTo(CalendarFile.sequence(3, false));
		assertThat(CalendarFile.sequence(Integer.MAX_VALUE, Integer.MAX_VALUE, true)).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void sequenceStartsAboveTheSecondsSince2024ThatOlderFilesCarriedAndStaysASigned32BitInteger() {
		// Older files: seconds from 2024 to the registration's last change, plus one for
		// a cancellation; until September 2055 below 10^9.
		long secondsUntil2055 = Duration
			.between(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2055-01-01T00:00:00Z"))
			.toSeconds();
		assertThat((long) CalendarFile.sequence(0, false)).isGreaterThan(secondsUntil2055 + 1);
		assertThat(CalendarFile.sequence(Integer.MAX_VALUE, true)).isEqualTo(Integer.MAX_VALUE);
	}

}
