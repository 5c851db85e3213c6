package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.ProcessRole;
import dev.skulk.diagnostics.testkit.TestCollectContext;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.testkit.CollectorCompatibilityKit;

class ProcessCollectorTest extends CollectorCompatibilityKit {

  @Override
  protected Collector<?> createCollector() {
    return new ProcessCollector();
  }

  @Test
  void thisJvmWithItsRealCommandAndCpuUsedBetweenCollections() throws Exception {
    long self = ProcessHandle.current().pid();
    ProcessCollector collector = new ProcessCollector();
    assertThat(collector.isAvailable()).isTrue();

    collector.collect(TestCollectContext.create());
    CpuBurner.burn(500);
    List<DiagnosticsProcess> processes = collector.collect(TestCollectContext.create());

    DiagnosticsProcess jvm =
        processes.stream().filter(p -> p.pid() == self).findFirst().orElseThrow();
    assertThat(jvm.command()).contains("java");
    assertThat(jvm.parentPid()).isEqualTo(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(null));
    assertThat(jvm.cpuPercent()).isGreaterThan(0.0);
    assertThat(jvm.memoryPercent()).isGreaterThan(0.0).isLessThan(100.0);
    assertThat(jvm.rss().inBytes()).isGreaterThan(1024L * 1024);
    assertThat(jvm.elapsedSeconds()).isGreaterThan(0.0);
    assertThat(jvm.status()).isIn("running", "sleeping");
    assertThat(jvm.role()).isEqualTo(ProcessRole.SKULK); // the context's selfPid is this JVM
    assertThat(jvm.isChildOfSkulk()).isTrue();
    assertThat(processes).extracting(DiagnosticsProcess::pid).isSorted();
  }

