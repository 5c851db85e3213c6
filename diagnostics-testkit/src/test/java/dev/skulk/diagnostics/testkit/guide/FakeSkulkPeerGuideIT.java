package dev.skulk.diagnostics.testkit.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.testkit.FakeSkulkPeer;
import dev.skulk.diagnostics.testkit.SampleBundles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's FakeSkulkPeer example: a host's own HTTP client against a fake Skulk node on loopback. */
@Timeout(60)
class FakeSkulkPeerGuideIT {

  @Test
  void fakeSkulkPeer() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    NodeDiagnostics bundle = SampleBundles.nodeWithTwoRunnersMidDecode();
    try (FakeSkulkPeer peer = FakeSkulkPeer.serving(bundle)) {
      HttpRequest get = HttpRequest.newBuilder(URI.create(peer.url() + "/v1/diagnostics/node"))
          .timeout(Duration.ofSeconds(10)).build();

      HttpResponse<String> ok = http.send(get, HttpResponse.BodyHandlers.ofString());
      assertThat(DiagnosticsJson.strict().read(ok.body(), NodeDiagnostics.class)).isEqualTo(bundle);

      peer.behave(FakeSkulkPeer.Behavior.serverError("boom"));   // every request from now on
      HttpResponse<String> failed = http.send(get, HttpResponse.BodyHandlers.ofString());
      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(failed.body()).isEqualTo(
          "{\"error\":{\"message\":\"boom\",\"type\":\"Internal Server Error\",\"param\":null,\"code\":500}}");

      assertThat(peer.requests()).hasSize(2);                     // what the peer saw, headers included
    }
  }
}
