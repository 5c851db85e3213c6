package dev.skulk.diagnostics.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/** Writes {@code double}, {@code Double}, {@code float} and {@code Float} as pydantic does. */
final class Floats extends StdSerializer<Number> {

  Floats(Class<? extends Number> type) {
    super(type);
  }

  @Override
  public void serialize(Number value, JsonGenerator gen, SerializationContext ctxt) {
    write(value.doubleValue(), gen);
  }

  static void write(double value, JsonGenerator gen) {
    if (!Double.isFinite(value)) {
      throw WireProblem.writing(gen, "cannot write " + value + ": JSON has no value for NaN or infinity");
    }
    gen.writeNumber(PythonFloats.repr(value));
  }
}
