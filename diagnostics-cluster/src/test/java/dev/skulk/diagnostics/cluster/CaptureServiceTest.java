package dev.skulk.diagnostics.cluster;

import static dev.skulk.diagnostics.cluster.TestBundles.entry;
import static dev.skulk.diagnostics.cluster.TestBundles.mlx;
import static dev.skulk.diagnostics.cluster.TestBundles.node;
import static dev.skulk.diagnostics.cluster.TestBundles.runner;
import static dev.skulk.diagnostics.cluster.TestBundles.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.model.DiagnosticCaptureRequest;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequestBuilder;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.DiagnosticProcessSample;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CaptureServiceTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:20:00Z"), ZoneOffset.UTC);

  private final RunnerSupervisorDiagnostics first =
      runner("n1", "r-first", "m", 0).pid(100L).processAlive(false).activeTaskId("t-active").build();
  private final RunnerSupervisorDiagnostics second =
      runner("n1", "r-second", "m", 1)
          .pid(200L)
          .lastMlxMemory(mlx())
          .addInProgressTasks(task("t-progress"))
          .addPendingTaskIds("t-pending")
          .addCancelledTaskIds("t-cancelled")
          .addFlightRecorder(entry("n1", "r-second", 1, TestBundles.T0, "decode"))
          .build();
  private final RunnerSupervisorDiagnostics noPid = runner("n1", "r-nopid", "m", 2).build();
  private final NodeDiagnostics bundle = node("n1", first, second, noPid);
  private final List<Long> sampledPids = new ArrayList<>();

  private CaptureService service() {
    return CaptureService.builder(() -> bundle)
        .clock(CLOCK)
        .processSampler(
            (pid, d) -> {
              sampledPids.add(pid);
              return List.of(new DiagnosticProcessSample("fake", List.of("fake", Long.toString(pid)), true, 0, 0.0, "", "", null));
            })
        .build();
  }

  private static DiagnosticCaptureRequest request(String runnerId, String taskId, boolean samples) {
    return new DiagnosticCaptureRequestBuilder()
        .runnerId(runnerId)
        .taskId(taskId)
        .includeProcessSamples(samples)
        .sampleDurationSeconds(1.0)
        .build();
  }

  @Test
  void taskIdMatchesInProgressPendingCancelledOrActiveTasks() {
    assertThat(CaptureService.match(bundle.supervisorRunners(), null, "t-progress")).isEqualTo(second);
    assertThat(CaptureService.match(bundle.supervisorRunners(), null, "t-pending")).isEqualTo(second);
    assertThat(CaptureService.match(bundle.supervisorRunners(), null, "t-cancelled")).isEqualTo(second);
    assertThat(CaptureService.match(bundle.supervisorRunners(), null, "t-active")).isEqualTo(first);
    assertThat(CaptureService.match(bundle.supervisorRunners(), null, "t-unknown")).isNull();
    assertThat(CaptureService.match(bundle.supervisorRunners(), "r-first", "t-progress")).isNull();
    assertThat(CaptureService.match(bundle.supervisorRunners(), "r-second", "t-progress")).isEqualTo(second);
    // Upstream's _match_capture_runner returns None when neither runnerId nor taskId is given.
    assertThat(CaptureService.match(bundle.supervisorRunners(), null, null)).isNull();
  }

  @Test
  void matchedRunnerFillsTheResponseAndSamplesItsLiveProcess() {
    DiagnosticCaptureResponse response = service().capture(request("r-second", null, true));
    assertThat(response.generatedAt()).isEqualTo("2026-11-27T03:20:00+00:00");
    assertThat(response.nodeId()).isEqualTo("n1");
    assertThat(response.nodeDiagnostics()).isEqualTo(bundle);
    assertThat(response.runner()).isEqualTo(second);
    assertThat(response.flightRecorder()).isEqualTo(second.flightRecorder());
    assertThat(response.mlxMemory()).isEqualTo(mlx());
    assertThat(response.processSamples()).extracting(DiagnosticProcessSample::name).containsExactly("fake");
    assertThat(response.warnings()).isEmpty();
    assertThat(sampledPids).containsExactly(200L);
  }

  @Test
  void deadProcessWarnsBeforeTheMissingMlxSnapshotAndIsNotSampled() {
    DiagnosticCaptureResponse response = service().capture(request("r-first", null, true));
    assertThat(response.warnings())
        .containsExactly(
            "Matched runner process is no longer alive.",
            "Matched runner has not reported an MLX memory snapshot yet.");
    assertThat(response.processSamples()).isEmpty();
    assertThat(sampledPids).isEmpty();
  }

  @Test
  void aRunnerItsSupervisorReportsAliveIsSampledWhateverTheOsSays() {
    // Upstream's capture_local_node_diagnostics reads runner.process_alive, never the OS: a pid
    // that is no process here (another pid namespace, a stale report) is still sampled.
    RunnerSupervisorDiagnostics elsewhere =
        runner("n1", "r-elsewhere", "m", 0).pid(Integer.MAX_VALUE - 7L).processAlive(true).build();
    List<Long> sampled = new ArrayList<>();
    DiagnosticCaptureResponse response = CaptureService.builder(() -> node("n1", elsewhere))
        .clock(CLOCK)
        .processSampler((pid, d) -> {
          sampled.add(pid);
          return List.of();
        })
        .build()
        .capture(request("r-elsewhere", null, true));
    assertThat(sampled).containsExactly(Integer.MAX_VALUE - 7L);
    assertThat(response.warnings()).containsExactly("Matched runner has not reported an MLX memory snapshot yet.");
  }

  @Test
  void missingPidWarnsOnlyWhenSamplesWereAsked() {
    assertThat(service().capture(request("r-nopid", null, true)).warnings())
        .containsExactly(
            "Matched runner has no known subprocess PID.",
            "Matched runner has not reported an MLX memory snapshot yet.");
    assertThat(service().capture(request("r-nopid", null, false)).warnings())
        .containsExactly("Matched runner has not reported an MLX memory snapshot yet.");
  }

  @Test
  void noFilterMatchesNoRunnerSoTheCaptureHasNoRunnerWarningsOrSamples() {
    // Upstream's capture_local_node_diagnostics: runner None -> no 404, no warnings, no samples,
    // empty flight recorder, mlx_memory None; the node bundle is still returned.
    DiagnosticCaptureRequest withSamples = new DiagnosticCaptureRequestBuilder()
        .includeProcessSamples(true).sampleDurationSeconds(1.0).build();
    DiagnosticCaptureResponse unfiltered = service().capture(withSamples);
    assertThat(unfiltered.nodeDiagnostics()).isEqualTo(bundle);
    assertThat(unfiltered.runner()).isNull();
    assertThat(unfiltered.flightRecorder()).isEmpty();
    assertThat(unfiltered.mlxMemory()).isNull();
    assertThat(unfiltered.processSamples()).isEmpty();
    assertThat(unfiltered.warnings()).isEmpty();
    assertThat(sampledPids).isEmpty();
    DiagnosticCaptureResponse empty =
        CaptureService.builder(() -> node("lonely")).clock(CLOCK).processSampler(ProcessSampler.none()).build()
            .capture(DiagnosticCaptureRequest.defaults());
    assertThat(empty.runner()).isNull();
    assertThat(empty.flightRecorder()).isEmpty();
    assertThat(empty.mlxMemory()).isNull();
    assertThat(empty.warnings()).isEmpty();
  }

  @Test
  void aFilterThatMatchesNothingIsATypedNotFound() {
    assertThatThrownBy(() -> service().capture(request("r-missing", null, false)))
        .isInstanceOf(NoMatchingRunnerException.class)
        .hasMessage("No local runner matched the requested runnerId/taskId.");
    assertThatThrownBy(() -> service().capture(request(null, "t-missing", false)))
        .isInstanceOf(NoMatchingRunnerException.class);
  }

  @Test
  void durationOutsideOneToTenIsRejected() {
    for (double bad : new double[] {0.0, 0.99, 10.01, -1}) {
      DiagnosticCaptureRequest req = new DiagnosticCaptureRequestBuilder().sampleDurationSeconds(bad).build();
      assertThatThrownBy(() -> service().capture(req)).isInstanceOf(InvalidCaptureRequestException.class);
    }
    for (double good : new double[] {1.0, 10.0, 3.0}) {
      CaptureService.validate(new DiagnosticCaptureRequestBuilder().sampleDurationSeconds(good).build());
    }
  }

  @Test
  void aSecondConcurrentCaptureIsBusy() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CaptureService slow =
        CaptureService.builder(
                () -> {
                  inside.countDown();
                  try {
                    release.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return bundle;
                })
            .processSampler(ProcessSampler.none())
            .build();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<DiagnosticCaptureResponse> firstCapture = pool.submit(() -> slow.capture(request(null, null, false)));
      assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(slow.isBusy()).isTrue();
      assertThatThrownBy(() -> slow.capture(request(null, null, false))).isInstanceOf(CaptureBusyException.class);
      release.countDown();
      assertThat(firstCapture.get(5, TimeUnit.SECONDS).runner()).isNull();
      assertThat(slow.isBusy()).isFalse();
      assertThat(slow.capture(request("r-first", null, false)).runner()).isEqualTo(first);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }
}
