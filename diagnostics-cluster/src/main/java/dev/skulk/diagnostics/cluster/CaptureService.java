package dev.skulk.diagnostics.cluster;

import dev.skulk.diagnostics.model.DiagnosticCaptureRequest;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.DiagnosticProcessSample;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.model.Timestamps;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * On-demand capture of this node (Python Skulk's {@code POST /v1/diagnostics/node/capture}): builds
 * the node bundle, picks the runner the request names, and, when asked, samples its process.
 *
 * <p>Matching: the first runner (in the bundle's order) whose id equals {@code runnerId} when given
 * and that knows {@code taskId} when given (in progress, pending, cancelled or active). A request
 * with a filter that matches nothing is a {@link NoMatchingRunnerException}; a request without
 * filters matches no runner (as upstream's {@code API._match_capture_runner}), so its capture has
 * no runner, flight recorder, MLX memory, process samples or warnings. Warnings, in this order:
 * {@code Matched runner has no known subprocess PID.} or, when the runner's supervisor reports its
 * process dead ({@code processAlive}), {@code Matched runner process is no longer alive.} (only when
 * samples were asked), then {@code Matched runner has not reported an MLX memory
 * snapshot yet.}.
 *
 * <p>Thread-safe. At most one capture runs at a time: a second concurrent call fails fast with
 * {@link CaptureBusyException}. Cost: one node bundle, plus the sampler's commands when asked (on
 * macOS up to d+5+8+8 seconds; they run on the calling thread, bounded by their timeouts).
 */
public final class CaptureService {

  static final String NO_PID = "Matched runner has no known subprocess PID.";
  static final String NOT_ALIVE = "Matched runner process is no longer alive.";
  static final String NO_MLX = "Matched runner has not reported an MLX memory snapshot yet.";

  private final Supplier<NodeDiagnostics> localNode;
  private final @Nullable String nodeId;
  private final ProcessSampler sampler;
  private final Clock clock;
  private final AtomicBoolean running = new AtomicBoolean();

  private CaptureService(Builder b) {
    this.localNode = b.localNode;
    this.nodeId = b.nodeId;
    this.sampler = b.sampler == null ? ProcessSampler.forCurrentOs(CommandRunner.system()) : b.sampler;
    this.clock = b.clock;
  }

  /** A builder capturing the bundles of {@code localNode} (for example {@code assembler::assembleNode}). */
  public static Builder builder(Supplier<NodeDiagnostics> localNode) {
    return new Builder(localNode);
  }

  /**
   * Runs one capture.
   *
   * @throws InvalidCaptureRequestException when the sample duration is not within 1..10 seconds
   * @throws CaptureBusyException when another capture is running
   * @throws NoMatchingRunnerException when a runner or task filter matches no local runner
   * @throws RuntimeException what the node supplier throws
   */
  public DiagnosticCaptureResponse capture(DiagnosticCaptureRequest request) {
    Objects.requireNonNull(request, "request");
    validate(request);
    if (!running.compareAndSet(false, true)) {
      throw new CaptureBusyException();
    }
    try {
      return captureNow(request);
    } finally {
      running.set(false);
    }
  }

  /** Whether a capture is running now. */
  public boolean isBusy() {
    return running.get();
  }

  private DiagnosticCaptureResponse captureNow(DiagnosticCaptureRequest request) {
    NodeDiagnostics node = Objects.requireNonNull(localNode.get(), "local node supplier returned null");
    RunnerSupervisorDiagnostics runner = match(node.supervisorRunners(), request.runnerId(), request.taskId());
    if (runner == null && (request.runnerId() != null || request.taskId() != null)) {
      throw new NoMatchingRunnerException();
    }
    List<String> warnings = new ArrayList<>();
    List<DiagnosticProcessSample> samples = List.of();
    if (runner != null) {
      if (request.includeProcessSamples()) {
        Long pid = runner.pid();
        if (pid == null) {
          warnings.add(NO_PID);
        } else if (!runner.processAlive()) {
          // upstream asks the supervisor's processAlive, not the OS: a runner of another host's
          // pid namespace (or a recycled pid) is judged as its supervisor reports it
          warnings.add(NOT_ALIVE);
        } else {
          samples = sampler.sample(pid, request.sampleDurationSeconds());
        }
      }
      if (runner.lastMlxMemory() == null) {
        warnings.add(NO_MLX);
      }
    }
    return new DiagnosticCaptureResponse(
        Timestamps.format(clock.instant()),
        nodeId != null ? nodeId : node.runtime().nodeId(),
        node,
        runner,
        runner == null ? List.of() : runner.flightRecorder(),
        runner == null ? null : runner.lastMlxMemory(),
        samples,
        warnings);
  }

  /**
   * Checks what the HTTP layer answers 400 for.
   *
   * @throws InvalidCaptureRequestException when the sample duration is not within 1..10 seconds
   */
  public static void validate(DiagnosticCaptureRequest request) {
    double d = request.sampleDurationSeconds();
    if (!(d >= 1.0 && d <= 10.0)) {
      throw new InvalidCaptureRequestException(
          "sampleDurationSeconds must be between 1 and 10, was " + d);
    }
  }

  /**
   * The first runner matching the filters (a null filter matches anything), or null; null when
   * both filters are null, as upstream's {@code _match_capture_runner}.
   */
  static @Nullable RunnerSupervisorDiagnostics match(
      List<RunnerSupervisorDiagnostics> runners, @Nullable String runnerId, @Nullable String taskId) {
    if (runnerId == null && taskId == null) {
      return null;
    }
    for (RunnerSupervisorDiagnostics runner : runners) {
      if (runnerId != null && !runnerId.equals(runner.runnerId())) {
        continue;
      }
      if (taskId != null && !knowsTask(runner, taskId)) {
        continue;
      }
      return runner;
    }
    return null;
  }

  private static boolean knowsTask(RunnerSupervisorDiagnostics runner, String taskId) {
    for (RunnerTaskDiagnostics task : runner.inProgressTasks()) {
      if (taskId.equals(task.taskId())) {
        return true;
      }
    }
    return runner.pendingTaskIds().contains(taskId)
        || runner.cancelledTaskIds().contains(taskId)
        || taskId.equals(runner.activeTaskId());
  }

  /**
   * Builds a {@link CaptureService}. Not thread-safe; the service it builds is.
   *
   * <p>Defaults: node id from each bundle's runtime, the current OS's {@link ProcessSampler} over
   * {@link CommandRunner#system()}, the UTC system clock.
   */
  public static final class Builder {
    private final Supplier<NodeDiagnostics> localNode;
    private @Nullable String nodeId;
    private @Nullable ProcessSampler sampler;
    private Clock clock = Clock.systemUTC();

    private Builder(Supplier<NodeDiagnostics> localNode) {
      this.localNode = Objects.requireNonNull(localNode, "localNode");
    }

    /** The node id written into responses; by default the bundle's {@code runtime.nodeId}. */
    public Builder nodeId(String nodeId) {
      this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
      return this;
    }

    /** How a matched runner's process is sampled. */
    public Builder processSampler(ProcessSampler sampler) {
      this.sampler = Objects.requireNonNull(sampler, "sampler");
      return this;
    }

    /** The current OS's sampler running its tools through {@code runner}. */
    public Builder commandRunner(CommandRunner runner) {
      return processSampler(ProcessSampler.forCurrentOs(Objects.requireNonNull(runner, "runner")));
    }

    /** The clock of {@code generatedAt}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The service. */
    public CaptureService build() {
      return new CaptureService(this);
    }
  }
}
