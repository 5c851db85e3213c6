package dev.skulk.diagnostics.collectors;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The process table read straight from Linux's {@code /proc}, reading only what the selection
 * needs: one read of {@code /proc/<pid>/stat} per poll (pid, name, state, parent, CPU time, start
 * time, RSS and the argv address range) for each process the caller reports, and for the others
 * one re-read of {@code cmdline} to see that they are unchanged ({@link #snapshot(LongPredicate)});
 * the arguments themselves only when the collector asks (once per process incarnation, which it
 * caches). OSHI's table reads several files per process
 * with every field, which is most of a collection's cost.
 *
 * <p>On the real {@code /proc} ({@code keepOpen}) each process's {@code stat} file is opened once
 * and kept open (at most {@value #MAX_KEPT_OPEN} of them), and each poll re-reads it with one
 * positional read: opening and closing the file cost more than reading it (measured on this
 * project's VM: 6.9 µs per file opened, read and closed against 2.6 µs per re-read of a kept
 * one). A kept file stays bound to the process it was opened for: once that process has exited it
 * fails to read ({@code ESRCH}) even if its pid was reused, so the file is closed and the pid's
 * current {@code stat} opened afresh; {@code execve} keeps the process, and the re-read shows its
 * new name and argv range. Files of processes no longer listed are closed on the next poll. The
 * text of the name and the exec signature is kept per pid while its bytes do not change, so a
 * steady poll allocates little beyond its rows.
 *
 * <p>{@code argv} is split as psutil splits it (Python Skulk's roles are computed on that list):
 * on NUL bytes, or on spaces when the process rewrote its command line without NULs
 * ({@code setproctitle}). The exec signature is the argv address range ({@code arg_start},
 * {@code arg_end}), which {@code execve} moves; the kernel shows it only for processes this one
 * may trace (0 0 for others, whose name still changes on exec). Times: clock ticks at {@code
 * USER_HZ} = 100, the value the kernel exports in {@code /proc} on every architecture it supports.
 * Thread-safe: snapshots and status reads are serialized on the table.
 */
final class LinuxProcTable implements ProcessTable {

  private static final long USER_HZ = 100;

  /**
   * The most files ({@code stat}, and {@code cmdline} of processes outside the caller's interest)
   * kept open across polls by all tables of this JVM together; beyond it processes are opened per
   * poll. A table's files are closed, and their share returned, when the table is collected.
   */
  static final int MAX_KEPT_OPEN = 2048;

  private static final AtomicInteger KEPT_BUDGET = new AtomicInteger(MAX_KEPT_OPEN);

  /** Closes the files of tables that were dropped without being read again (one daemon thread). */
  private static final Cleaner CLEANER = Cleaner.create();

  /**
   * One table's kept files and their share of {@link #KEPT_BUDGET}; the cleaning action of a
   * collected table, so it holds no reference to the table. Thread-safe.
   */
  private static final class Kept implements Runnable {
    private final Set<FileChannel> open = new HashSet<>();

    /** Keeps {@code channel} if the JVM-wide budget allows; false (and not kept) otherwise. */
    synchronized boolean add(FileChannel channel) {
      for (int left = KEPT_BUDGET.get(); left > 0; left = KEPT_BUDGET.get()) {
        if (KEPT_BUDGET.compareAndSet(left, left - 1)) {
          open.add(channel);
          return true;
        }
      }
      return false;
    }

    synchronized void remove(FileChannel channel) {
      if (open.remove(channel)) {
        KEPT_BUDGET.incrementAndGet();
      }
      closeQuietly(channel);
    }

    @Override
    public synchronized void run() {
      for (FileChannel channel : open) {
        closeQuietly(channel);
        KEPT_BUDGET.incrementAndGet();
      }
      open.clear();
    }
  }

  private static final byte[] NO_BYTES = new byte[0];

  /** What is kept per pid between polls. Guarded by the table. */
  private static final class Entry {
    final long pid;
    final String name;
    @Nullable FileChannel channel;
    @Nullable FileChannel cmdline;
    byte[] argvBytes = NO_BYTES;
    @Nullable Row lastRow;
    int rowIndex;
    long seenInPoll;
    long openedInPoll;
    byte[] commBytes = NO_BYTES;
    String comm = "";
    long argStart = Long.MIN_VALUE;
    long argEnd = Long.MIN_VALUE;
    String signature = "";
    final Supplier<List<String>> arguments;

    Entry(long pid, String name, Supplier<List<String>> arguments) {
      this.pid = pid;
      this.name = name;
      this.arguments = arguments;
    }
  }

  private final Path procRoot;
  private final long pageSize;
  private final LongSupplier clockMillis;
  private final boolean keepOpen;
  private volatile long bootMillis = -1;
  private volatile long totalMemory = -1;
  // Guarded by this.
  private final Map<Long, Entry> entries = new HashMap<>();
  private final byte[] buffer = new byte[4096];
  private byte[] argvBuffer = new byte[8192];
  private final int[] fieldStarts = new int[64];
  private long poll;
  private final Kept keptFiles = new Kept();

  /** A table that opens each {@code stat} file per read (any directory shaped as {@code /proc}). */
  LinuxProcTable(Path procRoot, long pageSize, LongSupplier clockMillis) {
    this(procRoot, pageSize, clockMillis, false);
  }

  /**
   * A table; {@code keepOpen} keeps {@code stat} and {@code cmdline} files open across polls, which
   * is right only for the real {@code /proc}, where a file of an exited process fails to read.
   */
  LinuxProcTable(Path procRoot, long pageSize, LongSupplier clockMillis, boolean keepOpen) {
    this.procRoot = procRoot;
    this.pageSize = pageSize;
    this.clockMillis = clockMillis;
    this.keepOpen = keepOpen;
    if (keepOpen) {
      CLEANER.register(this, keptFiles);
    }
  }

  /**
   * Closes the kept files now and returns their share of the budget (otherwise done when the table
   * is collected); later snapshots keep files again.
   */
  synchronized void closeKeptFiles() {
    for (Entry entry : entries.values()) {
      entry.channel = null;
      entry.cmdline = null;
      entry.argvBytes = NO_BYTES;
      entry.lastRow = null;
    }
    keptFiles.run();
  }

  @Override
  public List<Row> snapshot() throws IOException {
    return snapshot(pid -> true);
  }

  /**
   * With kept files, a process outside {@code fullRead} that was read before is checked by
   * re-reading its kept {@code cmdline} (0.7 µs here, against 2.6 µs for {@code stat}, which sums
   * the CPU time of every thread): when it still reads and its bytes are unchanged, its row from
   * the last full read is reused. It is read in full when its {@code argv} changed (an exec, or a
   * rewritten command line), when its kept file fails (it exited; the pid may be reused), and when
   * its parent's entry is not the one it was (the parent exited, or its pid was reused: the parent
   * link may point at a new process).
   */
  @Override
  public synchronized List<Row> snapshot(LongPredicate fullRead) throws IOException {
    String[] names = procRoot.toFile().list();
    if (names == null) {
      throw new IOException("cannot list " + procRoot);
    }
    long boot = bootMillis();
    long now = clockMillis.getAsLong();
    long thisPoll = ++poll;
    List<Row> rows = new ArrayList<>(names.length);
    List<Entry> light = new ArrayList<>();
    for (String name : names) {
      long pid = pidOf(name);
      if (pid < 0) {
        continue;
      }
      Entry entry = entries.get(pid);
      if (entry == null) {
        Path dir = procRoot.resolve(name);
        entry = new Entry(pid, name, () -> arguments(dir));
        entries.put(pid, entry);
      }
      entry.seenInPoll = thisPoll;
      boolean wanted = fullRead.test(pid);
      Row last = entry.lastRow;
      if (!wanted && last != null && argvUnchanged(entry)) {
        entry.rowIndex = rows.size();
        rows.add(last);
        light.add(entry);
        continue;
      }
      Row row = readRow(entry, wanted, boot, now, thisPoll);
      if (row != null) {
        rows.add(row);
      }
    }
    // A reused row keeps its parent link only while that parent is the process it was; a row read
    // again here can make its own children's links doubtful, hence the repeat.
    boolean dropped = false;
    for (boolean again = !light.isEmpty(); again; ) {
      again = false;
      for (Entry entry : light) {
        Row last = entry.lastRow;
        if (entry.openedInPoll == thisPoll || last == null || rows.get(entry.rowIndex) != last) {
          continue; // read in full already
        }
        long parentPid = last.parentPid();
        Entry parent = parentPid > 0 ? entries.get(parentPid) : null;
        if (parentPid > 0 && (parent == null || parent.seenInPoll != thisPoll || parent.openedInPoll == thisPoll)) {
          Row row = readRow(entry, false, boot, now, thisPoll);
          entry.openedInPoll = thisPoll; // its children's links are checked again
          rows.set(entry.rowIndex, row);
          dropped |= row == null;
          again = true;
        }
      }
    }
    if (dropped) {
      rows.removeIf(java.util.Objects::isNull);
    }
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (entry.seenInPoll != thisPoll) {
        closeChannels(entry);
        it.remove();
      }
    }
    return rows;
  }

  /** A full read of one process's {@code stat}; null when it has gone or is unreadable. */
  private @Nullable Row readRow(Entry entry, boolean wanted, long boot, long now, long thisPoll) {
    int n = readStat(entry, wanted, thisPoll);
    Row row = n < 0 ? null : parse(buffer, n, boot, now, entry);
    entry.lastRow = row;
    return row;
  }

  /**
   * Whether the kept {@code cmdline} of this incarnation reads the bytes it read before; false
   * (and forgotten, or updated) when the process has gone or its argv changed.
   */
  private boolean argvUnchanged(Entry entry) {
    FileChannel cmdline = entry.cmdline;
    if (cmdline == null) {
      return false;
    }
    int n;
    try {
      n = readAll(cmdline);
    } catch (IOException e) {
      closeCmdline(entry);
      return false;
    }
    if (Arrays.equals(argvBuffer, 0, n, entry.argvBytes, 0, entry.argvBytes.length)) {
      return true;
    }
    entry.argvBytes = Arrays.copyOf(argvBuffer, n);
    return false;
  }

  /**
   * Reads the pid's {@code stat} into {@link #buffer}: through the kept file when there is one
   * (opened afresh once if that process has gone), else opened for this read. With kept files, a
   * process the caller does not want in full also gets its {@code cmdline} kept, opened before its
   * {@code stat} is read so that both are bound to the same incarnation. The bytes read, or -1
   * when the process has gone.
   */
  private int readStat(Entry entry, boolean wanted, long thisPoll) {
    if (keepOpen && !wanted && entry.cmdline == null && KEPT_BUDGET.get() > 0) {
      openCmdline(entry);
    }
    FileChannel kept = entry.channel;
    if (kept != null) {
      try {
        return readFully(kept);
      } catch (IOException e) {
        closeChannels(entry); // that incarnation has gone; the pid may have been reused
        if (keepOpen && !wanted && KEPT_BUDGET.get() > 0) {
          openCmdline(entry);
        }
      }
    }
    entry.openedInPoll = thisPoll;
    FileChannel channel;
    try {
      channel = FileChannel.open(procRoot.resolve(entry.name).resolve("stat"), StandardOpenOption.READ);
    } catch (IOException | RuntimeException e) {
      closeCmdline(entry);
      return -1;
    }
    boolean keep = false;
    try {
      int n = readFully(channel);
      keep = keepOpen && keptFiles.add(channel);
      if (keep) {
        entry.channel = channel;
      }
      return n;
    } catch (IOException e) {
      keep = false;
      closeCmdline(entry);
      return -1;
    } finally {
      if (!keep) {
        closeQuietly(channel);
      }
    }
  }

  /** Opens and reads the pid's {@code cmdline} to keep; nothing kept when it cannot be read. */
  private void openCmdline(Entry entry) {
    try {
      FileChannel channel = FileChannel.open(procRoot.resolve(entry.name).resolve("cmdline"), StandardOpenOption.READ);
      try {
        int n = readAll(channel);
        if (keptFiles.add(channel)) {
          entry.argvBytes = Arrays.copyOf(argvBuffer, n);
          entry.cmdline = channel;
        } else {
          closeQuietly(channel);
        }
      } catch (IOException e) {
        closeQuietly(channel);
      }
    } catch (IOException | RuntimeException e) {
      // not kept: the process is read in full each poll
    }
  }

  /** A whole file from its start into {@link #argvBuffer} (grown as needed). */
  private int readAll(FileChannel channel) throws IOException {
    int n = 0;
    while (true) {
      ByteBuffer target = ByteBuffer.wrap(argvBuffer, n, argvBuffer.length - n);
      int r = channel.read(target, n);
      if (r <= 0) {
        return n;
      }
      n += r;
      if (n < argvBuffer.length) {
        return n; // a short read of a /proc file is its end: no second read to find it
      }
      argvBuffer = Arrays.copyOf(argvBuffer, argvBuffer.length * 2);
    }
  }

  /** One file from its start into {@link #buffer}: one read for a {@code stat} line. */
  private int readFully(FileChannel channel) throws IOException {
    ByteBuffer target = ByteBuffer.wrap(buffer);
    int n = 0;
    while (target.hasRemaining()) {
      int r = channel.read(target, n);
      if (r <= 0) {
        break;
      }
      n += r;
      if (buffer[n - 1] == '\n') {
        break; // a stat file is one line; no second read to find the end
      }
    }
    return n;
  }

  private void closeChannel(Entry entry) {
    FileChannel channel = entry.channel;
    if (channel != null) {
      entry.channel = null;
      keptFiles.remove(channel);
    }
  }

  private void closeCmdline(Entry entry) {
    FileChannel channel = entry.cmdline;
    if (channel != null) {
      entry.cmdline = null;
      entry.argvBytes = NO_BYTES;
      keptFiles.remove(channel);
    }
  }

  /** Forgets both kept files: the incarnation they were bound to has gone. */
  private void closeChannels(Entry entry) {
    closeChannel(entry);
    closeCmdline(entry);
    entry.lastRow = null;
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing was written; nothing is lost
    }
  }

  /** One row from a {@code stat} line; null when it is not one. */
  @Nullable Row parse(String stat, long boot, long now) {
    byte[] bytes = stat.getBytes(StandardCharsets.UTF_8);
    long pid = pidOfLine(bytes, bytes.length);
    Path dir = procRoot.resolve(Long.toString(Math.max(pid, 0)));
    synchronized (this) {
      return parse(bytes, bytes.length, boot, now, new Entry(pid, Long.toString(pid), () -> arguments(dir)));
    }
  }

  /** The pid before the name's parenthesis, or -1. */
  private static long pidOfLine(byte[] b, int n) {
    int open = indexOf(b, n, (byte) '(');
    return open < 0 ? -1 : parseLong(b, trimStart(b, 0, open), trimEnd(b, 0, open), -1);
  }

  /** One row from the {@code n} bytes of a {@code stat} line; null when it is not one. */
  private @Nullable Row parse(byte[] b, int n, long boot, long now, Entry entry) {
    int open = indexOf(b, n, (byte) '(');
    int close = -1;
    for (int i = n - 1; i >= 0; i--) {
      if (b[i] == ')') {
        close = i;
        break;
      }
    }
    if (open < 0 || close < open || close + 2 >= n) {
      return null;
    }
    long pid = parseLong(b, trimStart(b, 0, open), trimEnd(b, 0, open), Long.MIN_VALUE);
    if (pid == Long.MIN_VALUE) {
      return null;
    }
    // The fields after the name, trimmed and split on single spaces, as String.trim().split(" ").
    int from = trimStart(b, close + 2, n);
    int to = trimEnd(b, from, n);
    int[] starts = fieldStarts;
    int count = 0;
    if (from < to) {
      starts[count++] = from;
      for (int i = from; i < to && count < starts.length; i++) {
        if (b[i] == ' ') {
          starts[count++] = i + 1;
        }
      }
    }
    if (count < 22) {
      return null;
    }
    char state = fieldEnd(b, starts, count, 0, to) == starts[0] ? '?' : (char) (b[starts[0]] & 0xff);
    long ppid = field(b, starts, count, 1, to);
    long cpuTicks = field(b, starts, count, 11, to) + field(b, starts, count, 12, to);
    long startTicks = field(b, starts, count, 19, to);
    long rssPages = field(b, starts, count, 21, to);
    String signature = "";
    if (count > 46) {
      long argStart = field(b, starts, count, 45, to);
      long argEnd = field(b, starts, count, 46, to);
      if (argStart != entry.argStart || argEnd != entry.argEnd) {
        entry.argStart = argStart;
        entry.argEnd = argEnd;
        entry.signature = new String(b, starts[45], fieldEnd(b, starts, count, 45, to) - starts[45], StandardCharsets.UTF_8)
            + "-" + new String(b, starts[46], fieldEnd(b, starts, count, 46, to) - starts[46], StandardCharsets.UTF_8);
      }
      signature = entry.signature;
    }
    int commLength = close - open - 1;
    if (!Arrays.equals(b, open + 1, close, entry.commBytes, 0, entry.commBytes.length)) {
      entry.commBytes = Arrays.copyOfRange(b, open + 1, close);
      entry.comm = new String(b, open + 1, commLength, StandardCharsets.UTF_8);
    }
    long startMillis = boot + startTicks * 1000 / USER_HZ;
    return new Row(pid, ppid, startTicks, entry.comm, signature, cpuTicks * 1000 / USER_HZ,
        Math.max(0, rssPages) * pageSize, Math.max(0, now - startMillis), PsutilStatus.ofLinuxState(state),
        entry.arguments);
  }

  private static int fieldEnd(byte[] b, int[] starts, int count, int index, int to) {
    return index + 1 < count ? starts[index + 1] - 1 : to;
  }

  /** A field as a number; 0 when it is not one, as {@code Long.parseLong} failing. */
  private static long field(byte[] b, int[] starts, int count, int index, int to) {
    return parseLong(b, starts[index], fieldEnd(b, starts, count, index, to), 0);
  }

  /** {@code Long.parseLong} of the ASCII bytes [from, to); {@code otherwise} when not a number. */
  private static long parseLong(byte[] b, int from, int to, long otherwise) {
    if (from >= to) {
      return otherwise;
    }
    boolean negative = b[from] == '-';
    int i = b[from] == '-' || b[from] == '+' ? from + 1 : from;
    if (i >= to || to - i > 18) {
      return to - i > 18 ? slowParse(b, from, to, otherwise) : otherwise;
    }
    long value = 0;
    for (; i < to; i++) {
      int digit = b[i] - '0';
      if (digit < 0 || digit > 9) {
        return otherwise;
      }
      value = value * 10 + digit;
    }
    return negative ? -value : value;
  }

  private static long slowParse(byte[] b, int from, int to, long otherwise) {
    try {
      return Long.parseLong(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static int indexOf(byte[] b, int n, byte wanted) {
    for (int i = 0; i < n; i++) {
      if (b[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  /** The first index in [from, to) after bytes {@code String.trim} removes. */
  private static int trimStart(byte[] b, int from, int to) {
    while (from < to && (b[from] & 0xff) <= ' ') {
      from++;
    }
    return from;
  }

  /** The end of [from, to) before bytes {@code String.trim} removes. */
  private static int trimEnd(byte[] b, int from, int to) {
    while (to > from && (b[to - 1] & 0xff) <= ' ') {
      to--;
    }
    return to;
  }

  /** The pid a {@code /proc} entry names, or -1 when it names none. */
  private static long pidOf(String name) {
    int length = name.length();
    if (length == 0 || length > 18) {
      return -1;
    }
    long pid = 0;
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      pid = pid * 10 + (c - '0');
    }
    return pid;
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
  public synchronized Status status(Row row) {
    Entry entry = entries.get(row.pid());
    FileChannel kept = entry == null ? null : entry.channel;
    String stat = null;
    if (entry != null && kept != null) {
      try {
        int n = readFully(kept);
        stat = new String(buffer, 0, n, StandardCharsets.UTF_8);
      } catch (IOException e) {
        closeChannels(entry); // gone, or its pid reused: read by path below, as without a kept file
      }
    }
    if (stat == null) {
      try {
        stat = readOrThrow(procRoot.resolve(Long.toString(row.pid())).resolve("stat").toString(), new byte[1024]);
      } catch (FileNotFoundException e) {
        return Status.GONE; // stat is readable by all: missing means the process has gone
      } catch (IOException e) {
        return Status.of(row.fallbackStatus());
      }
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

  private static long number(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
