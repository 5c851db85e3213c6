package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code /proc} reader: psutil's argv split, {@code stat} parsing, and this machine's table. */
class LinuxProcTableTest {

  @Test
  void argvIsSplitAsPsutilSplitsIt() {
    // psutil _pslinux.Process.cmdline: NULs when the text ends with one, else spaces; a single
    // NUL-ended element holding spaces is split on spaces too.
    assertThat(LinuxProcTable.splitCmdline("python\0-m\0skulk\0")).containsExactly("python", "-m", "skulk");
    assertThat(LinuxProcTable.splitCmdline("chrome --type=renderer --lang=en")).containsExactly(
        "chrome", "--type=renderer", "--lang=en");
    assertThat(LinuxProcTable.splitCmdline("postgres: skulk idle\0")).containsExactly("postgres:", "skulk", "idle");
    assertThat(LinuxProcTable.splitCmdline("/opt/my tools/python3\0x.py\0")).containsExactly(
        "/opt/my tools/python3", "x.py");
    assertThat(LinuxProcTable.splitCmdline("a\0\0")).containsExactly("a", "");
    assertThat(LinuxProcTable.splitCmdline("")).isEmpty();
    assertThat(LinuxProcTable.splitCmdline("sleep")).containsExactly("sleep");
  }

  @Test
  void aStatLineWithParenthesesAndSpacesInTheNameIsRead(@TempDir Path proc) throws Exception {
    StringBuilder stat = new StringBuilder("4242 (my (odd) name) S 17 4242 4242 0 -1 4194304 1 0 0 0 250 50 0 0"); // fields 3 to 17
    for (int field = 18; field <= 52; field++) {
      stat.append(' ').append(switch (field) {
        case 22 -> "12345"; // start time, ticks after boot
        case 24 -> "300"; // rss pages
        case 48 -> "140730000000000"; // arg_start
        case 49 -> "140730000000100"; // arg_end
        default -> "0";
      });
    }
    Files.writeString(proc.resolve("stat"), "cpu 1 2 3\nbtime 1700000000\nprocesses 5\n");
    Files.createDirectories(proc.resolve("4242"));
    Files.writeString(proc.resolve("4242/stat"), stat + "\n");
    Files.writeString(proc.resolve("4242/cmdline"), "python\0-m\0skulk\0");
    Files.writeString(proc.resolve("meminfo"), "MemTotal:       16384 kB\nMemFree: 1 kB\n");
    long now = 1_700_000_000_000L + 200_000;
    LinuxProcTable table = new LinuxProcTable(proc, 4096, () -> now);

    List<ProcessTable.Row> rows = table.snapshot();

    assertThat(rows).hasSize(1);
    ProcessTable.Row row = rows.get(0);
    assertThat(row.pid()).isEqualTo(4242);
    assertThat(row.parentPid()).isEqualTo(17);
    assertThat(row.name()).isEqualTo("my (odd) name");
    assertThat(row.cpuTimeMillis()).isEqualTo(3000); // (250 + 50) ticks at 100 Hz
    assertThat(row.rssBytes()).isEqualTo(300 * 4096);
    assertThat(row.startTime()).isEqualTo(12345);
    assertThat(row.upTimeMillis()).isEqualTo(200_000 - 123_450);
    assertThat(row.execSignature()).isEqualTo("140730000000000-140730000000100");
    assertThat(row.fallbackStatus()).isEqualTo("sleeping");
    assertThat(row.arguments().get()).containsExactly("python", "-m", "skulk");
    assertThat(table.totalMemoryBytes()).isEqualTo(16384 * 1024);
    assertThat(table.status(row).name()).isEqualTo("sleeping");
    Files.delete(proc.resolve("4242/stat"));
    assertThat(table.status(row).gone()).isTrue();
  }

  @Test
  void thisJvmIsInTheMachinesTable() throws Exception {
    assumeThat(Files.isReadable(Path.of("/proc/self/stat"))).isTrue();
    LinuxProcTable table = new LinuxProcTable(Path.of("/proc"), 4096, System::currentTimeMillis);
    long self = ProcessHandle.current().pid();

    ProcessTable.Row me = table.snapshot().stream().filter(r -> r.pid() == self).findFirst().orElseThrow();

    assertThat(me.parentPid()).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
    assertThat(me.arguments().get().get(0)).endsWith("java");
    assertThat(me.execSignature()).isNotEqualTo("0-0"); // our own process: the kernel shows it
    assertThat(me.upTimeMillis()).isPositive();
    assertThat(table.totalMemoryBytes()).isPositive();
  }

