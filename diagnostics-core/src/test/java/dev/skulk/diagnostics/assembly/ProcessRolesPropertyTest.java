package dev.skulk.diagnostics.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.model.ProcessRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Role inference over generated process tables, checked against an independent table of DESIGN.md's
 * rules ("first rule that matches wins", case-insensitive).
 */
class ProcessRolesPropertyTest {

  /** What a rule may look at. */
  record Subject(long pid, String lowerCommand, long selfPid, Set<Long> runnerPids) {
    String executable() {
      String first = lowerCommand.split(" ", -1)[0].replaceAll("[/\\\\]+$", "");
      return first.replaceAll("^.*[/\\\\]", "");
    }
  }

  record Rule(Predicate<Subject> matches, ProcessRole role) {}

  private static final List<Rule> RULES = List.of(
      new Rule(s -> s.pid() == s.selfPid(), ProcessRole.SKULK),
      new Rule(s -> s.runnerPids().contains(s.pid()), ProcessRole.RUNNER),
      new Rule(s -> s.executable().equals("vector")
          || (" " + s.lowerCommand() + " ").contains(" vector --config "), ProcessRole.VECTOR),
      new Rule(s -> s.lowerCommand().contains("resource_tracker"), ProcessRole.PYTHON),
      new Rule(s -> s.lowerCommand().contains("skulk"), ProcessRole.SKULK),
      new Rule(s -> s.lowerCommand().contains("spawn_main"), ProcessRole.RUNNER),
      new Rule(s -> s.executable().contains("python"), ProcessRole.PYTHON),
      new Rule(s -> true, ProcessRole.OTHER));

  private static ProcessRole expectedRole(DiagnosticsProcess process, long selfPid, Set<Long> runnerPids) {
    Subject subject = new Subject(process.pid(), process.command().toLowerCase(Locale.ROOT), selfPid, runnerPids);
    for (Rule rule : RULES) {
      if (rule.matches().test(subject)) {
        return rule.role();
      }
    }
    throw new AssertionError("the last rule always matches");
  }

  /** Walks up parent links (never down, unlike the implementation) looking for self. */
  private static boolean expectedChild(DiagnosticsProcess process, long selfPid, Map<Long, DiagnosticsProcess> byPid) {
    Set<Long> seen = new HashSet<>();
    DiagnosticsProcess current = process;
    while (true) {
      if (current.pid() == selfPid) {
        return true;
      }
      if (!seen.add(current.pid()) || current.parentPid() == null) {
        return false;
      }
      long parent = current.parentPid();
      if (parent == selfPid) {
        return true;
      }
      DiagnosticsProcess next = byPid.get(parent);
      if (next == null) {
        return false;
      }
      current = next;
    }
  }

  record Table(List<DiagnosticsProcess> processes, long selfPid, Set<Long> runnerPids) {}

  @Test
  void everyProcessGetsTheRoleOfItsFirstMatchingRule() {
    forEachTable(20261127L, 300, ProcessRolesPropertyTest::checkRoles);
  }

  private static void checkRoles(Table table) {
    List<DiagnosticsProcess> assigned = ProcessRoles.assign(table.processes(), table.selfPid(), table.runnerPids());

    for (DiagnosticsProcess process : assigned) {
      assertThat(process.role())
          .as("role of %s (%s)", process.pid(), process.command())
          .isEqualTo(expectedRole(process, table.selfPid(), table.runnerPids()));
    }
  }

  @Test
  void childOfSkulkExactlyForSelfAndItsDescendants() {
    forEachTable(20261127L, 300, ProcessRolesPropertyTest::checkChildOfSkulk);
  }

  private static void checkChildOfSkulk(Table table) {
    Map<Long, DiagnosticsProcess> byPid = new HashMap<>();
    table.processes().forEach(p -> byPid.put(p.pid(), p));

    List<DiagnosticsProcess> assigned = ProcessRoles.assign(table.processes(), table.selfPid(), table.runnerPids());

    for (DiagnosticsProcess process : assigned) {
      assertThat(process.isChildOfSkulk())
          .as("isChildOfSkulk of %s (parent %s, self %s)", process.pid(), process.parentPid(), table.selfPid())
          .isEqualTo(expectedChild(process, table.selfPid(), byPid));
    }
  }

