package dev.skulk.diagnostics.rules;

import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.spi.DiagnosticRule;
import dev.skulk.diagnostics.state.ClusterStateView;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Python Skulk's leaked-wired-memory warning: live wired memory above 5 GiB (strictly) while no
 * runner supervisor has a live process. {@code Likely leaked wired memory: <x.x> GB wired with no
 * live runners. ...}, where {@code <x.x>} is bytes / 2^30 rounded half-to-even to one decimal.
 * Nothing when the node has no wired figure (anything but macOS).
 *
 * <p>Stateless and thread-safe; linear in the number of supervisors.
 */
public final class LeakedWiredMemoryRule implements DiagnosticRule {

  /** The threshold: wired memory must exceed it strictly. */
  public static final long THRESHOLD_BYTES = 5L * 1024 * 1024 * 1024;

  /** The rule's stable name. */
  public static final String NAME = "skulk.leaked-wired-memory";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> evaluate(NodeDiagnostics draft, ClusterStateView state) {
    String warning = warning(draft.resources().currentWired(), draft.supervisorRunners());
    return warning == null ? List.of() : List.of(warning);
  }

  /** The warning for a wired reading and the live supervisors, or null when there is none. */
  public static @Nullable String warning(
      @Nullable Memory wired, Collection<RunnerSupervisorDiagnostics> supervisors) {
    if (wired == null) {
      return null;
    }
    for (RunnerSupervisorDiagnostics runner : supervisors) {
      if (runner.processAlive()) {
        return null;
      }
    }
    if (wired.inBytes() <= THRESHOLD_BYTES) {
      return null;
    }
    return text(wired.inBytes());
  }

  /** The warning text for a wired amount in bytes. */
  public static String text(long wiredBytes) {
    return "Likely leaked wired memory: " + GigabyteFormat.gib(wiredBytes) + " GB wired with "
        + "no live runners. An abnormal Metal termination (warmup wedge or GPU "
        + "timeout) can leave wired memory the OS only reclaims on reboot, "
        + "causing false 'insufficient memory' placements and decode timeouts. "
        + "Reboot this node to reclaim it.";
  }

  @Override
  public String toString() {
    return NAME;
  }
}
