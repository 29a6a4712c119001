package dev.playground.engine;

import dev.playground.llm.ChatModel;
import dev.playground.policy.ModelRef;

/**
 * Where the engine finds the {@link ChatModel} for a provider + model of its chain. Implementations are
 * thread-safe and return the same model for the same reference.
 */
@FunctionalInterface
public interface ModelDirectory {
  /**
   * The model; throws {@link IllegalArgumentException} naming the provider when the run has no such provider.
   */
  ChatModel model(ModelRef ref);
}
