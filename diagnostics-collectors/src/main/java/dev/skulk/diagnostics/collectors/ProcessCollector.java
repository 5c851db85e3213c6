package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.assembly.ProcessRoles;
import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.ProcessRole;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.support.Redaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes the bundle reports ({@code processes}): this process, all its descendants, and the
 * processes whose command line contains {@code vector} (at most {@value #MAX_VECTOR_MATCHES} of
 * those outside this process's tree), sorted by pid ({@link ProcessLineage}). Per process: pid,
 * parent pid, role, the command line, status as psutil names it, {@code cpuPercent}, {@code
 * memoryPercent} (RSS / physical memory x 100), RSS, elapsed seconds and {@code isChildOfSkulk}.
 *
 * <p>Everything is derived once per collection from the raw facts: the role from the raw {@code
 * argv} ({@link ProcessRoles}, before any redaction, so a secret or a cut never changes a role) and
 * {@code isChildOfSkulk} from the one lineage walk that also selects the processes; the assembler
 * keeps both. The command shown is {@code argv} redacted per argument ({@link Redaction}) and
 * joined with spaces, or the process name when the OS shows no arguments; it is cut to {@value
 * #MAX_COMMAND_CHARS} characters in all, ending with {@value #TRUNCATION_MARK} when cut, so one
 * local user with huge command lines cannot make the bundle too big for a peer to read.
 *
 * <p>The {@code vector} matches outside this process's tree are capped because any local user can
 * start processes whose command line mentions {@code vector}: real vector processes ({@code vector}
 * role) are kept first, then the lowest pids.
 *
 * <p>{@code cpuPercent} is real usage since this collector's previous collection (100 = one core),
 * tracked per (pid, start time) so a reused pid never inherits another process's CPU time; a process
 * seen for the first time gets its average since it started. A process that exits while being read
 * is skipped.
 *
 * <p>Cost: on Linux ({@link LinuxProcTable}, which keeps the files open between polls: one or two
 * descriptors per process, at most {@value LinuxProcTable#MAX_KEPT_OPEN} in the JVM) one read of
 * {@code /proc/<pid>/stat} per process of the previous collection's tree and {@code vector}
 * matches, and one read of {@code cmdline} per other process (read in full again when it
 * changes); elsewhere OSHI's process table; each command line is read, redacted and cut once per
 * process incarnation: (pid, start time, process name, executable path), so a process that calls
 * {@code execve} after it was first seen (between fork and exec) is read again. Platforms: Linux,
 * macOS, Windows. Thread-safe.
 */
public final class ProcessCollector implements Collector<List<DiagnosticsProcess>> {

  /** This collector's name. */
  public static final String NAME = "oshi-processes";

  /** The most characters a reported command line has, the truncation mark included. */
  public static final int MAX_COMMAND_CHARS = 4096;

  /** What ends a command line that was cut to {@link #MAX_COMMAND_CHARS}. */
  public static final String TRUNCATION_MARK = "\u2026[truncated]";

  /** The most processes outside this process's tree reported for mentioning {@code vector}. */
  public static final int MAX_VECTOR_MATCHES = 32;

  private static final Logger LOG = LoggerFactory.getLogger(ProcessCollector.class);

  /** One process incarnation: what {@code execve} keeps (pid, start) and what it changes. */
  private record Key(long pid, long startTime, String name, String execSignature) {
    static Key of(ProcessTable.Row row) {
      return new Key(row.pid(), row.startTime(), row.name(), row.execSignature());
    }
  }

  private record CpuKey(long pid, long startTime) {}

  /**
   * What the raw {@code argv} of one incarnation gives: whether it mentions vector, its role by the
   * argv rules, and (only once it is to be reported) the command to show. The raw argv itself is
   * not kept.
   */
  private static final class Command {
    final boolean mentionsVector;
    final ProcessRole argvRole;
    volatile @Nullable String shown;

    Command(boolean mentionsVector, ProcessRole argvRole, @Nullable String shown) {
      this.mentionsVector = mentionsVector;
      this.argvRole = argvRole;
      this.shown = shown;
    }
  }

  private record CpuSample(long cpuTimeMillis, long upTimeMillis) {}

  private final OsFamily os;
  private final ProcessTable table;
  private final Map<Key, Command> commands = new ConcurrentHashMap<>();
  private final Map<CpuKey, CpuSample> cpuSamples = new ConcurrentHashMap<>();
  /**
   * The pids of the previous collection's tree and {@code vector} matches: the processes whose rows
   * the table must read in full ({@link ProcessTable#snapshot(java.util.function.LongPredicate)}).
   */
  private volatile Set<Long> previouslyReportable = Set.of();

  /** A collector for this machine. */
  public ProcessCollector() {
    this(OsFamily.current(), defaultTable(OsFamily.current()));
  }

  /** Linux: {@code /proc} read directly, only what the selection needs; elsewhere OSHI's table. */
  private static ProcessTable defaultTable(OsFamily os) {
    if (os == OsFamily.LINUX && java.nio.file.Files.isReadable(Path.of("/proc/self/stat"))) {
      return new LinuxProcTable(Path.of("/proc"), new OshiSystem().hardware().getMemory().getPageSize(),
          System::currentTimeMillis, true);
    }
    return new OshiProcessTable(os, Path.of("/proc"));
  }

  ProcessCollector(OsFamily os, ProcessTable table) {
    this.os = os;
    this.table = table;
  }

  @Override
  public Slot<List<DiagnosticsProcess>> slot() {
    return Slot.PROCESSES;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isAvailable() {
    return os.oshiSupported();
  }

  @Override
  public List<DiagnosticsProcess> collect(CollectContext context) throws Exception {
    long self = context.selfPid();
    Set<Long> reportable = previouslyReportable;
    List<ProcessTable.Row> rows = table.snapshot(pid -> pid == self || reportable.contains(pid));
    Set<Key> present = new HashSet<>(rows.size() * 2);
    for (ProcessTable.Row row : rows) {
      present.add(Key.of(row));
    }
    commands.keySet().retainAll(present);

    Set<Long> tree = ProcessLineage.descendantsAndSelf(rows, self); // the one lineage walk
    List<ProcessTable.Row> selected = new ArrayList<>();
    List<ProcessTable.Row> vectorMatches = new ArrayList<>();
    Set<Long> nextReportable = new HashSet<>(tree);
    for (ProcessTable.Row row : rows) {
      if (tree.contains(row.pid())) {
        selected.add(row);
      } else if (command(row, false).mentionsVector) {
        vectorMatches.add(row);
        nextReportable.add(row.pid());
      }
    }
    previouslyReportable = nextReportable;
    if (vectorMatches.size() > MAX_VECTOR_MATCHES) {
      LOG.debug("{} processes outside this tree mention vector; reporting {}", vectorMatches.size(), MAX_VECTOR_MATCHES);
      vectorMatches.sort(Comparator
          .comparing((ProcessTable.Row row) -> command(row, false).argvRole != ProcessRole.VECTOR)
          .thenComparingLong(ProcessTable.Row::pid));
      vectorMatches = vectorMatches.subList(0, MAX_VECTOR_MATCHES);
    }
    selected.addAll(vectorMatches);
    selected.sort(Comparator.comparingLong(ProcessTable.Row::pid));

    Set<Long> runnerPids = context.runnerPids();
    long totalMemory = table.totalMemoryBytes();
    List<DiagnosticsProcess> processes = new ArrayList<>(selected.size());
    Set<CpuKey> reported = new HashSet<>();
    for (ProcessTable.Row row : selected) {
      ProcessTable.Status status = table.status(row);
      if (status.gone()) {
        LOG.debug("process {} exited while being read; skipped", row.pid());
        continue;
      }
      Command command = command(row, true);
      CpuKey cpuKey = new CpuKey(row.pid(), row.startTime());
      reported.add(cpuKey);
      ProcessRole role = row.pid() == self ? ProcessRole.SKULK
          : runnerPids.contains(row.pid()) ? ProcessRole.RUNNER
          : command.argvRole;
      processes.add(new DiagnosticsProcess(
          row.pid(),
          row.parentPid() > 0 ? row.parentPid() : null,
          role,
          shown(command, row),
          status.name(),
          cpuPercent(cpuKey, row),
          totalMemory > 0 ? 100.0 * row.rssBytes() / totalMemory : null,
          Memory.ofBytes(row.rssBytes()),
          row.upTimeMillis() >= 0 ? row.upTimeMillis() / 1000.0 : null,
          tree.contains(row.pid())));
    }
    cpuSamples.keySet().retainAll(reported);
    return processes;
  }

  /** The facts of this incarnation's argv, read once; the shown command made when first needed. */
  private Command command(ProcessTable.Row row, boolean needShown) {
    Command command = commands.computeIfAbsent(Key.of(row), k -> readCommand(row, needShown));
    if (needShown && command.shown == null) {
      command.shown = readCommand(row, true).shown;
    }
    return command;
  }

  private static String shown(Command command, ProcessTable.Row row) {
    String shown = command.shown;
    return shown != null ? shown : cut(row.name());
  }

  private static Command readCommand(ProcessTable.Row row, boolean needShown) {
    List<String> argv;
    try {
      argv = row.arguments().get();
    } catch (RuntimeException e) {
      argv = null;
    }
    if (argv == null) {
      argv = List.of();
    }
    // Python Skulk selects and names processes by " ".join(cmdline()): empty when none is shown.
    boolean mentionsVector = ProcessLineage.mentionsVector(argv);
    ProcessRole role = ProcessRoles.argvRole(argv);
    String shown = null;
    if (needShown || mentionsVector) {
      shown = cut(argv.isEmpty() ? row.name() : Redaction.redactCommandLine(argv));
    }
    return new Command(mentionsVector, role, shown);
  }

  /**
   * The command cut to {@link #MAX_COMMAND_CHARS} characters, the mark included, never between
   * the two halves of a surrogate pair; as it is when short enough.
   */
  static String cut(String command) {
    if (command.length() <= MAX_COMMAND_CHARS) {
      return command;
    }
    int keep = MAX_COMMAND_CHARS - TRUNCATION_MARK.length();
    if (Character.isHighSurrogate(command.charAt(keep - 1))) {
      keep--;
    }
    return command.substring(0, keep) + TRUNCATION_MARK;
  }

  /**
   * CPU percent since the previous collection that reported this process, else since it started;
   * null when no time passed either way.
   */
  private @Nullable Double cpuPercent(CpuKey key, ProcessTable.Row row) {
    CpuSample now = new CpuSample(row.cpuTimeMillis(), row.upTimeMillis());
    CpuSample before = cpuSamples.put(key, now);
    if (before != null) {
      long wall = now.upTimeMillis() - before.upTimeMillis();
      long cpu = now.cpuTimeMillis() - before.cpuTimeMillis();
      if (wall > 0 && cpu >= 0) {
        return 100.0 * cpu / wall;
      }
    }
    return now.upTimeMillis() > 0 ? 100.0 * now.cpuTimeMillis() / now.upTimeMillis() : null;
  }
}
