package dev.skulk.diagnostics.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedField;
import tools.jackson.databind.introspect.AnnotatedMethod;
import tools.jackson.databind.introspect.AnnotatedParameter;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Jackson's annotation introspection plus what the records' annotations cannot say:
 *
 * <ul>
 *   <li>each record component is also read under its Python field name, the snake_case of the
 *       Java name ({@code nodeId} or {@code node_id}; {@code libp2PNamespace} or {@code
 *       libp2p_namespace}), as a pydantic model with {@code populate_by_name} does;
 *   <li>in lenient mode, also under the Java component name where it differs from the wire name
 *       ({@code libp2pNamespace}), which a Python peer would reject;
 *   <li>a JSON null is refused for every component not marked JSpecify {@code @Nullable}, as
 *       pydantic refuses None for a field not typed {@code X | None}.
 * </ul>
 *
 * <p>Jackson calls it while it builds (and caches) a type's deserializer, not per read.
 */
final class WireNames extends JacksonAnnotationIntrospector {

  private static final long serialVersionUID = 1L;
  private static final JsonSetter.Value FAIL_ON_NULL = JsonSetter.Value.forValueNulls(Nulls.FAIL);

  private final boolean acceptJavaNames;

  WireNames(boolean acceptJavaNames) {
    this.acceptJavaNames = acceptJavaNames;
  }

  /** {@code libp2pNamespace} gives {@code libp2p_namespace}: an underscore before each capital. */
  static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public @Nullable List<PropertyName> findPropertyAliases(MapperConfig<?> config, Annotated annotated) {
    List<PropertyName> declared = super.findPropertyAliases(config, annotated);
    RecordComponent component = recordComponent(annotated);
    if (component == null) {
      return declared;
    }
    String javaName = component.getName();
    String wireName = wireName(component);
    Set<String> aliases = new LinkedHashSet<>();
    aliases.add(snakeCase(javaName));
    if (acceptJavaNames) {
      aliases.add(javaName);
    }
    aliases.remove(wireName);
    if (aliases.isEmpty()) {
      return declared;
    }
    List<PropertyName> all = declared == null ? new ArrayList<>() : new ArrayList<>(declared);
    for (String alias : aliases) {
      all.add(PropertyName.construct(alias));
    }
    return all;
  }

  @Override
  public JsonSetter.@Nullable Value findSetterInfo(MapperConfig<?> config, Annotated annotated) {
    JsonSetter.Value declared = super.findSetterInfo(config, annotated);
    RecordComponent component = recordComponent(annotated);
    if (component == null || component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
      return declared;
    }
    return declared == null ? FAIL_ON_NULL : FAIL_ON_NULL.withOverrides(declared);
  }

  private static String wireName(RecordComponent component) {
    // @JsonProperty cannot target a record component; javac copies it onto the backing field.
    try {
      Field field = component.getDeclaringRecord().getDeclaredField(component.getName());
      JsonProperty property = field.getAnnotation(JsonProperty.class);
      if (property != null && !property.value().isEmpty()) {
        return property.value();
      }
    } catch (NoSuchFieldException e) {
      // every component has its field; fall through to the Java name
    }
    return component.getName();
  }

  /** The record component that {@code annotated} stands for, if it stands for one. */
  private static @Nullable RecordComponent recordComponent(Annotated annotated) {
    if (annotated instanceof AnnotatedParameter parameter) {
      Class<?> owner = parameter.getDeclaringClass();
      if (owner.isRecord() && parameter.getOwner().getMember() instanceof Constructor<?> constructor
          && isCanonical(owner, constructor)) {
        return owner.getRecordComponents()[parameter.getIndex()];
      }
      return null;
    }
    if (annotated instanceof AnnotatedField field) {
      return Modifier.isStatic(field.getMember().getModifiers())
          ? null : component(field.getDeclaringClass(), field.getName());
    }
    if (annotated instanceof AnnotatedMethod method && method.getParameterCount() == 0) {
      Method member = method.getMember();
      return Modifier.isStatic(member.getModifiers()) ? null : component(method.getDeclaringClass(), method.getName());
    }
    return null;
  }

  private static @Nullable RecordComponent component(Class<?> type, String name) {
    if (!type.isRecord()) {
      return null;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getName().equals(name)) {
        return component;
      }
    }
    return null;
  }

  private static boolean isCanonical(Class<?> record, Constructor<?> constructor) {
    Class<?>[] componentTypes = Arrays.stream(record.getRecordComponents())
        .map(RecordComponent::getType)
        .toArray(Class<?>[]::new);
    return Arrays.equals(componentTypes, constructor.getParameterTypes());
  }
}
