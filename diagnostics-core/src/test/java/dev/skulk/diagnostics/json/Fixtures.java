package dev.skulk.diagnostics.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test resources of this package, and edits of their JSON at a JSON pointer. */
final class Fixtures {

  /** A plain mapper for building and comparing trees; never the codec under test. */
  static final JsonMapper TREES = JsonMapper.builder().build();

  private Fixtures() {}

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static byte[] bytes(String name) {
    try (InputStream in = Objects.requireNonNull(Fixtures.class.getResourceAsStream(name), name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String json) {
    return TREES.readTree(json);
  }

  /** {@code json} with the value at {@code pointer} replaced by (or added as) {@code rawValue}. */
  static String with(String json, String pointer, String rawValue) {
    JsonNode root = tree(json);
    JsonPointer at = JsonPointer.compile(pointer);
    ObjectNode parent = (ObjectNode) root.at(at.head());
    parent.set(at.last().getMatchingProperty(), tree(rawValue));
    return TREES.writeValueAsString(root);
  }

  /** {@code json} without the field at {@code pointer}. */
  static String without(String json, String pointer) {
    JsonNode root = tree(json);
    JsonPointer at = JsonPointer.compile(pointer);
    ((ObjectNode) root.at(at.head())).remove(at.last().getMatchingProperty());
    return TREES.writeValueAsString(root);
  }

  /** {@code json} with the field at {@code pointer} renamed to {@code newName}, in place. */
  static String renamed(String json, String pointer, String newName) {
    JsonNode root = tree(json);
    JsonPointer at = JsonPointer.compile(pointer);
    ObjectNode parent = (ObjectNode) root.at(at.head());
    String oldName = at.last().getMatchingProperty();
    ObjectNode copy = TREES.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = parent.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      copy.set(field.getKey().equals(oldName) ? newName : field.getKey(), field.getValue());
    }
    parent.removeAll();
    parent.setAll(copy);
    return TREES.writeValueAsString(root);
  }
}
