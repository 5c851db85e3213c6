package dev.skulk.diagnostics.spi;

import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.NodeNetworkInfo;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnostics;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A typed place in the node bundle that a {@link Collector} fills. The set of slots is closed: the
 * constants below are all there is, one per live reading of the bundle.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the type of the reading
 */
public final class Slot<T> {

  /** {@code runtime}: the node's runtime identity and config. */
  public static final Slot<NodeRuntimeDiagnostics> RUNTIME =
      new Slot<>("runtime", NodeRuntimeDiagnostics.class, null);
  /** {@code identity}: hardware model, chip, friendly name, OS version and build. */
  public static final Slot<NodeIdentity> IDENTITY = new Slot<>("identity", NodeIdentity.class, null);
  /** {@code resources.currentMemory}: live RAM and swap. */
  public static final Slot<MemoryUsage> CURRENT_MEMORY =
      new Slot<>("currentMemory", MemoryUsage.class, null);
  /** {@code resources.currentWired}: live wired (unpageable) memory, where the OS has the figure. */
  public static final Slot<Memory> CURRENT_WIRED = new Slot<>("currentWired", Memory.class, null);
  /** {@code resources.disk}: space of the volume holding the models directory. */
  public static final Slot<DiskUsage> DISK = new Slot<>("disk", DiskUsage.class, null);
  /** {@code resources.system}: accelerator and CPU utilisation, power and temperature. */
  public static final Slot<SystemPerformanceProfile> SYSTEM_PROFILE =
      new Slot<>("system", SystemPerformanceProfile.class, null);
  /**
   * {@code resources.system.accelerator}: vendor-neutral accelerator metrics, for a collector that
   * knows the accelerator but not the whole profile; used when the profile has no accelerator.
   */
  public static final Slot<AcceleratorMetrics> ACCELERATOR =
      new Slot<>("accelerator", AcceleratorMetrics.class, null);
  /** {@code resources.network}: one entry per address of each interface. */
  public static final Slot<NodeNetworkInfo> NETWORK = new Slot<>("network", NodeNetworkInfo.class, null);
  /** {@code processes}: this process, its descendants and related processes. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final Slot<List<DiagnosticsProcess>> PROCESSES =
      new Slot<>("processes", (Class) List.class, DiagnosticsProcess.class);
  /**
   * MLX memory of this process (mlx-c). Not a bundle field of its own: a capture reports it when
   * the matched runner has not sent a snapshot, and a host may attach it to runner updates.
   */
  public static final Slot<MlxMemorySnapshot> MLX_MEMORY =
      new Slot<>("mlxMemory", MlxMemorySnapshot.class, null);

  private static final List<Slot<?>> ALL =
      List.of(RUNTIME, IDENTITY, CURRENT_MEMORY, CURRENT_WIRED, DISK, SYSTEM_PROFILE, ACCELERATOR,
          NETWORK, PROCESSES, MLX_MEMORY);

  private final String name;
  private final Class<T> type;
  private final @Nullable Class<?> elementType;

  private Slot(String name, Class<T> type, @Nullable Class<?> elementType) {
    this.name = name;
    this.type = type;
    this.elementType = elementType;
  }

  /** Every slot, in bundle order. */
  public static List<Slot<?>> all() {
    return ALL;
  }

  /** The slot's stable name, as the bundle's field is named. */
  public String name() {
    return name;
  }

  /** The reading's Java type (for a list slot, {@code List}). */
  public Class<T> type() {
    return type;
  }

  /**
   * Checks a value a collector returned: the right type, and for a list slot non-null elements of
   * the right type. Used to turn a collector that returns garbage into a failure.
   *
   * @return the value, typed
   * @throws ClassCastException when the value does not fit this slot
   */
  public T cast(Object value) {
    Objects.requireNonNull(value, "value");
    T typed = type.cast(value);
    if (elementType != null) {
      for (Object element : (List<?>) typed) {
        if (!elementType.isInstance(element)) {
          throw new ClassCastException(
              "slot " + name + " expects a list of " + elementType.getSimpleName() + ", found "
                  + (element == null ? "null" : element.getClass().getName()));
        }
      }
    }
    return typed;
  }

  @Override
  public String toString() {
    return name;
  }
}
