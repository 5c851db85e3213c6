package dev.skulk.diagnostics.json;

import dev.skulk.diagnostics.model.RunnerDiagnosticValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleSerializers;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.MapType;

/** Registers the codec's serializers, strict deserializers, shape checks and record creation. */
final class WireModule extends JacksonModule {

  @Override
  public String getModuleName() {
    return "skulk-diagnostics-wire";
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public void setupModule(SetupContext context) {
    SimpleSerializers serializers = new SimpleSerializers();
    serializers.addSerializer(double.class, new Floats(double.class));
    serializers.addSerializer(Double.class, new Floats(Double.class));
    serializers.addSerializer(float.class, new Floats(float.class));
    serializers.addSerializer(Float.class, new Floats(Float.class));
    serializers.addSerializer(RunnerDiagnosticValue.class, new AttrValues.Writer());
    context.addSerializers(serializers);

    SimpleDeserializers scalars = new SimpleDeserializers();
    scalars.addDeserializer(String.class, new StrictScalars.Text());
    scalars.addDeserializer(Integer.class, new StrictScalars.Int32(false));
    scalars.addDeserializer(int.class, new StrictScalars.Int32(true));
    scalars.addDeserializer(Long.class, new StrictScalars.Int64(false));
    scalars.addDeserializer(long.class, new StrictScalars.Int64(true));
    scalars.addDeserializer(Double.class, new StrictScalars.Float64(false));
    scalars.addDeserializer(double.class, new StrictScalars.Float64(true));
    scalars.addDeserializer(Boolean.class, new StrictScalars.Bool(false));
    scalars.addDeserializer(boolean.class, new StrictScalars.Bool(true));
    scalars.addDeserializer(RunnerDiagnosticValue.class, new AttrValues.Reader());
    context.addDeserializers(scalars);
    context.addDeserializers(new WireEnums());

    context.addDeserializerModifier(new Shapes());
    context.addValueInstantiators(new RecordCreation());
  }

  /** Every enum reads through {@link StrictScalars.WireEnum}. */
  private static final class WireEnums implements Deserializers {
    @Override
    public @Nullable ValueDeserializer<?> findEnumDeserializer(JavaType type, DeserializationConfig config,
        BeanDescription.Supplier beanDescRef) {
      return new StrictScalars.WireEnum(type.getRawClass());
    }

    @Override
    public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
      return valueType.isEnum();
    }
  }

  /** Puts a {@link ShapeCheck} in front of every record (bean), list and map deserializer. */
  private static final class Shapes extends ValueDeserializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier beanDescRef,
        ValueDeserializer<?> deserializer) {
      return deserializer instanceof BeanDeserializerBase ? ShapeCheck.object(deserializer) : deserializer;
    }

    @Override
    public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
        BeanDescription.Supplier beanDescRef, ValueDeserializer<?> deserializer) {
      return ShapeCheck.array(deserializer);
    }

    @Override
    public ValueDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
        BeanDescription.Supplier beanDescRef, ValueDeserializer<?> deserializer) {
      return ShapeCheck.object(deserializer);
    }
  }
}
