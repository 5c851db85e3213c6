package dev.skulk.diagnostics.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerDiagnosticContext;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.runner.PhaseScope;
import dev.skulk.diagnostics.runner.RunnerDiagnostics;
import dev.skulk.diagnostics.runner.RunnerSupervisorRegistry;
import dev.skulk.diagnostics.runner.RunnerSupervisorTracker;
import dev.skulk.diagnostics.runner.RunnerUpdateReader;
import dev.skulk.diagnostics.runner.RunnerUpdateWriter;
import dev.skulk.diagnostics.state.ClusterStateView;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's examples, as written there, so that they keep compiling and doing what it says. */
class ReadmeExamplesTest {

  @Test
  void embeddingExampleBuildsABundleAPythonPeerWouldServe() {
    ClusterStateView myClusterStateView = InMemoryClusterState.builder("12D3KooWexample").build();
    RunnerSupervisorRegistry runnerRegistry = new RunnerSupervisorRegistry();

    String json;
    try (DiagnosticsAssembler assembler = DiagnosticsAssembler.builder()
        .nodeId("12D3KooWexample")
        .state(myClusterStateView)
        .runnerSupervisors(runnerRegistry)
        .discoverCollectors(getClass().getClassLoader())
        .build()) {
      NodeDiagnostics bundle = assembler.assembleNode();
      json = DiagnosticsJson.strict().write(bundle);
    }

    NodeDiagnostics read = DiagnosticsJson.strict().read(json, NodeDiagnostics.class);
    assertThat(read.runtime().nodeId()).isEqualTo("12D3KooWexample");
    assertThat(json).startsWith("{\"generatedAt\":\"");
  }

  @Test
  void runnerExampleReachesTheSupervisorsTrackerThroughThePipe() throws Exception {
    RunnerDiagnosticContext context =
        new RunnerDiagnosticContext("node-a", "runner-1", 4242L, "instance-1", "model-x", 0, 2, 0, 40, 80);
    RunnerSupervisorTracker tracker = RunnerSupervisorTracker.builder().identity(context).build();
    PipedInputStream in = new PipedInputStream(1 << 16);
    PipedOutputStream toSupervisorPipe = new PipedOutputStream(in);

    try (RunnerUpdateReader reader = new RunnerUpdateReader(in, tracker::applyUpdate).start()) {
      RunnerUpdateWriter writer = RunnerUpdateWriter.start(toSupervisorPipe);
      RunnerDiagnostics diagnostics = RunnerDiagnostics.builder(context)
          .sink(writer)
          .build();
      try (PhaseScope prefill = diagnostics.phase(RunnerPhase.PREFILL_STREAM, "prompt 1873 tokens")) {
        assertThat(prefill.phase()).isEqualTo(RunnerPhase.PREFILL_STREAM);
      }
      assertThat(writer.close(Duration.ofSeconds(10))).isTrue();
      toSupervisorPipe.close();
      assertThat(reader.awaitEnd(Duration.ofSeconds(10))).isTrue();
    }

    RunnerSupervisorDiagnostics snapshot = tracker.snapshot();
    assertThat(snapshot.flightRecorder()).extracting(e -> e.event()).containsExactly("enter", "exit");
    assertThat(snapshot.phase()).isEqualTo(RunnerPhase.PREFILL_STREAM);
    assertThat(snapshot.phaseDetail()).isEqualTo("prompt 1873 tokens");
  }
}
