package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.testkit.TestCollectContext;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.testkit.CollectorCompatibilityKit;

class NvidiaSmiCollectorTest extends CollectorCompatibilityKit {

  /** No NVIDIA GPU here: the kit runs the collector on a recorded two-GPU sample. */
  @Override
  protected Collector<?> createCollector() {
    return new NvidiaSmiCollector(
        OsFamily.LINUX,
        new FakeRunner().answer("nvidia-smi", Fixtures.lines("samples/nvidia-smi-a100x2.csv")),
        () -> true);
  }

  @Test
  void runsTheCsvQueryAndFoldsTheGpus() throws Exception {
    FakeRunner runner = new FakeRunner().answer("nvidia-smi", Fixtures.lines("samples/nvidia-smi-a100x2.csv"));
    NvidiaSmiCollector collector = new NvidiaSmiCollector(OsFamily.LINUX, runner, () -> true);

    SystemPerformanceProfile profile = collector.collect(TestCollectContext.create());

    assertThat(runner.commands)
        .containsExactly(
            List.of(
                "nvidia-smi",
                "--query-gpu=name,utilization.gpu,memory.total,memory.used,power.draw,temperature.gpu,clocks.sm",
                "--format=csv,noheader,nounits"));
    assertThat(profile.accelerator().name()).isEqualTo("NVIDIA A100-SXM4-80GB (x2)");
    assertThat(profile.gpuUsage()).isEqualTo(96.5);
    assertThat(profile.temp()).isEqualTo(67.0);
    assertThat(profile.sysPower()).isEqualTo(312.45 + 298.11);
  }

  @Test
  void noGpuLinesIsNoReadingAndAFailedRunIsAFailure() throws Exception {
    NvidiaSmiCollector empty =
        new NvidiaSmiCollector(OsFamily.LINUX, new FakeRunner().answer("nvidia-smi", List.of()), () -> true);
    NvidiaSmiCollector missing = new NvidiaSmiCollector(OsFamily.LINUX, new FakeRunner(), () -> true);

    assertThat(empty.collect(TestCollectContext.create())).isNull();
    assertThatThrownBy(() -> missing.collect(TestCollectContext.create())).isInstanceOf(IOException.class);
  }

  @Test
  void availability() {
    assertThat(new NvidiaSmiCollector(OsFamily.LINUX, new FakeRunner(), () -> true).isAvailable()).isTrue();
    assertThat(new NvidiaSmiCollector(OsFamily.WINDOWS, new FakeRunner(), () -> true).isAvailable()).isTrue();
    assertThat(new NvidiaSmiCollector(OsFamily.LINUX, new FakeRunner(), () -> false).isAvailable()).isFalse();
    assertThat(new NvidiaSmiCollector(OsFamily.MACOS, new FakeRunner(), () -> true).isAvailable()).isFalse();
    assertThat(new NvidiaSmiCollector().priority()).isEqualTo(120);
  }
}