  /**
   * A table that keeps {@code stat} files open reads what one opening each file reads, sees an
   * {@code execve} through the kept file, and drops a process once it has exited. The child execs
   * {@code cat} only after it is told to, and its echo of a line proves the exec happened.
   */
  @Test
  void keptStatFilesFollowExecAndExit() throws Exception {
    assumeThat(Files.isReadable(Path.of("/proc/self/stat"))).isTrue();
    assumeThat(Files.isExecutable(Path.of("/bin/sh"))).isTrue();
    LinuxProcTable kept = new LinuxProcTable(Path.of("/proc"), 4096, System::currentTimeMillis, true);
    LinuxProcTable perRead = new LinuxProcTable(Path.of("/proc"), 4096, System::currentTimeMillis);
    Process child = new ProcessBuilder("/bin/sh", "-c", "read x; exec cat").start();
    try {
      long pid = child.pid();
      ProcessTable.Row beforeExec = row(kept.snapshot(), pid);
      assertThat(beforeExec.name()).isEqualTo("sh");
      assertThat(beforeExec.parentPid()).isEqualTo(ProcessHandle.current().pid());

      OutputStream stdin = child.getOutputStream();
      stdin.write("go\nping\n".getBytes(StandardCharsets.US_ASCII));
      stdin.flush();
      BufferedReader stdout = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
          () -> assertThat(stdout.readLine()).isEqualTo("ping")); // cat runs: the exec is done

      ProcessTable.Row afterExec = row(kept.snapshot(), pid);
      ProcessTable.Row fresh = row(perRead.snapshot(), pid);
      assertThat(afterExec.name()).isEqualTo("cat").isEqualTo(fresh.name());
      assertThat(afterExec.execSignature()).isEqualTo(fresh.execSignature()).isNotEqualTo(beforeExec.execSignature());
      assertThat(afterExec.startTime()).isEqualTo(beforeExec.startTime()).isEqualTo(fresh.startTime());
      assertThat(afterExec.parentPid()).isEqualTo(fresh.parentPid());
      assertThat(kept.status(afterExec).name()).isEqualTo("sleeping");

      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue(); // exited and reaped
      assertThat(kept.status(afterExec).gone()).isTrue();
      assertThat(kept.snapshot()).noneMatch(r -> r.pid() == pid);
    } finally {
      child.destroyForcibly();
    }
  }

  /**
   * A process outside the caller's interest is checked through its kept {@code cmdline} instead of
   * its {@code stat}; an exec (its argv changes) still shows, as the table that opens every file
   * per read sees it, and an exited process drops out.
   */
  @Test
  void aProcessOutsideTheCallersInterestStillShowsItsExecAndExit() throws Exception {
    assumeThat(Files.isReadable(Path.of("/proc/self/stat"))).isTrue();
    assumeThat(Files.isExecutable(Path.of("/bin/sh"))).isTrue();
    LinuxProcTable kept = new LinuxProcTable(Path.of("/proc"), 4096, System::currentTimeMillis, true);
    LinuxProcTable perRead = new LinuxProcTable(Path.of("/proc"), 4096, System::currentTimeMillis);
    Process child = new ProcessBuilder("/bin/sh", "-c", "read x; exec cat").start();
    try {
      long pid = child.pid();
      java.util.function.LongPredicate notTheChild = p -> p != pid;
      assertThat(row(kept.snapshot(notTheChild), pid).name()).isEqualTo("sh"); // first sight: read in full
      ProcessTable.Row unchanged = row(kept.snapshot(notTheChild), pid);
      assertThat(unchanged.name()).isEqualTo("sh");
      assertThat(unchanged.parentPid()).isEqualTo(ProcessHandle.current().pid());

      OutputStream stdin = child.getOutputStream();
      stdin.write("go\nping\n".getBytes(StandardCharsets.US_ASCII));
      stdin.flush();
      BufferedReader stdout = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
          () -> assertThat(stdout.readLine()).isEqualTo("ping")); // cat runs: the exec is done

      ProcessTable.Row afterExec = row(kept.snapshot(notTheChild), pid);
      ProcessTable.Row fresh = row(perRead.snapshot(), pid);
      assertThat(afterExec.name()).isEqualTo("cat").isEqualTo(fresh.name());
      assertThat(afterExec.execSignature()).isEqualTo(fresh.execSignature());
      assertThat(afterExec.arguments().get()).containsExactly("cat");

      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(kept.snapshot(notTheChild)).noneMatch(r -> r.pid() == pid);
    } finally {
      child.destroyForcibly();
    }
  }

  /**
   * A process outside the caller's interest keeps the parent link of its last full read only while
   * that parent lives: once the parent has exited, the orphan is read again and shows its adopter,
   * as the table that opens every file per read sees it.
   */
  @Test
  void anOrphanOutsideTheCallersInterestShowsItsNewParent() throws Exception {
    assumeThat(Files.isReadable(Path.of("/proc/self/stat"))).isTrue();
    assumeThat(Files.isExecutable(Path.of("/bin/sh"))).isTrue();
    LinuxProcTable kept = new LinuxProcTable(Path.of("/proc"), 4096, System::currentTimeMillis, true);
    LinuxProcTable perRead = new LinuxProcTable(Path.of("/proc"), 4096, System::currentTimeMillis);
    Process parent = new ProcessBuilder("/bin/sh", "-c", "sleep 600 & echo $!; read x").start();
    long orphan = -1;
    try {
      BufferedReader stdout = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII));
      String line = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), stdout::readLine);
      orphan = Long.parseLong(line.trim());
      long parentPid = parent.pid();
      long sleeper = orphan;
      java.util.function.LongPredicate outside = p -> p != sleeper && p != parentPid;
      kept.snapshot(outside);
      assertThat(row(kept.snapshot(outside), orphan).parentPid()).isEqualTo(parentPid);

      parent.destroyForcibly();
      assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue(); // exited and reaped: the sleep is adopted

      ProcessTable.Row adopted = row(kept.snapshot(outside), orphan);
      assertThat(adopted.parentPid()).isNotEqualTo(parentPid).isEqualTo(row(perRead.snapshot(), orphan).parentPid());
    } finally {
      parent.destroyForcibly();
      if (orphan > 0) {
        ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /**
   * The kept files of all tables together stay within {@link LinuxProcTable#MAX_KEPT_OPEN}: many
   * live tables (as a host that makes a collector per poll would leave behind until they are
   * collected) do not run the JVM out of descriptors, and a table past the budget still reads
   * every process, by opening its files per read.
   */
  @Test
  void keptFilesOfAllTablesStayWithinTheBudget() throws Exception {
    assumeThat(Files.isReadable(Path.of("/proc/self/stat"))).isTrue();
    long processes;
    try (var listing = Files.list(Path.of("/proc"))) {
      processes = listing.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).count();
    }
    int tables = (int) (2 * LinuxProcTable.MAX_KEPT_OPEN / Math.max(1, processes)) + 2; // twice the budget
    long self = ProcessHandle.current().pid();
    long before = openDescriptors();
    List<LinuxProcTable> live = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < tables; i++) {
        LinuxProcTable table = new LinuxProcTable(Path.of("/proc"), 4096, System::currentTimeMillis, true);
        live.add(table);
        assertThat(table.snapshot(pid -> pid == self)).anyMatch(r -> r.pid() == self);
        assertThat(table.snapshot(pid -> pid == self)).anyMatch(r -> r.pid() == self);
      }
      assertThat(openDescriptors() - before).isLessThanOrEqualTo(LinuxProcTable.MAX_KEPT_OPEN + 64);
    } finally {
      live.forEach(LinuxProcTable::closeKeptFiles); // the budget back for the other tests of this JVM
    }
    assertThat(openDescriptors() - before).isLessThanOrEqualTo(64);
  }

  private static long openDescriptors() throws Exception {
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  private static ProcessTable.Row row(List<ProcessTable.Row> rows, long pid) {
    return rows.stream().filter(r -> r.pid() == pid).findFirst().orElseThrow();
  }
}
