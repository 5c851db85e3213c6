package dev.skulk.diagnostics.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import java.util.Collection;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RunnerSupervisorRegistryTest {

  private final MutableClock clock = MutableClock.at(RunnerFixtures.START);
  private final FakeTicker ticker = new FakeTicker();
  private final RunnerSupervisorRegistry registry = new RunnerSupervisorRegistry();

  private RunnerSupervisorTracker tracker(String runnerId) {
    return RunnerFixtures.tracker(clock, ticker).runnerId(runnerId).build();
  }

  @Test
  void suppliesSnapshotsInRegistrationOrder() {
    // As upstream's worker lists its supervisors: its runners dict, in insertion order.
    registry.register(tracker("runner-c"));
    registry.register(tracker("runner-a"));
    registry.register(tracker("runner-b"));
    registry.unregister("runner-a");
    registry.register(tracker("runner-a"));

    // The assembler takes a Supplier<? extends Collection<RunnerSupervisorDiagnostics>>.
    Supplier<? extends Collection<RunnerSupervisorDiagnostics>> supplier = registry;
    assertThat(supplier.get()).extracting(RunnerSupervisorDiagnostics::runnerId)
        .containsExactly("runner-c", "runner-b", "runner-a");
    assertThat(registry.trackers()).extracting(RunnerSupervisorTracker::runnerId)
        .containsExactly("runner-c", "runner-b", "runner-a");
  }

  @Test
  void findsAndUnregistersTrackersById() {
    RunnerSupervisorTracker a = tracker("runner-a");
    registry.register(a);

    assertThat(registry.tracker("runner-a")).containsSame(a);
    assertThat(registry.tracker("runner-z")).isEmpty();
    assertThat(registry.unregister("runner-a")).containsSame(a);
    assertThat(registry.unregister("runner-a")).isEmpty();
    assertThat(registry.get()).isEmpty();
  }

  @Test
  void refusesASecondTrackerForTheSameRunner() {
    RunnerSupervisorTracker first = tracker("runner-a");
    registry.register(first);
    registry.register(first);

    assertThatThrownBy(() -> registry.register(tracker("runner-a")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("runner-a");
    assertThat(registry.trackers()).containsExactly(first);
  }

  @Test
  void unregistersATrackerOnlyIfItIsTheRegisteredOne() {
    RunnerSupervisorTracker first = tracker("runner-a");
    registry.register(first);
    RunnerSupervisorTracker stale = tracker("runner-a");

    assertThat(registry.unregister(stale)).isFalse();
    assertThat(registry.unregister(first)).isTrue();
    assertThat(registry.trackers()).isEmpty();
  }
}
