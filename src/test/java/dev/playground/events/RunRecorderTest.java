package dev.playground.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.playground.clock.LiveClock;
import dev.playground.clock.RunClock;
import dev.playground.clock.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunRecorderTest {
  private static final int THREADS = 8;
  private static final int PER_THREAD = 20_000;

  @Test
  void manyThreadsGetSeqWithoutGapsAndSubscribersSeeThemInOrder() throws Exception {
    try (var clock = new LiveClock()) {
      manyThreadsPublishOn(clock);
    }
  }

  private static void manyThreadsPublishOn(RunClock clock) throws Exception {
    // given real time, and a subscriber that keeps what it sees
    var seen = new ArrayList<RunEvent>(); // plain list on purpose: the recorder promises one event at a time
    var recorder = new RunRecorder(clock);
    recorder.subscribe(seen::add);
    // when 8 threads publish at once
    publishFromThreads(recorder);
    // then seq is 0..n-1 in delivery order, and time never goes back
    assertThat(seen).hasSize(THREADS * PER_THREAD);
    for (int i = 0; i < seen.size(); i++) {
      assertThat(seen.get(i).seq()).isEqualTo(i);
      if (i > 0) assertThat(seen.get(i).tMs()).isGreaterThanOrEqualTo(seen.get(i - 1).tMs());
    }
    assertThat(recorder.published()).isEqualTo(THREADS * PER_THREAD);
  }

  @Test
  void timeNeverGoesBackEvenIfTheClockDoes() {
    var recorder = new RunRecorder(new ClockThatGoesBack(500, 300));
    var first = recorder.publish((seq, t) -> new RunEvent.RequestStarted(seq, t, 1, "a"));
    var second = recorder.publish((seq, t) -> new RunEvent.RequestStarted(seq, t, 2, "b"));
    assertThat(first.tMs()).isEqualTo(500);
    assertThat(second.tMs()).isEqualTo(500);
  }

  @Test
  void aFactoryThatThrowsUsesUpNoNumber() {
    var recorder = new RunRecorder(new VirtualClock());
    recorder.publish((seq, t) -> new RunEvent.RequestStarted(seq, t, 1, "a"));
    assertThatThrownBy(() -> recorder.publish((seq, t) -> {
      throw new IllegalStateException("engine bug");
    })).hasMessage("engine bug");
    var next = recorder.publish((seq, t) -> new RunEvent.RequestStarted(seq, t, 2, "b"));
    assertThat(next.seq()).isEqualTo(1);
  }

  @Test
  void aFactoryThatIgnoresItsSeqIsRefused() {
    var recorder = new RunRecorder(new VirtualClock());
    var seen = new ArrayList<RunEvent>();
    recorder.subscribe(seen::add);
    assertThatThrownBy(() -> recorder.publish((seq, t) -> new RunEvent.RequestStarted(99, t, 1, "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the event factory must use the seq and tMs it is given: was given (0, 0), built (99, 0)"
            + " for request_started");
    assertThat(seen).isEmpty();
    assertThat(recorder.published()).isZero();
  }

  @Test
  void aFailingSubscriberDoesNotStopTheOthersNorThePublisher() {
    var recorder = new RunRecorder(new VirtualClock());
    recorder.subscribe(e -> {
      throw new IllegalStateException("broken view");
    });
    var seen = new ArrayList<RunEvent>();
    recorder.subscribe(seen::add);
    recorder.publish((seq, t) -> new RunEvent.RequestStarted(seq, t, 1, "a"));
    recorder.publish((seq, t) -> new RunEvent.RequestStarted(seq, t, 2, "b"));
    assertThat(seen).extracting(RunEvent::seq).containsExactly(0L, 1L);
    assertThat(recorder.subscriberFailures()).isEqualTo(2);
  }

  @Test
  void publishingFromInsideAFactoryIsRefusedAndLosesNoNumber() {
    var recorder = new RunRecorder(new VirtualClock());
    assertThatThrownBy(() -> recorder.publish((seq, t) -> {
      recorder.publish((s2, t2) -> new RunEvent.RequestStarted(s2, t2, 2, "nested"));
      return new RunEvent.RequestStarted(seq, t, 1, "outer");
    })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("publish was called from an event factory");
    assertThat(recorder.publish((seq, t) -> new RunEvent.RequestStarted(seq, t, 3, "next")).seq()).isZero();
  }

  @Test
  void aSubscriberSeesOnlyWhatIsPublishedWhileItIsSubscribed() {
    var recorder = new RunRecorder(new VirtualClock());
    recorder.publish((seq, t) -> new RunEvent.RequestStarted(seq, t, 1, "before"));
    var seen = new ArrayList<RunEvent>();
    var subscription = recorder.subscribe(seen::add);
    recorder.publish((seq, t) -> new RunEvent.RequestStarted(seq, t, 2, "during"));
    subscription.close();
    recorder.publish((seq, t) -> new RunEvent.RequestStarted(seq, t, 3, "after"));
    assertThat(seen).extracting(RunEvent::seq).containsExactly(1L);
  }

  @Test
  void theTimeComesFromTheRunClock() {
    var clock = new VirtualClock();
    clock.runUntil(1234);
    var event = new RunRecorder(clock).publish((seq, t) -> new RunEvent.RequestStarted(seq, t, 1, "a"));
    assertThat(event.tMs()).isEqualTo(1234);
  }

  /** A broken clock: it answers the given readings in turn. Thread-safe. */
  private static final class ClockThatGoesBack implements RunClock {
    private final long[] readings;
    private final AtomicInteger next = new AtomicInteger();

    ClockThatGoesBack(long... readings) {
      this.readings = readings;
    }

    @Override
    public long nowMillis() {
      return readings[Math.min(next.getAndIncrement(), readings.length - 1)];
    }

    @Override
    public long nowNanos() {
      return TimeUnit.MILLISECONDS.toNanos(nowMillis());
    }

    @Override
    public ScheduledFuture<?> schedule(Callable<?> task, long delay, TimeUnit unit) {
      throw new UnsupportedOperationException("nothing is scheduled here");
    }

    @Override
    public boolean isVirtual() {
      return true;
    }
  }

  static void publishFromThreads(RunRecorder recorder) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      var start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int th = 0; th < THREADS; th++) {
        long req0 = th * (long) PER_THREAD;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < PER_THREAD; i++) {
            long req = req0 + i;
            recorder.publish((seq, t) -> new RunEvent.AttemptStarted(seq, t, req, 1, 1, "sim", "m", Rung.FULL));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }
}
