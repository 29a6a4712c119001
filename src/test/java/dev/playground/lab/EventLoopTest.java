package dev.playground.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventLoopTest {

  @ParameterizedTest
  @EnumSource(HerdEngine.class)
  void eventsRunInTimeOrderAndTiesInSchedulingOrder(HerdEngine engine) {
    List<String> seen = new ArrayList<>();
    EventLoop[] loop = new EventLoop[1];
    loop[0] = engine.loops().create(4, (client, kind) -> {
      seen.add(client + "/" + kind + "@" + loop[0].nowNanos());
      // client 1 goes again at once: due at the same time as client 2, but scheduled later
      if (client == 1 && kind == 0) loop[0].schedule(0, 1, 1);
    });
    loop[0].schedule(30, 0, 0);
    loop[0].schedule(10, 1, 0);
    loop[0].schedule(10, 2, 0);
    loop[0].schedule(20, 3, 0);

    loop[0].runUntilIdle();

    assertThat(seen).containsExactly("1/0@10", "2/0@10", "1/1@10", "3/0@20", "0/0@30");
    assertThat(loop[0].nowNanos()).isEqualTo(30);
  }

  @ParameterizedTest
  @EnumSource(HerdEngine.class)
  void manyClientsComeOutSortedByTimeThenOrder(HerdEngine engine) {
    int n = 500;
    List<Long> times = new ArrayList<>();
    List<Integer> clients = new ArrayList<>();
    EventLoop[] loop = new EventLoop[1];
    loop[0] = engine.loops().create(n, (client, kind) -> {
      times.add(loop[0].nowNanos());
      clients.add(client);
    });
    for (int c = 0; c < n; c++) loop[0].schedule((c * 7919L) % 97, c, 0); // scrambled, with many ties

    loop[0].runUntilIdle();

    assertThat(times).hasSize(n).isSorted();
    for (int i = 1; i < n; i++) {
      if (times.get(i).equals(times.get(i - 1))) assertThat(clients.get(i)).isGreaterThan(clients.get(i - 1));
    }
  }
}
