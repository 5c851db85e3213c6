package dev.skulk.diagnostics.collectors;

import java.util.List;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The operating system's process table, as {@link ProcessCollector} reads it. */
interface ProcessTable {

  /** Every process now running (a process that vanished while being read is left out). */
  List<Row> snapshot() throws Exception;

  /**
   * {@link #snapshot()}, told which processes the caller will report: a table may then read the
   * others' rows more cheaply, keeping from their last full read the facts that cannot matter to
   * a process outside {@code fullRead}. The caller puts in {@code fullRead} every process of the
   * subtree it walks as found in its previous snapshot (root and all descendants): an existing
   * process outside that subtree never enters it (an orphan is adopted by an ancestor or init), so
   * a row outside {@code fullRead} may keep the parent link of its last full read and still falls
   * on the same side of the subtree. Such a row is exact in pid and start time; its name, exec
   * signature and arguments describe its current {@code argv}; its CPU time, RSS, up time, status
   * and parent may be those of an earlier snapshot. By default, a full snapshot.
   */
  default List<Row> snapshot(LongPredicate fullRead) throws Exception {
    return snapshot();
  }

  /** Physical memory of the machine, for {@code memoryPercent}. */
  long totalMemoryBytes();

  /**
   * Status of one process as Python's psutil names it ({@code running}, {@code sleeping}, {@code
   * disk-sleep}, ...), read now; {@link Status#GONE} when the process has exited.
   */
  Status status(Row row);

  /** A status reading: the psutil name, null when unknown, or gone. */
  record Status(@Nullable String name, boolean gone) {
    static final Status GONE = new Status(null, true);

    static Status of(@Nullable String name) {
      return new Status(name, false);
    }
  }

  /**
   * One process.
   *
   * @param pid process id
   * @param parentPid parent's id (0 when none)
   * @param startTime start time in the table's own unit; with the pid, identifies the process
   *     across snapshots (a reused pid has another start time)
   * @param name the process's name (Linux: {@code comm}, which {@code execve} changes)
   * @param execSignature something {@code execve} changes, empty when unknown: the executable's
   *     path (OSHI), or the kernel's argv address range from {@code /proc/<pid>/stat} (Linux)
   * @param cpuTimeMillis user + system CPU time so far
   * @param rssBytes resident set size
   * @param upTimeMillis time since the process started
   * @param fallbackStatus the status the snapshot read, used where {@link #status} has nothing
   *     better
   * @param arguments reads the process's arguments ({@code argv}) when asked; empty when the OS
   *     does not show them (kernel threads, zombies, another user's process on macOS)
   */
  record Row(
      long pid,
      long parentPid,
      long startTime,
      String name,
      String execSignature,
      long cpuTimeMillis,
      long rssBytes,
      long upTimeMillis,
      @Nullable String fallbackStatus,
      Supplier<List<String>> arguments) {}
}
