package dev.skulk.diagnostics.cluster.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few JSON shapes outside the model: Skulk's error envelope and the JSON string of {@code GET
 * /node_id}. Not a stable API. Thread-safe.
 */
public final class PlainJson {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private PlainJson() {}

  /**
   * Skulk's error envelope: {@code {"error":{"message":..,"type":..,"param":null,"code":..}}},
   * compact UTF-8.
   */
  public static byte[] errorEnvelope(int status, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("type", HttpStatusPhrases.phrase(status));
    error.put("param", null);
    error.put("code", status);
    return MAPPER.writeValueAsBytes(Map.of("error", error));
  }

  /** {@code value} as a JSON string, UTF-8. */
  public static byte[] string(String value) {
    return MAPPER.writeValueAsBytes(value);
  }

  /** The JSON string {@code body} holds, or null when it is anything else. */
  public static @Nullable String readString(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      return node != null && node.isString() ? node.stringValue() : null;
    } catch (JacksonException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * What a peer's error body says, as Python Skulk reads it: {@code detail} when it is a string,
   * else {@code error.message}, else null.
   */
  public static @Nullable String errorDetail(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        return null;
      }
      JsonNode detail = node.get("detail");
      if (detail != null && detail.isString()) {
        return detail.stringValue();
      }
      JsonNode error = node.get("error");
      if (error != null && error.isObject()) {
        JsonNode message = error.get("message");
        if (message != null && message.isString()) {
          return message.stringValue();
        }
      }
      return null;
    } catch (JacksonException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Decodes UTF-8 for messages. */
  public static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
