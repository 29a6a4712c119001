package dev.playground.scenario;

import dev.playground.engine.ModelDirectory;
import dev.playground.llm.ChatAnswer;
import dev.playground.llm.ChatModel;
import dev.playground.llm.ChatRequest;
import dev.playground.llm.SimulatedChatModel;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model that tells the simulated provider which logical call each request is ({@code X-Playground-Call}), so
 * that its fault is decided by the call and not by arrival order: two policy sets then meet the same faults
 * (what {@link Compare} runs both sides with). Thread-safe.
 */
final class CallKeyed implements ChatModel {
  private final ChatModel model;

  private CallKeyed(ChatModel model) {
    this.model = model;
  }

  /** Every model of {@code models}, keyed; one decorator per model. */
  static ModelDirectory directory(ModelDirectory models) {
    Map<String, ChatModel> keyed = new ConcurrentHashMap<>();
    return ref -> keyed.computeIfAbsent(ref.key(), k -> new CallKeyed(models.model(ref)));
  }

  @Override
  public String provider() {
    return model.provider();
  }

  @Override
  public String model() {
    return model.model();
  }

  @Override
  public CompletableFuture<ChatAnswer> chat(ChatRequest request) {
    if (request.call() == null) return model.chat(request);
    return model.chat(request.withHeader(SimulatedChatModel.CALL_HEADER,
        request.call().key() + "/" + request.call().attempt()));
  }
}
