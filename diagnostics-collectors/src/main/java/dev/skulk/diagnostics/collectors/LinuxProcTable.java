package dev.skulk.diagnostics.collectors;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The process table read straight from Linux's {@code /proc}, reading only what the selection
 * needs: one pass of {@code /proc/<pid>/stat} per poll (pid, name, state, parent, CPU time, start
 * time, RSS and the argv address range, one small read each); {@code cmdline} only when the
 * collector asks (once per process incarnation, which it caches). OSHI's table reads several files
 * per process with every field, which is most of a collection's cost.
 *
 * <p>{@code argv} is split as psutil splits it (Python Skulk's roles are computed on that list):
 * on NUL bytes, or on spaces when the process rewrote its command line without NULs
 * ({@code setproctitle}). The exec signature is the argv address range ({@code arg_start},
 * {@code arg_end}), which {@code execve} moves; the kernel shows it only for processes this one
 * may trace (0 0 for others, whose name still changes on exec). Times: clock ticks at {@code
 * USER_HZ} = 100, the value the kernel exports in {@code /proc} on every architecture it supports.
 * Thread-safe: each snapshot reads afresh.
 */
final class LinuxProcTable implements ProcessTable {

  private static final long USER_HZ = 100;

  private final Path procRoot;
  private final long pageSize;
  private final LongSupplier clockMillis;
  private volatile long bootMillis = -1;
  private volatile long totalMemory = -1;

  LinuxProcTable(Path procRoot, long pageSize, LongSupplier clockMillis) {
    this.procRoot = procRoot;
    this.pageSize = pageSize;
    this.clockMillis = clockMillis;
  }

  @Override
  public List<Row> snapshot() throws IOException {
    String[] names = procRoot.toFile().list();
    if (names == null) {
      throw new IOException("cannot list " + procRoot);
    }
    long boot = bootMillis();
    long now = clockMillis.getAsLong();
    byte[] buffer = new byte[1024];
    List<Row> rows = new ArrayList<>(names.length);
    for (String name : names) {
      if (name.isEmpty() || name.charAt(0) < '0' || name.charAt(0) > '9' || !isDigits(name)) {
        continue;
      }
      String stat = read(procRoot.resolve(name).resolve("stat").toString(), buffer);
      if (stat == null) {
        continue; // exited while being read
      }
      Row row = parse(stat, boot, now);
      if (row != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  /** One row from a {@code stat} line; null when it is not one. */
  @Nullable Row parse(String stat, long boot, long now) {
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open || close + 2 >= stat.length()) {
      return null;
    }
    long pid;
    try {
      pid = Long.parseLong(stat.substring(0, open).trim());
    } catch (NumberFormatException e) {
      return null;
    }
    String comm = stat.substring(open + 1, close);
    String[] f = stat.substring(close + 2).trim().split(" ");
    if (f.length < 22) {
      return null;
    }
    char state = f[0].isEmpty() ? '?' : f[0].charAt(0);
    long ppid = number(f[1]);
    long cpuTicks = number(f[11]) + number(f[12]);
    long startTicks = number(f[19]);
    long rssPages = number(f[21]);
    String signature = f.length > 46 ? f[45] + "-" + f[46] : "";
    long startMillis = boot + startTicks * 1000 / USER_HZ;
    Path dir = procRoot.resolve(Long.toString(pid));
    return new Row(pid, ppid, startTicks, comm, signature, cpuTicks * 1000 / USER_HZ,
        Math.max(0, rssPages) * pageSize, Math.max(0, now - startMillis), PsutilStatus.ofLinuxState(state),
        () -> arguments(dir));
  }

  @Override
  public long totalMemoryBytes() {
    long total = totalMemory;
    if (total < 0) {
      total = 0;
      String meminfo = read(procRoot.resolve("meminfo").toString(), new byte[4096]);
      if (meminfo != null) {
        for (String line : meminfo.split("\n")) {
          if (line.startsWith("MemTotal:")) {
            total = number(line.substring(9).trim().split("\\s+")[0]) * 1024;
            break;
          }
        }
      }
      totalMemory = total;
    }
    return total;
  }

  @Override
  public Status status(Row row) {
    String stat;
    try {
      stat = readOrThrow(procRoot.resolve(Long.toString(row.pid())).resolve("stat").toString(), new byte[1024]);
    } catch (FileNotFoundException e) {
      return Status.GONE; // stat is readable by all: missing means the process has gone
    } catch (IOException e) {
      return Status.of(row.fallbackStatus());
    }
    Character letter = PsutilStatus.linuxStateLetter(stat);
    String name = letter == null ? null : PsutilStatus.ofLinuxState(letter);
    return Status.of(name != null ? name : row.fallbackStatus());
  }

  /** {@code psutil.Process.cmdline()} on Linux, to the letter; empty when unreadable or gone. */
  static List<String> arguments(Path dir) {
    String data;
    try (InputStream in = new FileInputStream(dir.resolve("cmdline").toString())) {
      data = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    return splitCmdline(data);
  }

  /** psutil's split of a {@code cmdline} file's text. */
  static List<String> splitCmdline(String data) {
    if (data.isEmpty()) {
      return List.of();
    }
    char sep = data.endsWith("\0") ? '\0' : ' ';
    if (data.charAt(data.length() - 1) == sep) {
      data = data.substring(0, data.length() - 1);
    }
    List<String> argv = Arrays.asList(data.split(String.valueOf(sep), -1));
    if (sep == '\0' && argv.size() == 1 && data.indexOf(' ') >= 0) {
      argv = Arrays.asList(data.split(" ", -1));
    }
    return List.copyOf(argv);
  }

  private long bootMillis() {
    long boot = bootMillis;
    if (boot < 0) {
      boot = 0;
      String stat = read(procRoot.resolve("stat").toString(), new byte[16384]);
      if (stat != null) {
        int at = stat.indexOf("\nbtime ");
        if (at >= 0) {
          int end = stat.indexOf('\n', at + 7);
          boot = number(stat.substring(at + 7, end < 0 ? stat.length() : end).trim()) * 1000;
        }
      }
      bootMillis = boot;
    }
    return boot;
  }

  private static @Nullable String read(String path, byte[] buffer) {
    try {
      return readOrThrow(path, buffer);
    } catch (IOException e) {
      return null;
    }
  }

  /** A small {@code /proc} file in one or a few reads into {@code buffer} (grown as needed). */
  private static String readOrThrow(String path, byte[] buffer) throws IOException {
    try (FileInputStream in = new FileInputStream(path)) {
      byte[] b = buffer;
      int n = 0;
      while (true) {
        int r = in.read(b, n, b.length - n);
        if (r < 0) {
          break;
        }
        n += r;
        if (n == b.length) {
          b = Arrays.copyOf(b, b.length * 2);
        }
      }
      return new String(b, 0, n, StandardCharsets.UTF_8);
    }
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static long number(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
