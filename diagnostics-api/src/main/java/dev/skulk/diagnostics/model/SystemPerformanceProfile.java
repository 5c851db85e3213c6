package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Accelerator and CPU utilisation figures of one node; the five floats default to {@code 0.0}.
 *
 * <p>Immutable and thread-safe; build one with {@code SystemPerformanceProfileBuilder} (generated).
 *
 * @param gpuUsage GPU utilisation in percent (0..100).
 * @param temp Accelerator temperature in Celsius.
 * @param sysPower System (or accelerator) power in watts.
 * @param pcpuUsage Performance-core (or overall CPU) utilisation in percent.
 * @param ecpuUsage Efficiency-core utilisation in percent.
 * @param accelerator Vendor-neutral accelerator metrics, when known. Optional.
 */
@Value.Builder
@JsonPropertyOrder({"gpuUsage", "temp", "sysPower", "pcpuUsage", "ecpuUsage", "accelerator"})
public record SystemPerformanceProfile(
    @Value.Default.Double(0.0) double gpuUsage,
    @Value.Default.Double(0.0) double temp,
    @Value.Default.Double(0.0) double sysPower,
    @Value.Default.Double(0.0) double pcpuUsage,
    @Value.Default.Double(0.0) double ecpuUsage,
    @Nullable AcceleratorMetrics accelerator) {

  /**
   * Checks and normalises the components: {@code gpuUsage}, {@code temp}, {@code sysPower},
   * {@code pcpuUsage}, {@code ecpuUsage} must be finite (else {@code IllegalArgumentException}).
   */
  public SystemPerformanceProfile {
    Checks.finite(gpuUsage, "gpuUsage");
    Checks.finite(temp, "temp");
    Checks.finite(sysPower, "sysPower");
    Checks.finite(pcpuUsage, "pcpuUsage");
    Checks.finite(ecpuUsage, "ecpuUsage");
  }
}
