package dev.skulk.diagnostics.assembly;

import dev.skulk.diagnostics.support.Redaction;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnostics;
import dev.skulk.diagnostics.spi.HostFacts;
import dev.skulk.diagnostics.state.ClusterStateView;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one builder of a node's {@code runtime} section, ported from upstream's {@code
 * API._runtime_diagnostics}; the {@code RuntimeCollector} and the assembler (when no runtime
 * collector gave a reading) both build it here, from the same state view and host facts:
 *
 * <ul>
 *   <li>{@code masterNodeId}: the state view's master, else this node (Python Skulk starts every
 *       node as its own master until an election says otherwise); {@code isMaster} from it;
 *   <li>{@code friendlyName}: the state's gathered identity of this node, when its name is neither
 *       empty nor {@code Unknown}; where the state has no identity of this node, the live identity
 *       reading's (a departure: upstream has its own gathered identity in state by then);
 *   <li>{@code skulkCommit}: the state identity's commit; without one, {@code HostFacts.skulkCommit}
 *       (what the identity collector reports too), else {@code Unknown};
 *   <li>{@code skulkVersion}: {@code HostFacts.skulkVersion}, else the caller's fallback (upstream
 *       reads its installed package version);
 *   <li>{@code libp2PNamespace} from {@code SKULK_LIBP2P_NAMESPACE} (as set, even empty); {@code
 *       pythonUnbuffered} when {@code PYTHONUNBUFFERED} is {@code 1}, {@code true} or {@code True};
 *   <li>{@code tracingEnabled} from the state view;
 *   <li>{@code structuredLoggingConfigured}: logging enabled ({@code
 *       HostFacts.structuredLoggingConfigured}) and a non-empty ingest URL; {@code
 *       loggingIngestUrl}: the ingest URL when non-empty (whether or not logging is enabled, as
 *       upstream), without user-info or secret query values (a departure: upstream reports it as
 *       configured).
 * </ul>
 *
 * <p>Stateless and thread-safe; reads the state view's master, tracing flag and this node's
 * identity once each, and does no I/O (the host's facts come in {@link Host}).
 */
public final class RuntimeSection {

  private static final Set<String> TRUE_VALUES = Set.of("1", "true", "True");

  private RuntimeSection() {}

  /**
   * What only the host process knows, read by the caller.
   *
   * @param hostname the host name (upstream: {@code socket.gethostname()})
   * @param cwd the working directory
   * @param configFileExists whether {@code HostFacts.configPath} exists from {@code cwd}
   * @param env the environment ({@code System::getenv} in production)
   * @param fallbackVersion the version to report when the host facts give none
   */
  public record Host(
      String hostname,
      String cwd,
      boolean configFileExists,
      Function<String, @Nullable String> env,
      String fallbackVersion) {

    public Host {
      Objects.requireNonNull(hostname, "hostname");
      Objects.requireNonNull(cwd, "cwd");
      Objects.requireNonNull(env, "env");
      Objects.requireNonNull(fallbackVersion, "fallbackVersion");
    }
  }

  /**
   * The runtime section of {@code nodeId}.
   *
   * @param nodeId this node's id
   * @param state the host's state view (master, tracing, gathered identities)
   * @param facts the host's facts (config path, version, commit, logging)
   * @param liveIdentity this node's live identity reading, used only where the state has none
   * @param host the host process's facts
   */
  public static NodeRuntimeDiagnostics build(
      String nodeId, ClusterStateView state, HostFacts facts, @Nullable NodeIdentity liveIdentity, Host host) {
    Objects.requireNonNull(nodeId, "nodeId");
    NodeIdentity stateIdentity = state.identity(nodeId);
    String master = BundleDraft.masterOrSelf(state.masterNodeId(), nodeId);
    String ingestUrl = facts.loggingIngestUrl();
    boolean hasIngestUrl = ingestUrl != null && !ingestUrl.isEmpty(); // Python's truthiness, not isBlank
    String unbuffered = host.env().apply("PYTHONUNBUFFERED");
    String version = nonBlank(facts.skulkVersion());
    return new NodeRuntimeDiagnostics(
        nodeId,
        host.hostname(),
        friendlyName(stateIdentity, liveIdentity),
        nodeId.equals(master),
        master,
        host.cwd(),
        facts.configPath(),
        host.configFileExists(),
        version != null ? version : host.fallbackVersion(),
        commit(stateIdentity, facts),
        host.env().apply("SKULK_LIBP2P_NAMESPACE"),
        unbuffered != null && TRUE_VALUES.contains(unbuffered),
        state.tracingEnabled(),
        facts.structuredLoggingConfigured() && hasIngestUrl,
        hasIngestUrl ? Redaction.redactUrl(ingestUrl) : null);
  }

  /** Upstream's {@code _friendly_name_for_node}: the state identity's name unless empty or {@code Unknown}. */
  static @Nullable String friendlyName(@Nullable NodeIdentity stateIdentity, @Nullable NodeIdentity liveIdentity) {
    NodeIdentity identity = stateIdentity != null ? stateIdentity : liveIdentity;
    return identity == null ? null : Placements.knownOrNull(identity.friendlyName());
  }

  private static String commit(@Nullable NodeIdentity stateIdentity, HostFacts facts) {
    if (stateIdentity != null) {
      return stateIdentity.skulkCommit();
    }
    String fromHost = nonBlank(facts.skulkCommit());
    return fromHost != null ? fromHost.strip() : "Unknown";
  }

  private static @Nullable String nonBlank(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
