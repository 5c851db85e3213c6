package dev.skulk.diagnostics.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.ProcessRole;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Roles from the raw {@code argv}, each expectation read off upstream's {@code API._process_role}
 * ({@code Path(cmdline[0]).name.lower()} for the executable, the joined command for the substring
 * tests). The differential test in {@code diagnostics-parity} runs upstream itself on generated
 * tables.
 */
class ProcessRolesTest {

  private static ProcessRole posix(long pid, String... argv) {
    return ProcessRoles.role(pid, List.of(argv), 100, Set.of(200L), false);
  }

  private static ProcessRole windows(String... argv) {
    return ProcessRoles.role(1, List.of(argv), 100, Set.of(200L), true);
  }

  @Test
  void selfAndRunnerPidsWinOverTheCommand() {
    assertThat(posix(100, "/usr/bin/vector", "--config", "x")).isEqualTo(ProcessRole.SKULK);
    assertThat(posix(200, "python", "-m", "skulk")).isEqualTo(ProcessRole.RUNNER);
    assertThat(posix(100)).isEqualTo(ProcessRole.SKULK);
  }

  @Test
  void vectorByExecutableNameOrConfigFlag() {
    assertThat(posix(1, "/opt/homebrew/bin/VECTOR")).isEqualTo(ProcessRole.VECTOR);
    assertThat(posix(1, "vector", "--config", "/etc/vector.toml")).isEqualTo(ProcessRole.VECTOR);
    assertThat(posix(1, "sudo", "Vector", "--Config", "/etc/vector.toml")).isEqualTo(ProcessRole.VECTOR);
    assertThat(posix(1, "/usr/bin/vectorize", "--config", "x")).isEqualTo(ProcessRole.OTHER);
    assertThat(posix(1, "/usr/bin/vector/")).isEqualTo(ProcessRole.VECTOR); // pathlib drops the slash
    assertThat(posix(1, "/usr/bin/vector/.")).isEqualTo(ProcessRole.VECTOR);
  }

  @Test
  void theExecutableIsTheWholeFirstElementNotTheFirstWord() {
    // A path with a space: Path(...).name is "python3", the joined command's first word is "/opt/my".
    assertThat(posix(1, "/opt/my tools/python3", "serve.py")).isEqualTo(ProcessRole.PYTHON);
    // One element holding a whole command line: its name is the last path element, "x.py --port 5".
    assertThat(posix(1, "/usr/bin/python3 /srv/x.py --port 5")).isEqualTo(ProcessRole.OTHER);
    assertThat(posix(1, "python3 /srv/x.py")).isEqualTo(ProcessRole.OTHER); // name "x.py"
    assertThat(posix(1, "/srv/python3")).isEqualTo(ProcessRole.PYTHON);
    // Leading spaces: " /usr/bin/python" is the elements " ", "usr", "bin", "python".
    assertThat(posix(1, " /usr/bin/python", "x")).isEqualTo(ProcessRole.PYTHON);
    assertThat(posix(1, "  vector", "x")).isEqualTo(ProcessRole.OTHER); // name "  vector"
    assertThat(posix(1, "")).isEqualTo(ProcessRole.OTHER);
    assertThat(posix(1)).isEqualTo(ProcessRole.OTHER);
  }

  @Test
  void windowsPathsFollowPureWindowsPath() {
    assertThat(windows("C:\\Program Files\\Vector\\bin\\vector")).isEqualTo(ProcessRole.VECTOR);
    assertThat(windows("C:\\Python312\\python.exe", "x.py")).isEqualTo(ProcessRole.PYTHON);
    assertThat(windows("\\\\server\\share\\vector")).isEqualTo(ProcessRole.VECTOR);
    assertThat(windows("\\\\server\\vector")).isEqualTo(ProcessRole.OTHER); // the UNC anchor itself
    assertThat(windows("C:vector")).isEqualTo(ProcessRole.VECTOR);
    // On POSIX a backslash is no separator: the name is the whole element, which contains "python".
    assertThat(posix(1, "C:\\Python312\\bin\\tool.exe")).isEqualTo(ProcessRole.PYTHON);
    assertThat(windows("C:\\Python312\\bin\\tool.exe")).isEqualTo(ProcessRole.OTHER);
  }

  @Test
  void pythonHelpersSkulkAndSpawnedRunnersInRuleOrder() {
    assertThat(posix(1, "python3", "-c", "from multiprocessing.resource_tracker import main; skulk"))
        .isEqualTo(ProcessRole.PYTHON);
    assertThat(posix(1, "/Applications/Skulk.app/Contents/MacOS/Skulk")).isEqualTo(ProcessRole.SKULK);
    assertThat(posix(1, "python3", "-c", "from multiprocessing.spawn import spawn_main; spawn_main(tracker_fd=5)"))
        .isEqualTo(ProcessRole.RUNNER);
    assertThat(posix(1, "/usr/local/bin/Python3.12", "script.py")).isEqualTo(ProcessRole.PYTHON);
    assertThat(posix(1, "bash", "-c", "python3")).isEqualTo(ProcessRole.OTHER);
    assertThat(posix(1, "vector", "--config", "skulk.toml")).isEqualTo(ProcessRole.VECTOR);
    // the Kelvin sign lower-cases to 'k' in Python and Java alike
    assertThat(posix(1, "/opt/s\u212Aulk/bin/node")).isEqualTo(ProcessRole.SKULK);
  }

  @Test
  void aSecretInTheArgumentsNeverChangesTheRole() {
    // Redaction of the displayed command used to run before the roles: "--api-key skulk" lost "skulk".
    assertThat(posix(1, "/usr/bin/python3", "-m", "worker", "--api-key", "skulk-prod")).isEqualTo(ProcessRole.SKULK);
    assertThat(posix(1, "node", "--token", "vector --config x")).isEqualTo(ProcessRole.VECTOR);
  }
}
