package dev.playground.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.events.RunEvent;
import dev.playground.ui.ScriptedRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLogViewModelTest {
  private final List<RunEvent> storm = ScriptedRun.stormRun(7, 60, 350, 5_000);

  @Test
  void filtersByTypeRequestAndOutcome() {
    var model = new EventLogViewModel();
    model.apply(storm);
    assertThat(model.visibleRows()).hasSize(storm.size());
    model.typeFilterProperty().set("attempt_finished");
    assertThat(model.visibleRows()).isNotEmpty().allMatch(r -> r.type().equals("attempt_finished"));
    model.outcomeFilterProperty().set("rate_limited");
    assertThat(model.visibleRows()).isNotEmpty().allMatch(r -> r.outcome().equals("rate_limited"));
    model.typeFilterProperty().set(EventLogViewModel.ANY_TYPE);
    model.outcomeFilterProperty().set(EventLogViewModel.ANY_OUTCOME);
    model.requestFilterProperty().set("#3");
    assertThat(model.visibleRows()).isNotEmpty().allMatch(r -> r.req() == 3);
    assertThat(model.types()).startsWith(EventLogViewModel.ANY_TYPE).contains("breaker_changed");
    assertThat(model.outcomes()).contains("rate_limited", "rejected");
  }

  @Test
  void aRequestFilterThatIsNotANumberIsRefusedWithTheRuleAndKeepsTheLastFilter() {
    var model = new EventLogViewModel();
    model.apply(storm);
    model.requestFilterProperty().set("3");
    int shown = model.visibleRows().size();
    model.requestFilterProperty().set("three");
    assertThat(model.filterErrorProperty().get())
        .isEqualTo("request must be a request number like 12 or #12, was \"three\"");
    assertThat(model.visibleRows()).hasSize(shown);
  }

  @Test
  void theDrillDownTellsTheRequestsStoryWithHeadersWaitsAndRung() {
    var model = new EventLogViewModel();
    model.apply(storm);
    long stormed = storm.stream().filter(e -> e instanceof RunEvent.RetryScheduled)
        .mapToLong(e -> ((RunEvent.RetryScheduled) e).req()).findFirst().orElseThrow();
    model.requestFilterProperty().set(String.valueOf(stormed));
    model.select(model.visibleRows().get(0));
    String story = model.drillDownProperty().get();
    assertThat(story).startsWith("Request #" + stormed)
        .contains("rate_limited (429)", "retry-after-ms: ", "wait ", "(retry_after, asked ", "request_finished");
  }

  @Test
  void keepsOnlyTheLatestRows() {
    var model = new EventLogViewModel();
    List<RunEvent> many = ScriptedRun.stormRun(7, 1500, 100, 1_000_000);
    model.apply(many.subList(0, many.size() / 2));
    model.apply(many.subList(many.size() / 2, many.size()));
    assertThat(many.size()).isGreaterThan(EventLogViewModel.MAX_ROWS);
    assertThat(model.rowCount()).isEqualTo(EventLogViewModel.MAX_ROWS);
    assertThat(model.visibleRows().get(model.visibleRows().size() - 1).seq()).isEqualTo(many.size() - 1);
  }
}
