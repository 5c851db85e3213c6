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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The live supervisor state of one runner, as Python Skulk's runner supervisor keeps it: status and
 * since when, phase and since when, last progress, active task and command, phase detail, last MLX
 * memory snapshot, the runner's {@link RunnerFlightRecorder}, task bookkeeping, last task sent and event
 * received, process liveness, and a ring of the last {@value #MILESTONE_CAPACITY} lifecycle
 * milestones. {@link #snapshot()} turns it into the bundle's {@link RunnerSupervisorDiagnostics}.
 *
 * <p>A new tracker is in status {@code RunnerCreated} (or the one its builder names) and phase
 * {@code created}, both since its creation, with one milestone {@code supervisor_created}.
 * Timestamps the tracker makes come from its {@link Clock}; the seconds spent in the current status
 * and phase come from its {@link Ticker}; timestamps carried by a runner update are kept as the
 * runner wrote them.
 *
 * <p><b>Thread-safety.</b> Thread-safe: every method may be called from any thread. State changes
 * and snapshots are serialised by one private lock, held for a few field writes (or, for a
 * snapshot, for copying at most {@code flightRecorderCapacity + 32} entries), so a snapshot is
 * consistent: its last flight-recorder entry is the update that set its {@code lastProgressAt}.
 *
 * <p><b>Cost.</b> {@link #applyUpdate} allocates a flight-recorder entry, its slot holder and a
 * milestone; cheap enough to call per token.
 */
public final class RunnerSupervisorTracker {

  /** The number of lifecycle milestones a tracker retains. */
  public static final int MILESTONE_CAPACITY = 32;

  /** The number of cancelled task ids a tracker retains (the most recent ones). */
  public static final int CANCELLED_TASK_CAPACITY = 64;

  /** The status a tracker starts in unless its builder names another. */
  public static final String DEFAULT_STATUS_KIND = "RunnerCreated";

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
  private final Map<String, RunnerTaskDiagnostics> pendingTasks = new LinkedHashMap<>();
  private final Map<String, RunnerTaskDiagnostics> inProgressTasks = new LinkedHashMap<>();
  private int completedTaskCount;
  private final LinkedHashSet<String> cancelledTaskIds = new LinkedHashSet<>();
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
    milestones.add(new RunnerLifecycleMilestone(now, "supervisor_created", null));
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
   * Applies one runner update: a phase other than the current one becomes the current phase,
   * started at the update's {@code at}; every update sets {@code lastProgressAt} to its {@code at}
   * and {@code phaseDetail} to its detail (null included); a non-null task id, command id or MLX
   * snapshot replaces the active one, a null one leaves it; the update goes into the flight
   * recorder; and a milestone {@code phase:<phase>} is recorded with the update's detail, or its
   * event name when it has no detail.
   */
  public void applyUpdate(RunnerDiagnosticUpdate update) {
    Objects.requireNonNull(update, "update");
    RunnerFlightRecorderEntry entry = RunnerFlightRecorderEntry.of(update);
    String milestoneDetail = update.detail() != null ? update.detail() : update.event();
    RunnerLifecycleMilestone milestone = new RunnerLifecycleMilestone(
        update.at(), "phase:" + update.phase().wireValue(), milestoneDetail);
    synchronized (lock) {
      if (update.phase() != phase) {
        long tick = ticker.read();
        phase = update.phase();
        phaseStartedAt = update.at();
        phaseStartedTick = tick;
        JfrHooks.endSupervisedPhase(jfrPhase);
        jfrPhase = JfrHooks.beginSupervisedPhase(
            runnerId, instanceId, deviceRank, phase, update.detail(), update.taskId());
      }
      lastProgressAt = update.at();
      phaseDetail = update.detail();
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
      addMilestone(milestone);
    }
    JfrHooks.update(runnerId, instanceId, deviceRank, update);
  }

  /** The runner's status changed to {@code statusKind} (a status class name such as {@code RunnerReady}), now. */
  public void statusChanged(String statusKind) {
    Objects.requireNonNull(statusKind, "statusKind");
    String now = now();
    String previous;
    synchronized (lock) {
      long tick = ticker.read();
      previous = this.statusKind;
      this.statusKind = statusKind;
      this.statusSince = now;
      this.statusStartedTick = tick;
      addMilestone(new RunnerLifecycleMilestone(now, "status:" + statusKind, null));
    }
    JfrHooks.statusChanged(runnerId, instanceId, deviceRank, previous, statusKind);
  }

  /**
   * A task was sent to the runner: it is pending until acknowledged, and {@code lastTaskSentAt} is
   * now. Sending a task id already pending or in progress replaces its description in place.
   */
  public void taskSent(RunnerTaskDiagnostics task) {
    Objects.requireNonNull(task, "task");
    String now = now();
    synchronized (lock) {
      if (inProgressTasks.containsKey(task.taskId())) {
        inProgressTasks.put(task.taskId(), task);
      } else {
        pendingTasks.put(task.taskId(), task);
      }
      lastTaskSentAt = now;
    }
    JfrHooks.taskChanged(runnerId, instanceId, deviceRank, task.taskId(), "sent");
  }

  /**
   * The runner acknowledged a task: it moves from pending to in progress.
   *
   * @return false when the task was not pending (unknown, or already acknowledged), which changes
   *     nothing
   */
  public boolean taskAcknowledged(String taskId) {
    Objects.requireNonNull(taskId, "taskId");
    synchronized (lock) {
      RunnerTaskDiagnostics task = pendingTasks.remove(taskId);
      if (task == null) {
        return false;
      }
      inProgressTasks.put(taskId, task);
    }
    JfrHooks.taskChanged(runnerId, instanceId, deviceRank, taskId, "acknowledged");
    return true;
  }

  /**
   * A task completed: it leaves the pending or in-progress tasks and the completed count grows by
   * one.
   *
   * @return false when the task was neither pending nor in progress, which changes nothing
   */
  public boolean taskCompleted(String taskId) {
    Objects.requireNonNull(taskId, "taskId");
    boolean known;
    synchronized (lock) {
      boolean wasInProgress = inProgressTasks.remove(taskId) != null;
      boolean wasPending = pendingTasks.remove(taskId) != null;
      known = wasInProgress || wasPending;
      if (known) {
        completedTaskCount++;
      }
    }
    if (known) {
      JfrHooks.taskChanged(runnerId, instanceId, deviceRank, taskId, "completed");
    }
    return known;
  }

  /**
   * A task was cancelled through this supervisor: it leaves the pending and in-progress tasks and
   * joins the cancelled task ids (the newest {@value #CANCELLED_TASK_CAPACITY} are kept; an id
   * already there is not repeated). Recorded even for a task this tracker never saw.
   */
  public void taskCancelled(String taskId) {
    Objects.requireNonNull(taskId, "taskId");
    synchronized (lock) {
      pendingTasks.remove(taskId);
      inProgressTasks.remove(taskId);
      if (cancelledTaskIds.add(taskId) && cancelledTaskIds.size() > CANCELLED_TASK_CAPACITY) {
        var oldest = cancelledTaskIds.iterator();
        oldest.next();
        oldest.remove();
      }
    }
    JfrHooks.taskChanged(runnerId, instanceId, deviceRank, taskId, "cancelled");
  }

  /** An event of type {@code eventType} (its class name, e.g. {@code RunnerStatusUpdated}) arrived from the runner, now. */
  public void eventReceived(String eventType) {
    Objects.requireNonNull(eventType, "eventType");
    String now = now();
    synchronized (lock) {
      lastEventReceivedAt = now;
      lastEventType = eventType;
    }
  }

  /** The runner's process started with {@code pid}: it is alive, with no exit code; milestone {@code process_started}. */
  public void processStarted(long pid) {
    String now = now();
    synchronized (lock) {
      this.pid = pid;
      this.processAlive = true;
      this.exitCode = null;
      addMilestone(new RunnerLifecycleMilestone(now, "process_started", "pid=" + pid));
    }
  }

  /**
   * The runner's process exited with {@code exitCode} (negative for a signal, as Python reports
   * it): it is no longer alive; milestone {@code process_exited}.
   */
  public void processExited(int exitCode) {
    String now = now();
    synchronized (lock) {
      this.processAlive = false;
      this.exitCode = exitCode;
      addMilestone(new RunnerLifecycleMilestone(now, "process_exited", "exit_code=" + exitCode));
    }
  }

  /** Whether the runner's process is alive: true between {@link #processStarted} and {@link #processExited}. */
  public boolean processAlive() {
    synchronized (lock) {
      return processAlive;
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
          List.copyOf(pendingTasks.keySet()),
          List.copyOf(inProgressTasks.values()),
          completedTaskCount,
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

  private void addMilestone(RunnerLifecycleMilestone milestone) {
    if (milestones.size() == MILESTONE_CAPACITY) {
      milestones.removeFirst();
    }
    milestones.addLast(milestone);
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
     * pid is not taken: the process is reported through {@link #processStarted}).
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
