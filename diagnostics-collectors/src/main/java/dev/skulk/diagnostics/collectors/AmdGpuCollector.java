package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.time.Ticker;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The system profile of a node with an AMD GPU ({@code resources.system}), read from amdgpu sysfs
 * under {@code /sys/class/drm} with Python Skulk's rules ({@link AmdGpuReader}): accelerator vendor
 * {@code amd}, name {@code AMD GPU}; {@code gpuUsage} = utilisation x 100, {@code temp} and {@code
 * sysPower} the GPU's, {@code pcpuUsage} = {@code ecpuUsage} = 0.0.
 *
 * <p>Platforms: Linux with the amdgpu driver (available when a {@code card*}/{@code device} has
 * {@code gpu_busy_percent}). Priority 110: below NVML (130) and {@code nvidia-smi} (120), above
 * mactop (100) and the CPU fallback (0). Thread-safe. Cost: about ten small sysfs reads. Whether
 * there is such a device (a directory listing and a {@code stat} per card) is decided once and
 * checked again only every {@link CollectorSupport#PROBE_TTL} (5 minutes).
 */
public final class AmdGpuCollector implements Collector<SystemPerformanceProfile> {

  /** This collector's name. */
  public static final String NAME = "amdgpu-sysfs";

  private final OsFamily os;
  private final Path drmRoot;
  private final Expiring<Boolean> hasDevice;

  /** A collector for this machine. */
  public AmdGpuCollector() {
    this(OsFamily.current(), Path.of("/sys/class/drm"));
  }

  AmdGpuCollector(OsFamily os, Path drmRoot) {
    this(os, drmRoot, Ticker.system());
  }

  AmdGpuCollector(OsFamily os, Path drmRoot, Ticker ticker) {
    this.os = os;
    this.drmRoot = drmRoot;
    this.hasDevice = new Expiring<>(ticker, CollectorSupport.PROBE_TTL);
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
    return 110;
  }

  @Override
  public boolean isAvailable() {
    return os == OsFamily.LINUX && hasDevice.get(() -> AmdGpuReader.findDevice(drmRoot) != null);
  }

  @Override
  public @Nullable SystemPerformanceProfile collect(CollectContext context) {
    AcceleratorMetrics accelerator = AmdGpuReader.read(drmRoot);
    return accelerator == null ? null : GpuSample.gpuProfile(accelerator);
  }
}
