package dev.skulk.diagnostics.collectors;

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
import java.util.function.Predicate;

/**
 * Which processes the diagnostics bundle reports: the Skulk process itself, all its descendants,
 * and every process whose command line contains {@code vector} (the log shipper, case-insensitive
 * as the role rules are), sorted by pid. Pure.
 */
final class ProcessLineage {

  private ProcessLineage() {}

  /** The pids of {@code root} and all its descendants present in {@code rows}. */
  static Set<Long> descendantsAndSelf(List<ProcessTable.Row> rows, long root) {
    Map<Long, List<Long>> children = new HashMap<>();
    for (ProcessTable.Row row : rows) {
      if (row.pid() != row.parentPid()) {
        children.computeIfAbsent(row.parentPid(), k -> new ArrayList<>()).add(row.pid());
      }
    }
    Set<Long> tree = new HashSet<>();
    Deque<Long> queue = new ArrayDeque<>();
    queue.add(root);
    while (!queue.isEmpty()) {
      long pid = queue.poll();
      if (tree.add(pid)) {
        queue.addAll(children.getOrDefault(pid, List.of()));
      }
    }
    return tree;
  }

  /** Whether a command line mentions {@code vector}. */
  static boolean mentionsVector(String commandLine) {
    return commandLine.toLowerCase(Locale.ROOT).contains("vector");
  }

  /**
   * The rows to report: {@code self} and its descendants, and the rows {@code mentionsVector}
   * accepts (asked only for the others), sorted by pid.
   */
  static List<ProcessTable.Row> select(
      List<ProcessTable.Row> rows, long self, Predicate<ProcessTable.Row> mentionsVector) {
    Set<Long> tree = descendantsAndSelf(rows, self);
    List<ProcessTable.Row> selected = new ArrayList<>();
    for (ProcessTable.Row row : rows) {
      if (tree.contains(row.pid()) || mentionsVector.test(row)) {
        selected.add(row);
      }
    }
    selected.sort(Comparator.comparingLong(ProcessTable.Row::pid));
    return selected;
  }
}
