package dev.playground.ui.faults;

import dev.playground.faults.FaultPlan;

/**
 * Something the Faults panel can break: a provider of the run (simulated, or a real one behind the chaos
 * proxy) or the engine itself (its retriever and response cache), with the plan in force. Immutable.
 *
 * @param name the provider's name in the run, or {@link #ENGINE}; what the apply callback is given
 * @param detail a word for people: "simulated", "proxy → api.openai.com" …
 * @param plan the plan in force (null = healthy)
 * @param engine true for the engine: its rules name a target ({@code retriever} or {@code cache})
 */
public record FaultTarget(String name, String detail, FaultPlan plan, boolean engine) {
  /** The engine's name as a target. */
  public static final String ENGINE = "engine";

  public FaultTarget {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be empty");
    detail = detail == null ? "" : detail;
  }

  /** A provider of the run whose faults can be changed. */
  public static FaultTarget provider(String name, String detail, FaultPlan plan) {
    return new FaultTarget(name, detail, plan, false);
  }

  /** The engine's own retriever and response cache. */
  public static FaultTarget engine(FaultPlan plan) {
    return new FaultTarget(ENGINE, "retriever, cache", plan, true);
  }

  /** "openai (simulated)". */
  public String label() {
    return detail.isEmpty() ? name : name + " (" + detail + ")";
  }

  @Override
  public String toString() {
    return label();
  }
}
