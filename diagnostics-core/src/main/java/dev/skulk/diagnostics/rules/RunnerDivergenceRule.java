package dev.skulk.diagnostics.rules;

import static dev.skulk.diagnostics.rules.ShortIds.shortId;

import dev.skulk.diagnostics.model.InstancePlacementDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.PlacementRunnerDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.spi.DiagnosticRule;
import dev.skulk.diagnostics.state.ClusterStateView;
import dev.skulk.diagnostics.state.TaskView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Python Skulk's warnings for a live runner supervisor whose view of its tasks diverges from
 * event-sourced cluster state. For each supervisor whose process is alive and which has tasks in
 * progress:
 *
 * <ul>
 *   <li>when state has no active ({@code Pending} or {@code Running}) task of the supervisor's
 *       instance: {@code Runner <r> is still alive with <n> in-progress task(s), but event-sourced
 *       state shows no active tasks for instance <i>.}
 *   <li>otherwise, for each in-progress task: when state does not track it, {@code Runner <r>
 *       still reports <kind>:<t> in progress, but cluster state no longer tracks that task.}; when
 *       state's status is not active, {@code Runner <r> still reports <kind>:<t> in progress while
 *       cluster state says <status>.}; otherwise, when the instance has a placement and that
 *       placement's entry for this runner lists no active task with that id, {@code Runner <r>
 *       still reports <kind>:<t> in progress, but placement diagnostics show no active task on this
 *       runner.}
 * </ul>
 *
 * <p>Ids are shortened with {@link ShortIds#shortId(String)}. As in Python Skulk, each warning is
 * also a warning of the placement of the supervisor's instance ({@link #warningsByInstance}).
 *
 * <p>Stateless and thread-safe; linear in supervisors, tasks and placement entries.
 */
public final class RunnerDivergenceRule implements DiagnosticRule {

  /** The rule's stable name. */
  public static final String NAME = "skulk.runner-divergence";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> evaluate(NodeDiagnostics draft, ClusterStateView state) {
    Map<String, List<String>> byInstance =
        warningsByInstance(state.tasks(), draft.placements(), draft.supervisorRunners());
    List<String> all = new ArrayList<>();
    byInstance.values().forEach(all::addAll);
    return Warnings.sortedDistinct(all);
  }

  /**
   * The divergence warnings, keyed by the instance id of the supervisor they are about (in
   * supervisor order), each list sorted and distinct.
   *
   * @param stateTasks the tasks cluster state tracks
   * @param placements the placements built from cluster state (their runners' task lists are read)
   * @param supervisors the live runner supervisors of this node
   */
  public static Map<String, List<String>> warningsByInstance(
      Collection<TaskView> stateTasks,
      Collection<InstancePlacementDiagnostics> placements,
      Collection<RunnerSupervisorDiagnostics> supervisors) {
    Map<String, TaskView> taskById = new HashMap<>();
    for (TaskView task : stateTasks) {
      taskById.putIfAbsent(task.taskId(), task);
    }
    Map<String, InstancePlacementDiagnostics> placementByInstance = new HashMap<>();
    for (InstancePlacementDiagnostics placement : placements) {
      placementByInstance.putIfAbsent(placement.instanceId(), placement);
    }

    Map<String, List<String>> byInstance = new LinkedHashMap<>();
    for (RunnerSupervisorDiagnostics runner : supervisors) {
      if (!runner.processAlive() || runner.inProgressTasks().isEmpty()) {
        continue;
      }
      List<String> warnings = byInstance.computeIfAbsent(runner.instanceId(), k -> new ArrayList<>());
      if (!hasActiveTask(stateTasks, runner.instanceId())) {
        warnings.add(stillAlive(runner));
        continue;
      }
      InstancePlacementDiagnostics placement = placementByInstance.get(runner.instanceId());
      for (RunnerTaskDiagnostics task : runner.inProgressTasks()) {
        TaskView stateTask = taskById.get(task.taskId());
        if (stateTask == null) {
          warnings.add(noLongerTracked(runner.runnerId(), task));
        } else if (!stateTask.isActive()) {
          warnings.add(stateSays(runner.runnerId(), task, stateTask.taskStatus()));
        } else if (placement != null && !placementListsActiveTask(placement, runner.runnerId(), task.taskId())) {
          warnings.add(notInPlacement(runner.runnerId(), task));
        }
      }
    }
    Map<String, List<String>> sorted = new LinkedHashMap<>();
    byInstance.forEach(
        (instance, warnings) -> {
          if (!warnings.isEmpty()) {
            sorted.put(instance, Warnings.sortedDistinct(warnings));
          }
        });
    return sorted;
  }

  /** {@code Runner <r> is still alive with <n> in-progress task(s), but event-sourced state shows no active tasks for instance <i>.} */
  public static String stillAlive(RunnerSupervisorDiagnostics runner) {
    return "Runner " + shortId(runner.runnerId()) + " is still alive with "
        + runner.inProgressTasks().size() + " in-progress task(s), but event-sourced state shows "
        + "no active tasks for instance " + shortId(runner.instanceId()) + ".";
  }

  /** {@code Runner <r> still reports <kind>:<t> in progress, but cluster state no longer tracks that task.} */
  public static String noLongerTracked(String runnerId, RunnerTaskDiagnostics task) {
    return stillReports(runnerId, task) + " in progress, but cluster state no longer tracks that task.";
  }

  /** {@code Runner <r> still reports <kind>:<t> in progress while cluster state says <status>.} */
  public static String stateSays(String runnerId, RunnerTaskDiagnostics task, String status) {
    return stillReports(runnerId, task) + " in progress while cluster state says " + status + ".";
  }

  /** {@code Runner <r> still reports <kind>:<t> in progress, but placement diagnostics show no active task on this runner.} */
  public static String notInPlacement(String runnerId, RunnerTaskDiagnostics task) {
    return stillReports(runnerId, task)
        + " in progress, but placement diagnostics show no active task on this runner.";
  }

  private static String stillReports(String runnerId, RunnerTaskDiagnostics task) {
    return "Runner " + shortId(runnerId) + " still reports " + task.taskKind() + ":" + shortId(task.taskId());
  }

  private static boolean hasActiveTask(Collection<TaskView> stateTasks, String instanceId) {
    for (TaskView task : stateTasks) {
      if (task.instanceId().equals(instanceId) && task.isActive()) {
        return true;
      }
    }
    return false;
  }

  private static boolean placementListsActiveTask(
      InstancePlacementDiagnostics placement, String runnerId, String taskId) {
    PlacementRunnerDiagnostics entry = entryFor(placement, runnerId);
    if (entry == null) {
      return false;
    }
    for (RunnerTaskDiagnostics task : entry.tasks()) {
      if (task.taskId().equals(taskId) && isActive(task.taskStatus())) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable PlacementRunnerDiagnostics entryFor(
      InstancePlacementDiagnostics placement, String runnerId) {
    for (PlacementRunnerDiagnostics entry : placement.runners()) {
      if (entry.runnerId().equals(runnerId)) {
        return entry;
      }
    }
    return null;
  }

  private static boolean isActive(String status) {
    return "Pending".equals(status) || "Running".equals(status);
  }

  @Override
  public String toString() {
    return NAME;
  }
}
