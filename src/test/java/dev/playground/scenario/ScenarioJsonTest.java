package dev.playground.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioJsonTest {
  private static final String GOOD = """
      {"name": "mine", "providers": [{"name": "sim"}],
       "policies": {"chain": [{"provider": "sim", "model": "gpt-4o-mini"}]},
       "load": {"requests": 3, "concurrency": 2}}
      """;

  @Test
  void everyPresetSurvivesARoundTripThroughItsJson() {
    for (Scenario s : Presets.all()) {
      Scenario again = ScenarioJson.parse(ScenarioJson.write(s), s.name());
      assertThat(again).as(s.name()).isEqualTo(s);
    }
  }

  @Test
  void theSmallestScenarioNeedsOnlyANameAProviderAndAChain() {
    Scenario s = ScenarioJson.parse(GOOD, "mine.json");
    assertThat(s.providers()).singleElement().satisfies(p -> assertThat(p.type()).isEqualTo(ProviderSpec.Type.SIMULATED));
    assertThat(s.load().requests()).isEqualTo(3);
    assertThat(s.seed()).isEqualTo(42);
    assertThat(s.load().prompts()).isEqualTo(LoadSpec.DEFAULT_PROMPTS);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      broken syntax          | {"name": "x",                                                          | mine.json: not valid JSON at line 1
      unknown field          | {"name": "x", "provders": []}                                          | mine.json: unknown field "provders"
      negative count         | REQUESTS:-5                                                            | mine.json: load.requests must be in [1, 1000000], was -5
      zero concurrency       | CONCURRENCY:0                                                          | mine.json: load.concurrency must be in [1, 1000], was 0
      max delay below delay  | RETRY:{"delay_ms": 5000, "backoff": {"max_delay_ms": 2000}}            | mine.json: policies: retry: maxDelay (2000 ms) must be ≥ delay (5000 ms)
      empty chain            | CHAIN:[]                                                               | mine.json: policies: chain must name at least one model
      unknown provider       | CHAIN:[{"provider": "nope", "model": "m"}]                             | mine.json: policies.chain.models[0].provider "nope" is not a provider of this scenario; known: sim
      fault probability      | FAULTS:{"rules": [{"kind": "rate_limit", "probability": 1.5}]}         | mine.json: providers[0].faults.rules[0].probability must be in [0, 1], was 1.5
      unknown fault kind     | FAULTS:{"rules": [{"kind": "rate_limited"}]}                           | mine.json: providers[0].faults.rules[0].kind "rate_limited" is not a fault kind
      two providers one name | TWICE                                                                  | mine.json: providers: the name "sim" is used twice
      key in the file        | KEYENV:sk-live-123                                                     | api_key_env must name an environment variable
      """)
  void aBrokenScenarioIsRefusedWithOneMessageNamingTheFieldAndTheValue(String what, String input, String message) {
    String json = switch (input.contains(":") && !input.startsWith("{") ? input.substring(0, input.indexOf(':')) : input) {
      case "REQUESTS" -> GOOD.replace("\"requests\": 3", "\"requests\": " + input.substring(9));
      case "CONCURRENCY" -> GOOD.replace("\"concurrency\": 2", "\"concurrency\": " + input.substring(12));
      case "RETRY" -> GOOD.replace("\"policies\": {", "\"policies\": {\"retry\": " + input.substring(6) + ", ");
      case "CHAIN" -> GOOD.replace("[{\"provider\": \"sim\", \"model\": \"gpt-4o-mini\"}]", input.substring(6));
      case "FAULTS" -> GOOD.replace("{\"name\": \"sim\"}", "{\"name\": \"sim\", \"faults\": " + input.substring(7) + "}");
      case "KEYENV" -> GOOD.replace("{\"name\": \"sim\"}", "{\"name\": \"sim\", \"type\": \"real\", \"base_url\": \"https://api.example.com/v1\", \"api_key_env\": \"" + input.substring(7) + "\"}");
      case "TWICE" -> GOOD.replace("{\"name\": \"sim\"}", "{\"name\": \"sim\"}, {\"name\": \"sim\"}");
      default -> input;
    };
    assertThatThrownBy(() -> ScenarioJson.parse(json, "mine.json"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception", "\n"));
  }

  @Test
  void anUnknownPresetNamesThePresetsThereAre() {
    assertThatThrownBy(() -> Presets.get("circuit-braker"))
        .hasMessageStartingWith("no preset named \"circuit-braker\"; the presets are: simple-retry, ");
  }

  @Test
  void aMissingOrNonTextFileGetsOneSentence(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> ScenarioJson.read(dir.resolve("none.json"))).hasMessage("none.json: no such file");
    Path binary = dir.resolve("chart.png");
    Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe});
    assertThatThrownBy(() -> ScenarioJson.read(binary)).isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith("chart.png: ");
  }
  @Test
  void anEmptyListOfPromptsIsRefusedRatherThanReplacedByTheDefaults() {
    String json = GOOD.replace("\"concurrency\": 2", "\"concurrency\": 2, \"prompts\": []");

    assertThatThrownBy(() -> ScenarioJson.parse(json, "mine.json")).hasMessage(
        "mine.json: load.prompts must list at least one prompt (leave it out for the default prompts), was []");
  }

  @Test
  void anEngineRuleThatTargetsTheChatCallIsRefusedWhenTheScenarioIsRead() {
    String json = GOOD.replace("\"policies\":", "\"engine_faults\": {\"rules\": [{\"kind\": \"server_error\", "
        + "\"target\": \"chat\"}]}, \"policies\":");

    assertThatThrownBy(() -> ScenarioJson.parse(json, "mine.json")).hasMessage("mine.json: engine_faults.rules[0]"
        + ".target must be retriever or cache in the engine's plan (chat rules go in a provider's plan), was \"chat\"");
  }

  @Test
  void aSeedThatADoubleWouldReadAsZeroIsRefused() {
    String json = GOOD.replace("{\"name\": \"mine\",", "{\"name\": \"mine\", \"seed\": 1e-400,");

    assertThatThrownBy(() -> ScenarioJson.parse(json, "mine.json"))
        .hasMessage("mine.json: seed must be a whole number (64-bit), was 1E-400");
  }

  @Test
  void aModelNameWithANulCharacterIsRefusedInTheChainAndInAProvidersList() {
    String chain = GOOD.replace("\"model\": \"gpt-4o-mini\"", "\"model\": \"gpt\\u0000\"");
    String listed = GOOD.replace("{\"name\": \"sim\"}", "{\"name\": \"sim\", \"models\": [\"a\\u0000b\"]}");

    assertThatThrownBy(() -> ScenarioJson.parse(chain, "mine.json")).hasMessage("mine.json: policies: chain[0]: model "
        + "must not contain control characters (U+0000 at index 3), was \"gpt\\u0000\"");
    assertThatThrownBy(() -> ScenarioJson.parse(listed, "mine.json")).hasMessage("mine.json: providers[0]: models[0] "
        + "must not contain control characters (U+0000 at index 1), was \"a\\u0000b\"");
  }
}
