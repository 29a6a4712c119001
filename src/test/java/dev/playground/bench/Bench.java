package dev.playground.bench;

import dev.playground.common.AsyncPool;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs one benchmark by its simple class name: {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench=NAME}.
 * A class with JMH {@code @Benchmark} methods runs under JMH (extra arguments go to JMH); any other class
 * runs its own {@code main}, which prints its numbers.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Throwable {
    AsyncPool.atLeastTwoThreads();
    if (args.length == 0) {
      System.err.println("usage: Bench NAME [ARGS...]   (a class in dev.playground.bench)");
      System.exit(2);
    }
    Class<?> type = Class.forName("dev.playground.bench." + args[0]);
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    boolean jmh = Arrays.stream(type.getDeclaredMethods())
        .anyMatch(m -> m.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class));
    if (jmh) {
      String[] jmhArgs = new String[rest.length + 1];
      jmhArgs[0] = type.getName();
      System.arraycopy(rest, 0, jmhArgs, 1, rest.length);
      org.openjdk.jmh.Main.main(jmhArgs);
    } else {
      Method main = type.getMethod("main", String[].class);
      main.invoke(null, (Object) rest);
    }
  }
}
