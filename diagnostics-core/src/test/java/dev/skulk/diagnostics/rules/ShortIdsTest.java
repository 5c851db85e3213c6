package dev.skulk.diagnostics.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortIdsTest {

  @Test
  void keepsIdsOfElevenAndTwelveCharacters() {
    assertThat(ShortIds.shortId("abcdefghijk")).isEqualTo("abcdefghijk");
    assertThat(ShortIds.shortId("abcdefghijkl")).isEqualTo("abcdefghijkl");
  }

  @Test
  void shortensIdsLongerThanTwelveCharacters() {
    assertThat(ShortIds.shortId("abcdefghijklm")).isEqualTo("abcdefgh\u2026jklm");
  }

  @Test
  void shortensAUuid() {
    assertThat(ShortIds.shortId("123e4567-e89b-12d3-a456-426614174000")).isEqualTo("123e4567…4000");
  }

  @Test
  void countsCodePointsAsPythonDoes() {
    String thirteenWithEmoji = "\uD83E\uDD8A" + "bcdefghijklm";
    assertThat(ShortIds.shortId(thirteenWithEmoji)).isEqualTo("\uD83E\uDD8Abcdefgh…jklm");
    String twelveWithEmoji = "\uD83E\uDD8A" + "bcdefghijkl";
    assertThat(ShortIds.shortId(twelveWithEmoji)).isEqualTo(twelveWithEmoji);
  }

  @Test
  void keepsTheEmptyId() {
    assertThat(ShortIds.shortId("")).isEmpty();
  }
}
