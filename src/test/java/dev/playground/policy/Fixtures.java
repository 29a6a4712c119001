package dev.playground.policy;

import dev.playground.llm.ChatAnswer;
import dev.playground.llm.FailureKind;
import dev.playground.llm.LlmFailure;
import java.time.Duration;
import java.util.Map;

/** Failures and answers as the llm room produces them. */
final class Fixtures {
  private Fixtures() {}

  static LlmFailure failure(FailureKind kind) {
    return LlmFailure.of(kind, kind.wireName());
  }

  static LlmFailure rateLimited(Duration retryAfter) {
    return new LlmFailure(FailureKind.RATE_LIMITED, "429", 429, retryAfter, Map.of(), "req-1", "rate_limit_exceeded",
        null);
  }

  static ChatAnswer answer(String text) {
    return new ChatAnswer(text, "gpt-4o-mini", "stop", 3, 5, "req-2", false, 12);
  }

  static ChatAnswer empty() {
    return new ChatAnswer("", "gpt-4o-mini", "stop", 3, 0, "req-3", false, 12);
  }

  static ChatAnswer truncated() {
    return new ChatAnswer("half an ans", "gpt-4o-mini", "length", 3, 5, "req-4", false, 12);
  }
}
