package dev.skulk.diagnostics.assembly.internal;

import dev.skulk.diagnostics.assembly.RuntimeSection;
import dev.skulk.diagnostics.spi.HostFacts;
import dev.skulk.diagnostics.support.Hostnames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the assembler knows of its host process when no runtime collector gave a reading, without
 * any lookup that can block: the hostname from {@code HOSTNAME}, {@code COMPUTERNAME} or {@code
 * /proc/sys/kernel/hostname} (never DNS), else {@code unknown}; the working directory; whether the
 * config path exists from it. The section itself is {@link RuntimeSection#build}'s, as the runtime
 * collector's is. Not a stable API.
 *
 * <p>Stateless and thread-safe; costs at most one small file read and a {@code stat}.
 */
public final class RuntimeFallback {

  private RuntimeFallback() {}

  /** This process's host facts for {@link RuntimeSection#build}; version {@code unknown} unless the facts give one. */
  public static RuntimeSection.Host host(HostFacts facts, Function<String, @Nullable String> env) {
    String cwd = System.getProperty("user.dir", "");
    return new RuntimeSection.Host(hostname(env), cwd, exists(cwd, facts.configPath()), env, "unknown");
  }

  /** The hostname without a DNS lookup: {@link Hostnames#local}, else {@code unknown}. */
  public static String hostname(Function<String, @Nullable String> env) {
    String name = Hostnames.local(Path.of("/"), env);
    return name != null ? name : "unknown";
  }

  private static boolean exists(String cwd, String path) {
    try {
      return !path.isEmpty() && Files.exists(Path.of(cwd).resolve(path));
    } catch (RuntimeException e) {
      return false;
    }
  }
}
