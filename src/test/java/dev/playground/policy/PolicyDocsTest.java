package dev.playground.policy;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.DocSection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The policy docs' examples are real: the JSON of docs/reference/policies.md parses as policy sets, and the table
 * of docs/user/schedule-preview.md is what the preview computes.
 */
class PolicyDocsTest {

  @Test
  void everyJsonExampleIsAValidPolicySet() throws IOException {
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(DocSection.of("docs/reference/policies.md", "Policies"));
    while (m.find()) blocks.add(m.group(1));

    assertThat(blocks).isNotEmpty();
    for (String json : blocks) assertThat(PolicyJson.read(json).chain().size()).isPositive();
  }

  @Test
  void thePreviewTableIsWhatThePreviewComputes() throws IOException {
    var spec = RetrySpec.defaults().withMaxAttempts(5).withBackoff(ofSeconds(1), ofSeconds(30), 2)
        .withJitter(Jitter.FULL, 0);
    String doc = DocSection.of("docs/user/schedule-preview.md", "The table, for one setting");

    for (var r : SchedulePreview.of(spec, 42, 0, 0).rows())
      assertThat(doc).contains(String.format("| %d | %d | %d | %d | %d | %d–%d | %d–%d |", r.attempt(),
          r.delay().toMillis(), r.start().toMillis(), r.nominalDelay().toMillis(), r.nominalStart().toMillis(),
          r.minDelay().toMillis(), r.maxDelay().toMillis(), r.earliestStart().toMillis(), r.latestStart().toMillis()));
  }
}
