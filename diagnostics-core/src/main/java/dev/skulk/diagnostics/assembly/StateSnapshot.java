package dev.skulk.diagnostics.assembly;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The host's state view as one assembly sees it: every global accessor read once (so rules and
 * placements see one consistent state), per-node readings read once on first use, and every call
 * into the host guarded: a view that throws or returns null yields the empty value and reports the
 * failure instead of breaking the bundle. Thread-safe.
 */
final class StateSnapshot implements ClusterStateView {

  private final ClusterStateView view;
  private final String nodeId;
  private final Consumer<Throwable> onFailure;
  private final @Nullable String master;
  private final boolean tracing;
  private final List<InstanceView> instances;
  private final Map<String, String> statuses;
  private final List<TaskView> tasks;
  private final List<String> nodeIds;
  private final Map<String, Reading> readings = new ConcurrentHashMap<>();

  private record Reading(@Nullable Object value) {}

  StateSnapshot(ClusterStateView view, String nodeId, Consumer<Throwable> onFailure) {
    this.view = view;
    this.nodeId = nodeId;
    this.onFailure = onFailure;
    this.master = read(view::masterNodeId, null);
    Boolean tracingFlag = read(view::tracingEnabled, Boolean.FALSE);
    this.tracing = tracingFlag != null && tracingFlag;
    this.instances = copy(view::instances, List::copyOf, List.of());
    this.statuses = copy(view::runnerStatuses, Map::copyOf, Map.of());
    this.tasks = copy(view::tasks, List::copyOf, List.of());
    this.nodeIds = copy(view::nodeIds, List::copyOf, List.of(nodeId));
  }

  private <T> @Nullable T read(Supplier<@Nullable T> accessor, @Nullable T fallback) {
    try {
      return accessor.get();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      onFailure.accept(e);
      return fallback;
    }
  }

  private <T> T copy(Supplier<@Nullable T> accessor, Function<T, T> copier, T fallback) {
    try {
      T value = accessor.get();
      if (value == null) {
        throw new NullPointerException(view.getClass().getName() + " returned null");
      }
      return copier.apply(value);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      onFailure.accept(e);
      return fallback;
    }
  }

  @SuppressWarnings("unchecked")
  private <T> @Nullable T perNode(String kind, String node, Class<T> type, Function<String, @Nullable T> accessor) {
    Reading reading = readings.computeIfAbsent(kind + '\u0000' + node, key -> {
      Object value = read(() -> accessor.apply(node), null);
      return new Reading(type.isInstance(value) ? value : null);
    });
    return (T) reading.value();
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
    return statuses;
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
    return perNode("identity", node, NodeIdentity.class, view::identity);
  }

  @Override
  public @Nullable MemoryUsage memory(String node) {
    return perNode("memory", node, MemoryUsage.class, view::memory);
  }

  @Override
  public @Nullable DiskUsage disk(String node) {
    return perNode("disk", node, DiskUsage.class, view::disk);
  }

  @Override
  public @Nullable SystemPerformanceProfile system(String node) {
    return perNode("system", node, SystemPerformanceProfile.class, view::system);
  }

  @Override
  public @Nullable NodeNetworkInfo network(String node) {
    return perNode("network", node, NodeNetworkInfo.class, view::network);
  }
}
