package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.model.AcceleratorMetricsBuilder;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.model.SystemPerformanceProfileBuilder;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import oshi.hardware.CentralProcessor.TickType;
import org.jspecify.annotations.Nullable;

/**
 * The system profile of a node without a GPU collector ({@code resources.system}): accelerator
 * vendor {@code cpu}, named after the CPU brand (OSHI), and the CPU's real utilisation from OSHI's
 * system tick counters in {@code pcpuUsage} (percent of all cores, 0..100) and the accelerator's
 * {@code utilizationRatio} (the same as a ratio). {@code ecpuUsage}, {@code gpuUsage}, {@code temp}
 * and {@code sysPower} are the spec's 0.0; the accelerator's power, temperature, memory and clock
 * are null (not measured).
 *
 * <p>Utilisation is measured between consecutive calls, from the tick counters each call reads. The
 * first call has no previous reading, so it reports the average utilisation since boot (its ticks
 * measured against zero, the counters' origin) rather than blocking a poll to take a baseline or
 * reporting a made-up zero; the wire field stays a real percentage 0..100 either way. A call so
 * close to the previous one that no tick passed repeats the last figure.
 *
 * <p>Platforms: Linux, macOS, Windows. Priority 0: the fallback when no GPU collector is available.
 * Thread-safe. Cost: one read of {@code /proc/stat} (or {@code host_processor_info}) per call;
 * never sleeps.
 */
public final class CpuProfileCollector implements Collector<SystemPerformanceProfile> {

  /** This collector's name. */
  public static final String NAME = "cpu";

  private final OsFamily os;
  private final Supplier<long[]> ticks;
  private final Supplier<String> brand;
  private final AtomicReference<long[]> previous = new AtomicReference<>();
  private final AtomicReference<Double> lastPercent = new AtomicReference<>();
  private volatile @Nullable String brandName;

  /** A collector for this machine. */
  public CpuProfileCollector() {
    this(OsFamily.current(), new OshiSystem());
  }

  private CpuProfileCollector(OsFamily os, OshiSystem oshi) {
    this(
        os,
        () -> oshi.hardware().getProcessor().getSystemCpuLoadTicks(),
        () -> oshi.hardware().getProcessor().getProcessorIdentifier().getName());
  }

  CpuProfileCollector(OsFamily os, Supplier<long[]> ticks, Supplier<String> brand) {
    this.os = os;
    this.ticks = ticks;
    this.brand = brand;
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
  public boolean isAvailable() {
    return os.oshiSupported();
  }

  @Override
  public SystemPerformanceProfile collect(CollectContext context) {
    double percent = utilisationPercent();
    return new SystemPerformanceProfileBuilder()
        .gpuUsage(0.0)
        .temp(0.0)
        .sysPower(0.0)
        .pcpuUsage(percent)
        .ecpuUsage(0.0)
        .accelerator(
            new AcceleratorMetricsBuilder()
                .vendor(AcceleratorVendor.CPU)
                .name(brandName())
                .utilizationRatio(GpuSample.ratio(percent))
                .build())
        .build();
  }

  private double utilisationPercent() {
    long[] now = ticks.get();
    long[] before = previous.getAndSet(now);
    if (before == null) {
      // First call: the counters start at zero at boot, so this is the average since boot.
      before = new long[now.length];
    }
    Double percent = busyPercent(before, now);
    if (percent == null) {
      Double last = lastPercent.get();
      // No tick passed since the previous call: the figure has not changed. With no previous
      // figure either (a first call on counters that read zero), nothing has run: 0 %.
      return last != null ? last : 0.0;
    }
    lastPercent.set(percent);
    return percent;
  }

  private String brandName() {
    String name = brandName;
    if (name == null) {
      String read = CollectorSupport.known(brand.get());
      name = read == null ? "CPU" : read;
      brandName = name;
    }
    return name;
  }

  /**
   * The share of non-idle ticks between two readings of the system tick counters (OSHI's {@link
   * TickType} order), in percent 0..100; idle is {@code IDLE + IOWAIT}, as OSHI and {@code top}
   * count it. Null when no tick passed (or the counters went backwards).
   */
  static @Nullable Double busyPercent(long[] before, long[] after) {
    long total = 0;
    long idle = 0;
    int n = Math.min(before.length, after.length);
    for (int i = 0; i < n; i++) {
      long delta = after[i] - before[i];
      total += delta;
      if (i == TickType.IDLE.getIndex() || i == TickType.IOWAIT.getIndex()) {
        idle += delta;
      }
    }
    if (total <= 0 || idle < 0) {
      return null;
    }
    double percent = 100.0 * (total - idle) / total;
    return Math.max(0.0, Math.min(100.0, percent));
  }
}
