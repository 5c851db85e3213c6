package dev.skulk.diagnostics.rules;

import static dev.skulk.diagnostics.rules.RuleFixtures.draft;
import static dev.skulk.diagnostics.rules.RuleFixtures.memory;
import static dev.skulk.diagnostics.rules.RuleFixtures.supervisor;
import static dev.skulk.diagnostics.rules.RuleFixtures.withMemory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.spi.DiagnosticRule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtendedRulesTest {

  private static final long GIB = 1L << 30;
  private static final RuleFixtures.State STATE = new RuleFixtures.State(List.of());

  @Test
  void stuckInABarrierPastTheThreshold() {
    var stuck = supervisor("3f1c2a9e-0b7d-4c55-9a61-2e8f0d4b7c11", "i").phase(RunnerPhase.DECODE_BARRIER)
        .secondsInPhase(75.25).build();
    var fresh = supervisor("runner-2", "i").phase(RunnerPhase.PREFILL_BARRIER).secondsInPhase(60.0).build();
    var streaming = supervisor("runner-3", "i").phase(RunnerPhase.DECODE_STREAM).secondsInPhase(600).build();
    var dead = supervisor("runner-4", "i").phase(RunnerPhase.CONNECT_GROUP).secondsInPhase(600)
        .processAlive(false).build();

    assertThat(new StuckPhaseRule().evaluate(draft(List.of(stuck, fresh, streaming, dead)), STATE)).containsExactly(
        "Runner 3f1c2a9e…7c11 has been in phase decode_barrier for 75.2 s, over the 60 s threshold "
            + "for a barrier or wait phase; a peer rank may be stuck or unreachable.");
  }

  @Test
  void stuckPhaseThresholdIsConfigurable() {
    var waiting = supervisor("runner-1", "i").phase(RunnerPhase.DECODE_WAIT_FIRST_TOKEN).secondsInPhase(3).build();
    DiagnosticRule rule = new StuckPhaseRule(Duration.ofMillis(2500), StuckPhaseRule.WAIT_PHASES);

    assertThat(rule.evaluate(draft(List.of(waiting)), STATE)).singleElement().asString()
        .contains("decode_wait_first_token for 3.0 s, over the 2.5 s threshold");
    assertThatThrownBy(() -> new StuckPhaseRule(Duration.ZERO, StuckPhaseRule.WAIT_PHASES))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ranksInDifferentPhasesForTooLong() {
    var rank0 = supervisor("runner-a", "instance-1").deviceRank(0).phase(RunnerPhase.DECODE_BARRIER)
        .secondsInPhase(45).build();
    var rank1 = supervisor("runner-b", "instance-1").deviceRank(1).phase(RunnerPhase.PREFILL_BARRIER)
        .secondsInPhase(31).build();

    assertThat(new RankDisagreementRule().evaluate(draft(List.of(rank1, rank0)), STATE)).containsExactly(
        "Ranks of instance instance-1 have disagreed on their phase for 31.0 s, over the 30 s "
            + "threshold: rank 0 in decode_barrier, rank 1 in prefill_barrier.");
  }

  @Test
  void ranksThatAgreeOrDisagreeBrieflyRaiseNothing() {
    var rank0 = supervisor("runner-a", "instance-1").deviceRank(0).phase(RunnerPhase.DECODE_STREAM)
        .secondsInPhase(45).build();
    var rank1 = supervisor("runner-b", "instance-1").deviceRank(1).phase(RunnerPhase.DECODE_STREAM)
        .secondsInPhase(45).build();
    var rank1Moved = supervisor("runner-b", "instance-1").deviceRank(1).phase(RunnerPhase.PARSER)
        .secondsInPhase(2).build();

    RankDisagreementRule rule = new RankDisagreementRule();
    assertThat(rule.evaluate(draft(List.of(rank0, rank1)), STATE)).isEmpty();
    assertThat(rule.evaluate(draft(List.of(rank0, rank1Moved)), STATE)).isEmpty();
  }

  @Test
  void deadProcessWithALiveStatus() {
    var dead = supervisor("runner-1", "i").processAlive(false).exitCode(-9).statusKind("RunnerRunning").build();
    var failed = supervisor("runner-2", "i").processAlive(false).exitCode(1).statusKind("RunnerFailed").build();
    var neverStarted = supervisor("runner-3", "i").pid(null).processAlive(false).statusKind("RunnerIdle").build();

    assertThat(new DeadRunnerProcessRule().evaluate(draft(List.of(dead, failed, neverStarted)), STATE))
        .containsExactly("Runner runner-1 process 1234 is not alive (exit code -9) but its status is "
            + "RunnerRunning; the supervisor may not have noticed the exit.");
  }

  @Test
  void lowAvailableRam() {
    var low = withMemory(memory(32 * GIB, 3 * GIB, 0, 0), null);
    var fine = withMemory(memory(32 * GIB, 4 * GIB, 0, 0), null);
    var gatheredOnly = withMemory(null, memory(10 * GIB, GIB / 2, 0, 0));

    LowAvailableMemoryRule rule = new LowAvailableMemoryRule();
    assertThat(rule.evaluate(low, STATE)).containsExactly(
        "Available RAM is low: 3.0 GB of 32.0 GB (9.4%) available, under the 10% threshold.");
    assertThat(rule.evaluate(fine, STATE)).isEmpty();
    assertThat(rule.evaluate(gatheredOnly, STATE)).singleElement().asString().contains("0.5 GB of 10.0 GB (5.0%)");
    assertThat(rule.evaluate(draft(List.of()), STATE)).isEmpty();
  }

  @Test
  void highSwapUse() {
    var high = withMemory(memory(32 * GIB, 16 * GIB, 8 * GIB, 2 * GIB), null);
    var half = withMemory(memory(32 * GIB, 16 * GIB, 8 * GIB, 4 * GIB), null);
    var noSwap = withMemory(memory(32 * GIB, 16 * GIB, 0, -GIB), null);

    SwapPressureRule rule = new SwapPressureRule();
    assertThat(rule.evaluate(high, STATE)).containsExactly(
        "Swap use is high: 6.0 GB of 8.0 GB (75.0%) in use, over the 50% threshold.");
    assertThat(rule.evaluate(half, STATE)).isEmpty();
    assertThat(rule.evaluate(noSwap, STATE)).isEmpty();
    assertThat(new SwapPressureRule(0.125).evaluate(half, STATE)).singleElement().asString()
        .endsWith("over the 12.5% threshold.");
  }

  @Test
  void ruleSetsAreSkulksThenOurs() {
    assertThat(RuleSets.skulk()).extracting(DiagnosticRule::name).containsExactly(
        "skulk.placement", "skulk.runner-divergence", "skulk.leaked-wired-memory");
    assertThat(RuleSets.extended()).extracting(DiagnosticRule::name).containsExactly(
        "skulk.placement", "skulk.runner-divergence", "skulk.leaked-wired-memory",
        "extended.stuck-phase", "extended.rank-disagreement", "extended.dead-runner-process",
        "extended.low-available-memory", "extended.swap-pressure");
  }
}
