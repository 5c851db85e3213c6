package dev.skulk.diagnostics.testkit;

import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.NodeNetworkInfo;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.state.ClusterStateView;
import dev.skulk.diagnostics.state.InstanceView;
import dev.skulk.diagnostics.state.ShardAssignment;
import dev.skulk.diagnostics.state.TaskView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ClusterStateView} held in memory, for tests: build one with {@link #builder(String)}.
 * {@link #nodeIds()} lists this node, then the nodes added explicitly, the master, the nodes of
 * assignments and the nodes with readings, each once, in that order.
 *
 * <p>Immutable and thread-safe.
 */
public final class InMemoryClusterState implements ClusterStateView {

  private final String nodeId;
  private final @Nullable String master;
  private final boolean tracing;
  private final List<InstanceView> instances;
  private final Map<String, String> runnerStatuses;
  private final List<TaskView> tasks;
  private final List<String> nodeIds;
  private final Map<String, NodeIdentity> identities;
  private final Map<String, MemoryUsage> memory;
  private final Map<String, DiskUsage> disks;
  private final Map<String, SystemPerformanceProfile> systems;
  private final Map<String, NodeNetworkInfo> networks;

  private InMemoryClusterState(Builder builder) {
    this.nodeId = builder.nodeId;
    this.master = builder.master;
    this.tracing = builder.tracing;
    this.instances = List.copyOf(builder.instances);
    this.runnerStatuses = Collections.unmodifiableMap(new LinkedHashMap<>(builder.runnerStatuses));
    this.tasks = List.copyOf(builder.tasks);
    this.identities = Map.copyOf(builder.identities);
    this.memory = Map.copyOf(builder.memory);
    this.disks = Map.copyOf(builder.disks);
    this.systems = Map.copyOf(builder.systems);
    this.networks = Map.copyOf(builder.networks);
    Set<String> nodes = new LinkedHashSet<>();
    nodes.add(nodeId);
    nodes.addAll(builder.nodes);
    if (master != null) {
      nodes.add(master);
    }
    for (InstanceView instance : instances) {
      nodes.addAll(instance.nodeIds());
    }
    for (Map<String, ?> readings : List.of(builder.identities, builder.memory, builder.disks, builder.systems,
        builder.networks)) {
      nodes.addAll(readings.keySet());
    }
    this.nodeIds = List.copyOf(nodes);
  }

  /** A builder for the state as node {@code nodeId} sees it. */
  public static Builder builder(String nodeId) {
    return new Builder(nodeId);
  }

  /** A shard assignment, for {@link Builder#addInstance(String, String, ShardAssignment...)}. */
  public static ShardAssignment assignment(
      String runnerId, String nodeId, int deviceRank, int worldSize, int startLayer, int endLayer, int nLayers) {
    return new ShardAssignment(runnerId, nodeId, deviceRank, worldSize, startLayer, endLayer, nLayers);
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public @Nullable String masterNodeId() {
    return master;
  }

  @Override
  public boolean tracingEnabled() {
    return tracing;
  }

  @Override
  public List<InstanceView> instances() {
    return instances;
  }

  @Override
  public Map<String, String> runnerStatuses() {
    return runnerStatuses;
  }

  @Override
  public List<TaskView> tasks() {
    return tasks;
  }

  @Override
  public List<String> nodeIds() {
    return nodeIds;
  }

  @Override
  public @Nullable NodeIdentity identity(String node) {
    return identities.get(node);
  }

  @Override
  public @Nullable MemoryUsage memory(String node) {
    return memory.get(node);
  }

  @Override
  public @Nullable DiskUsage disk(String node) {
    return disks.get(node);
  }

  @Override
  public @Nullable SystemPerformanceProfile system(String node) {
    return systems.get(node);
  }

  @Override
  public @Nullable NodeNetworkInfo network(String node) {
    return networks.get(node);
  }

  /** Builds an {@link InMemoryClusterState}; not thread-safe. */
  public static final class Builder {

    private final String nodeId;
    private @Nullable String master;
    private boolean tracing;
    private final List<InstanceView> instances = new ArrayList<>();
    private final Map<String, String> runnerStatuses = new LinkedHashMap<>();
    private final List<TaskView> tasks = new ArrayList<>();
    private final List<String> nodes = new ArrayList<>();
    private final Map<String, NodeIdentity> identities = new LinkedHashMap<>();
    private final Map<String, MemoryUsage> memory = new LinkedHashMap<>();
    private final Map<String, DiskUsage> disks = new LinkedHashMap<>();
    private final Map<String, SystemPerformanceProfile> systems = new LinkedHashMap<>();
    private final Map<String, NodeNetworkInfo> networks = new LinkedHashMap<>();

    private Builder(String nodeId) {
      this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    }

    /** The master node (default: none known). */
    public Builder master(@Nullable String masterNodeId) {
      this.master = masterNodeId;
      return this;
    }

    /** Whether cluster tracing is on (default off). */
    public Builder tracing(boolean enabled) {
      this.tracing = enabled;
      return this;
    }

    /** Adds a node the state knows. */
    public Builder addNode(String node) {
      nodes.add(Objects.requireNonNull(node, "node"));
      return this;
    }

    /** Adds an instance, after those added before. */
    public Builder addInstance(InstanceView instance) {
      instances.add(Objects.requireNonNull(instance, "instance"));
      return this;
    }

    /** Adds an instance from its assignments, in node order. */
    public Builder addInstance(String instanceId, String modelId, ShardAssignment... assignments) {
      return addInstance(new InstanceView(instanceId, modelId, List.of(assignments)));
    }

    /** Sets a runner's status variant name (for example {@code RunnerWarmingUp}). */
    public Builder runnerStatus(String runnerId, String status) {
      runnerStatuses.put(Objects.requireNonNull(runnerId, "runnerId"), Objects.requireNonNull(status, "status"));
      return this;
    }

    /** Adds a task, after those added before. */
    public Builder addTask(TaskView task) {
      tasks.add(Objects.requireNonNull(task, "task"));
      return this;
    }

    /** Adds a task without command or model. */
    public Builder addTask(String taskId, String taskKind, String taskStatus, String instanceId) {
      return addTask(new TaskView(taskId, taskKind, taskStatus, instanceId, null, null));
    }

    /** Sets a node's gathered identity. */
    public Builder identity(String node, NodeIdentity identity) {
      identities.put(Objects.requireNonNull(node, "node"), Objects.requireNonNull(identity, "identity"));
      return this;
    }

    /** Sets a node's gathered memory reading. */
    public Builder memory(String node, MemoryUsage reading) {
      memory.put(Objects.requireNonNull(node, "node"), Objects.requireNonNull(reading, "reading"));
      return this;
    }

    /** Sets a node's gathered disk reading. */
    public Builder disk(String node, DiskUsage reading) {
      disks.put(Objects.requireNonNull(node, "node"), Objects.requireNonNull(reading, "reading"));
      return this;
    }

    /** Sets a node's gathered system performance reading. */
    public Builder system(String node, SystemPerformanceProfile reading) {
      systems.put(Objects.requireNonNull(node, "node"), Objects.requireNonNull(reading, "reading"));
      return this;
    }

    /** Sets a node's gathered network reading. */
    public Builder network(String node, NodeNetworkInfo reading) {
      networks.put(Objects.requireNonNull(node, "node"), Objects.requireNonNull(reading, "reading"));
      return this;
    }

    /** The state. */
    public InMemoryClusterState build() {
      return new InMemoryClusterState(this);
    }
  }
}
