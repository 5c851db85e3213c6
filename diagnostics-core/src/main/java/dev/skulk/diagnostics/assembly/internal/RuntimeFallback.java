package dev.skulk.diagnostics.assembly.internal;

import dev.skulk.diagnostics.support.Hostnames;
import dev.skulk.diagnostics.support.Redaction;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnostics;
import dev.skulk.diagnostics.spi.HostFacts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The runtime section the assembler reports when no runtime collector gave one, from what it knows
 * without any lookup that can block: the node id, the host's facts, the environment and system
 * properties, and the hostname from {@code HOSTNAME}, {@code COMPUTERNAME} or {@code
 * /proc/sys/kernel/hostname} (never DNS), else {@code unknown}. Not a stable API.
 *
 * <p>Stateless and thread-safe; costs at most one small file read.
 */
public final class RuntimeFallback {

  private static final Set<String> TRUE_VALUES = Set.of("1", "true", "True");

  private RuntimeFallback() {}

  /**
   * A complete runtime section. {@code isMaster}, {@code masterNodeId} and {@code tracingEnabled}
   * are left false / null: the assembler overlays them from the state view.
   *
   * @param nodeId this node's id
   * @param facts the host's facts (config path, version, commit, logging)
   * @param identity this node's identity, for the commit when the host did not give one
   * @param env the environment ({@code System::getenv} in production)
   */
  public static NodeRuntimeDiagnostics runtime(
      String nodeId, HostFacts facts, @Nullable NodeIdentity identity, Function<String, @Nullable String> env) {
    String configPath = facts.configPath();
    return new NodeRuntimeDiagnostics(
        nodeId,
        hostname(env),
        null,
        false,
        null,
        System.getProperty("user.dir", ""),
        configPath,
        exists(configPath),
        facts.skulkVersion() == null || facts.skulkVersion().isBlank() ? "unknown" : facts.skulkVersion(),
        facts.skulkCommit() != null ? facts.skulkCommit() : identity != null ? identity.skulkCommit() : "Unknown",
        env.apply("SKULK_LIBP2P_NAMESPACE"),
        TRUE_VALUES.contains(env.apply("PYTHONUNBUFFERED")),
        false,
        facts.structuredLoggingConfigured(),
        Redaction.redactUrl(blankToNull(facts.loggingIngestUrl())));
  }

  /** The hostname without a DNS lookup: {@link Hostnames#local}, else {@code unknown}. */
  public static String hostname(Function<String, @Nullable String> env) {
    String name = Hostnames.local(Path.of("/"), env);
    return name != null ? name : "unknown";
  }

  private static boolean exists(String path) {
    try {
      return Files.exists(Path.of(path));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
