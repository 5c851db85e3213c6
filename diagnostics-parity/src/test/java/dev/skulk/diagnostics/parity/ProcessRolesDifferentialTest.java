package dev.skulk.diagnostics.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.assembly.ProcessRoles;
import dev.skulk.diagnostics.model.ProcessRole;
import dev.skulk.diagnostics.support.Redaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ProcessRoles#role} against upstream's {@code API._process_role}, given the same raw argv
 * tables: executable paths with spaces, one element holding a whole command line, Windows-style
 * paths (with POSIX and with Windows path rules), leading spaces, empty argv, {@code vector
 * --config}, {@code resource_tracker}, {@code spawn_main}, {@code skulk} in various places, python
 * variants and characters beyond ASCII; the current pid and runner pids included. Also checks that
 * redacting the argv (what the bundle shows) is not what the role is taken from.
 */
class ProcessRolesDifferentialTest {

  private static final long SEED = 20261201L;
  private static final int GENERATED = 600;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String[] EXECUTABLES = {
      "/usr/bin/python3", "python", "python3.12", "/opt/my tools/python3.12", "/usr/local/bin/Python3",
      "C:\\Program Files\\Python312\\python.exe", "C:\\Program Files\\Vector\\bin\\vector",
      "C:\\tools\\vector", "c:/tools/vector/", "\\\\server\\share\\vector", "\\\\server\\vector", "C:vector",
      "/usr/local/bin/vector", "vector", "VECTOR", "Vector", "/usr/bin/vector/", "/usr/bin/vector/.",
      "/usr/bin/vectorize", " /usr/bin/python", "  vector", " vector", "", ".", "/", "//", "..",
      "skulk", "/Applications/Skulk.app/Contents/MacOS/Skulk", "/opt/skulk/.venv/bin/python", "node",
      "/usr/bin/env", "bash", "java", "python3 -m skulk --port 52415",
      "/opt/vector/bin/vector --config /etc/vector.yaml", "vector --config x", "/usr/bin/python3 /srv/x.py",
      "/opt/\u00fcn\u00efc\u00f6d\u00e9/python", "/srv/s\u212Aulk/bin/node", "/usr/bin/pyth\u00f6n",
      "/data/\uD83D\uDC0D/python3", "/opt/\u0130ndex/vector", "/usr/bin/\u03a3\u03a5\u03a3", "ve\u00adctor"};
  private static final String[] ARGUMENTS = {
      "-m", "skulk", "skulk.main", "--config", "vector", "/etc/vector.toml", "-c",
      "from multiprocessing.spawn import spawn_main; spawn_main(tracker_fd=5, pipe_handle=7)",
      "from multiprocessing.resource_tracker import main;main(12)", "--multiprocessing-fork",
      "--api-key", "skulk-secret", "Vector --Config x", " vector --config ", "vector --config", "x", "", " ",
      "--port", "52415", "\u00f1", "\t", "r\u00e9sum\u00e9", "SKULK", "spawn_main", "resource_tracker",
      "python", "PYTHON", "Vector", "--CONFIG", "--config=x", "mlx_lm.server", "--hf-token",
      "hf_skulk_token", "s\u212Aulk", "\uD83D\uDE80", "a b c"};

  record Case(long pid, List<String> argv, long currentPid, Set<Long> runnerPids, boolean windows) {}

