package dev.playground.lab;

import static dev.playground.lab.HerdStrategy.EXPONENTIAL;
import static dev.playground.lab.HerdStrategy.FULL_JITTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HerdTableTest {
  private final HerdSettings settings =
      HerdSettings.defaults().withStrategies(List.of(EXPONENTIAL, FULL_JITTER)).withClients(List.of(100, 10));
  private final HerdResult result = new HerdResult(settings, List.of(
      new HerdRow(EXPONENTIAL, 10, 100, 50.71, 51, 3501.04, 2929.3),
      new HerdRow(EXPONENTIAL, 100, 100, 1848.66, 1846, 63002.55, 62106.7),
      new HerdRow(FULL_JITTER, 10, 100, 38.7, 39, 460.6, 454.1),
      new HerdRow(FULL_JITTER, 100, 100, 794.9, 795, 4994.9, 5009.9)));

  @Test
  void theCsvHasTheFourColumnsAndTheMeansWithOneDecimal() {
    assertThat(HerdTable.csv(result)).isEqualTo("""
        strategy,clients,calls,completion_ms
        exponential,10,50.7,3501.0
        exponential,100,1848.7,63002.6
        full_jitter,10,38.7,460.6
        full_jitter,100,794.9,4994.9
        """);
  }

  @Test
  void theTextTableListsClientCountsAscendingAndLinesUpItsColumns() {
    List<String> lines = HerdTable.text(result).lines().toList();

    assertThat(lines).contains(
        "Total calls (mean)     10 clients  100 clients",
        "Exponential                  50.7       1848.7",
        "Completion ms (mean)   10 clients  100 clients",
        "Full jitter                 460.6       4994.9");
    assertThat(lines.subList(2, lines.size())).filteredOn(l -> !l.isEmpty())
        .allSatisfy(l -> assertThat(l).hasSize(lines.get(2).length()));
  }

  @Test
  void aSeriesIsOneStrategyOverTheClientCountsAscending() {
    assertThat(result.series(EXPONENTIAL)).extracting(HerdRow::clients).containsExactly(10, 100);
    assertThat(result.clients()).containsExactly(10, 100);
    assertThat(result.row(FULL_JITTER, 100).callsPerClient()).isEqualTo(7.949);
  }

  @Test
  void aResultMustHoldExactlyOneRowPerStrategyAndClientCount() {
    var oneMissing = result.rows().subList(0, 3);
    assertThatThrownBy(() -> new HerdResult(settings, oneMissing))
        .hasMessage("rows must cover every strategy and client count: 4 rows, was 3");
    var stranger = new HerdRow(FULL_JITTER, 25, 100, 140, 140, 1300, 1300);
    assertThatThrownBy(() -> new HerdResult(settings, List.of(stranger)))
        .hasMessage("row full_jitter at 25 clients is not in the settings");
  }
}
