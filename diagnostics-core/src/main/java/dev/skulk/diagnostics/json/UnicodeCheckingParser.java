package dev.skulk.diagnostics.json;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.JsonParserDelegate;

/**
 * Refuses every string and member name that holds a lone UTF-16 surrogate (<code>"&#92;ud800"</code>, or a
 * high surrogate not followed by a low one), as a Python peer does: Jackson decodes such escapes
 * into a Java string that can only be written back out as {@code ?}. Every way of moving on
 * (including skipping an ignored member) goes through {@link #nextToken()}, so nothing in the
 * document escapes the check. Not thread-safe, as any parser.
 */
final class UnicodeCheckingParser extends JsonParserDelegate {

  UnicodeCheckingParser(JsonParser delegate) {
    super(delegate);
  }

  @Override
  public JsonToken nextToken() {
    JsonToken token = delegate.nextToken();
    if (token == JsonToken.VALUE_STRING || token == JsonToken.PROPERTY_NAME) {
      check(token == JsonToken.PROPERTY_NAME ? delegate.currentName() : delegate.getString(), token);
    }
    return token;
  }

  @Override
  public JsonToken nextValue() {
    JsonToken token = nextToken();
    return token == JsonToken.PROPERTY_NAME ? nextToken() : token;
  }

  @Override
  public @Nullable String nextName() {
    return nextToken() == JsonToken.PROPERTY_NAME ? currentName() : null;
  }

  @Override
  public boolean nextName(SerializableString expected) {
    return nextToken() == JsonToken.PROPERTY_NAME && expected.getValue().equals(currentName());
  }

  @Override
  public int nextNameMatch(PropertyNameMatcher matcher) {
    JsonToken token = nextToken();
    if (token == JsonToken.PROPERTY_NAME) {
      return matcher.matchName(currentName());
    }
    return token == JsonToken.END_OBJECT ? PropertyNameMatcher.MATCH_END_OBJECT : PropertyNameMatcher.MATCH_ODD_TOKEN;
  }

  /** The delegate's skip would step over strings without decoding them. */
  @Override
  public JsonParser skipChildren() {
    JsonToken token = currentToken();
    if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
      return this;
    }
    int open = 1;
    while (open > 0) {
      JsonToken next = nextToken();
      if (next == null) {
        return this;
      }
      if (next.isStructStart()) {
        open++;
      } else if (next.isStructEnd()) {
        open--;
      }
    }
    return this;
  }

  private void check(String text, JsonToken token) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new StreamReadException(this, String.format("lone UTF-16 surrogate \\u%04x in a %s", (int) c,
            token == JsonToken.PROPERTY_NAME ? "member name" : "string"));
      }
    }
  }
}
