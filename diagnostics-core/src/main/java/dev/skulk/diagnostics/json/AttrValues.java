package dev.skulk.diagnostics.json;

import dev.skulk.diagnostics.model.RunnerDiagnosticValue;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Flight-recorder {@code attrs} values ({@link RunnerDiagnosticValue}) as their plain JSON values:
 * a string, an integer, a float, a boolean or an array of strings, nothing else (as Python Skulk's
 * {@code str | int | float | bool | list[str]} in strict mode). An integer stays an integer and a
 * float a float, both ways.
 */
final class AttrValues {

  private AttrValues() {}

  static final class Reader extends StdDeserializer<RunnerDiagnosticValue> {
    private static final long serialVersionUID = 1L;

    Reader() {
      super(RunnerDiagnosticValue.class);
    }

    @Override
    public RunnerDiagnosticValue deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonToken token = p.currentToken();
      if (token == null) {
        throw StrictScalars.mismatch(p, RunnerDiagnosticValue.class);
      }
      switch (token) {
        case VALUE_STRING:
          return new RunnerDiagnosticValue.Text(p.getString());
        case VALUE_NUMBER_INT:
          JsonParser.NumberType type = p.getNumberType();
          if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            throw WireProblem.reading(p, "integer " + p.getString() + " is out of range for a 64-bit integer");
          }
          return new RunnerDiagnosticValue.Int(p.getLongValue());
        case VALUE_NUMBER_FLOAT:
          return new RunnerDiagnosticValue.Float(StrictScalars.finite(p));
        case VALUE_TRUE:
          return new RunnerDiagnosticValue.Bool(true);
        case VALUE_FALSE:
          return new RunnerDiagnosticValue.Bool(false);
        case START_ARRAY:
          return new RunnerDiagnosticValue.TextList(readStrings(p));
        default:
          throw StrictScalars.mismatch(p, RunnerDiagnosticValue.class);
      }
    }

    private static List<String> readStrings(JsonParser p) {
      List<String> values = new ArrayList<>();
      for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
        if (token != JsonToken.VALUE_STRING) {
          WireProblem problem = StrictScalars.mismatch(p, String.class);
          problem.prependPath(values, values.size());
          throw problem;
        }
        values.add(p.getString());
      }
      return values;
    }

  }

  static final class Writer extends StdSerializer<RunnerDiagnosticValue> {

    Writer() {
      super(RunnerDiagnosticValue.class);
    }

    @Override
    public void serialize(RunnerDiagnosticValue value, JsonGenerator gen, SerializationContext ctxt) {
      if (value instanceof RunnerDiagnosticValue.Text text) {
        gen.writeString(text.value());
      } else if (value instanceof RunnerDiagnosticValue.Int integer) {
        gen.writeNumber(integer.value());
      } else if (value instanceof RunnerDiagnosticValue.Float number) {
        Floats.write(number.value(), gen);
      } else if (value instanceof RunnerDiagnosticValue.Bool bool) {
        gen.writeBoolean(bool.value());
      } else if (value instanceof RunnerDiagnosticValue.TextList list) {
        gen.writeStartArray(list, list.value().size());
        for (String item : list.value()) {
          gen.writeString(item);
        }
        gen.writeEndArray();
      } else {
        throw new IllegalStateException("unknown RunnerDiagnosticValue " + value.getClass());
      }
    }
  }
}
