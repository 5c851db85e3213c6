package dev.skulk.diagnostics.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosticsRouterTest {

  @Test
  void pathSegmentsArePercentDecodedAndKeepEmptyOnes() {
    assertThat(DiagnosticsRouter.segments("/v1/diagnostics/cluster/node%2Fa%20b"))
        .containsExactly("v1", "diagnostics", "cluster", "node/a b");
    assertThat(DiagnosticsRouter.segments("/v1/diagnostics/node/")).containsExactly("v1", "diagnostics", "node", "");
    assertThat(DiagnosticsRouter.segments("/caf%C3%A9%zz")).containsExactly("café%zz");
    assertThat(DiagnosticsRouter.segments(null)).isEmpty();
  }
}
