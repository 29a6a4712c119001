package dev.playground.llm;

import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.playground.clock.LiveClock;
import dev.playground.clock.RunClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One model of one OpenAI-compatible provider, called through the official openai-java SDK's async client
 * with the SDK's own retries off: one {@link #chat} is exactly one HTTP request. Thread-safe.
 *
 * <pre>{@code
 * ChatModel model = OpenAiChatModel.builder()
 *     .provider("openai").baseUrl("https://api.openai.com/v1").model("gpt-4o-mini")
 *     .apiKey(() -> System.getenv(OpenAiChatModel.API_KEY_ENV))
 *     .clock(runClock)
 *     .build();
 * }</pre>
 */
public final class OpenAiChatModel implements ChatModel {
  /** The environment variable a real provider's key is read from. */
  public static final String API_KEY_ENV = "OPENAI_API_KEY";

  // Only nowNanos() is used: this clock never starts a thread.
  private static final RunClock DEFAULT_CLOCK = new LiveClock(1);

  private final String provider;
  private final String model;
  private final String baseUrl;
  private final RunClock clock;
  private final SdkClients.Lease lease;
  private final SdkFailures failures;
  private final AtomicBoolean closed = new AtomicBoolean();

  private OpenAiChatModel(Builder b, Secret key) {
    this.provider = b.provider;
    this.model = b.model;
    this.baseUrl = b.baseUrl;
    this.clock = b.clock;
    // An HTTP date in Retry-After is absolute; without a Date header it is read against the wall clock.
    this.failures = new SdkFailures(provider, model, key, Instant::now);
    this.lease = SdkClients.acquire(baseUrl, key);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String provider() {
    return provider;
  }

  @Override
  public String model() {
    return model;
  }

  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public CompletableFuture<ChatAnswer> chat(ChatRequest request) {
    CompletableFuture<ChatAnswer> result = new CompletableFuture<>();
    if (closed.get()) {
      result.completeExceptionally(LlmFailure.of(FailureKind.UNKNOWN, this + " is closed"));
      return result;
    }
    long start = clock.nowNanos();
    CallCancels cancels = lease.cancels();
    String callId = cancels.newId();
    // A caller that gives up (e.g. a Timeout policy cancelling) frees the connection at once.
    result.whenComplete((answer, error) -> cancels.ended(callId, result.isCancelled()));
    try {
      var raw = lease.client().chat().completions().withRawResponse();
      ChatCompletionCreateParams params = params(request, callId);
      RequestOptions options = options(request.timeout());
      if (request.stream()) {
        raw.createStreaming(params, options).whenComplete((response, error) -> {
          if (error != null) fail(result, error);
          else onReader(result, response, () -> readStream(response, start, result));
        });
      } else {
        raw.create(params, options).whenComplete((response, error) -> {
          if (error != null) fail(result, error);
          else onReader(result, response, () -> readWhole(response, start, result));
        });
      }
    } catch (RuntimeException e) {
      fail(result, e);
    }
    return result;
  }

  private void fail(CompletableFuture<ChatAnswer> result, Throwable error) {
    fail(result, error, Map.of());
  }

  /** Completes the call with the classified failure, whatever happens while classifying it. */
  private void fail(CompletableFuture<ChatAnswer> result, Throwable error, Map<String, List<String>> headers) {
    try {
      result.completeExceptionally(failures.classify(error, headers));
    } catch (RuntimeException e) {
      result.completeExceptionally(LlmFailure.of(FailureKind.UNKNOWN, "could not classify "
          + error.getClass().getSimpleName() + " from " + provider + "/" + model));
    }
  }

  private ChatCompletionCreateParams params(ChatRequest request, String callId) {
    var params = ChatCompletionCreateParams.builder().model(model);
    if (request.hasContext()) params.addSystemMessage(request.context());
    params.addUserMessage(request.prompt());
    if (request.stream()) params.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
    request.extraHeaders().forEach(params::putAdditionalHeader);
    params.putAdditionalHeader(CallCancels.HEADER, callId); // taken off again before the request is sent
    return params.build();
  }

  /** The attempt's timeout bounds connecting, each read, and the whole call including the body. */
  private static RequestOptions options(Duration timeout) {
    return RequestOptions.builder()
        .timeout(Timeout.builder().connect(timeout).read(timeout).write(timeout).request(timeout).build())
        .build();
  }

  /** The body is read on the client's reader threads, never on the caller's or on OkHttp's dispatcher. */
  private void onReader(CompletableFuture<ChatAnswer> result, AutoCloseable response, Runnable read) {
    try {
      lease.readers().execute(read);
    } catch (RejectedExecutionException e) {
      closeQuietly(response);
      result.completeExceptionally(LlmFailure.of(FailureKind.UNKNOWN, this + " was closed during the call"));
    }
  }

  private void readWhole(HttpResponseFor<ChatCompletion> response, long start,
      CompletableFuture<ChatAnswer> result) {
    Map<String, List<String>> headers = SdkFailures.headersOf(response.headers());
    try (response) {
      ChatCompletion completion = response.parse();
      String requestId = SdkFailures.first(headers, "x-request-id");
      result.complete(SdkAnswers.of(completion, model, requestId, millisSince(start)));
    } catch (RuntimeException e) {
      fail(result, e, headers);
    }
  }

  private void readStream(HttpResponseFor<StreamResponse<ChatCompletionChunk>> response, long start,
      CompletableFuture<ChatAnswer> result) {
    Map<String, List<String>> headers = SdkFailures.headersOf(response.headers());
    String requestId = SdkFailures.first(headers, "x-request-id");
    SdkAnswers answer = new SdkAnswers(model);
    try (response; StreamResponse<ChatCompletionChunk> chunks = response.parse()) {
      chunks.stream().forEach(answer::add);
      if (answer.hasChunks()) result.complete(answer.answer(requestId, millisSince(start)));
      else result.completeExceptionally(failures.emptyStream(headers));
    } catch (Exception e) {
      // A connection that breaks after some chunks is a cut stream: an answer, not an exception.
      if (answer.hasChunks() && failures.classify(e, headers).kind() == FailureKind.NETWORK) {
        result.complete(answer.answer(requestId, millisSince(start)));
      } else {
        fail(result, e, headers);
      }
    }
  }

  private double millisSince(long startNanos) {
    return (clock.nowNanos() - startNanos) / 1_000_000d;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // the call is already failed; a failure to close adds nothing
    }
  }