  @Test
  void sortedByPidAndNothingLostOrChanged() {
    forEachTable(20261127L, 300, ProcessRolesPropertyTest::checkSortedAndUnchanged);
  }

  private static void checkSortedAndUnchanged(Table table) {
    List<DiagnosticsProcess> assigned = ProcessRoles.assign(table.processes(), table.selfPid(), table.runnerPids());

    assertThat(assigned).extracting(DiagnosticsProcess::pid).isSorted();
    assertThat(assigned).hasSameSizeAs(table.processes());
    Map<Long, DiagnosticsProcess> input = new HashMap<>();
    table.processes().forEach(p -> input.put(p.pid(), p));
    for (DiagnosticsProcess out : assigned) {
      DiagnosticsProcess in = input.get(out.pid());
      assertThat(in).isNotNull();
      assertThat(out).usingRecursiveComparison().ignoringFields("role", "isChildOfSkulk").isEqualTo(in);
    }
  }

  private static final List<String> FRAGMENTS = List.of(
      "/usr/local/bin/Vector", "vector", "VECTOR", "--CONFIG", "--config", "/etc/vector/vector.toml",
      "vector--config", "python3.12", "/opt/homebrew/bin/Python3", "-m", "skulk.main", "Skulk",
      "multiprocessing.resource_tracker", "spawn_main(tracker_fd=5)", "from", "bash", "-c", "node",
      "/usr/bin/", "C:\\Python\\python.exe", "", "uv", "run", "/Applications/Skulk.app/Contents/MacOS/skulk");

  /**
   * Runs {@code check} on {@code cases} tables drawn from {@code seed}; a failure names the seed,
   * the case and the table.
   */
  private static void forEachTable(long seed, int cases, Consumer<Table> check) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < cases; i++) {
      Table table = table(random);
      try {
        check.accept(table);
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ", case " + i + ": " + table + ": " + e.getMessage(), e);
      }
    }
  }

  private static String command(SplittableRandom random) {
    int parts = random.nextInt(0, 5);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      words.add(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
    }
    return String.join(" ", words);
  }

  private static Table table(SplittableRandom random) {
    int size = random.nextInt(1, 26);
    Set<Long> pids = new HashSet<>();
    while (pids.size() < size) {
      pids.add(random.nextLong(1, 401));
    }
    List<Long> pidList = new ArrayList<>(pids);
    java.util.Collections.shuffle(pidList, new java.util.Random(random.nextLong()));
    List<Integer> parentSeeds = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      parentSeeds.add(random.nextInt(0, 1000));
    }
    int selfIndex = random.nextInt(-1, size);
    List<DiagnosticsProcess> processes = new ArrayList<>();
    Set<Long> runners = new HashSet<>();
    for (int i = 0; i < size; i++) {
      int seed = parentSeeds.get(i);
      Long parent;
      switch (seed % 5) {
        case 0 -> parent = null;
        case 1 -> parent = 1000L + seed; // a parent outside the table
        case 2 -> parent = pidList.get(seed % size); // anywhere: may form cycles or self-loops
        default -> parent = i == 0 ? null : pidList.get(seed % i); // an earlier process: a tree
      }
      processes.add(new DiagnosticsProcess(pidList.get(i), parent, ProcessRole.OTHER, command(random),
          seed % 2 == 0 ? "running" : null, null, null, null, null, seed % 3 == 0));
      if (random.nextInt(0, 4) == 0) {
        runners.add(pidList.get(i));
      }
    }
    // self is in the table, or (selfIndex -1) a parent of some processes but not listed itself
    long self = selfIndex >= 0 ? pidList.get(selfIndex) : 1000L + parentSeeds.get(0);
    java.util.Collections.reverse(processes);
    return new Table(processes, self, runners);
  }
}
