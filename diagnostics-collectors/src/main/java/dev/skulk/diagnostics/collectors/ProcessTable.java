package dev.skulk.diagnostics.collectors;

import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The operating system's process table, as {@link ProcessCollector} reads it. */
interface ProcessTable {

  /** Every process now running (a process that vanished while being read is left out). */
  List<Row> snapshot() throws Exception;

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
