package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.collectors.internal.CommandLineRedactor;
import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.model.DiagnosticsProcessBuilder;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.ProcessRole;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes the bundle reports ({@code processes}): this process, all its descendants, and
 * every process whose command line contains {@code vector}, sorted by pid ({@link
 * ProcessLineage}). Per process: pid, parent pid, the command line ({@code argv} joined with
 * spaces, or the executable name when the OS shows no arguments) with secrets redacted ({@link
 * CommandLineRedactor}), status as psutil names it, {@code cpuPercent}, {@code memoryPercent} (RSS
 * / physical memory x 100), RSS and elapsed seconds.
 *
 * <p>{@code cpuPercent} is real usage since this collector's previous collection (100 = one
 * core), tracked per (pid, start time) so a reused pid never inherits another process's CPU time;
 * a process seen for the first time gets its average since it started. Roles are left {@code
 * other} and {@code isChildOfSkulk} false: the assembler's {@code ProcessRoles} assigns both from
 * lineage afterwards. A process that exits while being read is skipped.
 *
 * <p>Cost: OSHI reads the whole process table (a few {@code /proc} files per process on Linux);
 * command lines are read once per (pid, start time) and cached, so a steady system costs no {@code
 * cmdline} reads after the first collection. Platforms: Linux, macOS, Windows. Thread-safe.
 */
public final class ProcessCollector implements Collector<List<DiagnosticsProcess>> {

  /** This collector's name. */
  public static final String NAME = "oshi-processes";

  private static final Logger LOG = LoggerFactory.getLogger(ProcessCollector.class);

  private record Key(long pid, long startTime) {
    static Key of(ProcessTable.Row row) {
      return new Key(row.pid(), row.startTime());
    }
  }

  private record Command(String redacted, boolean mentionsVector) {}

  private record CpuSample(long cpuTimeMillis, long upTimeMillis) {}

  private final OsFamily os;
  private final ProcessTable table;
  private final Map<Key, Command> commands = new ConcurrentHashMap<>();
  private final Map<Key, CpuSample> cpuSamples = new ConcurrentHashMap<>();

  /** A collector for this machine. */
  public ProcessCollector() {
    this(OsFamily.current(), new OshiProcessTable(OsFamily.current(), Path.of("/proc")));
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
    List<ProcessTable.Row> rows = table.snapshot();
    Set<Key> present = new HashSet<>(rows.size() * 2);
    for (ProcessTable.Row row : rows) {
      present.add(Key.of(row));
    }
    commands.keySet().retainAll(present);

    List<ProcessTable.Row> selected =
        ProcessLineage.select(rows, context.selfPid(), row -> command(row).mentionsVector());
    long totalMemory = table.totalMemoryBytes();
    List<DiagnosticsProcess> processes = new ArrayList<>(selected.size());
    Set<Key> reported = new HashSet<>();
    for (ProcessTable.Row row : selected) {
      ProcessTable.Status status = table.status(row);
      if (status.gone()) {
        LOG.debug("process {} exited while being read; skipped", row.pid());
        continue;
      }
      Key key = Key.of(row);
      reported.add(key);
      processes.add(
          new DiagnosticsProcessBuilder()
              .pid(row.pid())
              .parentPid(row.parentPid() > 0 ? row.parentPid() : null)
              .role(ProcessRole.OTHER)
              .command(command(row).redacted())
              .status(status.name())
              .cpuPercent(cpuPercent(key, row))
              .memoryPercent(totalMemory > 0 ? 100.0 * row.rssBytes() / totalMemory : null)
              .rss(Memory.ofBytes(row.rssBytes()))
              .elapsedSeconds(row.upTimeMillis() >= 0 ? row.upTimeMillis() / 1000.0 : null)
              .isChildOfSkulk(false)
              .build());
    }
    cpuSamples.keySet().retainAll(reported);
    return processes;
  }

  private Command command(ProcessTable.Row row) {
    return commands.computeIfAbsent(Key.of(row), k -> readCommand(row));
  }

  private static Command readCommand(ProcessTable.Row row) {
    List<String> arguments;
    try {
      arguments = row.arguments().get();
    } catch (RuntimeException e) {
      arguments = List.of();
    }
    String joined = arguments == null || arguments.isEmpty() ? row.name() : String.join(" ", arguments);
    return new Command(CommandLineRedactor.redact(joined), ProcessLineage.mentionsVector(joined));
  }

  /**
   * CPU percent since the previous collection that reported this process, else since it started;
   * null when no time passed either way.
   */
  private @Nullable Double cpuPercent(Key key, ProcessTable.Row row) {
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
