package dev.playground.faults;

/**
 * A fault plan (or one of its parts) that breaks a rule. The message names the field, the rule and the
 * value, e.g. {@code rules[1].probability must be in [0, 1], was 1.5}; {@link #path()} is the field alone
 * ({@code rules[1].probability}), for forms that mark the offending input. Immutable.
 */
public final class FaultPlanException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String path;

  /** A message of its own; {@code path} is the field it is about (may be empty for the whole plan). */
  public FaultPlanException(String path, String message) {
    super(message);
    this.path = path == null ? "" : path;
  }

  /** "{@code <path> <detail>}", the usual shape: {@code field("probability", "must be in [0, 1], was 1.5")}. */
  static FaultPlanException field(String path, String detail) {
    return new FaultPlanException(path, path.isEmpty() ? detail : path + " " + detail);
  }

  /** The JSON path of the offending field, e.g. {@code rules[2].latency.fixed_ms}; empty for the plan itself. */
  public String path() {
    return path;
  }

  /**
   * The same complaint one level down: {@code within("rules[1]")} turns {@code probability must …} into
   * {@code rules[1].probability must …}. Messages that do not start with their path are kept as they are.
   */
  public FaultPlanException within(String prefix) {
    String newPath = join(prefix, path);
    String message = getMessage();
    if (path.isEmpty()) return new FaultPlanException(newPath, prefix + " " + message);
    if (message.startsWith(path)) return new FaultPlanException(newPath, newPath + message.substring(path.length()));
    return new FaultPlanException(newPath, message);
  }

  /** 1.0 → "1", 1.5 → "1.5": numbers in messages as the user typed them. */
  static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  static String join(String prefix, String path) {
    if (prefix.isEmpty()) return path;
    if (path.isEmpty()) return prefix;
    return path.startsWith("[") ? prefix + path : prefix + "." + path;
  }
}
