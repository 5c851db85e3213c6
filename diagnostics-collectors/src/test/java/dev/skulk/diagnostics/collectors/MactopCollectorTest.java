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

class MactopCollectorTest extends CollectorCompatibilityKit {

  /** Not a Mac: the kit runs the macOS path on the recorded mactop line. */
  @Override
  protected Collector<?> createCollector() {
    return new MactopCollector(OsFamily.MACOS, new FakeRunner().answer("mactop", List.of(LINE)), () -> true);
  }

  private static final String LINE = Fixtures.text("platform/mactop-line.json").strip();

  @Test
  void readsTheFirstObjectLineAndStops() throws Exception {
    FakeRunner runner =
        new FakeRunner().answer("mactop", List.of("mactop v0.2.5 headless", LINE, "{\"gpu_usage\": 99}"));
    MactopCollector collector = new MactopCollector(OsFamily.MACOS, runner, () -> true);

    SystemPerformanceProfile profile = collector.collect(TestCollectContext.create());

    assertThat(runner.commands).containsExactly(List.of("mactop", "--headless", "--format", "json"));
    assertThat(profile).isEqualTo(MactopParser.parse(LINE).profile());
    assertThat(profile.gpuUsage()).isEqualTo(8.66);
  }

  @Test
  void noObjectLineIsAFailure() {
    MactopCollector collector =
        new MactopCollector(OsFamily.MACOS, new FakeRunner().answer("mactop", List.of("error: no SMC")), () -> true);
    assertThatThrownBy(() -> collector.collect(TestCollectContext.create()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no JSON object");
  }

  @Test
  void availableOnlyOnMacosWithTheTool() {
    assertThat(new MactopCollector(OsFamily.MACOS, new FakeRunner(), () -> true).isAvailable()).isTrue();
    assertThat(new MactopCollector(OsFamily.MACOS, new FakeRunner(), () -> false).isAvailable()).isFalse();
    assertThat(new MactopCollector(OsFamily.LINUX, new FakeRunner(), () -> true).isAvailable()).isFalse();
    assertThat(new MactopCollector().priority()).isEqualTo(100);
  }
}
