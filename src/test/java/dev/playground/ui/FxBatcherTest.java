package dev.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FxBatcherTest {
  /** An executor that only queues: the test decides when "the next pulse" runs. */
  private static final class ManualExecutor implements Executor {
    final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      for (Runnable r; (r = tasks.poll()) != null; ) r.run();
    }
  }

  @Test
  void manySubmissionsFromManyThreadsScheduleOneDrainAndArriveInOneBatch() throws Exception {
    // given
    ManualExecutor pulse = new ManualExecutor();
    List<List<Integer>> drains = new ArrayList<>();
    FxBatcher<Integer> batcher = new FxBatcher<>(pulse, drains::add);
    CountDownLatch done = new CountDownLatch(4);
    // when four threads submit 2,500 items each before the pulse
    for (int t = 0; t < 4; t++) {
      int base = t * 10_000;
      new Thread(() -> {
        for (int i = 0; i < 2_500; i++) batcher.submit(base + i);
        done.countDown();
      }).start();
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    // then one drain was scheduled, and running it hands everything over once
    assertThat(pulse.tasks).hasSize(1);
    pulse.runAll();
    assertThat(drains).hasSize(1);
    assertThat(drains.get(0)).hasSize(10_000);
    // each thread's items keep their order
    List<Integer> fromFirst = drains.get(0).stream().filter(i -> i < 10_000).toList();
    assertThat(fromFirst).isSorted().hasSize(2_500);
  }

  @Test
  void anItemSubmittedAfterADrainSchedulesTheNextOne() {
    ManualExecutor pulse = new ManualExecutor();
    List<List<String>> drains = new ArrayList<>();
    FxBatcher<String> batcher = new FxBatcher<>(pulse, drains::add);
    batcher.submit("a");
    batcher.submit("b");
    pulse.runAll();
    batcher.submit("c");
    assertThat(pulse.tasks).hasSize(1);
    pulse.runAll();
    assertThat(drains).containsExactly(List.of("a", "b"), List.of("c"));
    assertThat(batcher.pendingCount()).isZero();
  }

  @Test
  void aSameThreadExecutorDeliversEachItemAtOnce() {
    List<List<String>> drains = new ArrayList<>();
    FxBatcher<String> batcher = new FxBatcher<>(Runnable::run, drains::add);
    batcher.submit("a");
    batcher.submit("b");
    assertThat(drains).containsExactly(List.of("a"), List.of("b"));
  }
}
