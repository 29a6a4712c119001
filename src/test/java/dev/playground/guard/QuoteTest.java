package dev.playground.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class QuoteTest {
  @Test
  void aShortValueIsQuotedAsItIs() {
    assertThat(Quote.text("gpt-4o")).isEqualTo("\"gpt-4o\"");
    assertThat(Quote.text(null)).isEqualTo("nothing");
  }

  @Test
  void aLongValueShowsEightyCharactersAndSaysHowLongItWas() {
    String quoted = Quote.text("a".repeat(10_000));

    assertThat(quoted).isEqualTo("\"" + "a".repeat(80) + "…\" (10000 characters)");
  }

  @Test
  void controlCharactersAreEscapedSoTheMessageStaysOnOneLine() {
    assertThat(Quote.text("gpt\u00004o\nline\ttab\u001b")).isEqualTo("\"gpt\\u00004o\\nline\\ttab\\u001B\"");
    assertThat(Quote.text("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
  }

  @Test
  void aCharacterOutsideTheBasicPlaneIsNeverCutInHalf() {
    String value = "a".repeat(79) + "😀" + "b".repeat(10);

    assertThat(Quote.text(value)).startsWith("\"" + "a".repeat(79) + "…\"");
  }

  @Test
  void jsonValuesAreWrittenAsJsonAndCutTheSameWay() {
    var node = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < 100; i++) node.add(i);

    assertThat(Quote.json(JsonNodeFactory.instance.numberNode(1.5))).isEqualTo("1.5");
    assertThat(Quote.json(node)).startsWith("[0,1,2,").endsWith("… (" + node.toString().length() + " characters)");
  }

  @Test
  void anotherLibrarysMessageKeepsItsFirstLineOnly() {
    assertThat(Quote.message("Unexpected character\n at [Source: …]")).isEqualTo("Unexpected character");
    assertThat(Quote.message("x".repeat(500))).hasSize(201);
    assertThat(Quote.message("expected close marker for Object (start marker at [Source: REDACTED (`StreamReadFeature"
        + ".INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 52])"))
        .isEqualTo("expected close marker for Object (start marker at line 1, column 52)");
  }
}
