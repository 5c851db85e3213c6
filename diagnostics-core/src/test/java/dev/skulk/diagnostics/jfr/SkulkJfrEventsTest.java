package dev.skulk.diagnostics.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.assembly.AssemblyReport;
import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerDiagnosticContext;
import dev.skulk.diagnostics.model.RunnerDiagnosticContextBuilder;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.runner.PhaseScope;
import dev.skulk.diagnostics.runner.RunnerDiagnostics;
import dev.skulk.diagnostics.runner.RunnerSupervisorTracker;
import dev.skulk.diagnostics.state.ClusterStateView;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.DiagnosticRule;
import dev.skulk.diagnostics.spi.Slot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives a runner, its supervisor tracker and an assembler under a real JFR recording, dumps it,
 * and reads the SDK's events back with {@code jdk.jfr.consumer}. Expected values are the inputs the
 * test drove and the texts documented on {@link DiagnosticsAssembler} and {@link SkulkEvents}.
 */
class SkulkJfrEventsTest {

  private static final String RUNNER = "jfr-runner-7";

  @TempDir Path dir;

  private static RunnerDiagnosticContext context() {
    return new RunnerDiagnosticContextBuilder()
        .nodeId("jfr-node")
        .runnerId(RUNNER)
        .pid(4242L)
        .instanceId("instance-9")
        .modelId("model-m")
        .rank(3)
        .worldSize(4)
        .startLayer(0)
        .endLayer(8)
        .nLayers(32)
        .build();
  }

  @Test
  void runnerPhasesStatusAndTaskChangesAreRecorded() throws Exception {
    List<RecordedEvent> events;
    try (Recording recording = new Recording()) {
      recording.enable(SkulkEvents.RUNNER_PHASE);
      recording.enable(SkulkEvents.RUNNER_STATUS);
      recording.enable(SkulkEvents.RUNNER_TASK);
      recording.enable(SkulkEvents.RUNNER_UPDATE);
      recording.enable(SkulkEvents.SUPERVISED_PHASE);
      recording.start();

      RunnerSupervisorTracker tracker = RunnerSupervisorTracker.builder().identity(context()).build();
      RunnerDiagnostics runner = RunnerDiagnostics.builder(context()).sink(tracker::applyUpdate).build();
      tracker.statusChanged("RunnerLoading");
      tracker.taskSent(new RunnerTaskDiagnostics("task-1", "TextGeneration", "Pending", "instance-9",
          "cmd-1", RUNNER, null));
      tracker.taskAcknowledged("task-1");
      try (PhaseScope outer = runner.phase(RunnerPhase.DECODE_STREAM, "prompt_tokens=812", Map.of(), "task-1",
          "cmd-1", false)) {
        try (PhaseScope inner = runner.phase(RunnerPhase.PREFILL_STREAM, null, "task-1", "cmd-1")) {
          inner.phase();
        }
      }
      try (PhaseScope failing = runner.phase(RunnerPhase.LOAD_MODEL, "model-m")) {
        failing.fail(new IllegalStateException("weights missing"));
      }
      tracker.taskCompleted("task-1");
      tracker.taskCancelled("task-2");
      tracker.statusChanged("RunnerReady");
      events = dumpAndRead(recording);
    }

    List<RecordedEvent> phases = ofRunner(events, SkulkEvents.RUNNER_PHASE);
    // Committed at closing: the inner scope first, then the outer, then the failing one.
    assertThat(phases).extracting(e -> e.getString("phase"))
        .containsExactly("prefill_stream", "decode_stream", "load_model");
    RecordedEvent inner = phases.get(0);
    RecordedEvent outer = phases.get(1);
    RecordedEvent failed = phases.get(2);
    assertThat(outer.getString("instanceId")).isEqualTo("instance-9");
    assertThat(outer.getInt("rank")).isEqualTo(3);
    assertThat(outer.getString("detail")).isEqualTo("prompt_tokens=812");
    assertThat(outer.getString("taskId")).isEqualTo("task-1");
    assertThat(outer.getString("commandId")).isEqualTo("cmd-1");
    assertThat(outer.getString("outcome")).isEqualTo("exit");
    assertThat((Object) outer.getValue("error")).isNull();
    assertThat(inner.getString("detail")).isNull();
    // A duration event: the inner phase lies within the outer one.
    assertThat(inner.getStartTime()).isAfterOrEqualTo(outer.getStartTime());
    assertThat(inner.getEndTime()).isBeforeOrEqualTo(outer.getEndTime());
    assertThat(failed.getString("outcome")).isEqualTo("fail");
    assertThat(failed.getString("error")).isEqualTo("IllegalStateException: weights missing");
    assertThat(failed.getString("taskId")).isNull();

    assertThat(ofRunner(events, SkulkEvents.RUNNER_STATUS))
        .extracting(e -> e.getString("previousStatus") + "->" + e.getString("status"))
        .containsExactly("RunnerIdle->RunnerLoading", "RunnerLoading->RunnerReady");
    assertThat(ofRunner(events, SkulkEvents.RUNNER_TASK))
        .extracting(e -> e.getString("taskId") + ":" + e.getString("change"))
        .containsExactly("task-1:sent", "task-1:acknowledged", "task-1:completed", "task-2:cancelled");
    // Every update the runner sent reached the tracker: enter/exit of three scopes, the failure as error.
    assertThat(ofRunner(events, SkulkEvents.RUNNER_UPDATE))
        .extracting(e -> e.getString("phase") + "/" + e.getString("event"))
        .containsExactly("decode_stream/enter", "prefill_stream/enter", "prefill_stream/exit",
            "decode_stream/exit", "load_model/enter", "error/exception");

    // Supervisor side: each phase the tracker left, with the detail and task of the update that
    // entered it; the last phase (error) is still open, so not committed.
    List<RecordedEvent> supervised = ofRunner(events, SkulkEvents.SUPERVISED_PHASE);
    assertThat(supervised)
        .extracting(e -> e.getString("phase") + "|" + e.getString("detail") + "|" + e.getString("taskId"))
        .containsExactly("created|null|null", "decode_stream|prompt_tokens=812|task-1",
            "prefill_stream|null|task-1", "decode_stream|prompt_tokens=812|task-1", "load_model|model-m|null");
    assertThat(supervised).allSatisfy(e -> {
      assertThat(e.getString("instanceId")).isEqualTo("instance-9");
      assertThat(e.getInt("rank")).isEqualTo(3);
    });
    for (int i = 1; i < supervised.size(); i++) {
      // Back to back: each phase starts where the one before it ended, or after.
      assertThat(supervised.get(i).getStartTime()).isAfterOrEqualTo(supervised.get(i - 1).getEndTime());
    }

    RecordedEvent any = phases.get(0);
    assertThat(any.getEventType().getCategoryNames()).containsExactly("Skulk", "Runner");
    assertThat(any.getEventType().getLabel()).isEqualTo("Runner Phase");
    assertThat(any.getEventType().getField("phase").getLabel()).isEqualTo("Phase");
  }

