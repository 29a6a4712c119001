package dev.playground.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExactNumbersTest {
  private static final ObjectMapper STRICT = ExactNumbers.strict().build();

  private static JsonNode json(String number) throws Exception {
    return STRICT.readTree(number);
  }

  @Test
  void aWholeNumberMayBeWrittenAnyWayThatIsExact() throws Exception {
    assertThat(ExactNumbers.whole(json("1000"))).isEqualTo(1000L);
    assertThat(ExactNumbers.whole(json("1e3"))).isEqualTo(1000L);
    assertThat(ExactNumbers.whole(json("1000.0"))).isEqualTo(1000L);
    assertThat(ExactNumbers.whole(json("-9223372036854775808"))).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void aFractionATinyNumberOrOnePastSixtyFourBitsIsNotWhole() throws Exception {
    assertThat(ExactNumbers.whole(json("1.5"))).isNull();
    assertThat(ExactNumbers.whole(json("1e-400"))).as("read as 0 by a double").isNull();
    assertThat(ExactNumbers.whole(json("9223372036854775808"))).isNull();
    assertThat(ExactNumbers.whole(json("1e400"))).isNull();
    assertThat(ExactNumbers.whole(new BigDecimal("1e999999999"))).as("answered without expanding it").isNull();
  }

  @Test
  void fractionalTellsAFractionFromAHugeWholeNumber() {
    assertThat(ExactNumbers.fractional(new BigDecimal("1.5"))).isTrue();
    assertThat(ExactNumbers.fractional(new BigDecimal("1e-400"))).isTrue();
    assertThat(ExactNumbers.fractional(new BigDecimal("1e400"))).isFalse();
    assertThat(ExactNumbers.fractional(new BigDecimal("2.000"))).isFalse();
  }

  @Test
  void aNumberMustNotUnderflowToZeroNorOverflowToInfinity() throws Exception {
    assertThat(ExactNumbers.real(json("0.7"))).isEqualTo(0.7);
    assertThat(ExactNumbers.real(json("0"))).isEqualTo(0.0);
    assertThat(ExactNumbers.real(json("1e-300"))).isEqualTo(1e-300);
    assertThat(ExactNumbers.real(json("1e300"))).isEqualTo(1e300);
    assertThat(ExactNumbers.real(json("1e-400"))).isNull();
    assertThat(ExactNumbers.real(json("1e-310"))).as("a subnormal keeps few digits").isNull();
    assertThat(ExactNumbers.real(json("1.5e300"))).isNull();
    assertThat(ExactNumbers.real(json("1e400"))).isNull();
  }

  @Test
  void typedTextIsReadTheSameWay() {
    assertThat(ExactNumbers.real(ExactNumbers.decimal(" 0.25 "))).isEqualTo(0.25);
    assertThat(ExactNumbers.decimal("often")).isNull();
    assertThat(ExactNumbers.decimal("NaN")).isNull();
    assertThat(ExactNumbers.real(ExactNumbers.decimal("1e-400"))).isNull();
    assertThat(ExactNumbers.whole(ExactNumbers.decimal("42"))).isEqualTo(42L);
  }
}
