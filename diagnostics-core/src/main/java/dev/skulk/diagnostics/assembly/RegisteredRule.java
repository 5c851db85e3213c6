package dev.skulk.diagnostics.assembly;

import dev.skulk.diagnostics.rules.RuleSets;
import dev.skulk.diagnostics.spi.DiagnosticRule;
import java.util.concurrent.atomic.AtomicBoolean;

/** A rule as the assembler holds it: its name read once, and whether a call is still running. */
final class RegisteredRule {

  final DiagnosticRule rule;
  final String name;
  /** Our own rules are pure and bounded: they run on the assembling thread, no hand-off. */
  final boolean builtIn;
  final AtomicBoolean busy = new AtomicBoolean();

  RegisteredRule(DiagnosticRule rule, String name) {
    this.rule = rule;
    this.name = name;
    Class<?> type = rule.getClass();
    this.builtIn = type.getClassLoader() == RuleSets.class.getClassLoader()
        && type.getPackageName().equals(RuleSets.class.getPackageName());
  }
}
