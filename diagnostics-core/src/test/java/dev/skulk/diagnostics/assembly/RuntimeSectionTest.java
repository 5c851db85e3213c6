package dev.skulk.diagnostics.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.EmptyStateView;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnostics;
import dev.skulk.diagnostics.spi.HostFacts;
import dev.skulk.diagnostics.spi.HostFactsBuilder;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link RuntimeSection#build}, with expected values derived by hand from upstream's {@code
 * API._runtime_diagnostics} and {@code _friendly_name_for_node} (main.py 4075-4083, 4471-4504);
 * the differential test in diagnostics-parity runs upstream's own code where Python is installed.
 */
class RuntimeSectionTest {

  private static final RuntimeSection.Host HOST =
      new RuntimeSection.Host("kite-03", "/srv/skulk", true, name -> null, "9.9.9");

  private static EmptyStateView state(@Nullable String master, @Nullable NodeIdentity identity, boolean tracing) {
    return new EmptyStateView() {
      @Override
      public @Nullable String masterNodeId() {
        return master;
      }

      @Override
      public boolean tracingEnabled() {
        return tracing;
      }

      @Override
      public @Nullable NodeIdentity identity(String node) {
        return "local-node".equals(node) ? identity : null;
      }
    };
  }

  private static NodeIdentity identity(String friendlyName, String commit) {
    return new NodeIdentity("Mac16,1", "Apple M4", friendlyName, "15.1", "24B83", "1.3.0", commit);
  }

  @Test
  void withoutAnElectionTheNodeIsItsOwnMasterAndAnElectedMasterWins() {
    NodeRuntimeDiagnostics own = RuntimeSection.build("local-node", state(null, null, false), HostFacts.none(), null, HOST);
    assertThat(own.isMaster()).isTrue();
    assertThat(own.masterNodeId()).isEqualTo("local-node");
    NodeRuntimeDiagnostics elected =
        RuntimeSection.build("local-node", state("master-node", null, true), HostFacts.none(), null, HOST);
    assertThat(elected.isMaster()).isFalse();
    assertThat(elected.masterNodeId()).isEqualTo("master-node");
    assertThat(elected.tracingEnabled()).isTrue();
  }

  @Test
  void friendlyNameAndCommitComeFromTheStateIdentity() {
    HostFacts facts = new HostFactsBuilder().skulkCommit("host-commit").build();
    NodeIdentity live = identity("kite-live", "live-commit");
    // upstream: identity.friendly_name when truthy and not "Unknown"; identity.skulk_commit
    assertThat(RuntimeSection.build("local-node", state(null, identity("Kite 03", "abc1234"), false), facts, live, HOST))
        .extracting(NodeRuntimeDiagnostics::friendlyName, NodeRuntimeDiagnostics::skulkCommit)
        .containsExactly("Kite 03", "abc1234");
    for (String unnamed : new String[] {"Unknown", ""}) {
      assertThat(RuntimeSection.build("local-node", state(null, identity(unnamed, "Unknown"), false), facts, live, HOST))
          .extracting(NodeRuntimeDiagnostics::friendlyName, NodeRuntimeDiagnostics::skulkCommit)
          .containsExactly(null, "Unknown");
    }
    // no state identity: upstream null / "Unknown"; ours the live name and the host's commit (departures)
    assertThat(RuntimeSection.build("local-node", state(null, null, false), facts, live, HOST))
        .extracting(NodeRuntimeDiagnostics::friendlyName, NodeRuntimeDiagnostics::skulkCommit)
        .containsExactly("kite-live", "host-commit");
    assertThat(RuntimeSection.build("local-node", state(null, null, false), HostFacts.none(), null, HOST).skulkCommit())
        .isEqualTo("Unknown");
  }

  @Test
  void loggingIsConfiguredOnlyWhenEnabledWithANonEmptyIngestUrl() {
    String[][] cases = {
      // enabled, url, expected configured, expected url
      {"true", null, "false", null},
      {"true", "", "false", null},
      {"true", " ", "true", " "}, // Python: " " is truthy
      {"true", "http://vector.local:9000/ingest", "true", "http://vector.local:9000/ingest"},
      {"false", "http://vector.local:9000/ingest", "false", "http://vector.local:9000/ingest"},
    };
    for (String[] c : cases) {
      HostFacts facts = new HostFactsBuilder()
          .structuredLoggingConfigured(Boolean.parseBoolean(c[0])).loggingIngestUrl(c[1]).build();
      NodeRuntimeDiagnostics runtime = RuntimeSection.build("local-node", state(null, null, false), facts, null, HOST);
      assertThat(runtime.structuredLoggingConfigured()).as("enabled %s, url %s", c[0], c[1])
          .isEqualTo(Boolean.parseBoolean(c[2]));
      assertThat(runtime.loggingIngestUrl()).as("enabled %s, url %s", c[0], c[1]).isEqualTo(c[3]);
    }
  }

  @Test
  void environmentAndHostFacts() {
    Map<String, String> env = Map.of("SKULK_LIBP2P_NAMESPACE", "", "PYTHONUNBUFFERED", "True");
    RuntimeSection.Host host = new RuntimeSection.Host("kite-03", "/srv/skulk", false, env::get, "9.9.9");
    NodeRuntimeDiagnostics runtime = RuntimeSection.build("local-node", state(null, null, false),
        new HostFactsBuilder().configPath("skulk.yaml").build(), null, host);
    assertThat(runtime).isEqualTo(new NodeRuntimeDiagnostics("local-node", "kite-03", null, true, "local-node",
        "/srv/skulk", "skulk.yaml", false, "9.9.9", "Unknown", "", true, false, false, null));
    for (String value : new String[] {"TRUE", "0", "yes", "", " 1"}) {
      RuntimeSection.Host other = new RuntimeSection.Host("h", "/", false, Map.of("PYTHONUNBUFFERED", value)::get, "v");
      assertThat(RuntimeSection.build("n", state(null, null, false), HostFacts.none(), null, other).pythonUnbuffered())
          .as("PYTHONUNBUFFERED=%s", value).isFalse();
    }
  }
}
