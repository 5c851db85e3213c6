package dev.skulk.diagnostics.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputTextTest {

  @Test
  void keepsShortTextAndCutsLongTextAtSixtyFourThousandCodePoints() {
    assertThat(OutputText.truncate("hello", false)).isEqualTo("hello");
    String exact = "x".repeat(64_000);
    assertThat(OutputText.truncate(exact, false)).isEqualTo(exact);
    assertThat(OutputText.truncate(exact + "y", false)).isEqualTo(exact + "\n... <truncated>");
    // A character outside the BMP counts once, and is never split.
    String emoji = "\uD83D\uDE00".repeat(64_001);
    String cut = OutputText.truncate(emoji, false);
    assertThat(cut).isEqualTo("\uD83D\uDE00".repeat(64_000) + "\n... <truncated>");
    assertThat(OutputText.truncate("short", true)).isEqualTo("short\n... <truncated>");
  }
}
