package dev.playground.app;

import dev.playground.common.DaemonThreads;
import dev.playground.llm.ChatModel;
import dev.playground.llm.ChatRequest;
import dev.playground.llm.OpenAiChatModel;
import dev.playground.provider.SimulatedProvider;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Makes one throwaway call through the real SDK to a throwaway simulated provider on loopback, on a background
 * thread, so the seconds of class loading the first call costs (Kotlin, OkHttp, Jackson modules, the SDK's
 * models) are paid after the first frame and before the user's first prompt. Touches no run: no events, no
 * request numbers of the run's providers. Thread-safe; runs once per call of {@link #start()}.
 */
final class SdkWarmUp {
  private SdkWarmUp() {}

  static Thread start() {
    Thread t = DaemonThreads.named("sdk-warm-up").newThread(SdkWarmUp::callOnce);
    t.setPriority(Thread.MIN_PRIORITY); // the window's own work comes first
    t.start();
    return t;
  }

  private static void callOnce() {
    try (SimulatedProvider sim = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("warm-up"));
         ChatModel model = OpenAiChatModel.builder().provider("warm-up").model("gpt-4o-mini")
             .baseUrl(sim.baseUrl()).apiKey("sk-simulated-no-secret").build()) {
      model.chat(ChatRequest.of("warm up", Duration.ofSeconds(30))).get(60, TimeUnit.SECONDS);
    } catch (Exception | LinkageError e) {
      // only a head start: the first real call loads whatever is still missing
    }
  }
}
