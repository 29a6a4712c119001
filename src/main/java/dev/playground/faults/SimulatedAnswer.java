package dev.playground.faults;

import java.util.List;

/**
 * A fake model answer: its text in pieces (one piece is one streamed chunk and one completion token) and the
 * token counts. Immutable and thread-safe.
 *
 * @param model the model that "answered"
 * @param pieces the answer's text, in order; their concatenation is {@link #content()}
 * @param promptTokens the prompt's size in tokens (estimated)
 */
public record SimulatedAnswer(String model, List<String> pieces, int promptTokens) {
  public SimulatedAnswer {
    if (model == null) throw new IllegalArgumentException("model must not be null");
    pieces = List.copyOf(pieces);
    if (promptTokens < 0) throw new IllegalArgumentException("promptTokens must be ≥ 0, was " + promptTokens);
  }

  public String content() {
    return String.join("", pieces);
  }

  public int completionTokens() {
    return pieces.size();
  }

  public int totalTokens() {
    return promptTokens + completionTokens();
  }

  /** The first {@code n} pieces only (an answer cut at a token limit, or by a filter). */
  public SimulatedAnswer firstPieces(int n) {
    return new SimulatedAnswer(model, pieces.subList(0, Math.max(0, Math.min(n, pieces.size()))), promptTokens);
  }

  /** The same answer for a prompt of another size (the provider counts every message, not only the last). */
  public SimulatedAnswer withPromptTokens(int tokens) {
    return new SimulatedAnswer(model, pieces, tokens);
  }
}
