package dev.skulk.diagnostics.assembly;

import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.model.ProcessRole;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Python Skulk's process roles and lineage. The role of a process is that of the first rule that
 * matches, comparing case-insensitively:
 *
 * <ol>
 *   <li>the pid is this process: {@code skulk}
 *   <li>the pid is a known runner pid: {@code runner}
 *   <li>the executable's basename is {@code vector}, or the command contains {@code " vector
 *       --config "} (the command padded with a space on each side, as Python does): {@code vector}
 *   <li>the command contains {@code resource_tracker}: {@code python}
 *   <li>the command contains {@code skulk}: {@code skulk}
 *   <li>the command contains {@code spawn_main}: {@code runner}
 *   <li>the executable's basename contains {@code python}: {@code python}
 *   <li>else {@code other}
 * </ol>
 *
 * <p>The executable is the command's first space-separated word (the command is the argument
 * vector joined with spaces); its basename is what follows the last {@code /} or {@code \} once
 * trailing separators are dropped. {@code isChildOfSkulk} is true for this process and every
 * process that descends from it through {@code parentPid} links within the list.
 *
 * <p>Stateless and thread-safe; linear in the number of processes plus the sort.
 */
public final class ProcessRoles {

  private ProcessRoles() {}

  /**
   * The processes with their role and {@code isChildOfSkulk} assigned, sorted by pid (stable, so
   * duplicates keep their order); every other component is kept.
   *
   * @param processes the processes as a collector reported them, in any order
   * @param selfPid the pid of the Skulk node process
   * @param runnerPids the pids of the runner subprocesses the host supervises
   */
  public static List<DiagnosticsProcess> assign(
      List<DiagnosticsProcess> processes, long selfPid, Set<Long> runnerPids) {
    Set<Long> lineage = descendantsOf(processes, selfPid);
    List<DiagnosticsProcess> assigned = new ArrayList<>(processes.size());
    for (DiagnosticsProcess process : processes) {
      assigned.add(new DiagnosticsProcess(
          process.pid(),
          process.parentPid(),
          role(process.pid(), process.command(), selfPid, runnerPids),
          process.command(),
          process.status(),
          process.cpuPercent(),
          process.memoryPercent(),
          process.rss(),
          process.elapsedSeconds(),
          lineage.contains(process.pid())));
    }
    assigned.sort(Comparator.comparingLong(DiagnosticsProcess::pid));
    return List.copyOf(assigned);
  }

  /** The role of one process by the rules above. */
  public static ProcessRole role(long pid, String command, long selfPid, Set<Long> runnerPids) {
    String lower = command.toLowerCase(Locale.ROOT);
    String executable = executableName(lower);
    if (pid == selfPid) {
      return ProcessRole.SKULK;
    }
    if (runnerPids.contains(pid)) {
      return ProcessRole.RUNNER;
    }
    if (executable.equals("vector") || (" " + lower + " ").contains(" vector --config ")) {
      return ProcessRole.VECTOR;
    }
    if (lower.contains("resource_tracker")) {
      return ProcessRole.PYTHON;
    }
    if (lower.contains("skulk")) {
      return ProcessRole.SKULK;
    }
    if (lower.contains("spawn_main")) {
      return ProcessRole.RUNNER;
    }
    if (executable.contains("python")) {
      return ProcessRole.PYTHON;
    }
    return ProcessRole.OTHER;
  }

  /** The basename of the command's first word, as given (callers lower-case the command first). */
  static String executableName(String command) {
    int space = command.indexOf(' ');
    String first = space < 0 ? command : command.substring(0, space);
    int end = first.length();
    while (end > 0 && isSeparator(first.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && !isSeparator(first.charAt(start - 1))) {
      start--;
    }
    return first.substring(start, end);
  }

  private static boolean isSeparator(char c) {
    return c == '/' || c == '\\';
  }

  private static Set<Long> descendantsOf(List<DiagnosticsProcess> processes, long selfPid) {
    Map<Long, List<Long>> children = new HashMap<>();
    for (DiagnosticsProcess process : processes) {
      Long parent = process.parentPid();
      if (parent != null && parent != process.pid()) {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(process.pid());
      }
    }
    Set<Long> lineage = new HashSet<>();
    Deque<Long> pending = new ArrayDeque<>();
    pending.add(selfPid);
    while (!pending.isEmpty()) {
      long pid = pending.pop();
      if (lineage.add(pid)) {
        pending.addAll(children.getOrDefault(pid, List.of()));
      }
    }
    return lineage;
  }
}
