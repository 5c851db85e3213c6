package dev.skulk.diagnostics.testkit;

import static dev.skulk.diagnostics.testkit.DiagnosticsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.assembly.AssemblyReport;
import dev.skulk.diagnostics.assembly.CollectorLoadFailure;
import dev.skulk.diagnostics.assembly.CollectorOutcome.Status;
import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.testkit.discovery.ExplodingConstructorCollector;
import dev.skulk.diagnostics.testkit.discovery.NamelessCollector;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;

class AssemblerDiscoveryTest {

  @Test
  void oneBrokenProviderNeverHidesTheOthers() {
    try (DiagnosticsAssembler assembler = DiagnosticsAssembler.builder()
        .nodeId("node-a")
        .discoverCollectors(getClass().getClassLoader())
        .build()) {
      AssemblyReport report = assembler.assembleNodeReport();

      assertThat(report).hasOutcome("discovered-disk", Status.OK).bundle().hasSlotFilled(Slot.DISK);
      assertThat(report.outcomes()).hasSize(1);
      assertThat(assembler.loadFailures()).extracting(CollectorLoadFailure::provider).containsExactly(
          ExplodingConstructorCollector.class.getName(),
          "dev.skulk.diagnostics.testkit.discovery.MissingCollector",
          NamelessCollector.class.getName());
      assertThat(assembler.loadFailures().get(0).cause())
          .isInstanceOf(IllegalStateException.class).hasMessage("constructor exploded");
      assertThat(assembler.loadFailures().get(1).cause()).isInstanceOf(ServiceConfigurationError.class);
      assertThat(assembler.loadFailures().get(2).cause()).isInstanceOf(UnsupportedOperationException.class);
      assertThat(report.bundle())
          .hasWarning("Collector provider " + ExplodingConstructorCollector.class.getName()
              + " could not be loaded: IllegalStateException: constructor exploded")
          .hasWarning("Collector provider " + NamelessCollector.class.getName()
              + " could not be loaded: UnsupportedOperationException: no name")
          .hasWarningContaining("Collector provider dev.skulk.diagnostics.testkit.discovery.MissingCollector "
              + "could not be loaded: ServiceConfigurationError");
    }
  }

  @Test
  void discoveredCollectorsCanBeDisabledByName() {
    try (DiagnosticsAssembler assembler = DiagnosticsAssembler.builder()
        .nodeId("node-a")
        .discoverCollectors(getClass().getClassLoader())
        .disable("discovered-disk")
        .build()) {
      AssemblyReport report = assembler.assembleNodeReport();

      assertThat(report).hasOutcome("discovered-disk", Status.DISABLED).bundle().hasSlotEmpty(Slot.DISK);
    }
  }
}
