package dev.skulk.diagnostics.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {

  @Test
  void operationsOverTheLimitStartOnlyAsEarlierOnesComplete() {
    InFlightLimit limit = new InFlightLimit(2, Runnable::run);
    List<CompletableFuture<String>> started = new ArrayList<>();
    List<CompletableFuture<String>> results = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      results.add(limit.submit(() -> {
        CompletableFuture<String> op = new CompletableFuture<>();
        started.add(op);
        return op;
      }));
    }
    assertThat(started).hasSize(2);
    assertThat(limit.running()).isEqualTo(2);

    started.get(0).complete("a");
    assertThat(results.get(0)).isCompletedWithValue("a");
    assertThat(started).hasSize(3);

    started.get(1).completeExceptionally(new IllegalStateException("b"));
    assertThat(results.get(1)).isCompletedExceptionally();
    assertThat(started).hasSize(4);

    results.get(4).cancel(true); // cancelled while queued: never started
    started.get(2).complete("c");
    started.get(3).complete("d");
    assertThat(started).hasSize(4);
    assertThat(limit.running()).isZero();
  }

  @Test
  void cancellingAStartedOperationCancelsItsOwnFuture() {
    InFlightLimit limit = new InFlightLimit(1, Runnable::run);
    CompletableFuture<String> op = new CompletableFuture<>();
    CompletableFuture<String> result = limit.submit(() -> op);
    result.cancel(true);
    assertThat(op).isCancelled();
    assertThat(limit.running()).isZero();
  }

  @Test
  void aLongQueueOfInstantFailuresDoesNotGrowTheStack() {
    // With a direct starter each queued start would run inside the previous completion.
    InFlightLimit limit = new InFlightLimit(1, Runnable::run);
    CompletableFuture<String> first = new CompletableFuture<>();
    limit.submit(() -> first);
    List<CompletableFuture<String>> rest = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      rest.add(limit.submit(() -> CompletableFuture.failedFuture(new IllegalStateException("late"))));
    }
    first.complete("x");
    assertThat(rest).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
  }
}
