package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Vendor-neutral accelerator metrics. Units are fixed: ratio 0..1, bytes, watts, Celsius, MHz; a
 * value that was not measured is null, never 0.
 *
 * <p>Immutable and thread-safe; build one with {@code AcceleratorMetricsBuilder} (generated).
 *
 * @param vendor Accelerator vendor; defaults to {@code unknown}.
 * @param name Accelerator name; defaults to {@code Unknown}.
 * @param utilizationRatio Utilisation as a ratio in 0..1. Optional.
 * @param vramTotalBytes Total dedicated memory in bytes. Optional.
 * @param vramUsedBytes Used dedicated memory in bytes. Optional.
 * @param gttTotalBytes GPU-mappable host (GTT) memory in bytes, for unified-memory APUs; null on
 *     discrete GPUs. Optional.
 * @param powerWatts Power draw in watts. Optional.
 * @param temperatureCelsius Temperature in degrees Celsius. Optional.
 * @param clockMhz Core (SM / shader) clock in MHz. Optional.
 */
@Value.Builder
@JsonPropertyOrder({"vendor", "name", "utilizationRatio", "vramTotalBytes", "vramUsedBytes", "gttTotalBytes", "powerWatts", "temperatureCelsius", "clockMhz"})
public record AcceleratorMetrics(
    @JsonSetter(nulls = Nulls.FAIL) AcceleratorVendor vendor,
    @JsonSetter(nulls = Nulls.FAIL) @Value.Default.String("Unknown") String name,
    @Nullable Double utilizationRatio,
    @Nullable Long vramTotalBytes,
    @Nullable Long vramUsedBytes,
    @Nullable Long gttTotalBytes,
    @Nullable Double powerWatts,
    @Nullable Double temperatureCelsius,
    @Nullable Integer clockMhz) {

  /**
   * Checks and normalises the components: a non-finite {@code utilizationRatio}, {@code
   * powerWatts}, {@code temperatureCelsius} becomes null; a null {@code vendor} becomes {@code
   * AcceleratorVendor.UNKNOWN}; a null {@code name} becomes {@code "Unknown"}.
   */
  public AcceleratorMetrics {
    vendor = vendor == null ? AcceleratorVendor.UNKNOWN : vendor;
    name = name == null ? "Unknown" : name;
    utilizationRatio = Checks.finiteOrNull(utilizationRatio);
    powerWatts = Checks.finiteOrNull(powerWatts);
    temperatureCelsius = Checks.finiteOrNull(temperatureCelsius);
  }
}
