package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.testkit.CollectorCompatibilityKit;
import dev.skulk.diagnostics.testkit.TestCollectContext;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JNA binding for real, against a stand-in for libnvidia-ml with two GPUs compiled from {@code
 * native/fake_nvml.c}; the compatibility kit runs against it too (there is no NVIDIA GPU here), or
 * against the default collector where no C compiler is installed.
 */
class NvmlAcceleratorCollectorTest extends CollectorCompatibilityKit {

  @TempDir static Path libraries;
  private static @Nullable Path fakeNvml;

  @BeforeAll
  static void compileFakeNvml() {
    fakeNvml = NativeTestLibraries.compileOrNull("fake_nvml.c", libraries, "fakenvml");
  }

  @Override
  protected Collector<?> createCollector() {
    return fakeNvml == null
        ? new NvmlAcceleratorCollector()
        : new NvmlAcceleratorCollector(OsFamily.LINUX, fakeNvml.toString());
  }

  @Test
  void readsAndAggregatesTwoGpusThroughJna() throws Exception {
    assumeTrue(fakeNvml != null, "no C compiler to build the stand-in NVML");
    NvmlAcceleratorCollector collector = new NvmlAcceleratorCollector(OsFamily.LINUX, fakeNvml.toString());

    assertThat(collector.isAvailable()).isTrue();
    assertThat(collector.priority()).isEqualTo(130);
    SystemPerformanceProfile profile = collector.collect(TestCollectContext.create());
    AcceleratorMetrics accelerator = profile.accelerator();

    assertThat(accelerator.vendor()).isEqualTo(AcceleratorVendor.NVIDIA);
    assertThat(accelerator.name()).isEqualTo("NVIDIA H100 80GB HBM3 (x2)");
    assertThat(accelerator.utilizationRatio()).isEqualTo(0.405);
    assertThat(accelerator.vramTotalBytes()).isEqualTo(2 * 85_899_345_920L);
    assertThat(accelerator.vramUsedBytes()).isEqualTo(1_048_576L + 42_949_672_960L);
    assertThat(accelerator.powerWatts()).isEqualTo(69.54); // GPU 1 does not support power
    assertThat(accelerator.temperatureCelsius()).isEqualTo(41.0);
    assertThat(accelerator.clockMhz()).isEqualTo(1980);
    assertThat(accelerator.gttTotalBytes()).isNull();
    assertThat(profile.gpuUsage()).isEqualTo(40.5);
    assertThat(profile.temp()).isEqualTo(41.0);
    assertThat(profile.sysPower()).isEqualTo(69.54);
    assertThat(profile.pcpuUsage()).isZero();
    assertThat(profile.ecpuUsage()).isZero();
  }

  @Test
  void unavailableWhenTheLibraryDoesNotLoad(@TempDir Path dir) {
    NvmlAcceleratorCollector collector =
        new NvmlAcceleratorCollector(OsFamily.LINUX, dir.resolve("libnvidia-ml.so.1").toString());

    assertThat(collector.isAvailable()).isFalse();
    assertThatThrownBy(() -> collector.collect(TestCollectContext.create()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NVML is not available");
  }

  @Test
  void unavailableOnMacos() {
    assertThat(new NvmlAcceleratorCollector(OsFamily.MACOS, null).isAvailable()).isFalse();
  }
}
