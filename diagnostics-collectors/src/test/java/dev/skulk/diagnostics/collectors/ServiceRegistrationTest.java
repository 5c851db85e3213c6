package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServiceRegistrationTest {

  private static List<Collector<?>> loaded() {
    return ServiceLoader.load(Collector.class).stream()
        .map(ServiceLoader.Provider::get)
        .<Collector<?>>map(c -> c)
        .collect(Collectors.toList());
  }

  @Test
  void everyDefaultCollectorIsRegisteredWithAUniqueName() {
    Map<String, Collector<?>> byName =
        loaded().stream().collect(Collectors.toMap(Collector::name, Function.identity()));

    assertThat(byName)
        .containsOnlyKeys(
            "runtime", "identity", "oshi-memory", "macos-wired-memory", "models-disk", "nvml", "nvidia-smi",
            "amdgpu-sysfs", "mactop", "cpu", "oshi-network", "oshi-processes", "mlx-c");
  }

  @Test
  void systemProfilePriorities() {
    Map<String, Integer> priorities =
        loaded().stream()
            .filter(c -> c.slot() == Slot.SYSTEM_PROFILE)
            .collect(Collectors.toMap(Collector::name, Collector::priority));

    assertThat(priorities)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("nvml", 130, "nvidia-smi", 120, "amdgpu-sysfs", 110, "mactop", 100, "cpu", 0));
  }

  @Test
  void isAvailableNeverThrowsAndThisLinuxBoxGetsTheExpectedSet() {
    Map<String, Boolean> available =
        loaded().stream().collect(Collectors.toMap(Collector::name, Collector::isAvailable));

    if (OsFamily.current() == OsFamily.LINUX) {
      assertThat(available)
          .containsEntry("oshi-memory", true)
          .containsEntry("macos-wired-memory", false)
          .containsEntry("mactop", false)
          .containsEntry("cpu", true)
          .containsEntry("oshi-processes", true)
          .containsEntry("runtime", true);
    }
  }
}
