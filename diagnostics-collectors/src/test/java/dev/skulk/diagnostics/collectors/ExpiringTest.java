package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.testkit.TestTicker;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringTest {

  private final TestTicker ticker = new TestTicker();
  private final AtomicInteger loads = new AtomicInteger();
  private final Expiring<Integer> cache = new Expiring<>(ticker, Duration.ofSeconds(10));

  private Integer load() {
    return loads.incrementAndGet();
  }

  @Test
  void servesTheValueUntilTheTtlHasPassedThenLoadsAgain() {
    assertThat(cache.get(this::load)).isEqualTo(1);
    ticker.advance(Duration.ofMillis(9_999));
    assertThat(cache.get(this::load)).as("hit just before the ttl").isEqualTo(1);

    ticker.advance(Duration.ofMillis(1));
    assertThat(cache.get(this::load)).as("expired at exactly the ttl: refreshed").isEqualTo(2);
    assertThat(cache.get(this::load)).as("the refreshed value is served").isEqualTo(2);
    assertThat(loads).hasValue(2);
  }

  @Test
  void aFailedLoadIsNotCached() {
    assertThatThrownBy(() -> cache.get(() -> {
      throw new IOException("boom");
    })).isInstanceOf(IOException.class).hasMessage("boom");

    assertThat(cache.get(this::load)).isEqualTo(1);
    assertThat(cache.get(this::load)).isEqualTo(1);
  }

  @Test
  void invalidateForcesTheNextLoad() {
    assertThat(cache.get(this::load)).isEqualTo(1);
    cache.invalidate();
    assertThat(cache.get(this::load)).isEqualTo(2);
  }

  @Test
  void ageCountsFromWhenTheLoadBegan() {
    // A load that itself takes 4 s leaves the value 6 s of life, not 10.
    assertThat(cache.get(() -> {
      ticker.advance(Duration.ofSeconds(4));
      return load();
    })).isEqualTo(1);
    ticker.advance(Duration.ofSeconds(5));
    assertThat(cache.get(this::load)).isEqualTo(1);
    ticker.advance(Duration.ofSeconds(1));
    assertThat(cache.get(this::load)).isEqualTo(2);
  }
}
