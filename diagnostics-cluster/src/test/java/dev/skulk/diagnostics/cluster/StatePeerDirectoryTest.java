package dev.skulk.diagnostics.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.InterfaceType;
import dev.skulk.diagnostics.model.NetworkInterfaceInfo;
import dev.skulk.diagnostics.model.NodeNetworkInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatePeerDirectoryTest {

  private static NodeNetworkInfo network(String... addresses) {
    List<NetworkInterfaceInfo> interfaces = new ArrayList<>();
    for (String address : addresses) {
      interfaces.add(new NetworkInterfaceInfo("en0", address, InterfaceType.UNKNOWN));
    }
    return new NodeNetworkInfo(interfaces);
  }

  @Test
  void candidatesAreTheUsableAddressesInOrderOnThePort() {
    NodeNetworkInfo net =
        network("127.0.0.1", "192.168.1.20", "::1", "fe80::1%en0", "fe80::1", "2001:db8::7", "0.0.0.0",
            "224.0.0.1", "192.168.1.20", "169.254.10.2", "studio.local", "[2001:db8::8]", "10.0.0.300");
    assertThat(StatePeerDirectory.candidateUrls(net, 52415, false)).containsExactly(
        URI.create("http://192.168.1.20:52415"),
        URI.create("http://[2001:db8:0:0:0:0:0:7]:52415"),
        URI.create("http://169.254.10.2:52415"),
        URI.create("http://[2001:db8:0:0:0:0:0:8]:52415"));
    assertThat(StatePeerDirectory.candidateUrls(network("127.0.0.2", "::1"), 7, true)).containsExactly(
        URI.create("http://127.0.0.2:7"), URI.create("http://[0:0:0:0:0:0:0:1]:7"));
    assertThat(StatePeerDirectory.candidateUrls(null, 52415, false)).isEmpty();
  }
}
