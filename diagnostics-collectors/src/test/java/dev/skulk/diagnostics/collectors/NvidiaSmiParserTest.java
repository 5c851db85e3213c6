package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class NvidiaSmiParserTest {

  private static final long MIB = 1024L * 1024L;

  @Test
  void singleGpu() {
    List<GpuSample> gpus = NvidiaSmiParser.parse(Fixtures.lines("samples/nvidia-smi-rtx4090.csv"));

    assertThat(gpus)
        .containsExactly(
            new GpuSample("NVIDIA GeForce RTX 4090", 37.0, 24564 * MIB, 18342 * MIB, 285.17, 61.0, 2730));
    AcceleratorMetrics accelerator = GpuSample.aggregate(AcceleratorVendor.NVIDIA, gpus);
    assertThat(accelerator.name()).isEqualTo("NVIDIA GeForce RTX 4090");
    assertThat(accelerator.utilizationRatio()).isEqualTo(0.37);
    assertThat(accelerator.vramTotalBytes()).isEqualTo(25_757_220_864L);
    assertThat(accelerator.clockMhz()).isEqualTo(2730);
  }

  @Test
  void twoGpusAggregate() {
    AcceleratorMetrics accelerator =
        GpuSample.aggregate(
            AcceleratorVendor.NVIDIA, NvidiaSmiParser.parse(Fixtures.lines("samples/nvidia-smi-a100x2.csv")));

    assertThat(accelerator.vendor()).isEqualTo(AcceleratorVendor.NVIDIA);
    assertThat(accelerator.name()).isEqualTo("NVIDIA A100-SXM4-80GB (x2)");
    assertThat(accelerator.utilizationRatio()).isEqualTo(0.965);
    assertThat(accelerator.vramTotalBytes()).isEqualTo(2 * 81920 * MIB);
    assertThat(accelerator.vramUsedBytes()).isEqualTo((76213 + 76001) * MIB);
    assertThat(accelerator.powerWatts()).isEqualTo(312.45 + 298.11);
    assertThat(accelerator.temperatureCelsius()).isEqualTo(67.0);
    assertThat(accelerator.clockMhz()).isEqualTo(1410);
    assertThat(accelerator.gttTotalBytes()).isNull();
  }

  @Test
  void notAvailableAndNotSupportedAreNull() {
    List<GpuSample> gpus = NvidiaSmiParser.parse(Fixtures.lines("samples/nvidia-smi-na.csv"));

    assertThat(gpus)
        .containsExactly(
            new GpuSample("NVIDIA GeForce GTX 1650", 3.0, 4096 * MIB, 512 * MIB, null, 45.0, 300),
            new GpuSample("Quadro K620", null, 2000 * MIB, 300 * MIB, null, null, null));
    AcceleratorMetrics accelerator = GpuSample.aggregate(AcceleratorVendor.NVIDIA, gpus);
    assertThat(accelerator.utilizationRatio()).isEqualTo(0.03); // mean over the GPUs that report it
    assertThat(accelerator.powerWatts()).isNull(); // no GPU reports power
    assertThat(accelerator.temperatureCelsius()).isEqualTo(45.0);
    SystemPerformanceProfile profile = GpuSample.gpuProfile(accelerator);
    assertThat(profile.sysPower()).isZero();
    assertThat(profile.gpuUsage()).isEqualTo(3.0);
  }

  @Test
  void windowsLineEndingsAndBlankLines() {
    List<GpuSample> gpus = NvidiaSmiParser.parse(Fixtures.lines("samples/nvidia-smi-h100x4-crlf.csv"));
    AcceleratorMetrics accelerator = GpuSample.aggregate(AcceleratorVendor.NVIDIA, gpus);
    SystemPerformanceProfile profile = GpuSample.gpuProfile(accelerator);

    assertThat(gpus).hasSize(4);
    assertThat(accelerator.name()).isEqualTo("NVIDIA H100 80GB HBM3 (x4)");
    assertThat(accelerator.utilizationRatio()).isEqualTo(0.03);
    assertThat(accelerator.clockMhz()).isEqualTo(345);
    assertThat(accelerator.temperatureCelsius()).isEqualTo(41.0);
    assertThat(profile.gpuUsage()).isEqualTo(3.0);
    assertThat(profile.temp()).isEqualTo(41.0);
    assertThat(profile.sysPower()).isEqualTo(69.54 + 310.02 + 71.10 + 68.77);
    assertThat(profile.pcpuUsage()).isZero();
  }

  @Test
  void malformedLinesAreSkippedAndNoGpuIsNoAccelerator() {
    assertThat(NvidiaSmiParser.parse(List.of("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.")))
        .isEmpty();
    assertThat(GpuSample.aggregate(AcceleratorVendor.NVIDIA, List.of())).isNull();
  }

  @Test
  void fieldValues() {
    assertThat(NvidiaSmiParser.doubleValue(" [N/A]")).isNull();
    assertThat(NvidiaSmiParser.doubleValue("[Not Supported]")).isNull();
    assertThat(NvidiaSmiParser.doubleValue("[Unknown Error]")).isNull();
    assertThat(NvidiaSmiParser.doubleValue("N/A")).isNull();
    assertThat(NvidiaSmiParser.doubleValue(" 69.54 ")).isEqualTo(69.54);
    assertThat(NvidiaSmiParser.doubleValue("NaN")).isNull();
  }
}