  /** Releases this model's share of the client; the client closes with the last model using it. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) lease.release();
  }

  @Override
  public String toString() {
    return "OpenAiChatModel[" + provider + " " + model + " @ " + baseUrl + "]";
  }

  /** Settings for an {@link OpenAiChatModel}. Not thread-safe; build once. */
  public static final class Builder {
    private String provider = "openai";
    private String baseUrl;
    private String model;
    private Supplier<String> apiKey;
    private RunClock clock = DEFAULT_CLOCK;

    private Builder() {}

    /** The provider's name in this run (default "openai"). */
    public Builder provider(String provider) {
      this.provider = provider;
      return this;
    }

    /** e.g. {@code https://api.openai.com/v1} or {@code http://127.0.0.1:8080/v1}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /** The key, read once at {@link #build()}; for a real provider pass {@code () -> System.getenv(API_KEY_ENV)}. */
    public Builder apiKey(Supplier<String> apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    public Builder apiKey(String apiKey) {
      return apiKey(() -> apiKey);
    }

    /** The run clock latencies are measured on (default: real time). */
    public Builder clock(RunClock clock) {
      this.clock = clock;
      return this;
    }

    public OpenAiChatModel build() {
      if (provider == null || provider.isBlank()) throw new IllegalArgumentException("provider must not be empty");
      if (model == null || model.isBlank()) throw new IllegalArgumentException("model must not be empty");
      if (clock == null) throw new IllegalArgumentException("clock must not be null");
      baseUrl = checkedBaseUrl(baseUrl);
      return new OpenAiChatModel(this, Secret.of(apiKey));
    }

    private static String checkedBaseUrl(String url) {
      String rule = "baseUrl must be an http or https URL such as https://api.openai.com/v1, was " + url;
      if (url == null || url.isBlank()) throw new IllegalArgumentException(rule);
      try {
        URI uri = URI.create(url.trim());
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
          throw new IllegalArgumentException(rule);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(rule);
      }
      String trimmed = url.trim();
      return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
  }
}
