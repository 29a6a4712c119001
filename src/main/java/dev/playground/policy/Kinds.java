package dev.playground.policy;

import dev.playground.llm.FailureKind;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Sets of failure kinds: immutable copies in a stable order, and their wire names. Thread-safe. */
final class Kinds {
  static final Set<FailureKind> DEFECTS =
      of(FailureKind.EMPTY_ANSWER, FailureKind.TRUNCATED, FailureKind.CONTENT_FILTERED, FailureKind.STREAM_CUT);

  private Kinds() {}

  static Set<FailureKind> of(FailureKind... kinds) {
    return copy(Arrays.asList(kinds));
  }

  /** An unmodifiable set iterating in the enum's order, so JSON and code come out the same every time. */
  static Set<FailureKind> copy(Collection<FailureKind> kinds) {
    EnumSet<FailureKind> set = EnumSet.noneOf(FailureKind.class);
    for (FailureKind k : kinds) {
      if (k == null) throw Checks.fail("a set of failure kinds must not contain null");
      set.add(k);
    }
    return Collections.unmodifiableSet(set);
  }

  static String names(Collection<FailureKind> kinds) {
    return kinds.stream().map(FailureKind::wireName).collect(Collectors.joining(", "));
  }

  static String allNames() {
    return names(EnumSet.allOf(FailureKind.class));
  }

  /** Refuses answer defects: they arrive as answers, not as failures, so only retry_on_result can name them. */
  static Set<FailureKind> failuresOnly(String field, Set<FailureKind> kinds) {
    Set<FailureKind> copy = copy(Checks.notNull(field, kinds));
    for (FailureKind k : copy)
      if (k.isAnswerDefect())
        throw Checks.fail(field + " must not contain " + k.wireName()
            + " (an answer defect, not a failure: use retryOnResult)");
    return copy;
  }

  static Set<FailureKind> defectsOnly(String field, Set<FailureKind> kinds) {
    Set<FailureKind> copy = copy(Checks.notNull(field, kinds));
    for (FailureKind k : copy)
      if (!k.isAnswerDefect())
        throw Checks.fail(field + " may contain only " + names(DEFECTS) + "; was " + k.wireName());
    return copy;
  }
}
