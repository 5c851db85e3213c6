package dev.skulk.diagnostics.assembly;

import dev.skulk.diagnostics.model.ProcessRole;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Python Skulk's process roles ({@code API._process_role}), derived from a process's raw argument
 * vector, before any redaction or truncation of the command line the bundle shows. The role is that
 * of the first rule that matches, comparing case-insensitively:
 *
 * <ol>
 *   <li>the pid is this process: {@code skulk}
 *   <li>the pid is a known runner pid: {@code runner}
 *   <li>the executable's name is {@code vector}, or the command contains {@code " vector --config "}
 *       (the command padded with a space on each side, as Python does): {@code vector}
 *   <li>the command contains {@code resource_tracker}: {@code python}
 *   <li>the command contains {@code skulk}: {@code skulk}
 *   <li>the command contains {@code spawn_main}: {@code runner}
 *   <li>the executable's name contains {@code python}: {@code python}
 *   <li>else {@code other}
 * </ol>
 *
 * <p>The command is {@code argv} joined with single spaces; the executable's name is {@code
 * Path(argv[0]).name} as Python's {@code pathlib} gives it on the platform (POSIX: the last
 * non-empty, non-{@code .} element between {@code /}; Windows: also {@code \}, after a drive or UNC
 * share), empty for an empty {@code argv}. Taking it from the raw {@code argv} keeps an executable
 * path with a space, a whole command line in one element and leading spaces as Python sees them.
 *
 * <p>A {@code PROCESSES} collector assigns roles with these rules (the default one does, from the
 * raw {@code argv} it read, caching {@link #argvRole} per process incarnation); the assembler keeps
 * the roles collectors report. Stateless and thread-safe; linear in the length of {@code argv}.
 */
public final class ProcessRoles {

  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private ProcessRoles() {}

  /**
   * The role of one process by the rules above, with this platform's path rules.
   *
   * @param pid the process's pid
   * @param argv its raw argument vector (empty when the OS shows none)
   * @param selfPid the pid of the Skulk node process
   * @param runnerPids the pids of the runner subprocesses the host supervises
   */
  public static ProcessRole role(long pid, List<String> argv, long selfPid, Set<Long> runnerPids) {
    return role(pid, argv, selfPid, runnerPids, WINDOWS);
  }

  /**
   * {@link #role(long, List, long, Set)} with Windows' path rules ({@code windowsPaths}) or POSIX's,
   * whatever the platform.
   */
  public static ProcessRole role(
      long pid, List<String> argv, long selfPid, Set<Long> runnerPids, boolean windowsPaths) {
    if (pid == selfPid) {
      return ProcessRole.SKULK;
    }
    if (runnerPids.contains(pid)) {
      return ProcessRole.RUNNER;
    }
    return argvRole(argv, windowsPaths);
  }

  /**
   * The role rules that depend on the argument vector only (rules 3 to 8), with this platform's
   * path rules: what a collector may cache per process incarnation.
   */
  public static ProcessRole argvRole(List<String> argv) {
    return argvRole(argv, WINDOWS);
  }

  /** {@link #argvRole(List)} with Windows' path rules or POSIX's, whatever the platform. */
  public static ProcessRole argvRole(List<String> argv, boolean windowsPaths) {
    String executable = argv.isEmpty() ? ""
        : (windowsPaths ? windowsName(argv.get(0)) : posixName(argv.get(0))).toLowerCase(Locale.ROOT);
    String lower = String.join(" ", argv).toLowerCase(Locale.ROOT);
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

  /** {@code PurePosixPath(path).name}: the last element that is neither empty nor {@code .}. */
  static String posixName(String path) {
    return lastElement(path, 0, false);
  }

  /**
   * {@code PureWindowsPath(path).name}: as {@link #posixName} with {@code \} as a separator too,
   * after the drive ({@code C:}) or UNC share ({@code \\server\share}, {@code \\?\...}) is set apart.
   */
  static String windowsName(String path) {
    int start = 0;
    if (path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0))) {
      start = 2;
    } else if (path.length() >= 2 && isWindowsSeparator(path.charAt(0)) && isWindowsSeparator(path.charAt(1))) {
      // \\server\share is the anchor when both parts are there; an incomplete one is plain elements
      int server = 2;
      int serverEnd = nextSeparator(path, server, true);
      if (serverEnd > server && serverEnd < path.length()) {
        int shareEnd = nextSeparator(path, serverEnd + 1, true);
        if (shareEnd > serverEnd + 1) {
          start = shareEnd;
        } else if (shareEnd == serverEnd + 1 && shareEnd == path.length()) {
          start = path.length(); // "\\server\" : all anchor
        }
      }
    }
    return lastElement(path, start, true);
  }

  private static String lastElement(String path, int from, boolean windows) {
    int end = path.length();
    while (end > from) {
      while (end > from && isSeparator(path.charAt(end - 1), windows)) {
        end--;
      }
      int start = end;
      while (start > from && !isSeparator(path.charAt(start - 1), windows)) {
        start--;
      }
      if (end > start && !(end - start == 1 && path.charAt(start) == '.')) {
        return path.substring(start, end);
      }
      end = start;
    }
    return "";
  }

  private static int nextSeparator(String path, int from, boolean windows) {
    int i = from;
    while (i < path.length() && !isSeparator(path.charAt(i), windows)) {
      i++;
    }
    return i;
  }

  private static boolean isSeparator(char c, boolean windows) {
    return c == '/' || (windows && c == '\\');
  }

  private static boolean isWindowsSeparator(char c) {
    return c == '/' || c == '\\';
  }
}
