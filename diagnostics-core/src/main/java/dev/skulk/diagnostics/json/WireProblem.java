package dev.skulk.diagnostics.json;

import java.io.Closeable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;

/**
 * A problem the codec itself detected, carrying the human-readable reason. Being a Jackson
 * exception, it travels up through Jackson's deserializers and serializers, which prepend the path
 * as it goes; {@link Failures} then turns it into a {@link DiagnosticsFormatException}.
 */
final class WireProblem extends DatabindException {

  private static final long serialVersionUID = 1L;

  private final String reason;

  private WireProblem(Closeable processor, String reason) {
    super(processor, reason);
    this.reason = reason;
  }

  static WireProblem reading(JsonParser parser, String reason) {
    return new WireProblem(parser, reason);
  }

  static WireProblem writing(JsonGenerator generator, String reason) {
    return new WireProblem(generator, reason);
  }

  String reason() {
    return reason;
  }
}