  @Test
  void rolesMatchUpstreamOnGeneratedAndHandPickedArgvTables() throws Exception {
    List<Case> cases = new ArrayList<>(handPicked());
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < GENERATED; i++) {
      cases.add(generated(random));
    }
    int[] perRole = new int[ProcessRole.values().length];
    try (UpstreamOracle upstream = UpstreamOracle.start("process_role")) {
      for (Case c : cases) {
        String expected = JSON.readValue(upstream.call(json(c)), String.class);
        ProcessRole ours = ProcessRoles.role(c.pid(), c.argv(), c.currentPid(), c.runnerPids(), c.windows());
        assertThat(ours.wireValue()).as("seed %d, case %s", SEED, c).isEqualTo(expected);
        perRole[ours.ordinal()]++;
      }
    }
    // every role was reached, so the comparison covered each rule
    for (ProcessRole role : ProcessRole.values()) {
      assertThat(perRole[role.ordinal()]).as("cases with role %s", role).isGreaterThanOrEqualTo(10);
    }
  }

  @Test
  void theRoleIsNotTakenFromTheRedactedCommand() throws Exception {
    // upstream names this process from its raw argv; the redacted one has lost "skulk"
    Case secret = new Case(7, List.of("/usr/bin/python3", "-m", "worker", "--api-key", "skulk-prod"), 1, Set.of(), false);
    List<String> shown = Redaction.redactArgv(secret.argv());
    try (UpstreamOracle upstream = UpstreamOracle.start("process_role")) {
      String expected = JSON.readValue(upstream.call(json(secret)), String.class);
      assertThat(expected).isEqualTo("skulk");
      assertThat(ProcessRoles.role(7, secret.argv(), 1, Set.of(), false).wireValue()).isEqualTo(expected);
      assertThat(ProcessRoles.role(7, shown, 1, Set.of(), false)).isEqualTo(ProcessRole.PYTHON);
    }
  }

  private static List<Case> handPicked() {
    List<Case> cases = new ArrayList<>();
    for (String exe : EXECUTABLES) {
      for (boolean windows : new boolean[] {false, true}) {
        cases.add(new Case(50, List.of(exe), 1, Set.of(), windows));
        cases.add(new Case(50, List.of(exe, "--config", "/etc/vector.toml"), 1, Set.of(), windows));
      }
    }
    cases.add(new Case(1, List.of(), 1, Set.of(), false)); // empty argv, this process
    cases.add(new Case(2, List.of(), 1, Set.of(2L), false)); // empty argv, a runner
    cases.add(new Case(3, List.of(), 1, Set.of(), false));
    cases.add(new Case(3, List.of(""), 1, Set.of(), false));
    cases.add(new Case(1, List.of("vector", "--config", "x"), 1, Set.of(1L), false)); // self before runner
    cases.add(new Case(4, List.of("vector", "--config", "x"), 1, Set.of(4L), false)); // runner before vector
    cases.add(new Case(5, List.of("sudo", "vector", "--config", "x"), 1, Set.of(), false));
    cases.add(new Case(5, List.of("sudo", "vector", "--config"), 1, Set.of(), false)); // no trailing word
    cases.add(new Case(5, List.of("x", "vector --config"), 1, Set.of(), false)); // padded at the end
    cases.add(new Case(5, List.of("vector--config"), 1, Set.of(), false));
    cases.add(new Case(5, List.of("python", "-c", "resource_tracker; skulk; spawn_main"), 1, Set.of(), false));
    cases.add(new Case(5, List.of("node", "skulk", "spawn_main"), 1, Set.of(), false));
    cases.add(new Case(5, List.of("node", "spawn_main"), 1, Set.of(), false));
    cases.add(new Case(5, List.of("/usr/bin/python3.12-config"), 1, Set.of(), false));
    cases.add(new Case(5, List.of("bash", "-c", "python3"), 1, Set.of(), false));
    return cases;
  }

  private static Case generated(SplittableRandom random) {
    List<String> argv = new ArrayList<>();
    int shape = random.nextInt(10);
    if (shape > 0) {
      argv.add(shape == 1 ? randomText(random) : EXECUTABLES[random.nextInt(EXECUTABLES.length)]);
      int args = random.nextInt(7);
      for (int i = 0; i < args; i++) {
        argv.add(random.nextInt(8) == 0 ? randomText(random) : ARGUMENTS[random.nextInt(ARGUMENTS.length)]);
      }
    }
    long pid = 1 + random.nextInt(60);
    long current = random.nextInt(6) == 0 ? pid : 1 + random.nextInt(60);
    Set<Long> runners = new HashSet<>();
    int runnerCount = random.nextInt(4);
    for (int i = 0; i < runnerCount; i++) {
      runners.add(random.nextInt(5) == 0 ? pid : 1 + random.nextInt(60));
    }
    return new Case(pid, argv, current, Set.copyOf(runners), random.nextInt(4) == 0);
  }

  /** Text from a mixed alphabet: path separators, spaces, the role words' letters, beyond ASCII. */
  private static String randomText(SplittableRandom random) {
    String[] pieces = {"/", "\\", " ", "\t", ".", "py", "thon", "vec", "tor", "sku", "lk", "--", "con", "fig",
        "C:", "\u00e9", "\u212A", "\u0130", "\uD83D\uDE00", "\u03a3", "_", "spawn", "main", "resource", "tracker"};
    StringBuilder text = new StringBuilder();
    int n = random.nextInt(8);
    for (int i = 0; i < n; i++) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }

  private static String json(Case c) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("pid", c.pid());
    fields.put("argv", c.argv());
    fields.put("currentPid", c.currentPid());
    fields.put("runnerPids", List.copyOf(c.runnerPids()));
    fields.put("windows", c.windows());
    return JSON.writeValueAsString(fields);
  }
}
