package dev.skulk.diagnostics.cluster;

import dev.skulk.diagnostics.EmptyStateView;
import dev.skulk.diagnostics.model.NetworkInterfaceInfo;
import dev.skulk.diagnostics.model.NodeNetworkInfo;
import dev.skulk.diagnostics.model.InterfaceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A cluster state with nodes and their network readings only. */
final class FakeState extends EmptyStateView {

  private final String nodeId;
  private final Map<String, NodeNetworkInfo> networks = new LinkedHashMap<>();
  private final List<String> nodeIds = new ArrayList<>();

  FakeState(String nodeId) {
    this.nodeId = nodeId;
    nodeIds.add(nodeId);
  }

  FakeState node(String id, String... addresses) {
    nodeIds.add(id);
    if (addresses.length > 0) {
      List<NetworkInterfaceInfo> interfaces = new ArrayList<>();
      for (String address : addresses) {
        interfaces.add(new NetworkInterfaceInfo("en" + interfaces.size(), address, InterfaceType.ETHERNET));
      }
      networks.put(id, new NodeNetworkInfo(interfaces));
    }
    return this;
  }

  @Override public String nodeId() { return nodeId; }
  @Override public String masterNodeId() { return nodeId; }
  @Override public List<String> nodeIds() { return List.copyOf(nodeIds); }
  @Override public NodeNetworkInfo network(String node) { return networks.get(node); }
}
