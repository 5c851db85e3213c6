package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.collectors.internal.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the runtime and identity collectors read from the host, injectable for tests: the OS
 * family, environment variables, the file-system root ({@code /proc}, {@code /etc} are read under
 * it), a command runner and the working directory.
 *
 * @param os the operating-system family
 * @param env environment lookup (null for an unset variable)
 * @param root the file-system root, {@code /} outside tests
 * @param runner runs {@code uname -n} and {@code scutil}
 * @param cwd the process's working directory
 */
record HostEnvironment(
    OsFamily os, Function<String, @Nullable String> env, Path root, CommandRunner runner, String cwd) {

  private static final Logger LOG = LoggerFactory.getLogger(HostEnvironment.class);
  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(3);

  /** This process's host. */
  static HostEnvironment current() {
    return new HostEnvironment(
        OsFamily.current(),
        System::getenv,
        Path.of("/"),
        CommandRunner.system(),
        System.getProperty("user.dir", "."));
  }

  /**
   * The host name without any DNS lookup (Python's {@code socket.gethostname()} is {@code uname}'s
   * node name): {@code /proc/sys/kernel/hostname} on Linux, else {@code HOSTNAME} or {@code
   * COMPUTERNAME} from the environment, else {@code uname -n}; {@code unknown} when all fail.
   * Spawns a process only in the last case.
   */
  String hostname() {
    String name = dev.skulk.diagnostics.support.Hostnames.local(root, env::apply);
    if (name != null) {
      return name;
    }
    if (os != OsFamily.WINDOWS) {
      String uname = firstLineOf(List.of("uname", "-n"));
      if (uname != null) {
        return uname;
      }
    }
    return "unknown";
  }

  /** The first non-blank output line of a command, stripped; null when it fails. */
  @Nullable String firstLineOf(List<String> command) {
    try {
      for (String line : runner.run(command, TOOL_TIMEOUT)) {
        if (!line.isBlank()) {
          return line.strip();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.debug("{} failed", command, e);
    }
    return null;
  }
}
