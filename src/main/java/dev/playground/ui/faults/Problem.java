package dev.playground.ui.faults;

import dev.playground.faults.FaultPlanException;

/**
 * What is wrong with the form: the field's JSON path within its rule (or the plan, when {@code rule} is -1), and
 * the message to show, e.g. {@code rules[2].probability must be in [0, 1], was 1.5}. Immutable.
 *
 * @param rule the rule's index, or -1 for the plan's own fields (seed, base latency)
 * @param path the field's path within the rule or plan, e.g. {@code probability}, {@code latency.fixed_ms}
 */
public record Problem(int rule, String path, String message) {
  public Problem {
    path = path == null ? "" : path;
  }

  static Problem of(int rule, FaultPlanException e) {
    return new Problem(rule, e.path(), e.getMessage());
  }

  /** True if the problem is about {@code field} or a part of it ({@code latency} covers {@code latency.fixed_ms}). */
  public boolean concerns(String field) {
    return path.equals(field) || path.startsWith(field + ".") || path.startsWith(field + "[");
  }
}
