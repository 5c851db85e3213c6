package dev.skulk.diagnostics.runner;

import dev.skulk.diagnostics.jfr.internal.JfrHooks;
import dev.skulk.diagnostics.jfr.internal.SupervisedPhaseEvent;
import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.RunnerDiagnosticContext;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import dev.skulk.diagnostics.model.RunnerFlightRecorderEntry;
import dev.skulk.diagnostics.model.RunnerLifecycleMilestone;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.model.Timestamps;
import dev.skulk.diagnostics.time.Ticker;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The live supervisor state of one runner, kept as Python Skulk's {@code RunnerSupervisor}
 * ({@code worker/runner/runner_supervisor.py}) keeps it, for the bundle's {@code
 * supervisorRunners}: status and since when, phase and since when, last progress, active task and
 * command, phase detail, last MLX memory snapshot, the runner's {@link RunnerFlightRecorder}, the
 * pending, in-progress, completed and cancelled tasks, last task sent and event received, the
 * process, and a ring of the last {@value #MILESTONE_CAPACITY} lifecycle milestones. {@link
 * #snapshot()} turns it into the bundle's {@link RunnerSupervisorDiagnostics}.
 *
 * <p>A host's supervisor calls one method per lifecycle step, each with upstream's effects:
 *
 * <table>
 *   <caption>Steps and what each records</caption>
 *   <tr><th>step</th><th>method</th><th>milestones (detail)</th></tr>
 *   <tr><td>created</td><td>{@link #builder()}</td><td>{@code supervisor_created} (the status, {@code RunnerIdle})</td></tr>
 *   <tr><td>process start</td><td>{@link #processStartRequested}, {@link #processStarted}</td>
 *       <td>{@code process_start_requested}, {@code process_started} ({@code pid=<pid>})</td></tr>
 *   <tr><td>process exit</td><td>{@link #processExited}</td><td>none (a {@link #runnerCheck} follows)</td></tr>
 *   <tr><td>task sent</td><td>{@link #taskSent}</td><td>{@code task_sent} ({@code <Kind>:<id>})</td></tr>
 *   <tr><td>task pipe closed</td><td>{@link #taskSendFailed}</td><td>{@code task_send_failed} ({@code <Kind>:<id>})</td></tr>
 *   <tr><td>cancel asked</td><td>{@link #cancelRequested}</td><td>{@code cancel_requested}, {@code phase:cancel_requested} (the id)</td></tr>
 *   <tr><td>runner checked</td><td>{@link #runnerCheck}</td><td>{@code runner_check} (the cause), then {@code shutdown_requested} on a failure</td></tr>
 *   <tr><td>shutdown</td><td>{@link #shutdownRequested}</td><td>{@code shutdown_requested}</td></tr>
 *   <tr><td>event from the runner</td><td>{@link #eventReceived}</td><td>{@code event_received} (its type)</td></tr>
 *   <tr><td>status reported</td><td>{@link #statusChanged}</td><td>{@code event_received}, {@code status_changed} (the status)</td></tr>
 *   <tr><td>task acknowledged</td><td>{@link #taskAcknowledged}</td><td>{@code event_received}, {@code task_acknowledged} (the id)</td></tr>
 *   <tr><td>task finished</td><td>{@link #taskStatusUpdated} ({@link #taskCompleted}, {@link #taskFailed},
 *       {@link #taskTimedOut}, {@link #taskCancelled})</td><td>{@code event_received}, then {@code task_completed},
 *       {@code task_cancelled} and {@code task_deleted}, or {@code task_terminal} ({@code <Status>:<id>}); a second
 *       terminal status of a task: {@code terminal_status_suppressed}</td></tr>
 *   <tr><td>runner diagnostic update</td><td>{@link #applyUpdate}</td><td>{@code phase:<phase>} (its detail, or its event
 *       when the detail is empty)</td></tr>
 * </table>
 *
 * <p>A new tracker is in status {@code RunnerIdle} and phase {@code created}, both since its
 * creation. Every timestamp the tracker makes (milestones, status since, last task sent, last event
 * received, its own flight-recorder entries) comes from its {@link Clock} when the step happens;
 * the seconds spent in the current status and phase come from its {@link Ticker}; the timestamps a
 * runner update carries ({@code at}, so the phase's start and the last progress) are kept as the
 * runner wrote them. Like upstream, the task bookkeeping grows with the tasks a runner ever saw
 * (a runner's life is one instance's); the flight recorder and the milestones are bounded.
 *
 * <p><b>Thread-safety.</b> Thread-safe: every method may be called from any thread. State changes
 * and snapshots are serialised by one private lock, held for a few field writes (or, for a
 * snapshot, for copying the retained entries and tasks), so a snapshot is consistent: its last
 * flight-recorder entry is the update that set its {@code lastProgressAt}.
 *
 * <p><b>Cost.</b> {@link #applyUpdate} allocates a flight-recorder entry, its slot holder, a
 * milestone and a timestamp string; cheap enough to call per token.
 */
public final class RunnerSupervisorTracker {

  /** The number of lifecycle milestones a tracker retains, as upstream's supervisor. */
  public static final int MILESTONE_CAPACITY = 32;

  /** The status a tracker starts in unless its builder names another: upstream's default. */
  public static final String DEFAULT_STATUS_KIND = "RunnerIdle";

  /** The status a failed {@link #runnerCheck} leaves, as upstream. */
  public static final String FAILED_STATUS_KIND = "RunnerFailed";

  /** The phase and event of the flight-recorder entry a {@link #cancelRequested} records. */
  static final String CANCEL_EVENT = "supervisor_cancel_requested";

  /**
   * A task's status as a runner reports it ({@code TaskStatusUpdated}); the last four are
   * terminal.
   */
  public enum TaskStatus {
    /** Not started. */
    PENDING("Pending"),
    /** Running. */
    RUNNING("Running"),
    /** Completed. */
    COMPLETE("Complete"),
    /** Timed out. */
    TIMED_OUT("TimedOut"),
    /** Failed. */
    FAILED("Failed"),
    /** Cancelled. */
    CANCELLED("Cancelled");

    private final String wireValue;

    TaskStatus(String wireValue) {
      this.wireValue = wireValue;
    }

    /** The status as Python Skulk names it ({@code TimedOut}, ...). */
    public String wireValue() {
      return wireValue;
    }

    /** Whether the task is over: complete, timed out, failed or cancelled. */
    public boolean terminal() {
      return this != PENDING && this != RUNNING;
    }
  }

  private final String runnerId;
  private final String instanceId;
  private final String nodeId;
  private final String modelId;
  private final int deviceRank;
  private final int worldSize;
  private final int startLayer;
  private final int endLayer;
  private final int nLayers;
  private final Clock clock;
  private final Ticker ticker;
  private final RunnerFlightRecorder<RunnerFlightRecorderEntry> flightRecorder;

  private final Object lock = new Object();
  // Everything below is guarded by lock.
  private @Nullable Long pid;
  private boolean processAlive;
  private @Nullable Integer exitCode;
  private String statusKind;
  private String statusSince;
  private long statusStartedTick;
  private RunnerPhase phase = RunnerPhase.CREATED;
  private String phaseStartedAt;
  private long phaseStartedTick;
  private @Nullable String lastProgressAt;
  private @Nullable String activeTaskId;
  private @Nullable String activeCommandId;
  private @Nullable String phaseDetail;
  private @Nullable MlxMemorySnapshot lastMlxMemory;
  private final Set<String> pendingTaskIds = new LinkedHashSet<>();
  private final Map<String, RunnerTaskDiagnostics> inProgressTasks = new LinkedHashMap<>();
  private final Set<String> completedTaskIds = new HashSet<>();
  private final Set<String> cancelledTaskIds = new LinkedHashSet<>();
  private final Set<String> terminalForwarded = new HashSet<>();
  private @Nullable String lastTaskSentAt;
  private @Nullable String lastEventReceivedAt;
  private @Nullable String lastEventType;
  private final ArrayDeque<RunnerLifecycleMilestone> milestones =
      new ArrayDeque<>(MILESTONE_CAPACITY);
  private @Nullable SupervisedPhaseEvent jfrPhase; // JFR: the current phase, timed only under a recording

  private RunnerSupervisorTracker(Builder builder) {
    this.runnerId = Objects.requireNonNull(builder.runnerId, "runnerId is required");
    this.instanceId = Objects.requireNonNull(builder.instanceId, "instanceId is required");
    this.nodeId = Objects.requireNonNull(builder.nodeId, "nodeId is required");
    this.modelId = Objects.requireNonNull(builder.modelId, "modelId is required");
    this.deviceRank = builder.deviceRank;
    this.worldSize = builder.worldSize;
    this.startLayer = builder.startLayer;
    this.endLayer = builder.endLayer;
    this.nLayers = builder.nLayers;
    this.clock = builder.clock;
    this.ticker = builder.ticker;
    this.flightRecorder = new RunnerFlightRecorder<>(builder.flightRecorderCapacity);
    String now = now();
    long tick = ticker.read();
    this.statusKind = builder.statusKind;
    this.statusSince = now;
    this.statusStartedTick = tick;
    this.phaseStartedAt = now;
    this.phaseStartedTick = tick;
    milestones.add(new RunnerLifecycleMilestone(now, "supervisor_created", statusKind));
    this.jfrPhase = JfrHooks.beginSupervisedPhase(runnerId, instanceId, deviceRank, phase, null, null);
  }

  /** A builder for a tracker; runnerId, instanceId, nodeId and modelId are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The runner this tracker follows. */
  public String runnerId() {
    return runnerId;
  }

  /**
   * Applies one runner diagnostic update, as upstream's {@code _apply_diagnostic_update}: a phase
   * other than the current one becomes the current phase, started at the update's {@code at}; every
   * update sets {@code lastProgressAt} to its {@code at} and {@code phaseDetail} to its detail (null
   * included); a non-null task id, command id or MLX snapshot replaces the active one, a null one
   * leaves it; the update goes into the flight recorder; and a milestone {@code phase:<phase>} is
   * recorded now, with the update's detail, or its event name when the detail is null or empty.
   */
  public void applyUpdate(RunnerDiagnosticUpdate update) {
    Objects.requireNonNull(update, "update");
    RunnerFlightRecorderEntry entry = RunnerFlightRecorderEntry.of(update);
    String detail = update.detail();
    String milestoneDetail = detail == null || detail.isEmpty() ? update.event() : detail;
    synchronized (lock) {
      if (update.phase() != phase) {
        phase = update.phase();
        phaseStartedAt = update.at();
        phaseStartedTick = ticker.read();
        JfrHooks.endSupervisedPhase(jfrPhase);
        jfrPhase = JfrHooks.beginSupervisedPhase(runnerId, instanceId, deviceRank, phase, detail, update.taskId());
      }
      lastProgressAt = update.at();
      phaseDetail = detail;
      if (update.taskId() != null) {
        activeTaskId = update.taskId();
      }
      if (update.commandId() != null) {
        activeCommandId = update.commandId();
      }
      if (update.mlxMemory() != null) {
        lastMlxMemory = update.mlxMemory();
      }
      flightRecorder.record(entry);
      milestone("phase:" + update.phase().wireValue(), milestoneDetail);
    }
    JfrHooks.update(runnerId, instanceId, deviceRank, update);
  }

  /** The supervisor is about to start the runner's process: milestone {@code process_start_requested}. */
  public void processStartRequested() {
    synchronized (lock) {
      milestone("process_start_requested", null);
    }
  }

  /**
   * The runner's process started with {@code pid}: it is alive, with no exit code; milestone
   * {@code process_started} ({@code pid=<pid>}).
   */
  public void processStarted(long pid) {
    synchronized (lock) {
      this.pid = pid;
      this.processAlive = true;
      this.exitCode = null;
      milestone("process_started", "pid=" + pid);
    }
  }

  /**
   * The runner's process exited with {@code exitCode} (negative for a signal, as Python reports
   * it): it is no longer alive. Records no milestone, as upstream, whose supervisor sees an exit
   * only through a {@link #runnerCheck}.
   */
  public void processExited(int exitCode) {
    synchronized (lock) {
      this.processAlive = false;
      this.exitCode = exitCode;
    }
  }

  /** Whether the runner's process is alive: true between {@link #processStarted} and {@link #processExited}. */
  public boolean processAlive() {
    synchronized (lock) {
      return processAlive;
    }
  }

  /**
   * The supervisor sends {@code task} to the runner, as upstream's {@code start_task}: unless the
   * task is already pending or completed (then nothing changes), it is pending (until acknowledged)
   * and in progress (until it finishes), {@code lastTaskSentAt} is now, and milestone {@code
   * task_sent} ({@code <Kind>:<id>}) is recorded. Sending a task again after its acknowledgement
   * makes it pending again and replaces its description, keeping its place among the tasks in
   * progress.
   *
   * @return false when the task was already pending or completed and was not sent
   */
  public boolean taskSent(RunnerTaskDiagnostics task) {
    Objects.requireNonNull(task, "task");
    String taskId = task.taskId();
    synchronized (lock) {
      if (pendingTaskIds.contains(taskId) || completedTaskIds.contains(taskId)) {
        return false;
      }
      pendingTaskIds.add(taskId);
      inProgressTasks.put(taskId, task);
      lastTaskSentAt = now();
      milestone("task_sent", task.taskKind() + ":" + taskId);
    }
    JfrHooks.taskChanged(runnerId, instanceId, deviceRank, taskId, "sent");
    return true;
  }

  /**
   * Sending {@code task} failed because the runner closed its task pipe, as upstream handles it:
   * the task is no longer in progress (it stays pending, as upstream leaves it) and milestone {@code
   * task_send_failed} ({@code <Kind>:<id>}) is recorded. Call it after {@link #taskSent}.
   */
  public void taskSendFailed(RunnerTaskDiagnostics task) {
    Objects.requireNonNull(task, "task");
    synchronized (lock) {
      inProgressTasks.remove(task.taskId());
      milestone("task_send_failed", task.taskKind() + ":" + task.taskId());
    }
  }

  /**
   * The supervisor asks the runner to cancel {@code taskId}, as upstream's {@code cancel_task}:
   * the id joins the cancelled task ids; unless the task already completed (then nothing else is
   * recorded), milestone {@code cancel_requested} is recorded and so is a supervisor-authored
   * runner update (phase and event {@code cancel_requested} / {@code supervisor_cancel_requested},
   * detail and task id {@code taskId}, this runner's context, at now), applied as {@link
   * #applyUpdate} applies one: it moves the phase, {@code phaseDetail}, {@code activeTaskId} and
   * {@code lastProgressAt}. The task stays in progress until the runner reports it cancelled. When
   * the host's cancel pipe then blocks, upstream checks the runner: call {@link
   * #runnerCheck}{@code ("TimeoutError")}.
   *
   * @return false when the task had already completed
   */
  public boolean cancelRequested(String taskId) {
    Objects.requireNonNull(taskId, "taskId");
    synchronized (lock) {
      cancelledTaskIds.add(taskId);
      if (completedTaskIds.contains(taskId)) {
        return false;
      }
      milestone("cancel_requested", taskId);
      RunnerDiagnosticContext context = new RunnerDiagnosticContext(nodeId, runnerId, pid,
          instanceId, modelId, deviceRank, worldSize, startLayer, endLayer, nLayers);
      RunnerDiagnosticUpdate update = new RunnerDiagnosticUpdate(now(), RunnerPhase.CANCEL_REQUESTED,
          CANCEL_EVENT, taskId, Map.of(), context, taskId, null, null);
      applyUpdate(update);
    }
    JfrHooks.taskChanged(runnerId, instanceId, deviceRank, taskId, "cancel_requested");
    return true;
  }

  /**
   * The supervisor checks its runner after {@code cause} (the class name of what made it look:
   * {@code RuntimeError} when its watcher found the process dead, {@code TimeoutError} when the
   * cancel pipe blocked, {@code ClosedResourceError} when the event pipe closed, ...), as upstream's
   * {@code _check_runner}: milestone {@code runner_check} (the cause); then, unless the process
   * exited with code 0, the status becomes {@code RunnerFailed} (its {@code statusSince} is left as
   * it was, as upstream leaves it) and the supervisor shuts down (milestone {@code
   * shutdown_requested}). A process still alive counts as failed, as upstream, which reads no exit
   * code from a process that does not exit when joined.
   *
   * @return whether the runner was found failed
   */
  public boolean runnerCheck(String cause) {
    Objects.requireNonNull(cause, "cause");
    synchronized (lock) {
      milestone("runner_check", cause);
      if (exitCode != null && exitCode == 0) {
        return false;
      }
      statusKind = FAILED_STATUS_KIND;
      milestone("shutdown_requested", null);
      return true;
    }
  }

  /** The supervisor shuts down: milestone {@code shutdown_requested}. */
  public void shutdownRequested() {
    synchronized (lock) {
      milestone("shutdown_requested", null);
    }
  }

  /**
   * An event of type {@code eventType} (its class name, such as {@code ChunkGenerated}) arrived
   * from the runner, now: {@code lastEventReceivedAt} and {@code lastEventType} are set and milestone
   * {@code event_received} (the type) is recorded. The methods for the events the supervisor acts on
   * ({@link #statusChanged}, {@link #taskAcknowledged}, {@link #taskStatusUpdated}) do this
   * themselves; this is for every other event.
   */
  public void eventReceived(String eventType) {
    Objects.requireNonNull(eventType, "eventType");
    synchronized (lock) {
      received(eventType);
    }
  }

  /**
   * The runner reported status {@code statusKind} (a status class name such as {@code
   * RunnerReady}; a {@code RunnerStatusUpdated} event): {@link #eventReceived} for it, then the
   * status and {@code statusSince} are now's and milestone {@code status_changed} (the status) is
   * recorded.
   */
  public void statusChanged(String statusKind) {
    Objects.requireNonNull(statusKind, "statusKind");
    String previous;
    synchronized (lock) {
      received("RunnerStatusUpdated");
      previous = this.statusKind;
      this.statusKind = statusKind;
      this.statusSince = now();
      this.statusStartedTick = ticker.read();
      milestone("status_changed", statusKind);
    }
    JfrHooks.statusChanged(runnerId, instanceId, deviceRank, previous, statusKind);
  }

  /**
   * The runner acknowledged {@code taskId} (a {@code TaskAcknowledged} event): {@link
   * #eventReceived} for it, the task is no longer pending (it stays in progress), and milestone
   * {@code task_acknowledged} (the id) is recorded, whether or not the task was pending.
   *
   * @return whether the task was pending
   */
  public boolean taskAcknowledged(String taskId) {
    Objects.requireNonNull(taskId, "taskId");
    boolean wasPending;
    synchronized (lock) {
      received("TaskAcknowledged");
      wasPending = pendingTaskIds.remove(taskId);
      milestone("task_acknowledged", taskId);
    }
    JfrHooks.taskChanged(runnerId, instanceId, deviceRank, taskId, "acknowledged");
    return wasPending;
  }

  /**
   * The runner reported {@code status} for {@code taskId} (a {@code TaskStatusUpdated} event):
   * {@link #eventReceived} for it; a non-terminal status changes nothing else. A terminal one, the
   * first for that task, takes the task out of the tasks in progress (not out of the pending ones,
   * as upstream) and records: {@code Complete}, the task joins the completed ones, milestone {@code
   * task_completed}; {@code Cancelled}, it joins the cancelled ones, milestones {@code
   * task_cancelled} then {@code task_deleted} (upstream deletes a cancelled task at once);
   * otherwise milestone {@code task_terminal} ({@code <Status>:<id>}). A second terminal status
   * for the same task only records {@code terminal_status_suppressed}, and the host should not
   * forward it.
   *
   * @return false when this was a repeated terminal status (suppressed), true otherwise
   */
  public boolean taskStatusUpdated(String taskId, TaskStatus status) {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(status, "status");
    synchronized (lock) {
      received("TaskStatusUpdated");
      if (!status.terminal()) {
        return true;
      }
      if (!terminalForwarded.add(taskId)) {
        milestone("terminal_status_suppressed", taskId);
        return false;
      }
      inProgressTasks.remove(taskId);
      switch (status) {
        case COMPLETE -> {
          completedTaskIds.add(taskId);
          milestone("task_completed", taskId);
        }
        case CANCELLED -> {
          cancelledTaskIds.add(taskId);
          milestone("task_cancelled", taskId);
          milestone("task_deleted", taskId);
        }
        default -> milestone("task_terminal", status.wireValue() + ":" + taskId);
      }
    }
    JfrHooks.taskChanged(runnerId, instanceId, deviceRank, taskId, switch (status) {
      case COMPLETE -> "completed";
      case CANCELLED -> "cancelled";
      case TIMED_OUT -> "timed_out";
      default -> "failed";
    });
    return true;
  }

  /** {@link #taskStatusUpdated} with {@link TaskStatus#COMPLETE}. */
  public boolean taskCompleted(String taskId) {
    return taskStatusUpdated(taskId, TaskStatus.COMPLETE);
  }

  /** {@link #taskStatusUpdated} with {@link TaskStatus#FAILED}. */
  public boolean taskFailed(String taskId) {
    return taskStatusUpdated(taskId, TaskStatus.FAILED);
  }

  /** {@link #taskStatusUpdated} with {@link TaskStatus#TIMED_OUT}. */
  public boolean taskTimedOut(String taskId) {
    return taskStatusUpdated(taskId, TaskStatus.TIMED_OUT);
  }

  /**
   * {@link #taskStatusUpdated} with {@link TaskStatus#CANCELLED}: the runner reports the task
   * cancelled. (Asking the runner to cancel is {@link #cancelRequested}.)
   */
  public boolean taskCancelled(String taskId) {
    return taskStatusUpdated(taskId, TaskStatus.CANCELLED);
  }

  /**
   * Milestone {@code task_deleted} (the id), for a host whose supervisor deletes a task on a path
   * of its own; a cancelled task's deletion is already recorded by {@link #taskStatusUpdated}.
   */
  public void taskDeleted(String taskId) {
    Objects.requireNonNull(taskId, "taskId");
    synchronized (lock) {
      milestone("task_deleted", taskId);
    }
  }

  /** The current state as the bundle reports it. */
  public RunnerSupervisorDiagnostics snapshot() {
    synchronized (lock) {
      long tick = ticker.read();
      return new RunnerSupervisorDiagnostics(
          runnerId,
          instanceId,
          nodeId,
          modelId,
          deviceRank,
          worldSize,
          startLayer,
          endLayer,
          nLayers,
          pid,
          processAlive,
          exitCode,
          statusKind,
          statusSince,
          secondsSince(statusStartedTick, tick),
          phase,
          phaseStartedAt,
          secondsSince(phaseStartedTick, tick),
          lastProgressAt,
          activeTaskId,
          activeCommandId,
          phaseDetail,
          lastMlxMemory,
          flightRecorder.snapshot(),
          List.copyOf(pendingTaskIds),
          List.copyOf(inProgressTasks.values()),
          completedTaskIds.size(),
          List.copyOf(cancelledTaskIds),
          lastTaskSentAt,
          lastEventReceivedAt,
          lastEventType,
          new ArrayList<>(milestones));
    }
  }

  /** How many updates this tracker's flight recorder ever recorded (Java only, never on the wire). */
  public long flightRecorderRecordedCount() {
    return flightRecorder.recordedCount();
  }

  /** How many updates this tracker's flight recorder evicted (Java only, never on the wire). */
  public long flightRecorderOverwrittenCount() {
    return flightRecorder.overwrittenCount();
  }

  // Callers hold lock.
  private void received(String eventType) {
    String now = now();
    lastEventReceivedAt = now;
    lastEventType = eventType;
    milestone("event_received", eventType);
  }

  // Callers hold lock. Stamped now, when the step happens, as upstream stamps its milestones.
  private void milestone(String name, @Nullable String detail) {
    if (milestones.size() == MILESTONE_CAPACITY) {
      milestones.removeFirst();
    }
    milestones.addLast(new RunnerLifecycleMilestone(now(), name, detail));
  }

  private String now() {
    return Timestamps.format(clock.instant());
  }

  private static double secondsSince(long startTick, long nowTick) {
    // Never negative, even with a ticker that misbehaves.
    return Math.max(0L, nowTick - startTick) / 1e9;
  }

  /**
   * Builds a {@link RunnerSupervisorTracker}. Not thread-safe; {@link #build()} may be called more
   * than once, each time for a new tracker.
   */
  public static final class Builder {
    private @Nullable String runnerId;
    private @Nullable String instanceId;
    private @Nullable String nodeId;
    private @Nullable String modelId;
    private int deviceRank;
    private int worldSize = 1;
    private int startLayer;
    private int endLayer;
    private int nLayers;
    private String statusKind = DEFAULT_STATUS_KIND;
    private Clock clock = Clock.systemUTC();
    private Ticker ticker = Ticker.system();
    private int flightRecorderCapacity = RunnerFlightRecorder.DEFAULT_CAPACITY;

    private Builder() {}

    /**
     * Takes the runner's whole static identity from the context its updates carry (the context's
     * pid is not taken: the process is reported through {@link RunnerSupervisorTracker#processStarted}).
     */
    public Builder identity(RunnerDiagnosticContext context) {
      return runnerId(context.runnerId())
          .instanceId(context.instanceId())
          .nodeId(context.nodeId())
          .modelId(context.modelId())
          .deviceRank(context.rank())
          .worldSize(context.worldSize())
          .startLayer(context.startLayer())
          .endLayer(context.endLayer())
          .nLayers(context.nLayers());
    }

    /** The runner's id (required). */
    public Builder runnerId(String runnerId) {
      this.runnerId = Objects.requireNonNull(runnerId, "runnerId");
      return this;
    }

    /** The instance the runner serves (required). */
    public Builder instanceId(String instanceId) {
      this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
      return this;
    }

    /** The node that owns the runner (required). */
    public Builder nodeId(String nodeId) {
      this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
      return this;
    }

    /** The model assigned to the runner (required). */
    public Builder modelId(String modelId) {
      this.modelId = Objects.requireNonNull(modelId, "modelId");
      return this;
    }

    /** The runner's distributed device rank; default 0. */
    public Builder deviceRank(int deviceRank) {
      this.deviceRank = deviceRank;
      return this;
    }

    /** The distributed world size; default 1. */
    public Builder worldSize(int worldSize) {
      this.worldSize = worldSize;
      return this;
    }

    /** The first model layer on the runner's shard, inclusive; default 0. */
    public Builder startLayer(int startLayer) {
      this.startLayer = startLayer;
      return this;
    }

    /** The last model layer on the runner's shard, exclusive; default 0. */
    public Builder endLayer(int endLayer) {
      this.endLayer = endLayer;
      return this;
    }

    /** The model's total number of layers; default 0. */
    public Builder nLayers(int nLayers) {
      this.nLayers = nLayers;
      return this;
    }

    /** The status the runner starts in; default {@value RunnerSupervisorTracker#DEFAULT_STATUS_KIND}. */
    public Builder statusKind(String statusKind) {
      this.statusKind = Objects.requireNonNull(statusKind, "statusKind");
      return this;
    }

    /** Where timestamps come from; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where elapsed time comes from; default {@link Ticker#system()}. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** How many updates the flight recorder keeps; default {@value RunnerFlightRecorder#DEFAULT_CAPACITY}. */
    public Builder flightRecorderCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("flightRecorderCapacity must be at least 1, was " + capacity);
      }
      this.flightRecorderCapacity = capacity;
      return this;
    }

    /**
     * A new tracker, created now.
     *
     * @throws NullPointerException when runnerId, instanceId, nodeId or modelId was not given
     */
    public RunnerSupervisorTracker build() {
      return new RunnerSupervisorTracker(this);
    }
  }
}