  @Test
  void descendantsAreReportedWithTheirCommandRedacted() throws Exception {
    assumeThat(OsFamily.current()).isIn(OsFamily.LINUX, OsFamily.MACOS);
    // The shell stays (it has work after sleep), so its argv keeps the secret; sleep is a grandchild.
    Process child =
        new ProcessBuilder("/bin/sh", "-c", "sleep 30; :", "skulk-test", "--api-key", "sk-test-123").start();
    try {
      ProcessCollector collector = new ProcessCollector();
      DiagnosticsProcess shell = null;
      DiagnosticsProcess sleep = null;
      for (int attempt = 0; attempt < 100 && sleep == null; attempt++) { // until the shell has forked
        List<DiagnosticsProcess> processes = collector.collect(TestCollectContext.create());
        shell = processes.stream().filter(p -> p.pid() == child.pid()).findFirst().orElse(null);
        sleep = processes.stream()
            .filter(p -> p.parentPid() != null && p.parentPid() == child.pid())
            .findFirst()
            .orElse(null);
      }

      assertThat(shell).isNotNull();
      assertThat(shell.parentPid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(shell.command()).isEqualTo("/bin/sh -c sleep 30; : skulk-test --api-key ***");
      assertThat(sleep).isNotNull();
      assertThat(sleep.command()).isEqualTo("sleep 30");
    } finally {
      child.descendants().forEach(ProcessHandle::destroyForcibly);
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void selectionIsSelfDescendantsAndVectorSortedByPid() throws Exception {
    FakeTable table = new FakeTable();
    table.add(1, 0, "/sbin/init");
    table.add(100, 1, "python -m skulk --api-key sk-live-9 --port 52415");
    table.add(150, 100, "python -c from multiprocessing.spawn import spawn_main");
    table.add(151, 150, "python -m mlx_lm.server --model x");
    table.add(90, 1, "vector --config /etc/vector.yaml");
    table.add(95, 1, "/usr/bin/sshd -D");
    table.add(200, 95, "bash");

    List<DiagnosticsProcess> processes =
        new ProcessCollector(OsFamily.LINUX, table).collect(TestCollectContext.builder().selfPid(100).build());

    assertThat(processes).extracting(DiagnosticsProcess::pid).containsExactly(90L, 100L, 150L, 151L);
    assertThat(processes).extracting(DiagnosticsProcess::role).containsExactly(
        ProcessRole.VECTOR, ProcessRole.SKULK, ProcessRole.RUNNER, ProcessRole.PYTHON);
    assertThat(processes).extracting(DiagnosticsProcess::isChildOfSkulk).containsExactly(false, true, true, true);
    assertThat(processes.get(1).command()).isEqualTo("python -m skulk --api-key *** --port 52415");
    assertThat(processes.get(0).parentPid()).isEqualTo(1L);
    assertThat(processes.get(0).memoryPercent()).isEqualTo(100.0 * (64L << 20) / (16L << 30));
    assertThat(processes.get(0).rss()).isEqualTo(Memory.ofMiB(64));
    assertThat(processes.get(0).status()).isEqualTo("sleeping");
  }

  @Test
  void cpuPercentIsSinceThePreviousCollectionAndAReusedPidStartsOver() throws Exception {
    FakeTable table = new FakeTable();
    table.add(100, 1, "skulk");
    table.set(100, 1, 2_000, 10_000); // 2 s of CPU in 10 s of life
    ProcessCollector collector = new ProcessCollector(OsFamily.LINUX, table);

    DiagnosticsProcess first = collector.collect(TestCollectContext.builder().selfPid(100).build()).get(0);
    table.set(100, 1, 3_500, 12_000); // +1.5 s of CPU in +2 s
    DiagnosticsProcess second = collector.collect(TestCollectContext.builder().selfPid(100).build()).get(0);
    table.set(100, 2, 100, 1_000); // pid 100 reused by a new process (another start time)
    DiagnosticsProcess reused = collector.collect(TestCollectContext.builder().selfPid(100).build()).get(0);

    assertThat(first.cpuPercent()).isEqualTo(20.0); // first sight: average since start
    assertThat(second.cpuPercent()).isEqualTo(75.0);
    assertThat(reused.cpuPercent()).isEqualTo(10.0); // not (100 - 3500) / (1000 - 12000)
    assertThat(reused.elapsedSeconds()).isEqualTo(1.0);
  }

  @Test
  void commandLinesAreReadOncePerProcessAndVanishedProcessesAreSkipped() throws Exception {
    FakeTable table = new FakeTable();
    table.add(100, 1, "skulk");
    table.add(101, 100, "runner");
    table.add(300, 1, "vector --config x");
    for (int i = 400; i < 450; i++) {
      table.add(i, 1, "unrelated-" + i);
    }
    ProcessCollector collector = new ProcessCollector(OsFamily.LINUX, table);

    collector.collect(TestCollectContext.builder().selfPid(100).build());
    table.gone.add(101L);
    List<DiagnosticsProcess> second = collector.collect(TestCollectContext.builder().selfPid(100).build());

    assertThat(second).extracting(DiagnosticsProcess::pid).containsExactly(100L, 300L);
    assertThat(table.argumentReads).allSatisfy((pid, reads) -> assertThat(reads.get()).as("pid %s", pid).isEqualTo(1));
    assertThat(table.argumentReads).hasSize(53);
  }

  @Test
  void aProcessWithoutArgumentsIsReportedByName() throws Exception {
    FakeTable table = new FakeTable();
    table.add(100, 1, "");
    assertThat(new ProcessCollector(OsFamily.LINUX, table).collect(TestCollectContext.builder().selfPid(100).build()))
        .extracting(DiagnosticsProcess::command)
        .containsExactly("proc-100");
  }

  @Test
  void rolesComeFromTheRawArgvAndRunnerPidsFromTheContext() throws Exception {
    FakeTable table = new FakeTable();
    table.addArgv(100, 1, List.of("java", "-jar", "node.jar"));
    // The secret value holds "skulk": redaction must not turn this skulk process into python.
    table.addArgv(101, 100, List.of("/usr/bin/python3", "-m", "worker", "--api-key", "skulk-prod-key"));
    table.addArgv(102, 100, List.of("/opt/my tools/python3", "serve.py"));
    table.addArgv(103, 100, List.of("/opt/vector/bin/vector --config /etc/vector.yaml"));
    table.addArgv(104, 100, List.of("python", "-m", "mlx_lm.server"));

    List<DiagnosticsProcess> processes = new ProcessCollector(OsFamily.LINUX, table)
        .collect(TestCollectContext.builder().selfPid(100).runnerPids(Set.of(104L)).build());

    // 103: Path("/opt/vector/bin/vector --config /etc/vector.yaml").name is "vector.yaml", and the
    // joined command " /opt/vector/bin/vector --config ... " does not hold " vector --config ".
    assertThat(processes).extracting(DiagnosticsProcess::role).containsExactly(
        ProcessRole.SKULK, ProcessRole.SKULK, ProcessRole.PYTHON, ProcessRole.OTHER, ProcessRole.RUNNER);
    assertThat(processes.get(1).command()).isEqualTo("/usr/bin/python3 -m worker --api-key ***");
  }

  @Test
  void aProcessThatExecsAfterItWasFirstSeenIsReadAgain() throws Exception {
    FakeTable table = new FakeTable();
    table.addArgv(100, 1, List.of("java", "-jar", "node.jar"));
    // Forked from a python parent and seen before it calls execve: the parent's argv, name and path.
    table.addArgv(500, 1, List.of("/usr/bin/python3", "-m", "tools.launcher"));
    table.exec(500, "python3", "/usr/bin/python3", List.of("/usr/bin/python3", "-m", "tools.launcher"));
    ProcessCollector collector = new ProcessCollector(OsFamily.LINUX, table);

    List<DiagnosticsProcess> before = collector.collect(TestCollectContext.builder().selfPid(100).build());
    table.exec(500, "vector", "/usr/bin/vector", List.of("/usr/bin/vector", "--config", "/etc/vector.yaml"));
    List<DiagnosticsProcess> after = collector.collect(TestCollectContext.builder().selfPid(100).build());

    assertThat(before).extracting(DiagnosticsProcess::pid).containsExactly(100L);
    assertThat(after).extracting(DiagnosticsProcess::pid).containsExactly(100L, 500L);
    assertThat(after.get(1).role()).isEqualTo(ProcessRole.VECTOR);
    assertThat(after.get(1).command()).isEqualTo("/usr/bin/vector --config /etc/vector.yaml");
    assertThat(table.argumentReads.get(500L).get()).isEqualTo(2);
  }

  @Test
  void aForkedChildInTheTreeGetsItsOwnCommandAfterExec() throws Exception {
    FakeTable table = new FakeTable();
    table.addArgv(100, 1, List.of("python", "-m", "skulk"));
    table.addArgv(101, 100, List.of("python", "-m", "skulk")); // fork: the parent's argv
    table.exec(101, "python", "/usr/bin/python", List.of("python", "-m", "skulk"));
    ProcessCollector collector = new ProcessCollector(OsFamily.LINUX, table);

    DiagnosticsProcess forked = collector.collect(TestCollectContext.builder().selfPid(100).build()).get(1);
    table.exec(101, "mlx_lm.server", "/opt/venv/bin/python3.12",
        List.of("/opt/venv/bin/python3.12", "-m", "mlx_lm.server", "--hf-token", "hf_abc"));
    DiagnosticsProcess execd = collector.collect(TestCollectContext.builder().selfPid(100).build()).get(1);

    assertThat(forked.role()).isEqualTo(ProcessRole.SKULK);
    assertThat(execd.role()).isEqualTo(ProcessRole.PYTHON);
    assertThat(execd.command()).isEqualTo("/opt/venv/bin/python3.12 -m mlx_lm.server --hf-token ***");
  }

  @Test
  void commandLinesAndVectorMatchesAreCappedSoTheBundleStaysSmall() throws Exception {
    FakeTable table = new FakeTable();
    table.addArgv(100, 1, List.of("java", "-jar", "node.jar"));
    String filler = "x".repeat(120 * 1024);
    for (int pid = 1000; pid < 1300; pid++) {
      table.addArgv(pid, 1, List.of("/home/mallory/bin/spam", "--vector", filler + pid));
    }
    table.addArgv(5000, 1, List.of("/usr/bin/vector", "--config", "/etc/vector.yaml")); // the real one
    table.addArgv(101, 100, List.of("python", "-c", "x".repeat(10_000), "--api-key", "sk-tail-secret"));

    List<DiagnosticsProcess> processes = new ProcessCollector(OsFamily.LINUX, table)
        .collect(TestCollectContext.builder().selfPid(100).build());
    String json = DiagnosticsJson.strict().write(processes);

    assertThat(processes).hasSize(2 + ProcessCollector.MAX_VECTOR_MATCHES);
    assertThat(processes).extracting(DiagnosticsProcess::pid).contains(100L, 101L, 5000L, 1000L)
        .doesNotContain(1299L);
    assertThat(processes).allSatisfy(p ->
        assertThat(p.command().length()).isLessThanOrEqualTo(ProcessCollector.MAX_COMMAND_CHARS));
    DiagnosticsProcess spam = processes.stream().filter(p -> p.pid() == 1000).findFirst().orElseThrow();
    assertThat(spam.command()).startsWith("/home/mallory/bin/spam --vector xxx")
        .endsWith("\u2026[truncated]").hasSize(ProcessCollector.MAX_COMMAND_CHARS);
    assertThat(json).doesNotContain("sk-tail-secret");
    assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(200 * 1024);
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String emoji = "\uD83D\uDE00";
    int keep = ProcessCollector.MAX_COMMAND_CHARS - ProcessCollector.TRUNCATION_MARK.length();
    String command = "a".repeat(keep - 1) + emoji + "tail".repeat(10);
    assertThat(ProcessCollector.cut(command)).isEqualTo("a".repeat(keep - 1) + ProcessCollector.TRUNCATION_MARK);
    assertThat(ProcessCollector.cut("short")).isEqualTo("short");
    String exact = "b".repeat(ProcessCollector.MAX_COMMAND_CHARS);
    assertThat(ProcessCollector.cut(exact)).isSameAs(exact);
  }

  /** An in-memory process table. */
  private static final class FakeTable implements ProcessTable {
    private final Map<Long, long[]> rows = new ConcurrentHashMap<>(); // pid -> ppid, start, cpu, up
    private final Map<Long, List<String>> commands = new ConcurrentHashMap<>();
    private final Map<Long, String[]> names = new ConcurrentHashMap<>(); // pid -> name, path
    final Map<Long, AtomicInteger> argumentReads = new ConcurrentHashMap<>();
    final List<Long> gone = new ArrayList<>();

    void add(long pid, long ppid, String command) {
      addArgv(pid, ppid, command.isEmpty() ? List.of() : List.of(command.split(" ")));
    }

    void addArgv(long pid, long ppid, List<String> argv) {
      rows.put(pid, new long[] {ppid, 1, 0, 1_000});
      commands.put(pid, argv);
      names.put(pid, new String[] {"proc-" + pid, "/usr/bin/proc-" + pid});
    }

    /** execve: same pid and start time, a new program, name and path. */
    void exec(long pid, String name, String path, List<String> argv) {
      commands.put(pid, argv);
      names.put(pid, new String[] {name, path});
    }

    void set(long pid, long start, long cpuMillis, long upMillis) {
      long[] row = rows.get(pid);
      rows.put(pid, new long[] {row[0], start, cpuMillis, upMillis});
    }

    @Override
    public List<Row> snapshot() {
      List<Row> snapshot = new ArrayList<>();
      rows.forEach(
          (pid, r) ->
              snapshot.add(
                  new Row(pid, r[0], r[1], names.get(pid)[0], names.get(pid)[1], r[2], 64L << 20, r[3], "sleeping",
                      () -> {
                        argumentReads.computeIfAbsent(pid, k -> new AtomicInteger()).incrementAndGet();
                        return commands.get(pid);
                      })));
      return snapshot;
    }

    @Override
    public long totalMemoryBytes() {
      return 16L << 30;
    }

    @Override
    public Status status(Row row) {
      return gone.contains(row.pid()) ? Status.GONE : Status.of(row.fallbackStatus());
    }
  }
}
