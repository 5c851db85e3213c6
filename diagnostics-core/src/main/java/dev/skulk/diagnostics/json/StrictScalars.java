package dev.skulk.diagnostics.json;

import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Deserializers for strings, integers, floats, booleans and enums that accept exactly the JSON a
 * pydantic model with {@code strict=True} accepts: no coercion between strings, numbers and
 * booleans; no float (not even {@code 1.0}) where an integer belongs; an integer where a float
 * belongs is fine. Each rejection names what was expected and what came.
 *
 * <p>Null never reaches these: Jackson answers a JSON null before calling a deserializer (with
 * {@link #getNullValue}, or a failure where {@link WireNames} forbids null).
 */
final class StrictScalars {

  private StrictScalars() {}

  static WireProblem mismatch(JsonParser parser, Class<?> target) {
    return WireProblem.reading(parser, JsonShapes.mismatch(target, parser));
  }

  /** A JSON string, nothing else. */
  static final class Text extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    Text() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw mismatch(p, String.class);
      }
      return p.getString();
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }
  }

  /** A JSON integer within the range of {@code int}. */
  static final class Int32 extends StdScalarDeserializer<Integer> {
    private static final long serialVersionUID = 1L;
    private final @Nullable Integer absent;

    Int32(boolean primitive) {
      super(primitive ? Integer.TYPE : Integer.class);
      this.absent = primitive ? 0 : null;
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) {
      requireInteger(p);
      if (p.getNumberType() != JsonParser.NumberType.INT) {
        throw WireProblem.reading(p, "integer " + p.getString() + " is out of range for a 32-bit integer");
      }
      return p.getIntValue();
    }

    @Override
    public @Nullable Integer getNullValue(DeserializationContext ctxt) {
      return absent;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Integer;
    }
  }

  /** A JSON integer within the range of {@code long}. */
  static final class Int64 extends StdScalarDeserializer<Long> {
    private static final long serialVersionUID = 1L;
    private final @Nullable Long absent;

    Int64(boolean primitive) {
      super(primitive ? Long.TYPE : Long.class);
      this.absent = primitive ? 0L : null;
    }

    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) {
      requireInteger(p);
      JsonParser.NumberType type = p.getNumberType();
      if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
        throw WireProblem.reading(p, "integer " + p.getString() + " is out of range for a 64-bit integer");
      }
      return p.getLongValue();
    }

    @Override
    public @Nullable Long getNullValue(DeserializationContext ctxt) {
      return absent;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Integer;
    }
  }

  /** A JSON number, integer or float, that is a finite double. */
  static final class Float64 extends StdScalarDeserializer<Double> {
    private static final long serialVersionUID = 1L;
    private final @Nullable Double absent;

    Float64(boolean primitive) {
      super(primitive ? Double.TYPE : Double.class);
      this.absent = primitive ? 0.0 : null;
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonToken token = p.currentToken();
      if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
        throw mismatch(p, Double.class);
      }
      return finite(p);
    }

    @Override
    public @Nullable Double getNullValue(DeserializationContext ctxt) {
      return absent;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Float;
    }
  }

  /** A JSON {@code true} or {@code false}. */
  static final class Bool extends StdScalarDeserializer<Boolean> {
    private static final long serialVersionUID = 1L;
    private final @Nullable Boolean absent;

    Bool(boolean primitive) {
      super(primitive ? Boolean.TYPE : Boolean.class);
      this.absent = primitive ? Boolean.FALSE : null;
    }

    @Override
    public Boolean deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_TRUE) {
        return Boolean.TRUE;
      }
      if (token == JsonToken.VALUE_FALSE) {
        return Boolean.FALSE;
      }
      throw mismatch(p, Boolean.class);
    }

    @Override
    public @Nullable Boolean getNullValue(DeserializationContext ctxt) {
      return absent;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Boolean;
    }
  }

  /** A JSON string that is one of the enum's wire values (its {@code @JsonValue}, else its name). */
  static final class WireEnum extends StdScalarDeserializer<Object> {
    private static final long serialVersionUID = 1L;
    private final Map<String, Enum<?>> byWireValue;

    WireEnum(Class<?> enumType) {
      super(enumType);
      this.byWireValue = wireValues(enumType);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw mismatch(p, String.class);
      }
      String text = p.getString();
      Enum<?> constant = byWireValue.get(text);
      if (constant == null) {
        throw WireProblem.reading(p, "unknown value '" + text + "' for " + handledType().getSimpleName()
            + "; expected one of " + byWireValue.keySet());
      }
      return constant;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Enum;
    }

    private static Map<String, Enum<?>> wireValues(Class<?> enumType) {
      Method accessor = null;
      for (Method method : enumType.getMethods()) {
        if (method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0) {
          accessor = method;
        }
      }
      Map<String, Enum<?>> byWire = new LinkedHashMap<>();
      for (Object constant : enumType.getEnumConstants()) {
        Enum<?> value = (Enum<?>) constant;
        String wire;
        try {
          wire = accessor == null ? value.name() : String.valueOf(accessor.invoke(value));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read the wire value of " + value, e);
        }
        byWire.put(wire, value);
      }
      return byWire;
    }
  }

  private static void requireInteger(JsonParser p) {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      throw WireProblem.reading(p, "expected an integer, got " + p.getString());
    }
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw mismatch(p, Long.class);
    }
  }

  /** The current number token as a double, refusing what overflows to an infinity. */
  static double finite(JsonParser p) {
    double value = p.getDoubleValue();
    if (!Double.isFinite(value)) {
      throw WireProblem.reading(p, "number " + p.getString() + " is out of range for a float");
    }
    return value;
  }
}
