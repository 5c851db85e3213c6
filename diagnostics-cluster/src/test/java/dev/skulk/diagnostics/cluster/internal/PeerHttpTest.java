package dev.skulk.diagnostics.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PeerHttpTest {

  private static final URI TARGET = URI.create("http://10.0.0.2:52415/v1/diagnostics/node");

  @Test
  void connectionFailuresAreConnectErrorsEvenWithoutAMessage() {
    assertThat(PeerHttp.describe(new ConnectException(), TARGET))
        .isEqualTo("ConnectError: Connection refused ('http://10.0.0.2:52415')");
    IOException wrapped = new IOException("boom", new ConnectException("No route to host"));
    assertThat(PeerHttp.describe(wrapped, TARGET)).isEqualTo("ConnectError: No route to host ('http://10.0.0.2:52415')");
    assertThat(PeerHttp.describe(new IOException("HTTP/1.1 header parser received no bytes"), TARGET))
        .startsWith("RemoteProtocolError: ");
    assertThat(PeerHttp.describe(new IOException("weird"), TARGET))
        .isEqualTo("ReadError: weird for url 'http://10.0.0.2:52415/v1/diagnostics/node'");
  }

  @Test
  void aNameThatDoesNotResolveIsReportedAsSuchNotAsARefusal() {
    URI target = URI.create("http://gpu-7.cluster.invalid:52415/v1/diagnostics/node");
    // The shape java.net.http.HttpClient throws for an unresolvable host (JDK 17 and 25): a
    // ConnectException without a message, caused by an UnresolvedAddressException.
    ConnectException fromClient = new ConnectException();
    fromClient.initCause(new java.nio.channels.UnresolvedAddressException());
    String expected =
        "ConnectError: cannot resolve host 'gpu-7.cluster.invalid': Name or service not known"
            + " ('http://gpu-7.cluster.invalid:52415')";
    assertThat(PeerHttp.describe(fromClient, target)).isEqualTo(expected);
    assertThat(PeerHttp.describe(new java.net.UnknownHostException("gpu-7.cluster.invalid"), target))
        .isEqualTo(expected);
    assertThat(PeerHttp.describe(new IOException("wrapped", fromClient), target)).isEqualTo(expected);
  }

  @Test
  void anUnresolvableNameReportedThroughTheAsyncClientIsStillSaidToBeOne() {
    // sendAsync hands failures over wrapped in a CompletionException; the classification must
    // look through it (a refusal message here was the bug).
    URI target = URI.create("http://gpu-7.cluster.invalid:52415/v1/diagnostics/node");
    ConnectException fromClient = new ConnectException();
    fromClient.initCause(new java.nio.channels.UnresolvedAddressException());
    java.util.concurrent.ScheduledThreadPoolExecutor timer = new java.util.concurrent.ScheduledThreadPoolExecutor(1);
    try {
      PeerHttp http = new PeerHttp(java.net.http.HttpClient.newHttpClient(), timer, java.time.Duration.ofSeconds(2),
          dev.skulk.diagnostics.time.Ticker.system());
      java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(target).build();
      assertThat(http.classify(new java.util.concurrent.CompletionException(fromClient), request).getMessage())
          .isEqualTo("ConnectError: cannot resolve host 'gpu-7.cluster.invalid': Name or service not known"
              + " ('http://gpu-7.cluster.invalid:52415')");
      assertThat(http.classify(new java.util.concurrent.CompletionException(
              new java.net.http.HttpConnectTimeoutException("HTTP connect timed out")), request).getMessage())
          .isEqualTo("ConnectTimeout: connecting to 'http://gpu-7.cluster.invalid:52415' timed out after 2.0s");
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void errorDetailIsDetailThenErrorMessage() {
    assertThat(PlainJson.errorDetail(bytes("{\"detail\":\"nope\"}"))).isEqualTo("nope");
    assertThat(PlainJson.errorDetail(bytes("{\"detail\":[{\"msg\":\"x\"}],\"error\":{\"message\":\"m\"}}"))).isEqualTo("m");
    assertThat(PlainJson.errorDetail(bytes("{\"error\":{\"message\":\"boom\",\"code\":500}}"))).isEqualTo("boom");
    assertThat(PlainJson.errorDetail(bytes("<html>"))).isNull();
    assertThat(PlainJson.errorDetail(bytes(""))).isNull();
    assertThat(PlainJson.errorDetail(bytes("[1]"))).isNull();
  }

  @Test
  void envelopeHasSkulksShape() {
    assertThat(new String(PlainJson.errorEnvelope(429, "busy"), StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":{\"message\":\"busy\",\"type\":\"Too Many Requests\",\"param\":null,\"code\":429}}");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
