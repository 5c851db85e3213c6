package dev.skulk.diagnostics.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.rules.ShortIds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ShortIds#shortId} against upstream's {@code API._short_diagnostics_id} on the same ids:
 * every length around the 12-character cut, and characters from ASCII to beyond U+FFFF (where
 * Python counts code points and Java strings count UTF-16 units).
 */
class ShortIdsDifferentialTest {

  private static final long SEED = 20261201L;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void shortIdsMatchUpstreamForEveryLengthAndPlane() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED);
    List<String> ids = new ArrayList<>();
    int[][] alphabets = {{'a', 'z'}, {0xE0, 0x24F}, {0x1F600, 0x1F64F}, {0x10000, 0x10FFFF}};
    for (int length = 0; length <= 20; length++) {
      for (int[] alphabet : alphabets) {
        ids.add(randomId(random, length, alphabet));
      }
    }
    for (int i = 0; i < 300; i++) {
      ids.add(randomId(random, random.nextInt(40), alphabets[random.nextInt(alphabets.length)]));
    }
    try (UpstreamOracle upstream = UpstreamOracle.start("short_id")) {
      for (String id : ids) {
        String expected = JSON.readValue(upstream.call(JSON.writeValueAsString(java.util.Map.of("value", id))), String.class);
        assertThat(ShortIds.shortId(id)).as("seed %d, id %s", SEED, id).isEqualTo(expected);
      }
    }
  }

  private static String randomId(SplittableRandom random, int codePoints, int[] alphabet) {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      int cp = alphabet[0] + random.nextInt(alphabet[1] - alphabet[0] + 1);
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        cp = 'x';
      }
      id.appendCodePoint(cp);
    }
    return id.toString();
  }
}
