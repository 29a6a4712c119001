package dev.playground.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that never keep the process alive, named after what they do ({@code name}, or {@code name-1},
 * {@code name-2} … when there are several). Thread-safe.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** A factory of daemon threads called {@code name-1}, {@code name-2} …. */
  public static ThreadFactory numbered(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> daemon(r, name + "-" + count.incrementAndGet());
  }

  /** A factory of daemon threads all called {@code name}. */
  public static ThreadFactory named(String name) {
    return r -> daemon(r, name);
  }

  /** One daemon thread running tasks in order. */
  public static ExecutorService single(String name) {
    return Executors.newSingleThreadExecutor(named(name));
  }

  /** Daemon threads made as needed, reused while idle. */
  public static ExecutorService cached(String name) {
    return Executors.newCachedThreadPool(numbered(name));
  }

  /** A started daemon thread running {@code task}. */
  public static Thread start(String name, Runnable task) {
    Thread t = daemon(task, name);
    t.start();
    return t;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
