package dev.playground.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.errors.OpenAIIoException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class SdkFailuresTest {
  private static final String KEY = "sk-live-abcdef0123456789";
  private final SdkFailures failures = new SdkFailures("openai", "gpt-4o-mini", Secret.of(() -> KEY),
      () -> Instant.EPOCH);

  @Test
  void aKeyEchoedByTheProviderIsScrubbedAndItsCauseChainDropped() {
    var echoed = new OpenAIIoException("Request failed", new IOException("Incorrect API key provided: " + KEY));

    LlmFailure failure = failures.classify(new CompletionException(echoed));

    assertThat(failure.kind()).isEqualTo(FailureKind.NETWORK);
    assertThat(failure.getMessage()).doesNotContain(KEY).contains("***");
    assertThat(failure.toString()).doesNotContain(KEY);
    assertThat(failure.getCause()).isNull();
  }

  @Test
  void aCauseWithoutTheKeyIsKept() {
    var refused = new OpenAIIoException("Request failed", new ConnectException("Connection refused"));

    LlmFailure failure = failures.classify(refused);

    assertThat(failure.kind()).isEqualTo(FailureKind.NETWORK);
    assertThat(failure.getMessage()).contains("Connection refused").endsWith("from openai/gpt-4o-mini");
    assertThat(failure.getCause()).isSameAs(refused);
  }

  @Test
  void anInterruptedReadAnywhereInTheChainIsATimeout() {
    var timedOut = new OpenAIIoException("Request failed", new InterruptedIOException("timeout"));

    assertThat(failures.classify(timedOut).kind()).isEqualTo(FailureKind.TIMEOUT);
  }

  @Test
  void aFailureAlreadyClassifiedPassesThrough() {
    LlmFailure original = LlmFailure.of(FailureKind.AUTH, "no");

    assertThat(failures.classify(new CompletionException(original))).isSameAs(original);
  }

  @Test
  void theSecretNeverPrints() {
    assertThat(Secret.of(() -> KEY).toString()).isEqualTo("***");
  }
}
