package dev.playground.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusMappingTest {
  @ParameterizedTest(name = "{0} with code {1} is {2}")
  @CsvSource(nullValues = "-", value = {
      "400, -, INVALID_REQUEST",
      "400, context_length_exceeded, CONTEXT_LENGTH",
      "422, -, INVALID_REQUEST",
      "401, invalid_api_key, AUTH",
      "403, -, PERMISSION",
      "404, model_not_found, NOT_FOUND",
      "408, -, TIMEOUT",
      "429, rate_limit_exceeded, RATE_LIMITED",
      "500, -, SERVER_ERROR",
      "502, -, SERVER_ERROR",
      "503, -, SERVER_ERROR",
      "504, -, SERVER_ERROR",
      "529, -, SERVER_ERROR",
      "418, -, UNKNOWN"})
  void everyStatusLandsOnOneKind(int status, String code, FailureKind expected) {
    assertThat(SdkFailures.kindOfStatus(status, code)).isEqualTo(expected);
  }
}
