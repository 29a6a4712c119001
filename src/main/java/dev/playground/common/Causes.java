package dev.playground.common;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What went wrong, for people: the real cause behind the wrappers of futures, in one sentence. Stateless. */
public final class Causes {
  private Causes() {}

  /** The failure behind any {@link CompletionException} and {@link ExecutionException} layers. */
  public static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null)
      e = e.getCause();
    return e;
  }

  /** The unwrapped failure's message, or its type's simple name when it has none. */
  public static String message(Throwable t) {
    Throwable e = unwrap(t);
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
