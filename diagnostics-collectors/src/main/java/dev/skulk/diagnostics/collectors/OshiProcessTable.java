package dev.skulk.diagnostics.collectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import oshi.software.os.OSProcess;

/**
 * The process table from OSHI. On Linux the status of a reported process is re-read from {@code
 * /proc/<pid>/stat} to get psutil's exact names (OSHI folds several kernel states into OTHER), and a
 * process whose {@code stat} has gone is reported gone.
 */
final class OshiProcessTable implements ProcessTable {

  private final OshiSystem oshi = new OshiSystem();
  private final OsFamily os;
  private final Path procRoot;

  OshiProcessTable(OsFamily os, Path procRoot) {
    this.os = os;
    this.procRoot = procRoot;
  }

  @Override
  public List<Row> snapshot() {
    List<OSProcess> processes = oshi.os().getProcesses();
    List<Row> rows = new ArrayList<>(processes.size());
    for (OSProcess p : processes) {
      if (p.getState() == OSProcess.State.INVALID) {
        continue;
      }
      rows.add(
          new Row(
              p.getProcessID(),
              p.getParentProcessID(),
              p.getStartTime(),
              p.getName() == null ? "" : p.getName(),
              p.getPath() == null ? "" : p.getPath(),
              p.getKernelTime() + p.getUserTime(),
              p.getResidentMemory(),
              p.getUpTime(),
              PsutilStatus.ofOshiState(p.getState()),
              p::getArguments));
    }
    return rows;
  }

  @Override
  public long totalMemoryBytes() {
    return oshi.hardware().getMemory().getTotal();
  }

  @Override
  public Status status(Row row) {
    if (os != OsFamily.LINUX) {
      return Status.of(row.fallbackStatus());
    }
    try {
      String stat = Files.readString(procRoot.resolve(Long.toString(row.pid())).resolve("stat"), StandardCharsets.UTF_8);
      Character letter = PsutilStatus.linuxStateLetter(stat);
      String name = letter == null ? null : PsutilStatus.ofLinuxState(letter);
      return Status.of(name != null ? name : row.fallbackStatus());
    } catch (NoSuchFileException e) {
      return Status.GONE;
    } catch (IOException | RuntimeException e) {
      return Status.of(row.fallbackStatus());
    }
  }
}
