package dev.skulk.diagnostics.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.model.ProcessRole;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessRolesTest {

  private static ProcessRole role(long pid, String command) {
    return ProcessRoles.role(pid, command, 100, Set.of(200L));
  }

  private static DiagnosticsProcess process(long pid, Long parent, String command) {
    return new DiagnosticsProcess(pid, parent, ProcessRole.OTHER, command, null, null, null, null, null, false);
  }

  @Test
  void selfAndRunnerPidsWinOverTheCommand() {
    assertThat(role(100, "/usr/bin/vector --config x")).isEqualTo(ProcessRole.SKULK);
    assertThat(role(200, "python -m skulk")).isEqualTo(ProcessRole.RUNNER);
  }

  @Test
  void vectorByExecutableOrConfigFlag() {
    assertThat(role(1, "/opt/homebrew/bin/VECTOR")).isEqualTo(ProcessRole.VECTOR);
    assertThat(role(1, "vector --config /etc/vector.toml")).isEqualTo(ProcessRole.VECTOR);
    assertThat(role(1, "sudo Vector --Config /etc/vector.toml")).isEqualTo(ProcessRole.VECTOR);
    assertThat(role(1, "/usr/bin/vectorize --config x")).isEqualTo(ProcessRole.OTHER);
  }

  @Test
  void pythonHelpersSkulkAndSpawnedRunners() {
    assertThat(role(1, "python3 -c from multiprocessing.resource_tracker import main; skulk"))
        .isEqualTo(ProcessRole.PYTHON);
    assertThat(role(1, "/Applications/Skulk.app/Contents/MacOS/Skulk")).isEqualTo(ProcessRole.SKULK);
    assertThat(role(1, "python3 -c from multiprocessing.spawn import spawn_main; spawn_main(tracker_fd=5)"))
        .isEqualTo(ProcessRole.RUNNER);
    assertThat(role(1, "/usr/local/bin/Python3.12 script.py")).isEqualTo(ProcessRole.PYTHON);
    assertThat(role(1, "bash -c python3")).isEqualTo(ProcessRole.OTHER);
    assertThat(role(1, "")).isEqualTo(ProcessRole.OTHER);
  }

  @Test
  void lineageFollowsParentLinksFromSelf() {
    List<DiagnosticsProcess> assigned = ProcessRoles.assign(List.of(
        process(300, 200L, "python spawn_main"),
        process(100, 1L, "java -jar skulk.jar"),
        process(200, 100L, "python -m runner"),
        process(400, 1L, "/usr/bin/vector --config v.toml"),
        process(500, 500L, "loop")), 100, Set.of(200L));

    assertThat(assigned).extracting(DiagnosticsProcess::pid).containsExactly(100L, 200L, 300L, 400L, 500L);
    assertThat(assigned).extracting(DiagnosticsProcess::isChildOfSkulk).containsExactly(true, true, true, false, false);
    assertThat(assigned).extracting(DiagnosticsProcess::role).containsExactly(
        ProcessRole.SKULK, ProcessRole.RUNNER, ProcessRole.RUNNER, ProcessRole.VECTOR, ProcessRole.OTHER);
  }
}
