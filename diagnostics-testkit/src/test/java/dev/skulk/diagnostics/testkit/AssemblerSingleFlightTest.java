package dev.skulk.diagnostics.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.spi.Slot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AssemblerSingleFlightTest {

  @Test
  void overlappingCallersShareOneAssembly() throws Exception {
    FakeCollector<MemoryUsage> gated =
        FakeCollector.slow(Slot.CURRENT_MEMORY, Duration.ofSeconds(4), Samples.memory()).named("gated");
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try (DiagnosticsAssembler assembler = DiagnosticsAssembler.builder()
        .nodeId("node-a")
        .collectorTimeout(Duration.ofSeconds(10))
        .deadline(Duration.ofSeconds(20))
        .addCollector(gated)
        .build()) {
      Future<NodeDiagnostics> first = callers.submit(assembler::assembleNode);
      assertThat(gated.awaitStarted(Duration.ofSeconds(5))).isTrue();

      AtomicReference<Thread> secondThread = new AtomicReference<>();
      Future<NodeDiagnostics> second = callers.submit(() -> {
        secondThread.set(Thread.currentThread());
        return assembler.assembleNode();
      });
      // The second caller has joined the running assembly once it parks waiting for it.
      assertThat(Samples.eventually(Duration.ofSeconds(5), () -> {
        Thread thread = secondThread.get();
        return thread != null && thread.getState() == Thread.State.WAITING;
      })).isTrue();
      gated.release();

      NodeDiagnostics a = first.get(5, TimeUnit.SECONDS);
      NodeDiagnostics b = second.get(5, TimeUnit.SECONDS);
      assertThat(b).isSameAs(a);
      assertThat(gated.calls()).isEqualTo(1);
      assertThat(a.resources().currentMemory()).isEqualTo(Samples.memory());
    } finally {
      gated.release();
      callers.shutdownNow();
    }
  }

  @Test
  void sequentialCallsEachAssembleAfresh() {
    FakeCollector<MemoryUsage> quick = FakeCollector.returning(Slot.CURRENT_MEMORY, Samples.memory());
    try (DiagnosticsAssembler assembler = DiagnosticsAssembler.builder().nodeId("n").addCollector(quick).build()) {
      NodeDiagnostics a = assembler.assembleNode();
      NodeDiagnostics b = assembler.assembleNode();

      assertThat(b).isNotSameAs(a);
      assertThat(quick.calls()).isEqualTo(2);
    }
  }

  @Test
  void manyOverlappingCallersShareOneAssembly() throws Exception {
    // Sixteen callers arrive while one assembly is held open by a gated collector: once all of them
    // are parked on it, releasing the gate must give every caller that one bundle, from one call.
    FakeCollector<MemoryUsage> gated =
        FakeCollector.slow(Slot.CURRENT_MEMORY, Duration.ofSeconds(4), Samples.memory()).named("gated");
    int callers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    java.util.Set<Thread> callerThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    try (DiagnosticsAssembler assembler = DiagnosticsAssembler.builder()
        .nodeId("n")
        .collectorTimeout(Duration.ofSeconds(10))
        .deadline(Duration.ofSeconds(20))
        .addCollector(gated)
        .build()) {
      List<Future<NodeDiagnostics>> calls = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        calls.add(pool.submit(() -> {
          callerThreads.add(Thread.currentThread());
          return assembler.assembleNode();
        }));
      }
      assertThat(gated.awaitStarted(Duration.ofSeconds(5))).isTrue();
      assertThat(Samples.eventually(Duration.ofSeconds(10), () -> callerThreads.size() == callers
          && callerThreads.stream().allMatch(t -> t.getState() == Thread.State.WAITING
              || t.getState() == Thread.State.TIMED_WAITING))).as("all callers parked").isTrue();
      gated.release();

      NodeDiagnostics first = calls.get(0).get(10, TimeUnit.SECONDS);
      for (Future<NodeDiagnostics> call : calls) {
        assertThat(call.get(10, TimeUnit.SECONDS)).isSameAs(first);
      }
      assertThat(gated.calls()).isEqualTo(1);
    } finally {
      gated.release();
      pool.shutdownNow();
    }
  }
}
