package dev.playground.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.playground.events.Rung;
import java.util.ArrayList;
import java.util.List;

/**
 * The degradation ladder, with the lesson's quality labels as rung names: {@code full} (retrieved context +
 * the chain), {@code limited} (the chain without context), {@code cached} (an earlier answer), {@code error}
 * (the canned message). Any rung can be off. Immutable and thread-safe.
 *
 * <p><b>When {@code limited} runs.</b> The lesson's {@code smart_response} runs the whole model chain again
 * without context whenever the {@code full} rung failed, even when it failed because every model is down:
 * that doubles the calls sent to providers that are already failing. Here {@code limited} runs by default
 * only when retrieval failed or the context made the request too long ({@code context_length});
 * {@code limitedAfterChainFailure = true} restores the lesson's behaviour, doubled calls included.
 *
 * @param errorMessage what the {@code error} rung answers
 */
public record LadderSpec(
    boolean full,
    boolean limited,
    boolean cached,
    boolean error,
    String errorMessage,
    boolean limitedAfterChainFailure) {

  /** The lesson's canned message (from its graceful-degradation example). */
  public static final String DEFAULT_ERROR_MESSAGE = "I'm experiencing issues. Please try again later.";
  public static final int MAX_MESSAGE_LENGTH = 1000;

  public LadderSpec {
    if (!full && !limited) throw Checks.fail("full or limited must be on: with both off no model is ever asked");
    Checks.notNull("errorMessage", errorMessage);
    if (error && errorMessage.isBlank()) throw Checks.fail("errorMessage must not be empty when the error rung is on");
    if (errorMessage.length() > MAX_MESSAGE_LENGTH)
      throw Checks.fail("errorMessage must be at most " + MAX_MESSAGE_LENGTH + " characters, was " + errorMessage.length());
  }

  /** Every rung on, the lesson's message, {@code limited} only for retrieval or context-length failures. */
  public static LadderSpec defaults() {
    return new LadderSpec(true, true, true, true, DEFAULT_ERROR_MESSAGE, false);
  }

  /** No ladder: the chain with context only; a failure is the request's outcome. */
  public static LadderSpec fullOnly() {
    return new LadderSpec(true, false, false, false, DEFAULT_ERROR_MESSAGE, false);
  }

  public LadderSpec withLimitedAfterChainFailure(boolean value) {
    return new LadderSpec(full, limited, cached, error, errorMessage, value);
  }

  /** The rungs that are on, best first. */
  public List<Rung> rungs() {
    List<Rung> rungs = new ArrayList<>();
    if (full) rungs.add(Rung.FULL);
    if (limited) rungs.add(Rung.LIMITED);
    if (cached) rungs.add(Rung.CACHED);
    if (error) rungs.add(Rung.ERROR);
    return List.copyOf(rungs);
  }

  /** Why the {@code full} rung did not answer, as far as the {@code limited} rung cares. Immutable. */
  public enum FullFailure {
    /** The retriever failed: no context to send. */
    RETRIEVAL_FAILED,
    /** The chain refused the request as too long ({@code context_length}): without context it may fit. */
    CONTEXT_TOO_LONG,
    /** The chain failed for any other reason (outage, rate limits, open breakers …). */
    CHAIN_FAILED
  }

  /** True when the {@code limited} rung should run after the {@code full} rung failed this way. */
  public boolean triesLimitedAfter(FullFailure why) {
    return limited && (why != FullFailure.CHAIN_FAILED || limitedAfterChainFailure);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static LadderSpec fromJson(JsonNode node) {
    return read(node, "");
  }

  static LadderSpec read(JsonNode node, String path) {
    var f = JsonFields.of(node, path, "full", "limited", "cached", "error", "error_message",
        "limited_after_chain_failure");
    boolean full = f.bool("full", true);
    boolean limited = f.bool("limited", true);
    boolean cached = f.bool("cached", true);
    boolean error = f.bool("error", true);
    String message = f.text("error_message", DEFAULT_ERROR_MESSAGE);
    boolean after = f.bool("limited_after_chain_failure", false);
    return JsonFields.build(path, () -> new LadderSpec(full, limited, cached, error, message, after));
  }

  @JsonValue
  ObjectNode toJson() {
    ObjectNode n = JsonFields.object();
    n.put("full", full);
    n.put("limited", limited);
    n.put("cached", cached);
    n.put("error", error);
    n.put("error_message", errorMessage);
    n.put("limited_after_chain_failure", limitedAfterChainFailure);
    return n;
  }
}
