package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.skulk.diagnostics.model.InterfaceType;
import dev.skulk.diagnostics.model.NetworkInterfaceInfo;
import dev.skulk.diagnostics.model.NodeNetworkInfo;
import dev.skulk.diagnostics.testkit.TestCollectContext;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.testkit.CollectorCompatibilityKit;

class NetworkCollectorTest extends CollectorCompatibilityKit {

  @Override
  protected Collector<?> createCollector() {
    return new NetworkCollector();
  }

  @Test
  void thisMachineListsLoopbackAndTypesEveryAddress() throws Exception {
    assumeThat(OsFamily.current()).isEqualTo(OsFamily.LINUX);
    NetworkCollector collector = new NetworkCollector();
    assertThat(collector.isAvailable()).isTrue();

    NodeNetworkInfo network = collector.collect(TestCollectContext.create());

    assertThat(network.interfaces()).contains(new NetworkInterfaceInfo("lo", "127.0.0.1", InterfaceType.UNKNOWN));
    assertThat(network.interfaces())
        .filteredOn(entry -> entry.name().equals("lo"))
        .extracting(NetworkInterfaceInfo::ipAddress)
        .first()
        .isEqualTo("127.0.0.1"); // IPv4 before IPv6
    assertThat(network.interfaces())
        .filteredOn(entry -> entry.name().equals("lo"))
        .extracting(NetworkInterfaceInfo::ipAddress)
        .allMatch(address -> address.equals("127.0.0.1") || address.equals("::1"));
    for (NetworkInterfaceInfo entry : network.interfaces()) {
      assertThat(entry.interfaceType())
          .as(entry.name())
          .isEqualTo(LinuxInterfaceTypes.classify(Path.of("/sys/class/net"), entry.name()));
      assertThat(entry.ipAddress()).doesNotContain("/").isNotBlank();
      if (!entry.ipAddress().startsWith("fe80:")) {
        assertThat(entry.ipAddress()).as("only link-local addresses carry a scope").doesNotContain("%");
      }
    }
  }

  @Test
  void macosTypesComeFromNetworksetup() throws Exception {
    FakeRunner runner =
        new FakeRunner()
            .answer("networksetup", Fixtures.lines("platform/networksetup-listallhardwareports.txt"));
    NetworkCollector collector = new NetworkCollector(OsFamily.MACOS, MacNics::list, Path.of("/nonexistent"), runner);

    NodeNetworkInfo network = collector.collect(TestCollectContext.create());

    assertThat(network.interfaces())
        .containsExactly(
            new NetworkInterfaceInfo("lo0", "127.0.0.1", InterfaceType.UNKNOWN),
            new NetworkInterfaceInfo("lo0", "::1", InterfaceType.UNKNOWN),
            new NetworkInterfaceInfo("lo0", "fe80::1%lo0", InterfaceType.UNKNOWN),
            new NetworkInterfaceInfo("en0", "192.168.1.23", InterfaceType.ETHERNET),
            new NetworkInterfaceInfo("en0", "fe80::1c1d:d3ff:fe5e:2001%en0", InterfaceType.ETHERNET),
            new NetworkInterfaceInfo("en1", "192.168.1.24", InterfaceType.WIFI),
            new NetworkInterfaceInfo("en2", "169.254.10.1", InterfaceType.THUNDERBOLT),
            new NetworkInterfaceInfo("en5", "10.0.5.2", InterfaceType.MAYBE_ETHERNET),
            new NetworkInterfaceInfo("bridge0", "169.254.200.1", InterfaceType.THUNDERBOLT),
            new NetworkInterfaceInfo("utun3", "fd7a:115c:a1e0::1", InterfaceType.UNKNOWN));
    assertThat(runner.commands).containsExactly(List.of("networksetup", "-listallhardwareports"));
  }

  @Test
  void macosTypesAreUnknownWhenNetworksetupFails() throws Exception {
    NetworkCollector collector =
        new NetworkCollector(OsFamily.MACOS, MacNics::list, Path.of("/nonexistent"), new FakeRunner());

    assertThat(collector.collect(TestCollectContext.create()).interfaces())
        .extracting(NetworkInterfaceInfo::interfaceType)
        .containsOnly(InterfaceType.UNKNOWN);
  }

  @Test
  void interfacesWithoutAddressesAreLeftOut() throws Exception {
    NetworkCollector collector =
        new NetworkCollector(
            OsFamily.WINDOWS,
            () -> List.of(new NetworkCollector.Nic("Ethernet 2", 7, List.of())),
            Path.of("/nonexistent"),
            new FakeRunner());
    assertThat(collector.collect(TestCollectContext.create()).interfaces()).isEmpty();
    assertThat(new NetworkCollector(OsFamily.OTHER, List::of, Path.of("/"), new FakeRunner()).isAvailable()).isFalse();
  }

  /** A Mac's interfaces as the JDK enumerates them (out of index order, IPv6 first). */
  private static final class MacNics {
    static List<NetworkCollector.Nic> list() throws Exception {
      return List.of(
          new NetworkCollector.Nic("utun3", 20, List.of(InetAddress.getByName("fd7a:115c:a1e0::1"))),
          new NetworkCollector.Nic("en0", 6, List.of(
              Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1c1d:d3ff:fe5e:2001").getAddress(), 6),
              InetAddress.getByName("192.168.1.23"))),
          new NetworkCollector.Nic("lo0", 1, List.of(
              InetAddress.getByName("::1"),
              Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(), 1),
              InetAddress.getByName("127.0.0.1"))),
          new NetworkCollector.Nic("en1", 7, List.of(InetAddress.getByName("192.168.1.24"))),
          new NetworkCollector.Nic("en2", 8, List.of(InetAddress.getByName("169.254.10.1"))),
          new NetworkCollector.Nic("en5", 11, List.of(InetAddress.getByName("10.0.5.2"))),
          new NetworkCollector.Nic("bridge0", 12, List.of(InetAddress.getByName("169.254.200.1"))));
    }
  }
}
