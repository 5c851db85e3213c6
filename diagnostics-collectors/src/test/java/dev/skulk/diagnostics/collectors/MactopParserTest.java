package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MactopParserTest {

  private static final String LINE = Fixtures.text("platform/mactop-line.json").strip();
  private static final Map<String, Map<String, String>> EXPECTED =
      Fixtures.expectedPairs("platform/mactop-expected.txt");

  @Test
  void recordedLineGivesTheExpectedProfile() {
    SystemPerformanceProfile profile = MactopParser.parse(LINE).profile();
    Map<String, String> expected = EXPECTED.get("system profile");
    assertThat(expected).hasSize(5);

    assertThat(Fixtures.actualPairs(profile, expected)).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(profile.pcpuUsage()).isEqualTo(0.55);
    assertThat(profile.ecpuUsage()).isEqualTo(39.69);
  }

  @Test
  void recordedLineGivesTheExpectedAccelerator() {
    AcceleratorMetrics accelerator = MactopParser.parse(LINE).profile().accelerator();
    Map<String, String> expected = EXPECTED.get("accelerator");
    assertThat(expected).hasSize(7);

    assertThat(accelerator).isNotNull();
    assertThat(Fixtures.actualPairs(accelerator, expected)).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(accelerator.vendor()).isEqualTo(AcceleratorVendor.APPLE);
    assertThat(accelerator.utilizationRatio()).isEqualTo(8.66 / 100);
    assertThat(accelerator.clockMhz()).isNull();
  }

  @Test
  void memoryWithoutVmStat() {
    MemoryUsage memory = MactopParser.parse(LINE).memory(null);
    Map<String, String> expected = EXPECTED.get("memory without vm_stat");
    assertThat(expected).hasSize(4);

    assertThat(Fixtures.actualPairs(memory, expected)).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void memoryWithVmStatUsesGpuWireableAsAvailable() {
    VmStat categories = new VmStat(16384, 2_000_000_000L, 3_000_000_000L, 500_000_000L);
    MemoryUsage memory = MactopParser.parse(LINE).memory(categories);
    Map<String, String> expected =
        EXPECTED.get("memory with vm_stat categories wired 2000000000, anonymous 3000000000, compressor 500000000");
    assertThat(expected).containsOnlyKeys("ramAvailable");

    assertThat(Fixtures.actualPairs(memory, expected)).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(memory.ramAvailable().inBytes()).isEqualTo(11_679_869_184L);
  }

  @Test
  void missingFiguresAreZeroInTheProfileAndNullInTheAccelerator() {
    MactopParser.MactopSample sample = MactopParser.parse("{\"gpu_usage\": 150, \"pcpu_usage\": [900]}");

    assertThat(sample.profile().gpuUsage()).isEqualTo(150.0);
    assertThat(sample.profile().temp()).isZero();
    assertThat(sample.profile().sysPower()).isZero();
    assertThat(sample.profile().pcpuUsage()).isZero();
    assertThat(sample.profile().accelerator().utilizationRatio()).isEqualTo(1.0);
    assertThat(sample.profile().accelerator().temperatureCelsius()).isNull();
    assertThat(sample.profile().accelerator().powerWatts()).isNull();
    assertThat(sample.memory(null)).isNull();
  }

  @Test
  void negativeFreeSwapIsKept() {
    MactopParser.MactopSample sample =
        MactopParser.parse(
            "{\"memory\":{\"total\":100,\"available\":40,\"swap_total\":10,\"swap_used\":12}}");
    assertThat(sample.memory(null).swapAvailable().inBytes()).isEqualTo(-2);
  }

  @Test
  void nonObjectLinesAreSkipped() {
    assertThat(MactopParser.parse("not json")).isNull();
    assertThat(MactopParser.parse("[1,2]")).isNull();
    assertThat(MactopParser.parseFirst(List.of("mactop starting...", "", LINE)))
        .isEqualTo(MactopParser.parse(LINE));
    assertThat(MactopParser.parseFirst(List.of("{broken", "nothing"))).isNull();
    assertThat(MactopParser.isObjectLine("  " + LINE + "  ")).isTrue();
    assertThat(MactopParser.isObjectLine("Loading...")).isFalse();
  }
}
