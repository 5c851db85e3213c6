package dev.skulk.diagnostics.state;

import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.NodeNetworkInfo;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The empty state of a host without gossip: see {@link ClusterStateView#standalone(String)}. */
record StandaloneStateView(String nodeId) implements ClusterStateView {

  StandaloneStateView {
    Objects.requireNonNull(nodeId, "nodeId");
  }

  /** This node: Python Skulk starts every node as its own master until an election says otherwise. */
  @Override
  public String masterNodeId() {
    return nodeId;
  }

  @Override
  public boolean tracingEnabled() {
    return false;
  }

  @Override
  public List<InstanceView> instances() {
    return List.of();
  }

  @Override
  public Map<String, String> runnerStatuses() {
    return Map.of();
  }

  @Override
  public List<TaskView> tasks() {
    return List.of();
  }

  @Override
  public List<String> nodeIds() {
    return List.of(nodeId);
  }

  @Override
  public @Nullable NodeIdentity identity(String node) {
    return null;
  }

  @Override
  public @Nullable MemoryUsage memory(String node) {
    return null;
  }

  @Override
  public @Nullable DiskUsage disk(String node) {
    return null;
  }

  @Override
  public @Nullable SystemPerformanceProfile system(String node) {
    return null;
  }

  @Override
  public @Nullable NodeNetworkInfo network(String node) {
    return null;
  }
}
