package dev.skulk.diagnostics.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosticsHttpHandlerTest {

  @Test
  void pathSegmentsArePercentDecodedAndKeepEmptyOnes() {
    assertThat(DiagnosticsHttpHandler.segments("/v1/diagnostics/cluster/node%2Fa%20b"))
        .containsExactly("v1", "diagnostics", "cluster", "node/a b");
    assertThat(DiagnosticsHttpHandler.segments("/v1/diagnostics/node/")).containsExactly("v1", "diagnostics", "node", "");
    assertThat(DiagnosticsHttpHandler.segments("/caf%C3%A9%zz")).containsExactly("café%zz");
    assertThat(DiagnosticsHttpHandler.segments(null)).isEmpty();
  }
}
