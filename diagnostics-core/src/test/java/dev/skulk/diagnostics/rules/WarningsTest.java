package dev.skulk.diagnostics.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarningsTest {

  @Test
  void sortsAndRemovesDuplicates() {
    assertThat(Warnings.sortedDistinct(List.of("b", "a", "b", "B")))
        .containsExactly("B", "a", "b");
  }

  @Test
  void ordersByCodePointLikePython() {
    // U+FF5E sorts before U+1F98A by code point, after its surrogate pair by UTF-16 unit.
    String fullwidth = "\uFF5E";
    String fox = "\uD83E\uDD8A";
    assertThat(fullwidth.compareTo(fox)).isPositive();
    assertThat(Warnings.sortedDistinct(List.of(fox, fullwidth))).containsExactly(fullwidth, fox);
  }

  @Test
  void aPrefixSortsFirst() {
    assertThat(Warnings.sortedDistinct(List.of("abc", "ab"))).containsExactly("ab", "abc");
  }
}
