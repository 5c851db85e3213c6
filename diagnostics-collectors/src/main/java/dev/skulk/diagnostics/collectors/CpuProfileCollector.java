package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.model.AcceleratorMetricsBuilder;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.model.SystemPerformanceProfileBuilder;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
 * <p>Utilisation is measured between consecutive calls. The first call has no previous ticks, so it
 * takes a short baseline (200 ms, less when the collector's budget is tighter) instead of reporting
 * a made-up zero; a call so close to the previous one that no tick passed repeats the last figure.
 *
 * <p>Platforms: Linux, macOS, Windows. Priority 0: the fallback when no GPU collector is available.
 * Thread-safe. Cost: one read of {@code /proc/stat} (or {@code host_processor_info}); the first
 * call also waits for the baseline.
 */
public final class CpuProfileCollector implements Collector<SystemPerformanceProfile> {

  /** This collector's name. */
  public static final String NAME = "cpu";

  private static final Duration BASELINE = Duration.ofMillis(200);
  private static final Duration MIN_BASELINE = Duration.ofMillis(20);

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
  public SystemPerformanceProfile collect(CollectContext context) throws InterruptedException {
    double percent = utilisationPercent(context);
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

  private double utilisationPercent(CollectContext context) throws InterruptedException {
    long[] now = ticks.get();
    long[] before = previous.getAndSet(now);
    Double percent = before == null ? null : busyPercent(before, now);
    if (percent == null) {
      Double last = lastPercent.get();
      if (before != null && last != null) {
        return last; // no tick passed since the previous call: the figure has not changed
      }
      long budget = context.remainingNanos() / 4;
      long wait = Math.max(MIN_BASELINE.toNanos(), Math.min(BASELINE.toNanos(), budget));
      TimeUnit.NANOSECONDS.sleep(wait);
      long[] after = ticks.get();
      previous.set(after);
      percent = busyPercent(now, after);
      if (percent == null) {
        percent = 0.0; // the OS counted no tick in the whole baseline: nothing ran
      }
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
