package dev.skulk.diagnostics.json;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;

/**
 * Creates records from JSON objects the way a pydantic model validates them:
 *
 * <ul>
 *   <li>a missing required field fails with its name and path ({@code missing required field
 *       'nodeId'});
 *   <li>a missing optional field is passed as null (0 or false for a primitive) to the canonical
 *       constructor, whose compact form applies the record's default. Jackson itself would turn an
 *       absent field into a JSON null, and so fail every absent field that refuses null ({@code
 *       @JsonSetter(nulls = FAIL)}), making it required;
 *   <li>a missing primitive field takes the default the model declares. The canonical constructor
 *       cannot tell an absent {@code boolean} from {@code false}, so when one is absent the record
 *       is built through its Immutables builder ({@code <Record>Builder}), which knows the
 *       declared {@code @Value.Default} ({@code includeProcessSamples} is {@code true} unless
 *       sent). Records whose absent primitives default to 0 or false need no builder.
 * </ul>
 */
final class RecordCreation implements ValueInstantiators {

  @Override
  public @Nullable ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription.Supplier beanDescRef) {
    return null;
  }

  @Override
  public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier beanDescRef,
      ValueInstantiator defaultInstantiator) {
    Class<?> type = beanDescRef.getBeanClass();
    if (type.isRecord() && !(defaultInstantiator instanceof RecordInstantiator)) {
      return new RecordInstantiator(defaultInstantiator, type, Builder.find(type));
    }
    return defaultInstantiator;
  }

  static final class RecordInstantiator extends ValueInstantiator.Delegating {
    private static final long serialVersionUID = 1L;

    private final Class<?> record;
    private final transient @Nullable Builder builder;

    RecordInstantiator(ValueInstantiator delegate, Class<?> record, @Nullable Builder builder) {
      super(delegate);
      this.record = record;
      this.builder = builder;
    }

    @Override
    public ValueInstantiator createContextual(DeserializationContext ctxt, BeanDescription.Supplier beanDescRef) {
      ValueInstantiator contextual = delegate().createContextual(ctxt, beanDescRef);
      return contextual == delegate() ? this : new RecordInstantiator(contextual, record, builder);
    }

    @Override
    public Object createFromObjectWith(DeserializationContext ctxt, SettableBeanProperty[] props,
        PropertyValueBuffer buffer) {
      Object[] values = new Object[props.length];
      boolean[] present = new boolean[props.length];
      boolean primitiveAbsent = false;
      for (SettableBeanProperty prop : props) {
        int index = prop.getCreatorIndex();
        if (buffer.hasParameter(prop)) {
          values[index] = buffer.getParameter(ctxt, prop);
          present[index] = true;
        } else if (prop.isRequired()) {
          WireProblem problem = WireProblem.reading(ctxt.getParser(), "missing required field '" + prop.getName() + "'");
          problem.prependPath(record, prop.getName());
          throw problem;
        } else if (prop.getType().isPrimitive()) {
          values[index] = javaDefault(prop.getType().getRawClass());
          primitiveAbsent = true;
        }
        // else null: the compact constructor applies the record's default (List.of(), "Unknown")
      }
      if (primitiveAbsent && builder != null) {
        return builder.build(values, present);
      }
      return delegate().createFromObjectWith(ctxt, values);
    }

    private static Object javaDefault(Class<?> primitive) {
      if (primitive == boolean.class) {
        return Boolean.FALSE;
      }
      if (primitive == double.class) {
        return 0.0;
      }
      if (primitive == long.class) {
        return 0L;
      }
      if (primitive == int.class) {
        return 0;
      }
      if (primitive == float.class) {
        return 0.0f;
      }
      if (primitive == short.class) {
        return (short) 0;
      }
      if (primitive == byte.class) {
        return (byte) 0;
      }
      return '\0';
    }
  }

  /** A record's Immutables builder: its no-argument constructor, one setter per component, build(). */
  static final class Builder {
    private final MethodHandle create;
    private final MethodHandle[] setters;
    private final MethodHandle build;

    private Builder(MethodHandle create, MethodHandle[] setters, MethodHandle build) {
      this.create = create;
      this.setters = setters;
      this.build = build;
    }

    static @Nullable Builder find(Class<?> record) {
      if (record.getEnclosingClass() != null) {
        return null;
      }
      try {
        Class<?> type = Class.forName(record.getName() + "Builder", false, record.getClassLoader());
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle create = lookup.findConstructor(type, MethodType.methodType(void.class));
        RecordComponent[] components = record.getRecordComponents();
        MethodHandle[] setters = new MethodHandle[components.length];
        for (int i = 0; i < components.length; i++) {
          Method setter = setter(type, components[i]);
          if (setter == null) {
            return null;
          }
          setters[i] = lookup.unreflect(setter);
        }
        MethodHandle build = lookup.findVirtual(type, "build", MethodType.methodType(record));
        return new Builder(create, setters, build);
      } catch (ReflectiveOperationException | LinkageError e) {
        return null; // no usable builder: absent primitives take Java's defaults
      }
    }

    private static @Nullable Method setter(Class<?> builder, RecordComponent component) {
      for (Method method : builder.getMethods()) {
        if (method.getName().equals(component.getName()) && method.getParameterCount() == 1
            && !Modifier.isStatic(method.getModifiers())
            && method.getParameterTypes()[0].isAssignableFrom(component.getType())) {
          return method;
        }
      }
      return null;
    }

    Object build(Object[] values, boolean[] present) {
      try {
        Object builder = create.invoke();
        for (int i = 0; i < values.length; i++) {
          if (present[i]) {
            setters[i].invoke(builder, values[i]);
          }
        }
        return build.invoke(builder);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
