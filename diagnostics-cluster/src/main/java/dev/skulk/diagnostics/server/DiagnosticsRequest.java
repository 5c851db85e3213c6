package dev.skulk.diagnostics.server;

import java.io.InputStream;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as {@link DiagnosticsRouter} needs it, whatever server received it: the method,
 * the raw (still percent-encoded) path, the raw query, a header lookup and the body.
 *
 * @param method the request method, as sent ({@code GET}, {@code POST})
 * @param rawPath the path as sent, percent-encoded, without the query; routes match the whole path,
 *     so an adapter mounted under a prefix passes the part below it
 * @param rawQuery the query as sent, or null when there is none (the routes ignore it today)
 * @param headers the first value of a header by case-insensitive name, or null when absent
 * @param body the request body; the router reads at most {@link DiagnosticsRouter#MAX_REQUEST_BYTES}
 *     (and drops a little more of an oversized one) and never closes it
 */
public record DiagnosticsRequest(
    String method,
    String rawPath,
    @Nullable String rawQuery,
    Function<String, @Nullable String> headers,
    InputStream body) {

  /** Checks that every part but the query is present. */
  public DiagnosticsRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  /** The first value of header {@code name}, or null. */
  public @Nullable String header(String name) {
    return headers.apply(name);
  }
}
