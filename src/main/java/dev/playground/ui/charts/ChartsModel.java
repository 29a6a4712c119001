package dev.playground.ui.charts;

import dev.playground.events.RunEvent;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;

/** The four charts' models, fed together, and the request picked on them. Not thread-safe: FX thread (or one test thread). */
public final class ChartsModel {
  private final RetryTimelineModel timeline = new RetryTimelineModel();
  private final BreakerModel breakers = new BreakerModel();
  private final LadderModel ladder = new LadderModel();
  private final LatencyModel latency = new LatencyModel();
  private final LongProperty selectedRequest = new SimpleLongProperty(-1);

  public RetryTimelineModel timeline() { return timeline; }

  public BreakerModel breakers() { return breakers; }

  public LadderModel ladder() { return ladder; }

  public LatencyModel latency() { return latency; }

  /** The request picked on the timeline (or in the event log): -1 for none. FX thread. */
  public LongProperty selectedRequestProperty() { return selectedRequest; }

  /** The open run's clock (scenario ms) for the countdowns and "now"; null during a replay. */
  public void setClock(LongSupplier runClock) {
    breakers.setClock(runClock);
  }

  /** The breaker's OPEN delay from its policy (for the countdown to half-open); null forgets it. */
  public void setBreakerDelay(String breaker, Duration delay) {
    breakers.setDelay(breaker, delay);
  }

  public void apply(List<? extends RunEvent> batch) {
    for (RunEvent e : batch) if (e instanceof RunEvent.RunStarted) selectedRequest.set(-1);
    timeline.apply(batch);
    breakers.apply(batch);
    ladder.apply(batch);
    latency.apply(batch);
  }
}
