package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The one lineage walk ({@link ProcessLineage#descendantsAndSelf}, down the parent links) against
 * an independent oracle that walks up from each process looking for the root, on seeded random
 * tables with cycles, self-parents, orphans and missing parents.
 */
class ProcessLineagePropertyTest {

  private static final long SEED = 20261127L;

  @Test
  void descendantsAreExactlyTheProcessesWhoseAncestryReachesTheRoot() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int round = 0; round < 300; round++) {
      int size = 1 + random.nextInt(40);
      List<ProcessTable.Row> rows = new ArrayList<>();
      Map<Long, Long> parentOf = new HashMap<>();
      for (int i = 0; i < size; i++) {
        long pid = 1 + random.nextInt(60);
        if (parentOf.containsKey(pid)) {
          continue;
        }
        long parent = random.nextInt(8) == 0 ? pid : random.nextInt(62); // self-parent, 0, or any
        parentOf.put(pid, parent);
        rows.add(new ProcessTable.Row(pid, parent, 1, "p", "", 0, 0, 0, null, List::of));
      }
      long root = rows.get(random.nextInt(rows.size())).pid();

      Set<Long> walked = ProcessLineage.descendantsAndSelf(rows, root);

      Set<Long> expected = new HashSet<>();
      expected.add(root);
      for (long pid : parentOf.keySet()) {
        Set<Long> seen = new HashSet<>();
        long current = pid;
        while (seen.add(current)) {
          if (current == root) {
            expected.add(pid);
            break;
          }
          Long parent = parentOf.get(current);
          if (parent == null || parent == current) {
            break;
          }
          current = parent;
        }
      }
      assertThat(walked).as("seed %d, round %d, table %s, root %d", SEED, round, parentOf, root)
          .isEqualTo(expected);
    }
  }
}
