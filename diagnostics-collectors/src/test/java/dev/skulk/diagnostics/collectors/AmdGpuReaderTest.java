package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AmdGpuReaderTest {

  private static final Path DRM = Fixtures.path("platform/amdgpu-sysfs");

  @Test
  void findsTheCardWithGpuBusyPercentNotTheConnector() {
    assertThat(AmdGpuReader.findDevice(DRM)).isEqualTo(DRM.resolve("card1").resolve("device"));
  }

  @Test
  void fakeSysfsTreeGivesTheExpectedAccelerator() {
    AcceleratorMetrics accelerator = AmdGpuReader.read(DRM);
    Map<String, String> expected = Fixtures.expectedPairs("platform/amdgpu-expected.txt").get("");

    assertThat(expected).hasSize(9);
    assertThat(accelerator).isNotNull();
    assertThat(Fixtures.actualPairs(accelerator, expected)).containsExactlyEntriesOf(expected);
    assertThat(accelerator.vendor()).isEqualTo(AcceleratorVendor.AMD);
    assertThat(accelerator.gttTotalBytes()).isNull();
    assertThat(accelerator.powerWatts()).isEqualTo(9.03);
  }

  @Test
  void missingFilesAreNullAndBusyIsClamped(@TempDir Path drm) throws IOException {
    Path device = Files.createDirectories(drm.resolve("card0/device"));
    Files.writeString(device.resolve("gpu_busy_percent"), "250\n");
    Files.writeString(device.resolve("mem_info_gtt_total"), "137438953472\n");
    Files.writeString(device.resolve("mem_info_vram_used"), "not a number\n");

    AcceleratorMetrics accelerator = AmdGpuReader.read(drm);

    assertThat(accelerator.utilizationRatio()).isEqualTo(1.0);
    assertThat(accelerator.gttTotalBytes()).isEqualTo(137_438_953_472L);
    assertThat(accelerator.vramTotalBytes()).isNull();
    assertThat(accelerator.vramUsedBytes()).isNull();
    assertThat(accelerator.powerWatts()).isNull();
    assertThat(accelerator.temperatureCelsius()).isNull();
    assertThat(accelerator.clockMhz()).isNull();
    SystemPerformanceProfile profile = GpuSample.gpuProfile(accelerator);
    assertThat(profile.gpuUsage()).isEqualTo(100.0);
    assertThat(profile.temp()).isEqualTo(0.0);
    assertThat(profile.sysPower()).isEqualTo(0.0);
  }

  @Test
  void firstSortedCardAndHwmonWin(@TempDir Path drm) throws IOException {
    Path card2 = Files.createDirectories(drm.resolve("card2/device"));
    Path card10 = Files.createDirectories(drm.resolve("card10/device"));
    Files.writeString(card2.resolve("gpu_busy_percent"), "2");
    Files.writeString(card10.resolve("gpu_busy_percent"), "10");
    Files.createDirectories(card10.resolve("hwmon/hwmon7"));
    Files.createDirectories(card10.resolve("hwmon/hwmon3"));
    Files.writeString(card10.resolve("hwmon/hwmon3/temp1_input"), "51500");
    Files.writeString(card10.resolve("hwmon/hwmon7/temp1_input"), "99000");

    // "card10" sorts before "card2" as strings, as Python's sorted() does.
    AcceleratorMetrics accelerator = AmdGpuReader.read(drm);
    assertThat(accelerator.utilizationRatio()).isEqualTo(0.1);
    assertThat(accelerator.temperatureCelsius()).isEqualTo(51.5);
  }

  @Test
  void activeClockIsTheStarredLevel() {
    assertThat(AmdGpuReader.activeClockMhz(List.of("0: 600Mhz ", "1: 1100Mhz *", "2: 2000Mhz ")))
        .isEqualTo(1100);
    assertThat(AmdGpuReader.activeClockMhz(List.of("0: 500Mhz *", "1: 2400Mhz"))).isEqualTo(500);
    assertThat(AmdGpuReader.activeClockMhz(List.of("0: 500Mhz", "1: 2400Mhz"))).isNull();
    assertThat(AmdGpuReader.activeClockMhz(List.of())).isNull();
  }
}
