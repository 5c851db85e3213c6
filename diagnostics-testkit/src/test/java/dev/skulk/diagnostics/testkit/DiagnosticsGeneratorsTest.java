package dev.skulk.diagnostics.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.ProcessRole;
import dev.skulk.diagnostics.model.RunnerDiagnosticValue;
import dev.skulk.diagnostics.model.RunnerPhase;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What a property test relies on: the same seed gives the same values, and the values cover the contract. */
class DiagnosticsGeneratorsTest {

  @Test
  void theSameSeedGivesTheSameValuesWithEitherKindOfRandom() {
    assertThat(nodes(new SplittableRandom(7))).isEqualTo(nodes(new SplittableRandom(7)));
    assertThat(nodes(new Random(7))).isEqualTo(nodes(new Random(7)));
    assertThat(nodes(new SplittableRandom(7))).isNotEqualTo(nodes(new SplittableRandom(8)));
  }

  private static List<NodeDiagnostics> nodes(java.util.random.RandomGenerator random) {
    List<NodeDiagnostics> nodes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      nodes.add(DiagnosticsGenerators.nodeDiagnostics(random));
    }
    return nodes;
  }

  @Test
  void valuesCoverNullsEveryEnumValueEveryAttrKindAndOddText() {
    SplittableRandom random = new SplittableRandom(20261127L);
    Set<RunnerPhase> phases = EnumSet.noneOf(RunnerPhase.class);
    Set<ProcessRole> roles = EnumSet.noneOf(ProcessRole.class);
    Set<Class<?>> attrKinds = new HashSet<>();
    boolean nullIdentity = false;
    boolean identity = false;
    boolean beyondDoublePrecision = false;
    boolean supplementary = false;
    boolean notATimestamp = false;
    for (int i = 0; i < 400; i++) {
      phases.add(DiagnosticsGenerators.runnerFlightRecorderEntry(random).phase());
      roles.add(DiagnosticsGenerators.diagnosticsProcess(random).role());
      for (RunnerDiagnosticValue value : DiagnosticsGenerators.attrs(random).values()) {
        attrKinds.add(value.getClass());
      }
      boolean hasIdentity = DiagnosticsGenerators.nodeDiagnostics(random).identity() != null;
      identity |= hasIdentity;
      nullIdentity |= !hasIdentity;
      beyondDoublePrecision |= Math.abs(DiagnosticsGenerators.longs(random)) > (1L << 53);
      supplementary |= DiagnosticsGenerators.texts(random).codePoints().anyMatch(c -> c > 0xFFFF);
      notATimestamp |= !DiagnosticsGenerators.timestamps(random).matches("\\d{4}-.*");
      double value = DiagnosticsGenerators.finiteDoubles(random);
      assertThat(Double.isFinite(value)).as("%s", value).isTrue();
    }
    assertThat(phases).containsExactlyInAnyOrder(RunnerPhase.values());
    assertThat(roles).containsExactlyInAnyOrder(ProcessRole.values());
    assertThat(attrKinds).containsExactlyInAnyOrder(RunnerDiagnosticValue.Text.class,
        RunnerDiagnosticValue.Int.class, RunnerDiagnosticValue.Float.class, RunnerDiagnosticValue.Bool.class,
        RunnerDiagnosticValue.TextList.class);
    assertThat(identity).isTrue();
    assertThat(nullIdentity).isTrue();
    assertThat(beyondDoublePrecision).isTrue();
    assertThat(supplementary).isTrue();
    assertThat(notATimestamp).isTrue();
  }
}
