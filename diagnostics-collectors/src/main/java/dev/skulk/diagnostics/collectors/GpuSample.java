package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.AcceleratorMetricsBuilder;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.model.SystemPerformanceProfileBuilder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One GPU's reading, whatever the source (NVML, {@code nvidia-smi}); null where the GPU did not
 * report the figure ({@code [N/A]}, {@code NOT_SUPPORTED}).
 *
 * @param name the GPU's product name
 * @param utilizationPercent GPU utilisation, 0..100
 * @param memoryTotalBytes total framebuffer memory
 * @param memoryUsedBytes used framebuffer memory
 * @param powerWatts power draw
 * @param temperatureCelsius GPU core temperature
 * @param smClockMhz SM clock
 */
record GpuSample(
    String name,
    @Nullable Double utilizationPercent,
    @Nullable Long memoryTotalBytes,
    @Nullable Long memoryUsedBytes,
    @Nullable Double powerWatts,
    @Nullable Double temperatureCelsius,
    @Nullable Integer smClockMhz) {

  /**
   * Folds the GPUs of one node into one accelerator: the name of GPU 0, with {@code " (xN)"}
   * appended when there are N > 1 GPUs; utilisation the mean over the GPUs that report it, as a
   * ratio clamped to 0..1; memory and power summed over the GPUs that report them; the hottest
   * temperature; the SM clock of GPU 0. A figure no GPU reports stays null.
   *
   * @return the accelerator, or null when there is no GPU
   */
  static @Nullable AcceleratorMetrics aggregate(AcceleratorVendor vendor, List<GpuSample> gpus) {
    if (gpus.isEmpty()) {
      return null;
    }
    GpuSample first = gpus.get(0);
    String name = gpus.size() > 1 ? first.name() + " (x" + gpus.size() + ")" : first.name();
    double utilSum = 0;
    int utilCount = 0;
    Long memTotal = null;
    Long memUsed = null;
    Double power = null;
    Double temperature = null;
    for (GpuSample gpu : gpus) {
      if (gpu.utilizationPercent() != null) {
        utilSum += gpu.utilizationPercent();
        utilCount++;
      }
      memTotal = plus(memTotal, gpu.memoryTotalBytes());
      memUsed = plus(memUsed, gpu.memoryUsedBytes());
      if (gpu.powerWatts() != null) {
        power = power == null ? gpu.powerWatts() : power + gpu.powerWatts();
      }
      if (gpu.temperatureCelsius() != null) {
        temperature = temperature == null ? gpu.temperatureCelsius() : Math.max(temperature, gpu.temperatureCelsius());
      }
    }
    return new AcceleratorMetricsBuilder()
        .vendor(vendor)
        .name(name.isBlank() ? "Unknown" : name)
        .utilizationRatio(utilCount == 0 ? null : ratio(utilSum / utilCount))
        .vramTotalBytes(memTotal)
        .vramUsedBytes(memUsed)
        .powerWatts(power)
        .temperatureCelsius(temperature)
        .clockMhz(first.smClockMhz())
        .build();
  }

  /**
   * The system profile of a node whose accelerator is a discrete GPU, as Python Skulk fills it for
   * amdgpu: {@code gpuUsage} = ratio x 100, {@code temp} and {@code sysPower} the GPU's (0.0 when
   * not measured: the profile's floats are not optional), CPU figures 0.0.
   */
  static SystemPerformanceProfile gpuProfile(AcceleratorMetrics accelerator) {
    Double ratio = accelerator.utilizationRatio();
    Double temperature = accelerator.temperatureCelsius();
    Double power = accelerator.powerWatts();
    return new SystemPerformanceProfileBuilder()
        .gpuUsage(ratio == null ? 0.0 : ratio * 100.0)
        .temp(temperature == null ? 0.0 : temperature)
        .sysPower(power == null ? 0.0 : power)
        .pcpuUsage(0.0)
        .ecpuUsage(0.0)
        .accelerator(accelerator)
        .build();
  }

  /** A percentage as a ratio clamped to 0..1; NaN stays NaN (the model turns it into null). */
  static double ratio(double percent) {
    return clamp01(percent / 100.0);
  }

  static double clamp01(double value) {
    return value < 0.0 ? 0.0 : value > 1.0 ? 1.0 : value;
  }

  private static @Nullable Long plus(@Nullable Long sum, @Nullable Long value) {
    if (value == null) {
      return sum;
    }
    return sum == null ? value : sum + value;
  }
}
