package dev.skulk.diagnostics.assembly;

import dev.skulk.diagnostics.spi.Slot;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The readings of one assembly, by slot; values were checked with {@link Slot#cast}. */
final class SlotValues {

  private final Map<Slot<?>, Object> values = new HashMap<>();

  void put(Slot<?> slot, Object value) {
    values.put(slot, slot.cast(value));
  }

  <T> @Nullable T get(Slot<T> slot) {
    Object value = values.get(slot);
    return value == null ? null : slot.type().cast(value);
  }
}
