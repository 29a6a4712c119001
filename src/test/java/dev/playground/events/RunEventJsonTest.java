package dev.playground.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunEventJsonTest {

  @Test
  void everyEventTypeRoundTripsToAnEqualRecord() {
    // given one event of every permitted type, with values and with every nullable component null
    List<Class<?>> types = SampleEvents.allTypes();
    assertThat(types).hasSizeGreaterThanOrEqualTo(14);
    for (Class<?> type : types) {
      for (int variant = 0; variant < 4; variant++) {
        for (boolean withNulls : new boolean[] {false, true}) {
          RunEvent event = SampleEvents.sample(type, variant, withNulls);
          // when
          String json = RunEventJson.toJson(event);
          RunEvent back = RunEventJson.fromJson(json);
          // then
          assertThat(back).as(json).isEqualTo(event);
          assertThat(RunEventJson.toJson(back)).isEqualTo(json);
        }
      }
    }
  }

  @Test
  void theTypeNameOfEveryRecordIsTheOneTheLogKnows() {
    for (Class<?> type : SampleEvents.allTypes()) {
      String name = SampleEvents.sample(type, 1, false).type();
      assertThat(RunEventJson.types()).as(type.getSimpleName()).contains(name);
      assertThat(name).isEqualTo(EventCodec.snakeCase(type.getSimpleName()));
    }
    assertThat(RunEventJson.types()).hasSameSizeAs(SampleEvents.allTypes());
  }

  @Test
  void keysComeAsSeqTimeTypeReqThenTheOtherComponentsInSnakeCase() {
    var event = new RunEvent.AttemptStarted(7, 120, 3, 2, 1, "sim", "gpt-4o-mini", Rung.LIMITED);
    assertThat(RunEventJson.toJson(event)).isEqualTo(
        "{\"seq\":7,\"t_ms\":120,\"type\":\"attempt_started\",\"req\":3,\"attempt\":2,\"model_attempt\":1,"
            + "\"provider\":\"sim\",\"model\":\"gpt-4o-mini\",\"rung\":\"limited\"}");
  }

  @Test
  void nullsAndEmptyHeadersAreLeftOut() {
    var event = new RunEvent.AttemptFinished(1, 5, 1, 1, 1, "sim", "m", Rung.FULL, "timeout", null, 2000, null,
        null, null, Map.of());
    assertThat(RunEventJson.toJson(event)).isEqualTo(
        "{\"seq\":1,\"t_ms\":5,\"type\":\"attempt_finished\",\"req\":1,\"attempt\":1,\"model_attempt\":1,"
            + "\"provider\":\"sim\",\"model\":\"m\",\"rung\":\"full\",\"outcome\":\"timeout\",\"latency_ms\":2000}");
  }

  @Test
  void enumsAreWrittenByTheirWireNames() {
    var changed = new RunEvent.BreakerChanged(0, 0, "sim/m", BreakerState.OPEN, BreakerState.HALF_OPEN, 1, true);
    var retry = new RunEvent.RetryScheduled(1, 0, 1, 1, "sim", "m", 2000, RetryReason.RETRY_AFTER, 2000L);
    assertThat(RunEventJson.toJson(changed)).contains("\"from\":\"open\",\"to\":\"half_open\"");
    assertThat(RunEventJson.toJson(retry)).contains("\"reason\":\"retry_after\"");
  }

  @Test
  void doublesAreWrittenCompactlyAndWithoutLocale() {
    assertThat(latencyText(250.0)).isEqualTo("250");
    assertThat(latencyText(12.5)).isEqualTo("12.5");
    assertThat(latencyText(0.1)).isEqualTo("0.1");
    assertThat(latencyText(1e-7)).isEqualTo("1.0E-7");
    assertThat(latencyText(-0.0)).isEqualTo("-0.0");
    assertThat(latencyText(Double.NaN)).isEqualTo("\"NaN\"");
    var event = new RunEvent.CacheHit(0, 0, 1, "first", Double.POSITIVE_INFINITY);
    assertThat(RunEventJson.fromJson(RunEventJson.toJson(event))).isEqualTo(event);
  }

  @Test
  void theSameEventGivesTheSameBytesWhateverTheOrderItsHeadersWereAddedIn() {
    var forward = new LinkedHashMap<String, String>();
    forward.put("retry-after", "2");
    forward.put("x-request-id", "abc");
    forward.put("content-type", "application/json");
    var backward = new LinkedHashMap<String, String>();
    backward.put("content-type", "application/json");
    backward.put("x-request-id", "abc");
    backward.put("retry-after", "2");
    String a = RunEventJson.toJson(finishedWith(forward));
    String b = RunEventJson.toJson(finishedWith(backward));
    assertThat(a).isEqualTo(b)
        .contains("\"headers\":{\"content-type\":\"application/json\",\"retry-after\":\"2\",\"x-request-id\":\"abc\"}");
  }

  @Test
  void jsonComponentsAreEmbeddedAsObjectsInTheirOwnKeyOrder() {
    var started = new RunEvent.RunStarted(0, 0, 42, "demo", "virtual",
        SampleEvents.json("{\"retry\":{\"max_attempts\":3,\"delay_ms\":200,\"jitter\":0.5}}"), null);
    assertThat(RunEventJson.toJson(started)).isEqualTo(
        "{\"seq\":0,\"t_ms\":0,\"type\":\"run_started\",\"seed\":42,\"scenario\":\"demo\",\"clock\":\"virtual\","
            + "\"policies\":{\"retry\":{\"max_attempts\":3,\"delay_ms\":200,\"jitter\":0.5}}}");
  }

  @Test
  void secretsInTheEnvironmentNeverReachTheJson() {
    // given a key the way the environment would hold it
    var redaction = Redaction.of(Map.of("OPENAI_API_KEY", "sk-canary-0123456789", "USER", "ada-lovelace"));
    var event = new RunEvent.AttemptFinished(1, 5, 1, 1, 1, "sim", "m", Rung.FULL, "auth", 401, 3, null, null,
        "Incorrect API key provided: sk-canary-0123456789.", Map.of("authorization", "Bearer sk-canary-0123456789",
            "x-user", "ada-lovelace"));
    var started = new RunEvent.RunStarted(0, 0, 1, "s", "live",
        SampleEvents.json("{\"providers\":[{\"key\":\"sk-canary-0123456789\"}]}"), null);
    // when
    String json = write(event, redaction) + write(started, redaction);
    // then
    assertThat(json).doesNotContain("sk-canary-0123456789").contains("Incorrect API key provided: [redacted].")
        .contains("Bearer [redacted]").contains("\"key\":\"[redacted]\"")
        .contains("\"x-user\":\"ada-lovelace\""); // not a secret-looking name: left alone
  }

  @Test
  void anUnknownTypeIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> RunEventJson.fromJson("{\"seq\":0,\"t_ms\":0,\"type\":\"attempt_exploded\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown type \"attempt_exploded\" (known: attempt_finished, attempt_started,")
        .hasMessageContaining("run_finished, run_started");
  }

  @Test
  void anUnknownFieldIsRefusedByName() {
    assertThatThrownBy(() -> RunEventJson.fromJson(
        "{\"seq\":0,\"t_ms\":0,\"type\":\"cache_hit\",\"req\":1,\"stage\":\"first\",\"age_ms\":3,\"color\":\"red\"}"))
        .hasMessage("cache_hit has no field \"color\" (its fields: seq, t_ms, req, stage, age_ms)");
  }

  @Test
  void aMissingOrMistypedFieldIsNamed() {
    assertThatThrownBy(() -> RunEventJson.fromJson("{\"seq\":0,\"t_ms\":0,\"type\":\"cache_hit\",\"age_ms\":3}"))
        .hasMessage("cache_hit needs \"req\" (a whole number)");
    assertThatThrownBy(() -> RunEventJson.fromJson(
        "{\"seq\":0,\"t_ms\":0,\"type\":\"cache_hit\",\"req\":1,\"age_ms\":\"old\"}"))
        .hasMessage("cache_hit.age_ms must be a number, was \"old\"");
    assertThatThrownBy(() -> RunEventJson.fromJson(
        "{\"seq\":1.5,\"t_ms\":0,\"type\":\"run_finished\"}"))
        .hasMessage("run_finished.seq must be a whole number, was 1.5");
    assertThatThrownBy(() -> RunEventJson.fromJson(
        "{\"seq\":1,\"t_ms\":0,\"type\":\"rung_failed\",\"req\":1,\"rung\":\"partial\"}"))
        .hasMessage("rung_failed.rung: rung must be one of full, limited, cached, error; was \"partial\"");
  }

  @Test
  void textThatIsNotAnEventObjectSaysWhatItIs() {
    assertThatThrownBy(() -> RunEventJson.fromJson("hello")).hasMessageStartingWith("not valid JSON at column");
    assertThatThrownBy(() -> RunEventJson.fromJson("[1,2]")).hasMessage("expected a JSON object, found an array");
    assertThatThrownBy(() -> RunEventJson.fromJson("{\"seq\":1}"))
        .hasMessageStartingWith("the object has no \"type\" (one of attempt_finished,");
    assertThatThrownBy(() -> RunEventJson.fromJson("{\"seq\":1,\"seq\":2,\"t_ms\":0,\"type\":\"run_finished\"}"))
        .hasMessageContaining("Duplicate field 'seq'");
    assertThatThrownBy(() -> RunEventJson.fromJson("{\"seq\":1,\"t_ms\":0,\"type\":\"run_finished\"} {}"))
        .hasMessageStartingWith("not valid JSON");
  }

  private static RunEvent.AttemptFinished finishedWith(Map<String, String> headers) {
    return new RunEvent.AttemptFinished(3, 40, 1, 1, 1, "sim", "m", Rung.FULL, "rate_limited", 429, 40.25, 2000L,
        "abc", "slow down", headers);
  }

  private static String latencyText(double latency) {
    String json = RunEventJson.toJson(new RunEvent.CacheHit(0, 0, 1, null, latency));
    return json.substring(json.indexOf("\"age_ms\":") + 9, json.length() - 1);
  }

  private static String write(RunEvent event, Redaction redaction) {
    var out = new ByteArrayOutputStream();
    RunEventJson.write(event, out, redaction);
    return out.toString(StandardCharsets.UTF_8);
  }
}
