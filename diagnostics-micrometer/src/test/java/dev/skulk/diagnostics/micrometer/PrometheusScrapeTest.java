package dev.skulk.diagnostics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.assembly.AssemblyReport;
import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.runner.RunnerSupervisorRegistry;
import dev.skulk.diagnostics.testkit.TestTicker;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * End to end through Micrometer's Prometheus registry: the scrape text a Prometheus server would
 * read. Expected lines are written by hand from the Prometheus exposition format (snake case, unit
 * suffix, {@code _total} on counters, labels in alphabetical order) and the fixtures' inputs.
 */
class PrometheusScrapeTest {

  @Test
  void scrapeTextCarriesTheSkulkMeters() {
    RunnerSupervisorRegistry runners = new RunnerSupervisorRegistry();
    runners.register(Fixtures.decodingTracker("r1", new TestTicker()));
    AssemblyReport report;
    try (DiagnosticsAssembler assembler = Fixtures.assembler()) {
      report = assembler.assembleNodeReport();
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try {
      SkulkMeterBinder binder = SkulkMeterBinder.builder().runners(runners).reports(() -> report).build();
      binder.bindTo(registry);
      binder.refresh();

      String text = registry.scrape();
      List<String> samples = Arrays.stream(text.split("\n")).filter(l -> !l.startsWith("#"))
          .collect(Collectors.toList());
      String r1 = "instance=\"instance-1\",rank=\"1\",runner=\"r1\"";
      assertThat(samples).contains(
          "skulk_runner_phase_seconds{" + r1 + "} 12.5",
          "skulk_runner_phase{instance=\"instance-1\",phase=\"decode_stream\",rank=\"1\",runner=\"r1\"} 1.0",
          "skulk_runner_phase{instance=\"instance-1\",phase=\"prefill_stream\",rank=\"1\",runner=\"r1\"} 0.0",
          "skulk_runner_alive{" + r1 + "} 1.0",
          "skulk_runner_tasks_in_progress{" + r1 + "} 2.0",
          "skulk_runner_tasks_pending{" + r1 + "} 1.0",
          "skulk_runner_flight_recorder_dropped_total{" + r1 + "} 3.0",
          "skulk_warnings{source=\"assembler\"} 1.0",
          "skulk_warnings{source=\"skulk.leaked-wired-memory\"} 1.0",
          "skulk_collector_outcomes_total{collector=\"test-disk\",slot=\"disk\",status=\"FAILED\"} 1.0",
          "skulk_collector_duration_seconds_count{collector=\"test-disk\",slot=\"disk\"} 1",
          "skulk_accelerator_utilization_ratio{accelerator=\"NVIDIA H200\",vendor=\"nvidia\"} 0.75",
          "skulk_accelerator_memory_used_bytes{accelerator=\"NVIDIA H200\",vendor=\"nvidia\"} 4.294967296E10",
          "skulk_accelerator_memory_total_bytes{accelerator=\"NVIDIA H200\",vendor=\"nvidia\"} 8.589934592E10",
          "skulk_accelerator_power_watts{accelerator=\"NVIDIA H200\",vendor=\"nvidia\"} 310.5",
          "skulk_accelerator_temperature_celsius{accelerator=\"NVIDIA H200\",vendor=\"nvidia\"} 64.0",
          "skulk_memory_wired_leaked_bytes 6.442450944E9");
      assertThat(text).contains("# TYPE skulk_runner_flight_recorder_dropped_total counter")
          .contains("# TYPE skulk_runner_phase gauge")
          .contains("# HELP skulk_runner_phase_seconds Seconds the runner has been in its current phase");
      // Bounded: every phase label value is one of the enum's wire values.
      Pattern phase = Pattern.compile("phase=\"([a-z_]+)\"");
      assertThat(samples.stream().map(phase::matcher).filter(java.util.regex.Matcher::find)
          .map(m -> m.group(1)).distinct().count())
          .isEqualTo(dev.skulk.diagnostics.model.RunnerPhase.values().length);
    } finally {
      registry.close();
    }
  }
}
