package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.AcceleratorMetricsBuilder;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads an amdgpu device from sysfs with Python Skulk's rules. The device is the first of the
 * sorted {@code <drm>/card[0-9]*}{@code /device} directories that has a {@code gpu_busy_percent}
 * file; utilisation is that percentage / 100 clamped to 0..1; VRAM and GTT come from {@code
 * mem_info_vram_total}, {@code mem_info_vram_used} and {@code mem_info_gtt_total}; power ({@code
 * power1_average}, microwatts) and temperature ({@code temp1_input}, millidegrees) from the first
 * sorted {@code hwmon/hwmon*}; the clock from the starred line of {@code pp_dpm_sclk}. A missing
 * or unreadable file is a null figure.
 */
final class AmdGpuReader {

  static final String NAME = "AMD GPU";

  private static final Pattern CARD = Pattern.compile("card[0-9].*");
  private static final Pattern HWMON = Pattern.compile("hwmon.*");
  private static final Pattern ACTIVE_CLOCK =
      Pattern.compile("^\\s*\\d+:\\s*(\\d+)\\s*[Mm][Hh][Zz].*\\*.*$");

  private AmdGpuReader() {}

  /** The amdgpu device directory under {@code drmRoot} (normally {@code /sys/class/drm}), or null. */
  static @Nullable Path findDevice(Path drmRoot) {
    for (Path card : sortedChildren(drmRoot, CARD)) {
      Path device = card.resolve("device");
      if (Files.isRegularFile(device.resolve("gpu_busy_percent"))) {
        return device;
      }
    }
    return null;
  }

  /** The accelerator under {@code drmRoot}, or null when there is no amdgpu device there. */
  static @Nullable AcceleratorMetrics read(Path drmRoot) {
    Path device = findDevice(drmRoot);
    return device == null ? null : readDevice(device);
  }

  /** The accelerator of one amdgpu {@code device} directory. */
  static AcceleratorMetrics readDevice(Path device) {
    Long busy = readLong(device.resolve("gpu_busy_percent"));
    Double power = null;
    Double temperature = null;
    List<Path> hwmons = sortedChildren(device.resolve("hwmon"), HWMON);
    if (!hwmons.isEmpty()) {
      Path hwmon = hwmons.get(0);
      Long microwatts = readLong(hwmon.resolve("power1_average"));
      Long millidegrees = readLong(hwmon.resolve("temp1_input"));
      power = microwatts == null ? null : microwatts / 1e6;
      temperature = millidegrees == null ? null : millidegrees / 1000.0;
    }
    return new AcceleratorMetricsBuilder()
        .vendor(AcceleratorVendor.AMD)
        .name(NAME)
        .utilizationRatio(busy == null ? null : GpuSample.ratio(busy))
        .vramTotalBytes(readLong(device.resolve("mem_info_vram_total")))
        .vramUsedBytes(readLong(device.resolve("mem_info_vram_used")))
        .gttTotalBytes(readLong(device.resolve("mem_info_gtt_total")))
        .powerWatts(power)
        .temperatureCelsius(temperature)
        .clockMhz(activeClockMhz(readLines(device.resolve("pp_dpm_sclk"))))
        .build();
  }

  /** The clock of the starred ({@code *}, current) level of a {@code pp_dpm_sclk} listing, or null. */
  static @Nullable Integer activeClockMhz(List<String> ppDpmSclk) {
    for (String line : ppDpmSclk) {
      Matcher m = ACTIVE_CLOCK.matcher(line);
      if (m.matches()) {
        try {
          return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static List<Path> sortedChildren(Path dir, Pattern namePattern) {
    List<Path> matches = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return matches;
    }
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      for (Path child : children) {
        if (namePattern.matcher(child.getFileName().toString()).matches()) {
          matches.add(child);
        }
      }
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    matches.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    return matches;
  }

  private static @Nullable Long readLong(Path file) {
    List<String> lines = readLines(file);
    if (lines.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(lines.get(0).strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
