package dev.skulk.diagnostics.assembly;

import dev.skulk.diagnostics.jfr.internal.JfrHooks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The warnings of one assembly, each with its source: the rule that returned it, or {@link
 * #ASSEMBLER} for the assembler's own. The bundle keeps only the texts; the sources feed {@link
 * AssemblyReport#warningsBySource()} and the JFR warning events. Not thread-safe: one assembly's
 * assembling thread only.
 */
final class WarningLog {

  /** The source of the warnings the assembler writes itself (collectors, rules failing, state...). */
  static final String ASSEMBLER = AssemblyReport.ASSEMBLER_SOURCE;

  // Insertion order, (source, text) pairs distinct.
  private final Set<Map.Entry<String, String>> entries = new LinkedHashSet<>();

  void add(String source, String text) {
    entries.add(Map.entry(source, text));
  }

  void addAll(String source, List<String> texts) {
    for (String text : texts) {
      add(source, text);
    }
  }

  void addAll(WarningLog other) {
    entries.addAll(other.entries);
  }

  List<String> texts() {
    List<String> texts = new ArrayList<>(entries.size());
    for (Map.Entry<String, String> entry : entries) {
      texts.add(entry.getValue());
    }
    return texts;
  }

  /** How many distinct warnings each source gave, by source name. */
  Map<String, Integer> countsBySource() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Map.Entry<String, String> entry : entries) {
      counts.merge(entry.getKey(), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(counts);
  }

  /** One JFR warning event per distinct (source, text), when a recording takes them. */
  void emitJfr() {
    if (JfrHooks.warningsEnabled()) {
      for (Map.Entry<String, String> entry : entries) {
        JfrHooks.warning(entry.getKey(), entry.getValue());
      }
    }
  }
}
