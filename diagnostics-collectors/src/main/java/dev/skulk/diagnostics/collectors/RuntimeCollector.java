package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.collectors.internal.CommandLineRedactor;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnostics;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnosticsBuilder;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.HostFacts;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.time.Ticker;
import dev.skulk.diagnostics.state.ClusterStateView;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The node's runtime identity and config ({@code runtime}): node id; host name without any DNS
 * lookup ({@link HostEnvironment#hostname()}); friendly name from the node's gathered identity in
 * the state view; master flag and master id from the state view; working directory; the config path
 * from {@code HostFacts} and whether it exists relative to the working directory; Skulk version
 * ({@code HostFacts}, else this jar's {@code Implementation-Version}, else {@code unknown}) and
 * commit ({@code HostFacts}, else {@code Unknown}); {@code libp2PNamespace} from {@code
 * SKULK_LIBP2P_NAMESPACE} when set, even empty; {@code pythonUnbuffered} when {@code
 * PYTHONUNBUFFERED} is {@code 1}, {@code true} or {@code True}; tracing from the state view;
 * structured logging and the ingest URL from {@code HostFacts}, the URL without user-info or
 * secret query values ({@link CommandLineRedactor#redactUrl}). No other environment variable is
 * read, and none is reported.
 *
 * <p>The host name changes rarely and costs a file read (tens of microseconds through the JDK),
 * so it is read at most once per {@link CollectorSupport#STATIC_FACT_TTL} (10 s): a renamed host
 * shows within that time.
 *
 * <p>Platforms: all. Thread-safe. Cost: a {@code stat} of the config file; once per 10 s one small
 * {@code /proc} read on Linux, elsewhere possibly one {@code uname -n} run.
 */
public final class RuntimeCollector implements Collector<NodeRuntimeDiagnostics> {

  /** This collector's name. */
  public static final String NAME = "runtime";

  private static final Set<String> TRUE_VALUES = Set.of("1", "true", "True");

  private final HostEnvironment host;
  private final Expiring<String> hostname;

  /** A collector for this process. */
  public RuntimeCollector() {
    this(HostEnvironment.current());
  }

  RuntimeCollector(HostEnvironment host) {
    this(host, Ticker.system());
  }

  RuntimeCollector(HostEnvironment host, Ticker ticker) {
    this.host = host;
    this.hostname = new Expiring<>(ticker, CollectorSupport.STATIC_FACT_TTL);
  }

  @Override
  public Slot<NodeRuntimeDiagnostics> slot() {
    return Slot.RUNTIME;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public NodeRuntimeDiagnostics collect(CollectContext context) {
    HostFacts facts = context.hostFacts();
    ClusterStateView state = context.state();
    String nodeId = context.nodeId();
    String elected = state.masterNodeId();
    String master = elected != null ? elected : nodeId; // every node is its own master until elected
    NodeIdentity identity = state.identity(nodeId);
    String unbuffered = host.env().apply("PYTHONUNBUFFERED");
    return new NodeRuntimeDiagnosticsBuilder()
        .nodeId(nodeId)
        .hostname(hostname.get(host::hostname))
        .friendlyName(identity == null ? null : identity.friendlyName())
        .isMaster(nodeId.equals(master))
        .masterNodeId(master)
        .cwd(host.cwd())
        .configPath(facts.configPath())
        .configFileExists(exists(host.cwd(), facts.configPath()))
        .skulkVersion(SkulkVersion.version(facts))
        .skulkCommit(SkulkVersion.commit(facts))
        .libp2pNamespace(host.env().apply("SKULK_LIBP2P_NAMESPACE"))
        .pythonUnbuffered(unbuffered != null && TRUE_VALUES.contains(unbuffered))
        .tracingEnabled(state.tracingEnabled())
        .structuredLoggingConfigured(facts.structuredLoggingConfigured())
        .loggingIngestUrl(CommandLineRedactor.redactUrl(facts.loggingIngestUrl()))
        .build();
  }

  private static boolean exists(String cwd, @Nullable String configPath) {
    if (configPath == null || configPath.isEmpty()) {
      return false;
    }
    try {
      return Files.exists(Path.of(cwd).resolve(configPath));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
