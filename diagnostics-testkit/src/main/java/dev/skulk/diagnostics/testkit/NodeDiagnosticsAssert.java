package dev.skulk.diagnostics.testkit;

import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.model.InstancePlacementDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.NodeResourceDiagnostics;
import dev.skulk.diagnostics.model.ProcessRole;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.spi.Slot;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * AssertJ assertions on a {@link NodeDiagnostics}; get one from {@link
 * DiagnosticsAssertions#assertThat(NodeDiagnostics)}. Not thread-safe (as AssertJ assertions are
 * not).
 */
public final class NodeDiagnosticsAssert extends AbstractAssert<NodeDiagnosticsAssert, NodeDiagnostics> {

  NodeDiagnosticsAssert(NodeDiagnostics actual) {
    super(actual, NodeDiagnosticsAssert.class);
  }

  /** The bundle has exactly this warning among its warnings. */
  public NodeDiagnosticsAssert hasWarning(String warning) {
    isNotNull();
    if (!actual.warnings().contains(warning)) {
      failWithMessage("Expected warning%n  <%s>%nbut the warnings were%n  %s", warning, actual.warnings());
    }
    return this;
  }

  /** Some warning contains {@code text}. */
  public NodeDiagnosticsAssert hasWarningContaining(String text) {
    isNotNull();
    if (actual.warnings().stream().noneMatch(w -> w.contains(text))) {
      failWithMessage("Expected a warning containing%n  <%s>%nbut the warnings were%n  %s", text, actual.warnings());
    }
    return this;
  }

  /** No warning contains {@code text}. */
  public NodeDiagnosticsAssert hasNoWarningContaining(String text) {
    isNotNull();
    List<String> matching = actual.warnings().stream().filter(w -> w.contains(text)).collect(Collectors.toList());
    if (!matching.isEmpty()) {
      failWithMessage("Expected no warning containing%n  <%s>%nbut found%n  %s", text, matching);
    }
    return this;
  }

  /** The bundle has no warnings. */
  public NodeDiagnosticsAssert hasNoWarnings() {
    isNotNull();
    if (!actual.warnings().isEmpty()) {
      failWithMessage("Expected no warnings but found%n  %s", actual.warnings());
    }
    return this;
  }

  /** The warnings are exactly these, in this order. */
  public NodeDiagnosticsAssert hasWarningsExactly(String... warnings) {
    isNotNull();
    if (!actual.warnings().equals(Arrays.asList(warnings))) {
      failWithMessage("Expected warnings%n  %s%nbut were%n  %s", Arrays.asList(warnings), actual.warnings());
    }
    return this;
  }

  /**
   * The bundle field a slot fills has a value ({@code PROCESSES}: at least one process; {@code
   * RUNTIME} is always there). {@code MLX_MEMORY} has no bundle field: use {@link
   * AssemblyReportAssert#hasMlxMemory()}.
   */
  public NodeDiagnosticsAssert hasSlotFilled(Slot<?> slot) {
    isNotNull();
    if (!filled(slot)) {
      failWithMessage("Expected slot <%s> to be filled in%n  %s", slot, actual);
    }
    return this;
  }

  /** The bundle field a slot fills has no value (see {@link #hasSlotFilled}). */
  public NodeDiagnosticsAssert hasSlotEmpty(Slot<?> slot) {
    isNotNull();
    if (filled(slot)) {
      failWithMessage("Expected slot <%s> to be empty in%n  %s", slot, actual);
    }
    return this;
  }

  /** The bundle lists a process with this pid and role. */
  public NodeDiagnosticsAssert hasProcessWithRole(long pid, ProcessRole role) {
    isNotNull();
    DiagnosticsProcess process = actual.processes().stream().filter(p -> p.pid() == pid).findFirst().orElse(null);
    if (process == null) {
      failWithMessage("Expected a process with pid <%s> but the pids were %s", pid,
          actual.processes().stream().map(DiagnosticsProcess::pid).collect(Collectors.toList()));
    } else if (process.role() != role) {
      failWithMessage("Expected process <%s> (%s) to have role <%s> but it had <%s>", pid, process.command(), role,
          process.role());
    }
    return this;
  }

  /** The bundle lists at least one process with this role. */
  public NodeDiagnosticsAssert hasProcessWithRole(ProcessRole role) {
    isNotNull();
    if (actual.processes().stream().noneMatch(p -> p.role() == role)) {
      failWithMessage("Expected a process with role <%s> but the roles were %s", role,
          actual.processes().stream().map(DiagnosticsProcess::role).collect(Collectors.toList()));
    }
    return this;
  }

  /** The bundle reports this runner supervisor. */
  public NodeDiagnosticsAssert hasSupervisorRunner(String runnerId) {
    isNotNull();
    if (actual.supervisorRunners().stream().noneMatch(r -> r.runnerId().equals(runnerId))) {
      failWithMessage("Expected supervisor runner <%s> but found %s", runnerId,
          actual.supervisorRunners().stream().map(RunnerSupervisorDiagnostics::runnerId).collect(Collectors.toList()));
    }
    return this;
  }

  /** The bundle has a placement for this instance. */
  public NodeDiagnosticsAssert hasPlacement(String instanceId) {
    isNotNull();
    if (placement(instanceId) == null) {
      failWithMessage("Expected a placement for instance <%s> but found %s", instanceId,
          actual.placements().stream().map(InstancePlacementDiagnostics::instanceId).collect(Collectors.toList()));
    }
    return this;
  }

  /** The placement of this instance has exactly this warning among its warnings. */
  public NodeDiagnosticsAssert hasPlacementWarning(String instanceId, String warning) {
    hasPlacement(instanceId);
    InstancePlacementDiagnostics placement = placement(instanceId);
    if (placement != null && !placement.warnings().contains(warning)) {
      failWithMessage("Expected placement <%s> to warn%n  <%s>%nbut its warnings were%n  %s", instanceId, warning,
          placement.warnings());
    }
    return this;
  }

  /** The runtime says whether this node is the master. */
  public NodeDiagnosticsAssert isMaster(boolean expected) {
    isNotNull();
    if (actual.runtime().isMaster() != expected) {
      failWithMessage("Expected runtime.isMaster to be <%s> (master %s, node %s)", expected,
          actual.runtime().masterNodeId(), actual.runtime().nodeId());
    }
    return this;
  }

  private @Nullable InstancePlacementDiagnostics placement(String instanceId) {
    return actual.placements().stream().filter(p -> p.instanceId().equals(instanceId)).findFirst().orElse(null);
  }

  private boolean filled(Slot<?> slot) {
    NodeResourceDiagnostics resources = actual.resources();
    if (slot == Slot.RUNTIME) {
      return true;
    } else if (slot == Slot.IDENTITY) {
      return actual.identity() != null;
    } else if (slot == Slot.CURRENT_MEMORY) {
      return resources.currentMemory() != null;
    } else if (slot == Slot.CURRENT_WIRED) {
      return resources.currentWired() != null;
    } else if (slot == Slot.DISK) {
      return resources.disk() != null;
    } else if (slot == Slot.SYSTEM_PROFILE) {
      return resources.system() != null;
    } else if (slot == Slot.ACCELERATOR) {
      return resources.system() != null && resources.system().accelerator() != null;
    } else if (slot == Slot.NETWORK) {
      return resources.network() != null;
    } else if (slot == Slot.PROCESSES) {
      return !actual.processes().isEmpty();
    }
    throw new IllegalArgumentException("slot " + slot + " has no field in the bundle; assert on the AssemblyReport");
  }
}
