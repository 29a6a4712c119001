package dev.playground.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The JDK server has Nagle's algorithm on unless {@code sun.net.httpserver.nodelay} is set; with it, every
 * keep-alive answer waits ~40 ms for a delayed ACK. The provider sets the property before the server's
 * configuration loads. Its configuration class is not open to reflection, so this test measures instead:
 * it fails when the JVM runs with {@code -Dsun.net.httpserver.nodelay=false}.
 */
class TcpNoDelayTest {
  @Test
  void keepAliveAnswersComeBackWithoutTheFortyMillisecondNagleDelay() throws Exception {
    try (var sim = SimulatedProvider.start(SimulatedProvider.Options.defaults())) {
      var client = new RawClient(sim.baseUrl());
      for (int i = 0; i < 20; i++) client.chat("m", false); // warm up; one kept-alive connection

      long[] micros = new long[60];
      for (int i = 0; i < micros.length; i++) {
        long t0 = System.nanoTime();
        client.chat("m", false);
        micros[i] = (System.nanoTime() - t0) / 1_000;
      }

      Arrays.sort(micros);
      long medianMs = micros[micros.length / 2] / 1_000;
      assertThat(medianMs).as("median keep-alive round trip (ms); ~40 with Nagle on").isLessThan(20);
    }
  }
}
