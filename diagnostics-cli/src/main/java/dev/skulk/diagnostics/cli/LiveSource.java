package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.support.BoundedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Reads a document from a live node: {@code GET <base>/v1/diagnostics/cluster} (or another path),
 * with the fan-out client's connect timeout, a whole-request deadline, no redirects and the input
 * cap of the file commands.
 */
final class LiveSource {

  /** The cluster view's path on a node. */
  static final String CLUSTER_PATH = "/v1/diagnostics/cluster";

  /** The timeline's path on a node. */
  static final String TIMELINE_PATH = "/v1/diagnostics/cluster/timeline";

  /**
   * One answer and when it was asked and received, on this machine's clock.
   *
   * @param body the response body
   * @param sent just before the request was sent
   * @param received just after the body was read
   */
  record Fetched(byte[] body, Instant sent, Instant received) {}

  private LiveSource() {}

  static boolean isUrl(String source) {
    String lower = source.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  /**
   * Fetches {@code path} from the node at {@code baseUrl}.
   *
   * @throws UncheckedIOException with one line saying why, when the node cannot be read
   * @throws IllegalArgumentException when the URL is malformed
   */
  static Fetched fetch(String baseUrl, String path, Duration deadline, long maxBytes) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    URI uri;
    try {
      uri = URI.create(base + path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("SOURCE: not a URL: " + baseUrl);
    }
    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(2))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(deadline).header("Accept", "application/json").GET().build();
    Instant sent = Instant.now();
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] body = BoundedInput.readAtMost(in, maxBytes);
        Instant received = Instant.now();
        if (response.statusCode() != 200) {
          String why = "cannot read " + uri + ": HTTP " + response.statusCode();
          throw new UncheckedIOException(why, new IOException(why));
        }
        return new Fetched(body, sent, received);
      }
    } catch (BoundedInput.TooLargeException e) {
      throw new UncheckedIOException("cannot read " + uri + ": larger than the input limit of " + maxBytes
          + " bytes (raise it with --max-input-bytes)", e);
    } catch (HttpTimeoutException e) {
      throw new UncheckedIOException("cannot read " + uri + ": no answer within " + deadline.toSeconds() + " s", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + uri + ": "
          + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException("cannot read " + uri + ": interrupted", new IOException("interrupted"));
    }
  }
}
