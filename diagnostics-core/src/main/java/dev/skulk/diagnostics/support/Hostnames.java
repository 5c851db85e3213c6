package dev.skulk.diagnostics.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for this machine's host name, used by the runtime collector, the assembler's
 * fallback and the CLI's default node id. Python's {@code socket.gethostname()} is the kernel's node
 * name, so the kernel's own answer comes first: {@code /proc/sys/kernel/hostname} where it exists,
 * then the {@code HOSTNAME} and {@code COMPUTERNAME} environment variables. Never does a DNS lookup
 * and never spawns a process (a caller may then ask {@code uname -n}). Stateless and thread-safe.
 */
public final class Hostnames {

  private Hostnames() {}

  /**
   * This machine's host name without a lookup, or null when neither source has one.
   *
   * @param root the file-system root ({@code /}; a test's folder in tests)
   * @param env the environment
   * @return the stripped name, or null
   */
  public static @Nullable String local(Path root, Function<String, @Nullable String> env) {
    Path kernel = root.resolve("proc/sys/kernel/hostname");
    try (BufferedReader reader = Files.newBufferedReader(kernel, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      if (line != null && !line.isBlank()) {
        return line.strip();
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: the environment decides.
    }
    for (String variable : List.of("HOSTNAME", "COMPUTERNAME")) {
      String value = env.apply(variable);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  /**
   * This machine's host name as {@link #local(Path, Function)} finds it from {@code /} and the
   * process environment, else {@code unknown}.
   *
   * @return the name
   */
  public static String localOrUnknown() {
    String name = local(Path.of("/"), System::getenv);
    return name != null ? name : "unknown";
  }
}