  @Test
  void runnerUpdateEventIsOffUnlessEnabled() throws Exception {
    List<RecordedEvent> events;
    try (Recording recording = new Recording()) {
      recording.enable(SkulkEvents.RUNNER_PHASE);
      recording.start();
      RunnerSupervisorTracker tracker = RunnerSupervisorTracker.builder().identity(context()).build();
      RunnerDiagnostics runner = RunnerDiagnostics.builder(context()).sink(tracker::applyUpdate).build();
      runner.phase(RunnerPhase.WARMUP, null).close();
      events = dumpAndRead(recording);
    }
    assertThat(ofRunner(events, SkulkEvents.RUNNER_PHASE)).hasSize(1);
    assertThat(ofRunner(events, SkulkEvents.RUNNER_UPDATE)).isEmpty();
  }

  @Test
  void assemblerWarningsAndCollectorOutcomesAreRecorded() throws Exception {
    Collector<DiskUsage> broken = new Collector<>() {
      @Override
      public Slot<DiskUsage> slot() {
        return Slot.DISK;
      }

      @Override
      public String name() {
        return "jfr-broken-disk";
      }

      @Override
      public DiskUsage collect(CollectContext context) {
        throw new IllegalStateException("disk gone");
      }
    };
    DiagnosticRule rule = new DiagnosticRule() {
      @Override
      public String name() {
        return "jfr.test-rule";
      }

      @Override
      public List<String> evaluate(NodeDiagnostics draft, ClusterStateView state) {
        return List.of("Test rule says hello", "Test rule says goodbye");
      }
    };
    List<RecordedEvent> events;
    AssemblyReport report;
    try (Recording recording = new Recording();
        DiagnosticsAssembler assembler = DiagnosticsAssembler.builder()
            .nodeId("jfr-node")
            .addCollector(broken)
            .rules(List.of(rule))
            .build()) {
      recording.enable(SkulkEvents.WARNING);
      recording.enable(SkulkEvents.COLLECTOR_OUTCOME);
      recording.start();
      report = assembler.assembleNodeReport();
      events = dumpAndRead(recording);
    }

    String collectorWarning = "Collector jfr-broken-disk failed: IllegalStateException: disk gone";
    assertThat(report.bundle().warnings())
        .containsExactlyInAnyOrder(collectorWarning, "Test rule says hello", "Test rule says goodbye");
    assertThat(report.warningsBySource()).isEqualTo(Map.of("jfr.test-rule", 2, "assembler", 1));

    List<RecordedEvent> warnings = events.stream()
        .filter(e -> e.getEventType().getName().equals(SkulkEvents.WARNING))
        .collect(Collectors.toList());
    assertThat(warnings).extracting(e -> e.getString("source") + "|" + e.getString("text"))
        .containsExactlyInAnyOrder("assembler|" + collectorWarning, "jfr.test-rule|Test rule says hello",
            "jfr.test-rule|Test rule says goodbye");
    assertThat(warnings.get(0).getEventType().getCategoryNames()).containsExactly("Skulk", "Assembly");

    List<RecordedEvent> outcomes = events.stream()
        .filter(e -> e.getEventType().getName().equals(SkulkEvents.COLLECTOR_OUTCOME))
        .collect(Collectors.toList());
    assertThat(outcomes).hasSize(1);
    RecordedEvent outcome = outcomes.get(0);
    assertThat(outcome.getString("collector")).isEqualTo("jfr-broken-disk");
    assertThat(outcome.getString("slot")).isEqualTo("disk");
    assertThat(outcome.getString("status")).isEqualTo("FAILED");
    assertThat(outcome.getDuration("elapsed")).isEqualTo(report.outcome("jfr-broken-disk").duration());
  }

  private List<RecordedEvent> dumpAndRead(Recording recording) throws IOException {
    recording.stop();
    Path file = Files.createTempFile(dir, "skulk", ".jfr");
    recording.dump(file);
    return RecordingFile.readAllEvents(file);
  }

  private static List<RecordedEvent> ofRunner(List<RecordedEvent> events, String name) {
    return events.stream()
        .filter(e -> e.getEventType().getName().equals(name))
        .filter(e -> RUNNER.equals(e.getString("runnerId")))
        .sorted((a, b) -> a.getEndTime().compareTo(b.getEndTime()))
        .collect(Collectors.toList());
  }
}
