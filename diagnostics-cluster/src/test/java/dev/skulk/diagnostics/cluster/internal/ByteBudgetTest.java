package dev.skulk.diagnostics.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ByteBudgetTest {

  @Test
  void reservationsThatDoNotFitAreRefusedWholeAndReleasesMakeRoom() {
    ByteBudget budget = new ByteBudget(100);
    assertThat(budget.tryReserve(60)).isTrue();
    assertThat(budget.tryReserve(41)).isFalse();
    assertThat(budget.takenBytes()).isEqualTo(60);
    assertThat(budget.tryReserve(40)).isTrue();
    assertThat(budget.tryReserve(1)).isFalse();
    budget.release(60);
    assertThat(budget.tryReserve(60)).isTrue();
    assertThat(budget.takenBytes()).isEqualTo(100);
    assertThat(ByteBudget.unlimited().tryReserve(Long.MAX_VALUE - 1)).isTrue();
  }

  @Test
  void concurrentReservationsNeverTakeMoreThanTheLimit() throws InterruptedException {
    long seed = 7L;
    ByteBudget budget = new ByteBudget(1_000_000);
    AtomicLong granted = new AtomicLong();
    CountDownLatch go = new CountDownLatch(1);
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      SplittableRandom random = new SplittableRandom(seed + t);
      threads[t] = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < 10_000; i++) {
          long n = 1 + random.nextInt(1000);
          if (budget.tryReserve(n)) {
            granted.addAndGet(n);
          }
        }
      });
      threads[t].start();
    }
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(granted.get()).as("seed " + seed).isEqualTo(budget.takenBytes()).isLessThanOrEqualTo(1_000_000);
  }
}
