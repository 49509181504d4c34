package org.winformusic.events.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** How busy the machine was between two readings of /proc/stat's cpu line. */
class QuietMachineTests {

	@Test
	void idleAndWaitingForDiskCountAsQuietEverythingElseAsBusyStealIncluded() {
		// user nice system idle iowait irq softirq steal
		long[] before = { 100, 0, 50, 1000, 10, 0, 0, 5 };
		long[] after = { 110, 0, 55, 1170, 20, 0, 0, 45 };
		// 10 + 5 + 40 busy of 235: the hypervisor's steal is someone else's work.
		assertThat(QuietMachine.busyShare(before, after)).isCloseTo(55.0 / 235, within(1e-9));
		assertThat(QuietMachine.busyShare(before, before)).isZero();
		assertThat(QuietMachine.busyShare(new long[0], after)).isZero();
	}

}
