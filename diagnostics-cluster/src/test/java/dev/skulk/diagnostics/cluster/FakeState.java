package dev.skulk.diagnostics.cluster;

import dev.skulk.diagnostics.model.InterfaceType;
import dev.skulk.diagnostics.model.NetworkInterfaceInfo;
import dev.skulk.diagnostics.model.NodeNetworkInfo;
import dev.skulk.diagnostics.testkit.InMemoryClusterState;
import java.util.ArrayList;
import java.util.List;

/** Builds the testkit's in-memory state with nodes and their network readings only. */
final class FakeState {

  private final InMemoryClusterState.Builder builder;

  FakeState(String nodeId) {
    builder = InMemoryClusterState.builder(nodeId).master(nodeId);
  }

  FakeState node(String id, String... addresses) {
    builder.addNode(id);
    if (addresses.length > 0) {
      List<NetworkInterfaceInfo> interfaces = new ArrayList<>();
      for (String address : addresses) {
        interfaces.add(new NetworkInterfaceInfo("en" + interfaces.size(), address, InterfaceType.ETHERNET));
      }
      builder.network(id, new NodeNetworkInfo(interfaces));
    }
    return this;
  }

  InMemoryClusterState build() {
    return builder.build();
  }
}
