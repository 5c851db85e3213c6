package dev.skulk.diagnostics.collectors;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.MlxMemorySnapshotBuilder;
import dev.skulk.diagnostics.model.Timestamps;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.time.Ticker;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MLX memory of this process ({@link Slot#MLX_MEMORY}) through mlx-c, loaded with JNA: {@code
 * mlx_get_active_memory}, {@code mlx_get_cache_memory} and {@code mlx_get_peak_memory}, each
 * {@code int f(size_t* res)} returning 0 on success (mlx-c's {@code mlx/c/memory.h}); a call that
 * fails leaves its figure null. {@code wiredLimit} is {@code HostFacts.mlxWiredLimitBytes} (mlx-c
 * has a setter but no getter), {@code source} is {@code mlx-c}, {@code generatedAt} the context
 * clock's time.
 *
 * <p>The library is {@code HostFacts.mlxLibraryPath} when the host gives one, else the path this
 * collector was built with, else the {@code SKULK_MLXC_LIBRARY} environment variable. The
 * assembler asks {@link #isAvailable(CollectContext)}, which sees the host facts; {@link
 * #isAvailable()} alone knows only the constructor path and the environment. Unavailable when no
 * path is set or the library does not load.
 *
 * <p>Platforms: wherever mlx-c builds (macOS on Apple silicon; Linux with the CPU or CUDA
 * backend). Thread-safe. Cost: three native calls; the library is loaded once per path. With no
 * path set, unavailability costs nothing; a path whose library does not load is tried again only
 * after {@link CollectorSupport#PROBE_TTL} (5 minutes), not on every poll.
 */
public final class MlxMemoryCollector implements Collector<MlxMemorySnapshot> {

  /** This collector's name. */
  public static final String NAME = "mlx-c";

  /** The environment variable naming the mlx-c shared library. */
  public static final String LIBRARY_ENV = "SKULK_MLXC_LIBRARY";

  static final String SOURCE = "mlx-c";

  private static final Logger LOG = LoggerFactory.getLogger(MlxMemoryCollector.class);

  private record Binding(Function active, Function cache, Function peak) {}

  /** A library path's binding, or why it could not be made, and when it was tried. */
  private record Loaded(@Nullable Binding binding, @Nullable Throwable failure, long triedAt) {}

  private final @Nullable String configuredPath;
  private final Ticker ticker;
  private final Map<String, Loaded> bindings = new ConcurrentHashMap<>();

  /** A collector that loads the library named by {@value #LIBRARY_ENV} (or by host facts). */
  public MlxMemoryCollector() {
    this(System.getenv(LIBRARY_ENV));
  }

  /** A collector that loads the mlx-c library at {@code library} (unless host facts name another). */
  public MlxMemoryCollector(Path library) {
    this(library.toString());
  }

  MlxMemoryCollector(@Nullable String configuredPath) {
    this(configuredPath, Ticker.system());
  }

  MlxMemoryCollector(@Nullable String configuredPath, Ticker ticker) {
    this.configuredPath = configuredPath == null || configuredPath.isBlank() ? null : configuredPath;
    this.ticker = ticker;
  }

  @Override
  public Slot<MlxMemorySnapshot> slot() {
    return Slot.MLX_MEMORY;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 100;
  }

  @Override
  public boolean isAvailable() {
    return configuredPath != null && bind(configuredPath).binding() != null;
  }

  @Override
  public boolean isAvailable(CollectContext context) {
    String path = libraryPath(context);
    return path != null && bind(path).binding() != null;
  }

  /** The host facts' library path, else this collector's own; null when neither is set. */
  private @Nullable String libraryPath(CollectContext context) {
    String fromFacts = context.hostFacts().mlxLibraryPath();
    return fromFacts != null && !fromFacts.isBlank() ? fromFacts : configuredPath;
  }

  @Override
  public @Nullable MlxMemorySnapshot collect(CollectContext context) {
    String path = libraryPath(context);
    if (path == null) {
      return null;
    }
    Loaded loaded = bind(path);
    Binding binding = loaded.binding();
    if (binding == null) {
      throw new IllegalStateException(
          "cannot load mlx-c from " + path + ": " + loaded.failure(), loaded.failure());
    }
    Long wiredLimit = context.hostFacts().mlxWiredLimitBytes();
    return new MlxMemorySnapshotBuilder()
        .generatedAt(Timestamps.format(context.clock().instant()))
        .active(read(binding.active()))
        .cache(read(binding.cache()))
        .peak(read(binding.peak()))
        .wiredLimit(wiredLimit == null ? null : Memory.ofBytes(wiredLimit))
        .source(SOURCE)
        .build();
  }

  /** The binding for a library path (memoized; a failure until the probe ttl), or the failure. */
  private Loaded bind(String path) {
    Loaded loaded = bindings.computeIfAbsent(path, this::load);
    if (loaded.binding() == null && ticker.read() - loaded.triedAt() >= CollectorSupport.PROBE_TTL.toNanos()) {
      loaded = bindings.compute(path, (p, old) ->
          old != null && (old.binding() != null || ticker.read() - old.triedAt() < CollectorSupport.PROBE_TTL.toNanos())
              ? old
              : load(p));
    }
    return loaded;
  }

  private Loaded load(String path) {
    long now = ticker.read();
    try {
      NativeLibrary library = NativeLibrary.getInstance(path);
      return new Loaded(
          new Binding(
              library.getFunction("mlx_get_active_memory"),
              library.getFunction("mlx_get_cache_memory"),
              library.getFunction("mlx_get_peak_memory")),
          null,
          now);
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("mlx-c not loadable from {}: {}", path, e.toString());
      return new Loaded(null, e, now);
    }
  }

  /** Calls {@code int f(size_t* res)}; the value when it returns 0, else null. */
  private static @Nullable Memory read(Function function) {
    com.sun.jna.Memory out = new com.sun.jna.Memory(Native.SIZE_T_SIZE);
    out.clear();
    int rc = function.invokeInt(new Object[] {out});
    if (rc != 0) {
      LOG.debug("{} returned {}", function.getName(), rc);
      return null;
    }
    long value = Native.SIZE_T_SIZE == 8 ? out.getLong(0) : Integer.toUnsignedLong(out.getInt(0));
    return Memory.ofBytes(value);
  }
}
