package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.spi.HostFactsBuilder;
import dev.skulk.diagnostics.testkit.TestCollectContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.testkit.CollectorCompatibilityKit;

class IdentityCollectorTest extends CollectorCompatibilityKit {

  @Override
  protected Collector<?> createCollector() {
    return new IdentityCollector();
  }

  @Test
  void linuxPrettyHostnameAndMemoizedFacts(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/machine-info"), "CHASSIS=server\nPRETTY_HOSTNAME=\"Lena's \\\"rack\\\" box\"\n");
    AtomicInteger reads = new AtomicInteger();
    IdentityCollector collector =
        new IdentityCollector(
            new HostEnvironment(OsFamily.LINUX, k -> null, root, new FakeRunner(), "/"),
            () -> {
              reads.incrementAndGet();
              return new IdentityCollector.StaticFacts("ProLiant DL380 Gen11", "Intel(R) Xeon(R) Gold 6430", "12", "6.1.0-28-amd64");
            });

    NodeIdentity first = collector.collect(TestCollectContext.create());
    NodeIdentity second =
        collector.collect(
            TestCollectContext.builder()
                .hostFacts(new HostFactsBuilder().skulkVersion("2.0.0").skulkCommit("abc1234").build())
                .build());

    assertThat(first)
        .isEqualTo(
            new NodeIdentity(
                "ProLiant DL380 Gen11", "Intel(R) Xeon(R) Gold 6430", "Lena's \"rack\" box", "12",
                "6.1.0-28-amd64", "unknown", "Unknown"));
    assertThat(second.skulkVersion()).isEqualTo("2.0.0");
    assertThat(second.skulkCommit()).isEqualTo("abc1234");
    assertThat(reads).hasValue(1);
  }

  @Test
  void linuxFallsBackToTheHostnameAndUnknowns(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("proc/sys/kernel"));
    Files.writeString(root.resolve("proc/sys/kernel/hostname"), "gpu-node-1\n");
    IdentityCollector collector =
        new IdentityCollector(
            new HostEnvironment(OsFamily.LINUX, k -> null, root, new FakeRunner(), "/"),
            () -> new IdentityCollector.StaticFacts(null, " ", null, null));

    NodeIdentity identity = collector.collect(TestCollectContext.create());

    assertThat(identity.friendlyName()).isEqualTo("gpu-node-1");
    assertThat(identity.modelId()).isEqualTo("Unknown");
    assertThat(identity.chipId()).isEqualTo("Unknown");
    assertThat(identity.osVersion()).isEqualTo("Unknown");
  }

  @Test
  void macosComputerNameFromScutil(@TempDir Path root) {
    FakeRunner runner = new FakeRunner().answer("scutil", List.of("Lena’s Mac Studio"));
    IdentityCollector collector =
        new IdentityCollector(
            new HostEnvironment(OsFamily.MACOS, Map.of("HOSTNAME", "studio")::get, root, runner, "/"),
            () -> new IdentityCollector.StaticFacts("Mac Studio (Mac15,14)", "Apple M2 Ultra", "15.3.1", "24D70"));

    NodeIdentity identity = collector.collect(TestCollectContext.create());

    assertThat(identity.friendlyName()).isEqualTo("Lena’s Mac Studio");
    assertThat(identity.osBuildVersion()).isEqualTo("24D70");
    assertThat(runner.commands).containsExactly(List.of("scutil", "--get", "ComputerName"));
  }

  @Test
  void thisMachine() {
    IdentityCollector collector = new IdentityCollector();
    assertThat(collector.isAvailable()).isTrue();

    NodeIdentity identity = collector.collect(TestCollectContext.create());

    assertThat(identity.chipId()).isNotEqualTo("Unknown").isNotBlank();
    assertThat(identity.friendlyName()).isNotEqualTo("Unknown").isNotBlank();
    assertThat(identity.osVersion()).isNotBlank();
    assertThat(identity.osBuildVersion()).isNotEqualTo("Unknown");
    assertThat(collector.collect(TestCollectContext.create())).isEqualTo(identity);
  }
}
