package vn.reviewcascade.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The roll-up's rules on their own, with the cases a campaign rarely reaches in order. */
class RollupTest {

    private static final Instant CONSOLIDATED = Instant.parse("2030-09-30T17:00:00Z");

    @Test
    void aSubordinateThatHasNotSubmittedCountsForNothingWhateverItsDraftHolds() {
        Rollup rollup = Rollup.of(Map.of("members", 10L), CONSOLIDATED, List.of(
                new Rollup.Subordinate("A", CONSOLIDATED.minusSeconds(60), Map.of("members", 10L)),
                new Rollup.Subordinate("B", null, Map.of("members", 99L))));

        assertThat(rollup.totals()).containsExactly(Map.entry("members", 10L));
        assertThat(rollup.contributions()).containsOnlyKeys("A");
        assertThat(rollup.reported()).isEqualTo(1);
        assertThat(rollup.differences()).as("the parent's figure is the sum").isEmpty();
    }

    @Test
    void aReportIsALateAdditionOnlyIfSubmittedAfterTheParentStartedConsolidating() {
        Rollup rollup = Rollup.of(Map.of("members", 10L), CONSOLIDATED, List.of(
                new Rollup.Subordinate("AT", CONSOLIDATED, Map.of("members", 10L)),
                new Rollup.Subordinate("AFTER", CONSOLIDATED.plusSeconds(1), Map.of("members", 5L))));

        assertThat(rollup.lateAddition("AT")).isFalse();
        assertThat(rollup.lateAddition("AFTER")).isTrue();
        assertThat(rollup.lateAdditions()).containsExactly(Map.entry("members", 5L));
        assertThat(rollup.differences()).containsExactly(Map.entry("members", -5L));
        assertThat(Rollup.of(Map.of(), null, List.of(new Rollup.Subordinate("A", CONSOLIDATED, Map.of())))
                .lateAddition("A")).as("nothing is late before the parent consolidates").isFalse();
    }

    @Test
    void aParentWithSubordinatesDiffersByEveryFigureItGaveWhenNoneSubmittedAndAUnitWithoutNeverDiffers() {
        Map<String, Long> own = Map.of("members", 10L, "cells", 0L);

        assertThat(Rollup.of(own, CONSOLIDATED, List.of(new Rollup.Subordinate("A", null, Map.of()))).differences())
                .containsExactly(Map.entry("members", 10L));
        assertThat(Rollup.of(own, CONSOLIDATED, List.of()).differences()).isEmpty();
    }
}
