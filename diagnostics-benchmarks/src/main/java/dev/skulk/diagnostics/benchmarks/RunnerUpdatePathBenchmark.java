package dev.skulk.diagnostics.benchmarks;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.RunnerDiagnosticContext;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import dev.skulk.diagnostics.model.RunnerDiagnosticValue;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.runner.RunnerDiagnostics;
import dev.skulk.diagnostics.runner.RunnerSupervisorTracker;
import dev.skulk.diagnostics.runner.RunnerUpdateReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The supervisor's side of the runner channel, which runs per token: parsing one JSON line (what
 * {@link RunnerUpdateReader} does per line), the reader's whole per-line path over an in-memory
 * stream, and {@link RunnerSupervisorTracker#applyUpdate} of a decode-token update. Run with {@code
 * -prof gc} for the allocation per update. Measures only; the update is what {@link
 * RunnerDiagnostics} itself writes for a token with two attributes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RunnerUpdatePathBenchmark {

  static final int LINES = 64;

  private final DiagnosticsJson json = DiagnosticsJson.strict();
  private RunnerDiagnosticUpdate update;
  private byte[] line;
  private byte[] sixtyFourLines;
  private RunnerSupervisorTracker tracker;

  @Setup
  public void setUp() {
    RunnerDiagnosticContext context = new RunnerDiagnosticContext("12D3KooWStudio", "runner-0001", 4242L,
        "instance-0001", "mlx-community/Llama-3.3-70B-Instruct-4bit", 0, 2, 0, 40, 80);
    List<RunnerDiagnosticUpdate> captured = new ArrayList<>();
    RunnerDiagnostics diagnostics = RunnerDiagnostics.builder(context).sink(captured::add).build();
    diagnostics.record(RunnerPhase.DECODE_STREAM, "token", null,
        Map.of("tokens", RunnerDiagnosticValue.of(412L), "tokensPerSecond", RunnerDiagnosticValue.of(31.25)));
    update = captured.get(0);
    line = json.writeBytes(update);
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    for (int i = 0; i < LINES; i++) {
      lines.writeBytes(line);
      lines.write('\n');
    }
    sixtyFourLines = lines.toByteArray();
    tracker = RunnerSupervisorTracker.builder().identity(context).build();
  }

  /** One update line parsed strictly, as the reader parses each line. */
  @Benchmark
  public RunnerDiagnosticUpdate parseLine() {
    return json.read(line, RunnerDiagnosticUpdate.class);
  }

  /** The reader's whole path per line: split, parse, hand to the sink (here a blackhole). */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public void readerPerLine(Blackhole sink) throws IOException {
    new RunnerUpdateReader(new ByteArrayInputStream(sixtyFourLines), sink::consume).pump();
  }

  /** The tracker taking one decode-token update. */
  @Benchmark
  public void applyUpdate() {
    tracker.applyUpdate(update);
  }

  /** Prints the line, to size it. */
  public static void main(String[] args) {
    RunnerUpdatePathBenchmark benchmark = new RunnerUpdatePathBenchmark();
    benchmark.setUp();
    System.out.println(benchmark.line.length + " bytes: " + new String(benchmark.line, StandardCharsets.UTF_8));
  }
}
