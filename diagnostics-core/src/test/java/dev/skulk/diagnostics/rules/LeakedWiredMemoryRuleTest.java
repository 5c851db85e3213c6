package dev.skulk.diagnostics.rules;

import static dev.skulk.diagnostics.rules.RuleFixtures.draft;
import static dev.skulk.diagnostics.rules.RuleFixtures.supervisor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.NodeResourceDiagnosticsBuilder;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakedWiredMemoryRuleTest {

  private static final long GIB = 1L << 30;

  private static String expected(String gigabytes) {
    return "Likely leaked wired memory: " + gigabytes + " GB wired with no live runners. An abnormal "
        + "Metal termination (warmup wedge or GPU timeout) can leave wired memory the OS only "
        + "reclaims on reboot, causing false 'insufficient memory' placements and decode timeouts. "
        + "Reboot this node to reclaim it.";
  }

  @Test
  void exactlyFiveGibibytesIsNotALeak() {
    assertThat(LeakedWiredMemoryRule.warning(Memory.ofBytes(5 * GIB), List.of())).isNull();
  }

  @Test
  void oneByteOverFiveGibibytesIsALeak() {
    assertThat(LeakedWiredMemoryRule.warning(Memory.ofBytes(5 * GIB + 1), List.of()))
        .isEqualTo(expected("5.0"));
  }

  @Test
  void roundsHalfToEvenLikePython() {
    assertThat(LeakedWiredMemoryRule.warning(Memory.ofBytes(5 * GIB + GIB / 4), List.of()))
        .isEqualTo(expected("5.2"));
    assertThat(LeakedWiredMemoryRule.warning(Memory.ofBytes(5 * GIB + 3 * GIB / 4), List.of()))
        .isEqualTo(expected("5.8"));
  }

  @Test
  void thirteenPointTwoGibibytesAsPythonTestsWriteThem() {
    long bytes = (long) (13.2 * GIB);
    assertThat(LeakedWiredMemoryRule.warning(Memory.ofBytes(bytes), List.of())).isEqualTo(expected("13.2"));
  }

  @Test
  void aLiveRunnerSuppressesTheWarning() {
    RunnerSupervisorDiagnostics live = supervisor("runner-1", "instance-1").processAlive(true).build();
    assertThat(LeakedWiredMemoryRule.warning(Memory.ofGiB(13), List.of(live))).isNull();
  }

  @Test
  void aDeadRunnerDoesNotSuppressIt() {
    RunnerSupervisorDiagnostics dead = supervisor("runner-1", "instance-1").processAlive(false).build();
    assertThat(LeakedWiredMemoryRule.warning(Memory.ofGiB(13), List.of(dead))).isEqualTo(expected("13.0"));
  }

  @Test
  void noWiredFigureNoWarning() {
    assertThat(LeakedWiredMemoryRule.warning(null, List.of())).isNull();
  }

  @Test
  void evaluatesTheDraftsWiredReading() {
    NodeDiagnostics draft = draft(List.of(), List.of(),
        new NodeResourceDiagnosticsBuilder().currentWired(Memory.ofGiB(6)).build());
    assertThat(new LeakedWiredMemoryRule().evaluate(draft, new RuleFixtures.State(List.of())))
        .containsExactly(expected("6.0"));
    assertThat(new LeakedWiredMemoryRule().evaluate(draft(List.of()), new RuleFixtures.State(List.of())))
        .isEmpty();
  }
}
