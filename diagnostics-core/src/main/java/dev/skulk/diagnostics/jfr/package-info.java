/**
 * JDK Flight Recorder events of the SDK: the names a host enables in a recording to see runner
 * phases, supervisor status and task changes, assembler warnings and collector outcomes in JDK
 * Mission Control, grouped under the category "Skulk". See {@link dev.skulk.diagnostics.jfr.SkulkEvents}.
 */
@NullMarked
package dev.skulk.diagnostics.jfr;

import org.jspecify.annotations.NullMarked;
