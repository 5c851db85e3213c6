package dev.skulk.diagnostics.micrometer.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One meter name in one registry, with one meter per tag set, each reading a value held here.
 * {@link #update} sets the values of the tag sets given, registers the new ones and removes the
 * meters of tag sets no longer given: a scrape reads a stored double and does no other work.
 *
 * <p>Not thread-safe: the binder calls it under its own lock. A meter's value field is volatile,
 * since registries read it from their own threads.
 */
public final class MeterFamily {

  /** Whether the family's meters are gauges or (monotonic) function counters. */
  public enum Kind {
    /** A value that goes up and down. */
    GAUGE,
    /** A cumulative count; the values given must never decrease for one tag set. */
    COUNTER
  }

  /** The value a meter reads; shared between the binder's thread and the registry's. */
  static final class Holder {
    volatile double value;

    double value() {
      return value;
    }
  }

  private final MeterRegistry registry;
  private final String name;
  private final String description;
  private final String baseUnit;
  private final Kind kind;
  private final Tags common;
  private final Map<Tags, Holder> holders = new HashMap<>();
  private final Map<Tags, Meter> meters = new HashMap<>();

  /**
   * A family of meters named {@code name} in {@code registry}, each with {@code common} tags added
   * to its own; {@code baseUnit} may be empty for none.
   */
  public MeterFamily(MeterRegistry registry, String name, String description, String baseUnit, Kind kind,
      Tags common) {
    this.registry = registry;
    this.name = name;
    this.description = description;
    this.baseUnit = baseUnit;
    this.kind = kind;
    this.common = common;
  }

  /** Sets the meters to exactly {@code values}: new tag sets registered, missing ones removed. */
  public void update(Map<Tags, Double> values) {
    for (Map.Entry<Tags, Double> entry : values.entrySet()) {
      Holder holder = holders.get(entry.getKey());
      if (holder == null) {
        holder = new Holder();
        holder.value = entry.getValue();
        holders.put(entry.getKey(), holder);
        meters.put(entry.getKey(), register(entry.getKey(), holder));
      } else {
        holder.value = entry.getValue();
      }
    }
    Iterator<Map.Entry<Tags, Holder>> it = holders.entrySet().iterator();
    while (it.hasNext()) {
      Tags tags = it.next().getKey();
      if (!values.containsKey(tags)) {
        it.remove();
        Meter meter = meters.remove(tags);
        if (meter != null) {
          registry.remove(meter);
        }
      }
    }
  }

  private Meter register(Tags tags, Holder holder) {
    Tags all = common.and(tags);
    String unit = baseUnit.isEmpty() ? null : baseUnit;
    if (kind == Kind.GAUGE) {
      // strongReference: the holder lives here; a weak one could be collected while registered.
      return Gauge.builder(name, holder, Holder::value)
          .description(description).baseUnit(unit).tags(all).strongReference(true).register(registry);
    }
    return FunctionCounter.builder(name, holder, Holder::value)
        .description(description).baseUnit(unit).tags(all).register(registry);
  }
}
