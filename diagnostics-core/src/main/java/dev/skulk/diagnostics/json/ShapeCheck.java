package dev.skulk.diagnostics.json;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Refuses a JSON value of the wrong kind before a record, list or map deserializer sees it, so
 * that {@code "runtime": 5} or {@code "warnings": "x"} fails as "expected an object, got a number"
 * whatever Jackson would otherwise try (single-value arrays, delegating creators, coercions).
 */
final class ShapeCheck extends DelegatingDeserializer {

  private static final long serialVersionUID = 1L;

  private final boolean array;

  private ShapeCheck(ValueDeserializer<?> delegate, boolean array) {
    super(delegate);
    this.array = array;
  }

  static ShapeCheck object(ValueDeserializer<?> delegate) {
    return new ShapeCheck(delegate, false);
  }

  static ShapeCheck array(ValueDeserializer<?> delegate) {
    return new ShapeCheck(delegate, true);
  }

  @Override
  protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
    return new ShapeCheck(newDelegatee, array);
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) {
    check(p);
    return super.deserialize(p, ctxt);
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) {
    check(p);
    return super.deserialize(p, ctxt, intoValue);
  }

  private void check(JsonParser p) {
    JsonToken token = p.currentToken();
    boolean fits = array
        ? token == JsonToken.START_ARRAY
        : token == JsonToken.START_OBJECT || token == JsonToken.PROPERTY_NAME || token == JsonToken.END_OBJECT;
    if (!fits) {
      throw WireProblem.reading(p, "expected " + (array ? "an array" : "an object") + ", got " + JsonShapes.found(p));
    }
  }
}
