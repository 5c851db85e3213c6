package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.AcceleratorMetricsBuilder;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.MemoryUsageBuilder;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.model.SystemPerformanceProfileBuilder;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses one line of {@code mactop --headless --format json} (one JSON object per line; unknown
 * keys ignored) with Python Skulk's mapping: {@code gpuUsage} = {@code gpu_usage} (percent), {@code
 * temp} = {@code soc_metrics.gpu_temp}, {@code sysPower} = {@code soc_metrics.system_power}, {@code
 * pcpuUsage} / {@code ecpuUsage} = the second element of {@code pcpu_usage} / {@code ecpu_usage};
 * the accelerator is vendor {@code apple}, name {@code Apple GPU}, ratio {@code gpu_usage / 100}
 * clamped, power {@code soc_metrics.gpu_power}, temperature {@code gpu_temp}. A missing figure is
 * 0.0 in the profile (whose floats are not optional) and null in the accelerator. {@code
 * gpu_freq_mhz} is not mapped, as upstream does not map it.
 */
final class MactopParser {

  static final String NAME = "Apple GPU";

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private MactopParser() {}

  /**
   * One mactop reading.
   *
   * @param profile the system profile, accelerator inside
   * @param ramTotal {@code memory.total}
   * @param ramAvailable {@code memory.available}
   * @param swapTotal {@code memory.swap_total}
   * @param swapUsed {@code memory.swap_used}
   */
  record MactopSample(
      SystemPerformanceProfile profile,
      @Nullable Long ramTotal,
      @Nullable Long ramAvailable,
      @Nullable Long swapTotal,
      @Nullable Long swapUsed) {

    /**
     * The memory reading as Python Skulk derives it from mactop: total, available, swap total, and
     * swap available = swap total - swap used (negative when mactop says so). With {@code vm_stat}
     * categories, available is the GPU-wireable memory instead (see {@link VmStat#gpuWireable}).
     *
     * @return the reading, or null when mactop gave no memory figures
     */
    @Nullable MemoryUsage memory(@Nullable VmStat vmStat) {
      if (ramTotal == null || ramAvailable == null || swapTotal == null || swapUsed == null) {
        return null;
      }
      long available = vmStat == null ? ramAvailable : vmStat.gpuWireable(ramTotal);
      return new MemoryUsageBuilder()
          .ramTotal(Memory.ofBytes(ramTotal))
          .ramAvailable(Memory.ofBytes(available))
          .swapTotal(Memory.ofBytes(swapTotal))
          .swapAvailable(Memory.ofBytes(swapTotal - swapUsed))
          .build();
    }
  }

  /** The first line of {@code lines} that is a JSON object, parsed; null when there is none. */
  static @Nullable MactopSample parseFirst(List<String> lines) {
    for (String line : lines) {
      if (isObjectLine(line)) {
        MactopSample sample = parse(line);
        if (sample != null) {
          return sample;
        }
      }
    }
    return null;
  }

  /** Whether a line of mactop output looks like a JSON object (and is worth parsing). */
  static boolean isObjectLine(String line) {
    String stripped = line.strip();
    return stripped.startsWith("{") && stripped.endsWith("}");
  }

  /** Parses one line; null when it is not a JSON object. */
  static @Nullable MactopSample parse(String line) {
    JsonNode root;
    try {
      root = MAPPER.readTree(line);
    } catch (JacksonException e) {
      return null;
    }
    if (root == null || !root.isObject()) {
      return null;
    }
    JsonNode soc = root.path("soc_metrics");
    Double gpuUsage = number(root.path("gpu_usage"));
    Double gpuTemp = number(soc.path("gpu_temp"));
    Double systemPower = number(soc.path("system_power"));
    AcceleratorMetrics accelerator =
        new AcceleratorMetricsBuilder()
            .vendor(AcceleratorVendor.APPLE)
            .name(NAME)
            .utilizationRatio(gpuUsage == null ? null : GpuSample.ratio(gpuUsage))
            .powerWatts(number(soc.path("gpu_power")))
            .temperatureCelsius(gpuTemp)
            .build();
    SystemPerformanceProfile profile =
        new SystemPerformanceProfileBuilder()
            .gpuUsage(orZero(gpuUsage))
            .temp(orZero(gpuTemp))
            .sysPower(orZero(systemPower))
            .pcpuUsage(orZero(number(root.path("pcpu_usage").path(1))))
            .ecpuUsage(orZero(number(root.path("ecpu_usage").path(1))))
            .accelerator(accelerator)
            .build();
    JsonNode memory = root.path("memory");
    return new MactopSample(
        profile,
        integer(memory.path("total")),
        integer(memory.path("available")),
        integer(memory.path("swap_total")),
        integer(memory.path("swap_used")));
  }

  private static @Nullable Double number(JsonNode node) {
    if (!node.isNumber()) {
      return null;
    }
    double value = node.doubleValue();
    return Double.isFinite(value) ? value : null;
  }

  private static @Nullable Long integer(JsonNode node) {
    if (!node.isNumber()) {
      return null;
    }
    return node.isIntegralNumber() ? node.longValue() : Math.round(node.doubleValue());
  }

  private static double orZero(@Nullable Double value) {
    return value == null ? 0.0 : value;
  }
}
