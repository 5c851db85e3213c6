package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The phase a runner reports in its flight recorder, with Python Skulk's exact wire names. */
public enum RunnerPhase {
  CREATED("created"),
  IDLE("idle"),
  CONNECT_GROUP("connect_group"),
  LOAD_MODEL("load_model"),
  WARMUP("warmup"),
  TASK_SUBMISSION("task_submission"),
  TASK_AGREEMENT("task_agreement"),
  PROMPT_BUILD("prompt_build"),
  VISION_PREPROCESS("vision_preprocess"),
  KV_CACHE_LOOKUP("kv_cache_lookup"),
  PREFILL_BARRIER("prefill_barrier"),
  PREFILL_PIPELINE("prefill_pipeline"),
  PREFILL_STREAM("prefill_stream"),
  DECODE_BARRIER("decode_barrier"),
  DECODE_WAIT_FIRST_TOKEN("decode_wait_first_token"),
  DECODE_STREAM("decode_stream"),
  PARSER("parser"),
  CANCEL_REQUESTED("cancel_requested"),
  CANCEL_OBSERVED("cancel_observed"),
  COMPLETION("completion"),
  ERROR("error"),
  SHUTDOWN_CLEANUP("shutdown_cleanup");

  private final String wireValue;

  RunnerPhase(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The exact string this constant has on the wire. */
  @JsonValue
  public String wireValue() {
    return wireValue;
  }

  /**
   * The constant whose wire value is {@code value}.
   *
   * @throws IllegalArgumentException when no constant has that wire value
   */
  public static RunnerPhase fromWire(String value) {
    for (RunnerPhase candidate : values()) {
      if (candidate.wireValue.equals(value)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "Unknown RunnerPhase '" + value + "'; expected one of " + java.util.Arrays.toString(wireValues()));
  }

  private static String[] wireValues() {
    RunnerPhase[] all = values();
    String[] names = new String[all.length];
    for (int i = 0; i < all.length; i++) {
      names[i] = all[i].wireValue;
    }
    return names;
  }

  @Override
  public String toString() {
    return wireValue;
  }
}
