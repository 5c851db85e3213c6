package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.testkit.CollectorCompatibilityKit;
import dev.skulk.diagnostics.testkit.TestCollectContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The amdgpu collector on the fake sysfs tree (there is no AMD GPU here); the kit runs on it too. */
class AmdGpuCollectorTest extends CollectorCompatibilityKit {

  private static final Path DRM = Fixtures.path("platform/amdgpu-sysfs");

  @Override
  protected Collector<?> createCollector() {
    return new AmdGpuCollector(OsFamily.LINUX, DRM);
  }

  @Test
  void fakeSysfsTreeGivesTheExpectedSystemProfile() {
    SystemPerformanceProfile profile = new AmdGpuCollector(OsFamily.LINUX, DRM).collect(TestCollectContext.create());
    Map<String, String> expected =
        Fixtures.expectedPairs("platform/amdgpu-expected.txt").get("system profile");

    assertThat(expected).hasSize(5);
    assertThat(profile).isNotNull();
    assertThat(Fixtures.actualPairs(profile, expected)).containsExactlyEntriesOf(expected);
    assertThat(profile.accelerator()).isEqualTo(AmdGpuReader.read(DRM));
  }

  @Test
  void collectorIsAvailableOnlyOnLinuxWithADevice(@TempDir Path empty) {
    assertThat(new AmdGpuCollector(OsFamily.LINUX, DRM).isAvailable()).isTrue();
    assertThat(new AmdGpuCollector(OsFamily.MACOS, DRM).isAvailable()).isFalse();
    assertThat(new AmdGpuCollector(OsFamily.LINUX, empty).isAvailable()).isFalse();
    assertThat(new AmdGpuCollector(OsFamily.LINUX, empty.resolve("missing")).isAvailable()).isFalse();
  }

  @Test
  void priorityIsAboveTheGenericCollectors() {
    assertThat(new AmdGpuCollector().priority()).isEqualTo(110);
  }

  @Test
  void thisMachinesAmdGpuGivesAReading() {
    AmdGpuCollector collector = new AmdGpuCollector();
    // Skipped (not passed) where there is no amdgpu device, as on the CI machines.
    Assumptions.assumeTrue(collector.isAvailable(), "no amdgpu device on this machine");
    assertThat(collector.collect(TestCollectContext.create())).isNotNull();
  }
}
