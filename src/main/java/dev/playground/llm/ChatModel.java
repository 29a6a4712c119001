package dev.playground.llm;

import java.util.concurrent.CompletableFuture;

/**
 * The port to one model of one provider. Implementations are thread-safe and never retry by themselves
 * (retrying is the engine's job, so that one call is exactly one request the provider sees).
 */
public interface ChatModel extends AutoCloseable {
  /** The provider's name in this run (e.g. "openai", "sim-b"). */
  String provider();

  /** The model asked for (e.g. "gpt-4o-mini"). */
  String model();

  /**
   * Sends one request. The future completes with the answer (possibly a defective one, see {@link
   * ChatAnswer#defect()}) or exceptionally with an {@link LlmFailure}. It never blocks the caller.
   */
  CompletableFuture<ChatAnswer> chat(ChatRequest request);

  @Override
  default void close() {}
}
