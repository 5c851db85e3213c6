package dev.skulk.diagnostics.collectors;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which processes the diagnostics bundle reports, as Python Skulk selects them: the Skulk process
 * itself and all its descendants ({@code psutil.Process.children(recursive=True)}), and every
 * process whose joined command line contains {@code vector} (case-insensitive). Pure.
 */
final class ProcessLineage {

  private ProcessLineage() {}

  /**
   * The pids of {@code root} and all its descendants present in {@code rows}: one walk down the
   * parent links, linear in the number of rows; a row that names itself as parent is no child.
   */
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

  /**
   * Whether {@code " ".join(argv).lower()} contains {@code vector}; element by element, as the
   * joining space can never complete the word.
   */
  static boolean mentionsVector(List<String> argv) {
    for (String arg : argv) {
      if (arg.toLowerCase(Locale.ROOT).contains("vector")) {
        return true;
      }
    }
    return false;
  }
}
