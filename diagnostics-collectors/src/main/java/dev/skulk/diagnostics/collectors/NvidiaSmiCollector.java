package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.collectors.internal.CommandRunner;
import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.time.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The system profile of a node with NVIDIA GPUs ({@code resources.system}) from {@code nvidia-smi
 * --query-gpu=name,utilization.gpu,memory.total,memory.used,power.draw,temperature.gpu,clocks.sm
 * --format=csv,noheader,nounits} ({@link NvidiaSmiParser}); the fallback for when NVML cannot be
 * loaded through JNA. Several GPUs are folded into one accelerator as {@link
 * GpuSample#aggregate} documents (name of GPU 0 plus {@code " (xN)"}, mean utilisation, summed
 * memory and power, hottest temperature, clock of GPU 0). The profile is filled as for AMD:
 * {@code gpuUsage} = utilisation x 100, {@code temp} / {@code sysPower} the GPUs', CPU figures
 * 0.0.
 *
 * <p>Platforms: Linux and Windows with {@code nvidia-smi} on the {@code PATH}. Priority 120.
 * Thread-safe. Cost: one {@code nvidia-smi} run, typically 20 to 100 ms (it initialises NVML).
 * Whether the tool is on the {@code PATH} (a {@code stat} per {@code PATH} entry) is decided once
 * and checked again only every {@link CollectorSupport#PROBE_TTL} (5 minutes), so a machine
 * without it pays nothing per poll.
 */
public final class NvidiaSmiCollector implements Collector<SystemPerformanceProfile> {

  /** This collector's name. */
  public static final String NAME = "nvidia-smi";

  static final List<String> COMMAND =
      List.of("nvidia-smi", NvidiaSmiParser.QUERY, "--format=csv,noheader,nounits");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final OsFamily os;
  private final CommandRunner runner;
  private final Supplier<Boolean> toolPresent;
  private final Expiring<Boolean> present;

  /** A collector for this machine. */
  public NvidiaSmiCollector() {
    this(
        OsFamily.current(),
        CommandRunner.system(),
        () -> CommandRunner.findOnPath(executable(OsFamily.current()), System.getenv("PATH")) != null);
  }

  NvidiaSmiCollector(OsFamily os, CommandRunner runner, Supplier<Boolean> toolPresent) {
    this(os, runner, toolPresent, Ticker.system());
  }

  NvidiaSmiCollector(OsFamily os, CommandRunner runner, Supplier<Boolean> toolPresent, Ticker ticker) {
    this.os = os;
    this.runner = runner;
    this.toolPresent = toolPresent;
    this.present = new Expiring<>(ticker, CollectorSupport.PROBE_TTL);
  }

  private static String executable(OsFamily os) {
    return os == OsFamily.WINDOWS ? "nvidia-smi.exe" : "nvidia-smi";
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
    return 120;
  }

  @Override
  public boolean isAvailable() {
    return (os == OsFamily.LINUX || os == OsFamily.WINDOWS) && present.get(toolPresent::get);
  }

  @Override
  public @Nullable SystemPerformanceProfile collect(CollectContext context) throws Exception {
    List<String> lines = runner.run(COMMAND, CollectorSupport.toolTimeout(context, TIMEOUT));
    AcceleratorMetrics accelerator =
        GpuSample.aggregate(AcceleratorVendor.NVIDIA, NvidiaSmiParser.parse(lines));
    return accelerator == null ? null : GpuSample.gpuProfile(accelerator);
  }
}
