package dev.skulk.diagnostics.collectors;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code nvidia-smi --query-gpu=name,utilization.gpu,memory.total,memory.used,power.draw,
 * temperature.gpu,clocks.sm --format=csv,noheader,nounits}: one line per GPU, comma-separated.
 * {@code [N/A]}, {@code [Not Supported]}, {@code [Unknown Error]} and other bracketed or
 * unparseable fields are null; memory is in MiB and becomes bytes; power is in watts.
 */
final class NvidiaSmiParser {

  /** The query this parser reads, in its column order. */
  static final String QUERY =
      "--query-gpu=name,utilization.gpu,memory.total,memory.used,power.draw,temperature.gpu,clocks.sm";

  private static final int COLUMNS = 7;
  private static final long MIB = 1024L * 1024L;

  private NvidiaSmiParser() {}

  /** One sample per GPU line; blank lines and lines with too few columns are skipped. */
  static List<GpuSample> parse(List<String> lines) {
    List<GpuSample> gpus = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split(",", -1);
      if (fields.length < COLUMNS) {
        continue;
      }
      // A name never holds a comma today; should one, the numeric columns are still the last six.
      int offset = fields.length - COLUMNS;
      StringBuilder name = new StringBuilder(fields[0]);
      for (int i = 1; i <= offset; i++) {
        name.append(',').append(fields[i]);
      }
      Long totalMib = longValue(fields[offset + 2]);
      Long usedMib = longValue(fields[offset + 3]);
      Double temperature = doubleValue(fields[offset + 5]);
      Double clock = doubleValue(fields[offset + 6]);
      gpus.add(
          new GpuSample(
              name.toString().strip(),
              doubleValue(fields[offset + 1]),
              totalMib == null ? null : totalMib * MIB,
              usedMib == null ? null : usedMib * MIB,
              doubleValue(fields[offset + 4]),
              temperature,
              clock == null ? null : (int) Math.round(clock)));
    }
    return gpus;
  }

  static @Nullable Double doubleValue(String field) {
    String value = field.strip();
    if (value.isEmpty() || value.startsWith("[") || value.equalsIgnoreCase("N/A")) {
      return null;
    }
    try {
      double parsed = Double.parseDouble(value);
      return Double.isFinite(parsed) ? parsed : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable Long longValue(String field) {
    Double value = doubleValue(field);
    return value == null ? null : Math.round(value);
  }
}
