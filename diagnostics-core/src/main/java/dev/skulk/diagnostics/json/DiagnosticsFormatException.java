package dev.skulk.diagnostics.json;

import org.jspecify.annotations.Nullable;

/**
 * A bundle that could not be read or written: malformed JSON, a wrong JSON type, a missing
 * required field, an unknown field (in strict mode), an unknown enum value, a float JSON cannot
 * carry, or an I/O failure. It is the only exception {@link DiagnosticsJson} throws for such
 * problems.
 *
 * <p>The message is {@code path + ": " + reason}, for example {@code
 * $.nodes[0].diagnostics.runtime.nodeId: missing required field 'nodeId'}. Immutable.
 */
public final class DiagnosticsFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String path;
  private final String reason;

  /**
   * A problem at {@code path}.
   *
   * @param path where, as a JSON path: {@code $} for the root, then {@code .name} for a field and
   *     {@code [i]} for an array element ({@code ['a b']} for a key that is not a plain name)
   * @param reason what was wrong, for a human
   */
  DiagnosticsFormatException(String path, String reason) {
    this(path, reason, null);
  }

  /**
   * A problem at {@code path} caused by {@code cause}.
   *
   * @param path where, as a JSON path (see {@link #DiagnosticsFormatException(String, String)})
   * @param reason what was wrong, for a human
   * @param cause the underlying failure, or null
   */
  DiagnosticsFormatException(String path, String reason, @Nullable Throwable cause) {
    super(path + ": " + reason, cause);
    this.path = path;
    this.reason = reason;
  }

  /** Where the problem is, as a JSON path such as {@code $.nodes[0].diagnostics.runtime.nodeId}. */
  public String path() {
    return path;
  }

  /** What was wrong, such as {@code missing required field 'nodeId'}. */
  public String reason() {
    return reason;
  }
}
