package dev.skulk.diagnostics;

import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.NodeNetworkInfo;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.state.ClusterStateView;
import dev.skulk.diagnostics.state.InstanceView;
import dev.skulk.diagnostics.state.TaskView;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A state view of node {@code local-node} with nothing in it, for core's own tests to override
 * what they need (core cannot use the testkit's InMemoryClusterState: the testkit depends on core).
 */
public abstract class EmptyStateView implements ClusterStateView {

  @Override
  public String nodeId() {
    return "local-node";
  }

  @Override
  public @Nullable String masterNodeId() {
    return null;
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
    return List.of(nodeId());
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
