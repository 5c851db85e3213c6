package dev.skulk.diagnostics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.assembly.AssemblyReport;
import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.runner.RunnerSupervisorRegistry;
import dev.skulk.diagnostics.testkit.TestTicker;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Scrapes never read a source, and never fail while refreshes add and remove runners. */
class SkulkMeterBinderConcurrencyTest {

  @Test
  void scrapesReadNoSource() {
    AtomicInteger calls = new AtomicInteger();
    AssemblyReport report;
    try (DiagnosticsAssembler assembler = Fixtures.assembler()) {
      report = assembler.assembleNodeReport();
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try {
      SkulkMeterBinder binder = SkulkMeterBinder.builder().reports(() -> {
        calls.incrementAndGet();
        return report;
      }).build();
      binder.bindTo(registry);
      assertThat(calls).as("binding reads no source").hasValue(0);
      binder.refresh();
      for (int i = 0; i < 20; i++) {
        assertThat(registry.scrape()).contains("skulk_memory_wired_leaked_bytes");
      }
      assertThat(calls).as("one read per refresh, none per scrape").hasValue(1);
    } finally {
      registry.close();
    }
  }

  @Test
  void scrapesDuringRefreshesThatAddAndRemoveRunners() throws Exception {
    long seed = System.nanoTime();
    System.out.println("SkulkMeterBinderConcurrencyTest seed=" + seed);
    SplittableRandom random = new SplittableRandom(seed);
    TestTicker ticker = new TestTicker();
    RunnerSupervisorRegistry runners = new RunnerSupervisorRegistry();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    SkulkMeterBinder binder = SkulkMeterBinder.builder().runners(runners).build();
    binder.bindTo(registry);
    ExecutorService scraper = Executors.newSingleThreadExecutor();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(1);
    try {
      Future<Integer> scrapes = scraper.submit(() -> {
        int n = 0;
        started.countDown();
        while (!stop.get()) {
          registry.scrape();
          n++;
        }
        return n;
      });
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      List<String> live = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        if (live.isEmpty() || (live.size() < 4 && random.nextBoolean())) {
          String id = "runner-" + i;
          runners.register(Fixtures.decodingTracker(id, ticker));
          live.add(id);
        } else {
          runners.unregister(live.remove(random.nextInt(live.size())));
        }
        binder.refresh();
      }
      stop.set(true);
      assertThat(scrapes.get(10, TimeUnit.SECONDS)).isPositive();
      // After the last refresh: exactly the live runners, each with one row per phase.
      assertThat(registry.find(SkulkMeterBinder.RUNNER_ALIVE).gauges()).hasSize(live.size());
      assertThat(registry.find(SkulkMeterBinder.RUNNER_PHASE).gauges())
          .hasSize(live.size() * RunnerPhase.values().length);
      for (String id : live) {
        assertThat(registry.get(SkulkMeterBinder.RUNNER_ALIVE).tag("runner", id).gauge().value()).isEqualTo(1.0);
      }
    } finally {
      stop.set(true);
      scraper.shutdownNow();
      registry.close();
    }
  }
}
