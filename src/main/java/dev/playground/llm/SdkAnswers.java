package dev.playground.llm;

import com.openai.errors.OpenAIInvalidDataException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.completions.CompletionUsage;
import dev.playground.guard.Secrets;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Turns what the SDK parsed into a {@link ChatAnswer}: a whole completion, or the chunks of a stream as they
 * arrive. A stream that never said why it finished keeps {@code finishReason} null, which
 * {@link ChatAnswer#defect()} reads as a cut stream. Not thread-safe (one stream, one reader thread).
 */
final class SdkAnswers {
  private final String requestedModel;
  private final StringBuilder content = new StringBuilder();
  private String model;
  private String finishReason;
  private int promptTokens;
  private int completionTokens;
  private int chunks;

  SdkAnswers(String requestedModel) {
    this.requestedModel = requestedModel;
  }

  /** A whole (non-streamed) completion; throws {@link OpenAIInvalidDataException} if it has no choice. */
  static ChatAnswer of(ChatCompletion completion, String requestedModel, String requestId, double latencyMs) {
    List<ChatCompletion.Choice> choices = completion.choices();
    if (choices.isEmpty()) throw new OpenAIInvalidDataException("the answer has no choices");
    ChatCompletion.Choice choice = choices.get(0);
    String content = choice.message().content().orElse("");
    String finish = lenient(() -> choice.finishReason().asString());
    String model = Optional.ofNullable(lenient(completion::model)).orElse(requestedModel);
    CompletionUsage usage = lenient(() -> completion.usage().orElse(null));
    // an endpoint may echo anything, a key included: what it says is masked before anyone sees it
    return new ChatAnswer(Secrets.redact(content), Secrets.redact(model), finish, prompt(usage), completion(usage),
        Secrets.redact(requestId), false, latencyMs);
  }

  void add(ChatCompletionChunk chunk) {
    chunks++;
    if (model == null) model = lenient(chunk::model);
    for (ChatCompletionChunk.Choice choice : chunk.choices()) {
      if (choice.index() != 0) continue;
      choice.delta().content().ifPresent(content::append);
      String finish = lenient(() -> choice.finishReason().map(f -> f.asString()).orElse(null));
      if (finish != null) finishReason = finish;
    }
    CompletionUsage usage = lenient(() -> chunk.usage().orElse(null));
    if (usage != null) {
      promptTokens = prompt(usage);
      completionTokens = completion(usage);
    }
  }

  boolean hasChunks() {
    return chunks > 0;
  }

  ChatAnswer answer(String requestId, double latencyMs) {
    return new ChatAnswer(Secrets.redact(content.toString()), Secrets.redact(model != null ? model : requestedModel),
        finishReason, promptTokens, completionTokens, Secrets.redact(requestId), true, latencyMs);
  }

  private static int prompt(CompletionUsage usage) {
    return usage == null ? 0 : (int) Math.min(Integer.MAX_VALUE, lenientLong(usage::promptTokens));
  }

  private static int completion(CompletionUsage usage) {
    return usage == null ? 0 : (int) Math.min(Integer.MAX_VALUE, lenientLong(usage::completionTokens));
  }

  /** Optional fields: the SDK throws when one is missing or mistyped; an answer can do without them. */
  private static <T> T lenient(Supplier<T> read) {
    try {
      return read.get();
    } catch (OpenAIInvalidDataException e) {
      return null;
    }
  }

  private static long lenientLong(LongSupplier read) {
    try {
      return read.getAsLong();
    } catch (OpenAIInvalidDataException e) {
      return 0;
    }
  }
}
