package dev.skulk.diagnostics.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.cluster.CommandRunner;
import dev.skulk.diagnostics.cluster.ProcessSampler;
import dev.skulk.diagnostics.json.PythonFloats;
import dev.skulk.diagnostics.model.DiagnosticProcessSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSamplersTest {

  /** Records what would have run; "available" executables are the given ones. */
  private static final class RecordingRunner implements CommandRunner {
    final List<String> calls = new ArrayList<>();
    final Set<String> available;

    RecordingRunner(String... available) {
      this.available = Set.of(available);
    }

    @Override
    public DiagnosticProcessSample run(String name, List<String> command, Duration timeout) {
      calls.add(name + " " + String.join(" ", command) + " @" + PythonFloats.pythonRepr(timeout.toMillis() / 1000.0));
      return new DiagnosticProcessSample(name, command, true, 0, 0.0, "", "", null);
    }

    @Override
    public boolean isAvailable(String executable) {
      return available.contains(executable);
    }
  }

  @Test
  void sampleSecondsRoundHalfToEvenAndAtLeastOne() {
    assertThat(MacProcessSampler.sampleSeconds(1.0)).isEqualTo(1);
    assertThat(MacProcessSampler.sampleSeconds(1.4)).isEqualTo(1);
    assertThat(MacProcessSampler.sampleSeconds(1.5)).isEqualTo(2);
    assertThat(MacProcessSampler.sampleSeconds(2.5)).isEqualTo(2);
    assertThat(MacProcessSampler.sampleSeconds(3.5)).isEqualTo(4);
    assertThat(MacProcessSampler.sampleSeconds(0.4)).isEqualTo(1);
    assertThat(MacProcessSampler.sampleSeconds(10.0)).isEqualTo(10);
  }

  @Test
  void macOsRunsSampleVmmapAndFootprintWithUpstreamTimeouts() {
    RecordingRunner runner = new RecordingRunner();
    List<DiagnosticProcessSample> samples = ProcessSampler.macOs(runner).sample(4242, 2.5);
    assertThat(runner.calls).containsExactly(
        "sample sample 4242 2 @7.0",
        "vmmap vmmap -summary 4242 @8.0",
        "footprint footprint -p 4242 @8.0");
    assertThat(samples).hasSize(3);
  }

  @Test
  void linuxReadsProcfsAndAddsThreadDumpsWhereToolsExist(@TempDir Path proc) throws IOException {
    Path dir = Files.createDirectories(proc.resolve("77"));
    Files.writeString(dir.resolve("status"), "Name:\tjava\nState:\tS (sleeping)\n");
    Files.writeString(dir.resolve("wchan"), "futex_wait_queue");
    Files.write(dir.resolve("cmdline"), "/usr/bin/java\0-jar\0skulk.jar\0".getBytes(StandardCharsets.UTF_8));
    RecordingRunner runner = new RecordingRunner("jcmd", "py-spy");
    List<DiagnosticProcessSample> samples = ProcessSampler.linux(runner, proc).sample(77, 3.0);
    assertThat(samples).extracting(DiagnosticProcessSample::name)
        .containsExactly("proc-status", "proc-wchan", "jcmd", "py-spy");
    DiagnosticProcessSample status = samples.get(0);
    assertThat(status.ok()).isTrue();
    assertThat(status.command()).containsExactly("read", dir.resolve("status").toString());
    assertThat(status.stdout()).startsWith("Name:\tjava");
    assertThat(status.exitCode()).isNull();
    assertThat(runner.calls).containsExactly(
        "jcmd jcmd 77 Thread.print @10.0", "py-spy py-spy dump --pid 77 @10.0");
  }

  @Test
  void linuxSkipsJcmdForNonJvmsAndMissingToolsAndReportsAVanishedProcess(@TempDir Path proc) throws IOException {
    Path dir = Files.createDirectories(proc.resolve("5"));
    Files.writeString(dir.resolve("status"), "Name:\tpython3\n");
    Files.write(dir.resolve("cmdline"), "python3\0-m\0mlx_runner\0".getBytes(StandardCharsets.UTF_8));
    RecordingRunner runner = new RecordingRunner("jcmd");
    assertThat(ProcessSampler.linux(runner, proc).sample(5, 1.0)).extracting(DiagnosticProcessSample::name)
        .containsExactly("proc-status");
    assertThat(runner.calls).isEmpty();

    List<DiagnosticProcessSample> gone = ProcessSampler.linux(runner, proc).sample(6, 1.0);
    assertThat(gone).hasSize(1);
    assertThat(gone.get(0).ok()).isFalse();
    assertThat(gone.get(0).error()).isEqualTo("No such file: " + proc.resolve("6").resolve("status"));
  }

  @Test
  void procfsOutputIsTruncatedLikeCommandOutput(@TempDir Path proc) throws IOException {
    Path dir = Files.createDirectories(proc.resolve("9"));
    Files.writeString(dir.resolve("status"), "s".repeat(70_000));
    DiagnosticProcessSample status = ProcessSampler.linux(new RecordingRunner(), proc).sample(9, 1.0).get(0);
    assertThat(status.stdout()).hasSize(64_000 + "\n... <truncated>".length()).endsWith("\n... <truncated>");
  }
}
