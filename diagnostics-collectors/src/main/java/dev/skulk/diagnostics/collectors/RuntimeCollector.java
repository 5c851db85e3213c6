package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.assembly.RuntimeSection;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnostics;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.HostFacts;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.time.Ticker;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The node's runtime identity and config ({@code runtime}), built by {@link RuntimeSection#build}
 * (the assembler's own fallback builds it there too) from the state view, the host facts and what
 * this collector reads of the process: the host name without any DNS lookup ({@link
 * HostEnvironment#hostname()}), the working directory, whether the config path exists relative to
 * it, the environment ({@code SKULK_LIBP2P_NAMESPACE} and {@code PYTHONUNBUFFERED}, no other
 * variable is read) and, when the host facts give no version, this jar's {@code
 * Implementation-Version}, else {@code unknown}.
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
    // The one runtime-section builder, shared with the assembler's own (issue 9): only the host
    // facts below are this collector's.
    return RuntimeSection.build(context.nodeId(), context.state(), facts, null,
        new RuntimeSection.Host(hostname.get(host::hostname), host.cwd(), exists(host.cwd(), facts.configPath()), host.env(),
            SkulkVersion.version(facts)));
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
