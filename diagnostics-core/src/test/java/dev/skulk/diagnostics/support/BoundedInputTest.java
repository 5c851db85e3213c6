package dev.skulk.diagnostics.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoundedInputTest {

  @Test
  void readsUpToTheLimitInclusiveForEverySizeAndLimit() throws Exception {
    long seed = 0x5eed_b0d1L;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 300; i++) {
      byte[] data = new byte[random.nextInt(0, 40_000)];
      random.nextBytes(data);
      int limit = random.nextInt(0, 40_000);
      String context = "seed " + seed + " case " + i + ": size " + data.length + ", limit " + limit;
      if (data.length <= limit) {
        assertThat(BoundedInput.readAtMost(new ByteArrayInputStream(data), limit)).as(context).isEqualTo(data);
      } else {
        assertThatThrownBy(() -> BoundedInput.readAtMost(new ByteArrayInputStream(data), limit)).as(context)
            .isInstanceOf(BoundedInput.TooLargeException.class)
            .hasMessage("more than " + limit + " bytes");
      }
    }
  }

  @Test
  void stopsReadingOnceOverTheLimitEvenForAnEndlessStream() {
    InputStream endless = new InputStream() {
      long served;

      @Override
      public int read() {
        served++;
        return 'x';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        served += len;
        java.util.Arrays.fill(b, off, off + len, (byte) 'x');
        return len;
      }
    };
    assertThatThrownBy(() -> BoundedInput.readAtMost(endless, 1000))
        .isInstanceOf(BoundedInput.TooLargeException.class);
  }

  @Test
  void rejectsALimitNoArrayCanHold() {
    assertThatThrownBy(() -> BoundedInput.readAtMost(InputStream.nullInputStream(), Integer.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
