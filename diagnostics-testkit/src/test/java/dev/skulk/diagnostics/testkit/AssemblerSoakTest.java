package dev.skulk.diagnostics.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.spi.Slot;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A bounded soak: 10,000 assemblies (sequential, then overlapping from four callers) through one
 * assembler with a mix of good, failing and slow collectors and the default rules. Afterwards no
 * more threads are alive than after the first hundred, and the heap retained after a full
 * collection has not grown with the number of assemblies (the assembler keeps no per-call state:
 * warn-once keys are bounded, reports are not cached).
 */
class AssemblerSoakTest {

  private static final int ASSEMBLIES = 10_000;

  @Test
  void tenThousandAssembliesLeakNeitherThreadsNorHeap() throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    DiagnosticsJson json = DiagnosticsJson.strict();
    try (DiagnosticsAssembler assembler = DiagnosticsAssembler.builder()
        .nodeId("soak-node")
        .collectorTimeout(Duration.ofSeconds(5))
        .deadline(Duration.ofSeconds(10))
        .addCollector(FakeCollector.returning(Slot.CURRENT_MEMORY, Samples.memory()))
        .addCollector(FakeCollector.returning(Slot.DISK, Samples.disk(512)))
        .addCollector(FakeCollector.throwing(Slot.IDENTITY, new IllegalStateException("sensor gone")))
        .addCollector(FakeCollector.returning(Slot.ACCELERATOR, Samples.accelerator()))
        .build()) {
      for (int i = 0; i < 100; i++) {
        json.write(assembler.assembleNode());
      }
      int threadsAfterWarmup = threads.getThreadCount();
      long heapAfterWarmup = retainedHeap(memory);

      for (int i = 0; i < ASSEMBLIES / 2; i++) {
        NodeDiagnostics bundle = assembler.assembleNode();
        assertThat(bundle.warnings()).anyMatch(w -> w.contains("sensor gone"));
      }
      ExecutorService callers = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> running = new java.util.ArrayList<>();
        for (int c = 0; c < 4; c++) {
          running.add(callers.submit(() -> {
            for (int i = 0; i < ASSEMBLIES / 8; i++) {
              json.write(assembler.assembleNode());
            }
          }));
        }
        for (Future<?> call : running) {
          call.get(120, TimeUnit.SECONDS);
        }
      } finally {
        callers.shutdown();
        assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      }

      assertThat(threads.getThreadCount()).as("live threads after %d assemblies", ASSEMBLIES)
          // a few for the JVM's own (the JIT starts compiler threads on demand); a leak is thousands
          .isLessThanOrEqualTo(threadsAfterWarmup + 4);
      long growth = retainedHeap(memory) - heapAfterWarmup;
      // Nothing per assembly may stay: 10,000 retained bundles would be tens of MB.
      assertThat(growth).as("retained heap growth in bytes").isLessThan(4L << 20);
    }
  }

  /** The least heap in use over a few full collections (System.gc() is a stop-the-world full GC). */
  private static long retainedHeap(MemoryMXBean memory) {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
    }
    return least;
  }
}
