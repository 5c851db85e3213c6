package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.time.Ticker;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system profile of a node with NVIDIA GPUs ({@code resources.system}) through NVML, loaded with
 * JNA: {@code nvmlInit_v2}, {@code nvmlDeviceGetCount_v2}, {@code
 * nvmlDeviceGetHandleByIndex_v2}, then per GPU {@code GetName}, {@code GetUtilizationRates}, {@code
 * GetMemoryInfo}, {@code GetPowerUsage} (milliwatts), {@code GetTemperature} (sensor 0, the GPU
 * core) and {@code GetClockInfo(NVML_CLOCK_SM)}. A call a GPU does not support leaves that figure
 * null.
 *
 * <p>Several GPUs become one accelerator (vendor {@code nvidia}): the name of GPU 0, with {@code "
 * (xN)"} appended when N > 1; utilisation the mean of the GPUs' utilisation as a ratio; VRAM total
 * and used summed; power summed; temperature the hottest GPU's; clock GPU 0's SM clock. The profile
 * is filled as for AMD: {@code gpuUsage} = utilisation x 100, {@code temp} and {@code sysPower} the
 * GPUs', CPU figures 0.0.
 *
 * <p>Platforms: Linux and Windows with the NVIDIA driver. Unavailable when the library does not
 * load, NVML does not initialise, or it sees no GPU. A library that loaded stays loaded; one that
 * did not load is tried again only after {@link CollectorSupport#PROBE_TTL} (5 minutes), so a
 * machine without NVIDIA pays one failed load per five minutes, not one per poll. Priority 130,
 * the highest of the system-profile collectors. Thread-safe. Cost: about 7 NVML calls per GPU,
 * well under a millisecond each on a local GPU.
 */
public final class NvmlAcceleratorCollector implements Collector<SystemPerformanceProfile> {

  /** This collector's name. */
  public static final String NAME = "nvml";

  private static final Logger LOG = LoggerFactory.getLogger(NvmlAcceleratorCollector.class);

  private final OsFamily os;
  private final @Nullable String libraryPath;
  private final Ticker ticker;
  private volatile @Nullable Opened opened;

  private record Opened(@Nullable NvmlLibrary nvml, @Nullable Throwable failure, long triedAt) {}

  /** A collector for this machine (the library from the system's search path). */
  public NvmlAcceleratorCollector() {
    this(OsFamily.current(), null);
  }

  NvmlAcceleratorCollector(OsFamily os, @Nullable String libraryPath) {
    this(os, libraryPath, Ticker.system());
  }

  NvmlAcceleratorCollector(OsFamily os, @Nullable String libraryPath, Ticker ticker) {
    this.os = os;
    this.libraryPath = libraryPath;
    this.ticker = ticker;
  }

  @Override
  public Slot<SystemPerformanceProfile> slot() {
    return Slot.SYSTEM_PROFILE;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 130;
  }

  @Override
  public boolean isAvailable() {
    if (os != OsFamily.LINUX && os != OsFamily.WINDOWS) {
      return false;
    }
    Opened state = open();
    if (state.nvml() == null) {
      return false;
    }
    try {
      return state.nvml().deviceCount() > 0;
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("NVML device count failed", e);
      return false;
    }
  }

  @Override
  public @Nullable SystemPerformanceProfile collect(CollectContext context) {
    Opened state = open();
    NvmlLibrary nvml = state.nvml();
    if (nvml == null) {
      throw new IllegalStateException("NVML is not available: " + state.failure(), state.failure());
    }
    int count = nvml.deviceCount();
    List<GpuSample> gpus = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      gpus.add(nvml.sample(i));
    }
    AcceleratorMetrics accelerator = GpuSample.aggregate(AcceleratorVendor.NVIDIA, gpus);
    return accelerator == null ? null : GpuSample.gpuProfile(accelerator);
  }

  private Opened open() {
    Opened state = opened;
    if (state == null || retryDue(state)) {
      synchronized (this) {
        state = opened;
        if (state == null || retryDue(state)) {
          state = tryOpen();
          opened = state;
        }
      }
    }
    return state;
  }

  /** A failed load is tried again once its answer is older than the probe ttl. */
  private boolean retryDue(Opened state) {
    return state.nvml() == null && ticker.read() - state.triedAt() >= CollectorSupport.PROBE_TTL.toNanos();
  }

  private Opened tryOpen() {
    long now = ticker.read();
    try {
      return new Opened(NvmlLibrary.open(libraryPath, os), null, now);
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("NVML unavailable: {}", e.toString());
      return new Opened(null, e, now);
    }
  }
}
