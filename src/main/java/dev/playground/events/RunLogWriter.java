package dev.playground.events;

import dev.playground.common.DaemonThreads;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Appends events to a JSONL run log on a thread of its own. Thread-safe: subscribe it to a {@link RunRecorder}
 * or call {@link #accept} from any thread.
 *
 * <p>Lines reach the file about 10 ms after they were accepted, and at most {@value #FLUSH_INTERVAL_MS} ms after
 * under a flood; always in whole lines (a write never ends inside a line), so a killed process loses at most
 * its last moments and never damages an earlier line. {@link #close} writes the rest and syncs the file.
 *
 * <p>What waits is bounded in count and in time: at most {@link #DEFAULT_CAPACITY} events, and none longer than
 * about {@value #MAX_LAG_MS} ms, so a kill loses at most the last moments even when the disk stalls.
 * {@link #accept} returns at once while the writer keeps up; when a producer outruns the disk (a virtual-time run
 * can), or the disk stops taking lines for a while, it waits instead of dropping lines, so the run slows to the
 * speed of the disk. After a write error no line is written any more:
 * {@link #failure()} says why and {@link #close()} throws it, with the number of events lost.
 */
public final class RunLogWriter implements Consumer<RunEvent>, AutoCloseable {
  public static final int DEFAULT_CAPACITY = 4_096;
  /** A publisher waits once the oldest unwritten event may be older than this (a disk that stalls). */
  public static final long MAX_LAG_MS = 50;
  private static final long MAX_LAG_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_LAG_MS);
  public static final long FLUSH_INTERVAL_MS = 100;
  private static final int CHUNK_BYTES = 64 * 1024;
  private static final int BATCH = 1024;
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final Object CLOSE = new Object();

  private final String name;
  private final OutputStream out;
  private final FileChannel channel; // null when not writing to a file
  private final Redaction redaction;
  private final BlockingQueue<Object> queue;
  private final Thread thread;
  private final Object state = new Object();
  private final Object progress = new Object();
  private boolean closed; // guarded by state
  private long lost; // guarded by state
  private volatile long publisherWaits; // written under state
  private volatile IOException failure;
  private volatile long linesWritten;
  private volatile long caughtUpAt = System.nanoTime(); // every event accepted before this time is in the OS
  private volatile long lagWaits; // written under state

  private RunLogWriter(String name, OutputStream out, FileChannel channel, int capacity, Redaction redaction) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be ≥ 1, was " + capacity);
    this.name = name;
    this.out = out;
    this.channel = channel;
    this.redaction = redaction;
    this.queue = new ArrayBlockingQueue<>(capacity);
    // a daemon: an app that exits without closing loses ≤ 100 ms, not its exit
    this.thread = DaemonThreads.start("run-log-writer " + name, this::run);
  }

  /** Creates (or empties) {@code file} and starts writing to it. */
  public static RunLogWriter open(Path file) throws IOException {
    return open(file, DEFAULT_CAPACITY);
  }

  /** As {@link #open(Path)}, with at most {@code capacity} events waiting to be written. */
  public static RunLogWriter open(Path file, int capacity) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    return new RunLogWriter(String.valueOf(file.getFileName()), Channels.newOutputStream(channel), channel,
        capacity, Redaction.environment());
  }

  /** Writes to {@code out} (closed by {@link #close}); {@code name} names it in messages. */
  static RunLogWriter to(OutputStream out, String name, int capacity, Redaction redaction) {
    return new RunLogWriter(name, out, null, capacity, redaction);
  }

  /** Queues {@code event} for writing; waits only while {@link #DEFAULT_CAPACITY capacity} events are pending. */
  @Override
  public void accept(RunEvent event) {
    Objects.requireNonNull(event, "event");
    synchronized (state) {
      if (closed) throw new IllegalStateException(
          "the run log " + name + " is closed; " + event.type() + " seq " + event.seq() + " came too late");
      if (failure != null) {
        lost++;
        return;
      }
      waitWhileBehind();
      enqueue(event);
    }
  }

  /** Blocks until every event accepted before this call is handed to the operating system. */
  public void flush() throws IOException {
    var barrier = new CountDownLatch(1);
    synchronized (state) {
      if (closed) return;
      throwIfFailed();
      enqueue(barrier);
    }
    try {
      barrier.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while flushing the run log " + name);
    }
    throwIfFailed();
  }

  /** Lines handed to the operating system so far. */
  public long linesWritten() {
    return linesWritten;
  }

  /** How many times a publisher had to wait for room (the writer was {@code capacity} events behind). */
  public long publisherWaits() {
    return publisherWaits;
  }

  /** How many times a publisher waited because the writer was more than {@value #MAX_LAG_MS} ms behind. */
  public long lagWaits() {
    return lagWaits;
  }

  /** Why writing stopped, if it did. */
  public Optional<IOException> failure() {
    return Optional.ofNullable(failure);
  }

  /** Writes what is pending, syncs the file and closes it. Events accepted later are refused. Idempotent. */
  @Override
  public void close() throws IOException {
    synchronized (state) {
      if (!closed) {
        closed = true;
        if (failure == null) enqueue(CLOSE);
      }
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true; // finish closing: the file must not be left half-open
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
    try {
      out.close();
    } catch (IOException e) {
      if (failure == null) failure = e;
    }
    throwIfFailed();
  }

  /** Waits up to {@code timeout} until at least {@code lines} lines are written; true if they are. */
  boolean awaitWritten(long lines, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (linesWritten < lines) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return false;
        TimeUnit.NANOSECONDS.timedWait(progress, left);
      }
      return true;
    }
  }

  private void throwIfFailed() throws IOException {
    IOException f = failure;
    if (f == null) return;
    long lostNow;
    synchronized (state) {
      lostNow = lost;
    }
    throw new IOException("writing the run log " + name + " failed after " + linesWritten + " lines ("
        + f.getMessage() + "); " + lostNow + " events were not written", f);
  }

  /**
   * Called with the state lock held: while events wait and the writer has not caught up for {@value #MAX_LAG_MS}
   * ms (the disk stalls, or a flood outruns it), the publisher waits for it rather than let more pile up unwritten.
   */
  private void waitWhileBehind() {
    if (queue.isEmpty() || System.nanoTime() - caughtUpAt <= MAX_LAG_NANOS) return;
    lagWaits++;
    LockSupport.unpark(thread);
    boolean interrupted = false;
    synchronized (progress) {
      while (!queue.isEmpty() && System.nanoTime() - caughtUpAt > MAX_LAG_NANOS && failure == null) {
        try {
          progress.wait(10);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  // called with the state lock held: a full queue makes the publisher wait, never drops the line
  private void enqueue(Object item) {
    if (queue.offer(item)) {
      if (!(item instanceof RunEvent)) LockSupport.unpark(thread);
      return;
    }
    publisherWaits++;
    LockSupport.unpark(thread);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          if (queue.offer(item, 10, TimeUnit.MILLISECONDS)) return;
        } catch (InterruptedException e) {
          interrupted = true;
        }
        if (failure != null) {
          if (item instanceof RunEvent) lost++;
          else if (item instanceof CountDownLatch barrier) barrier.countDown();
          return;
        }
      }
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  private void run() {
    var buffer = new LineBuffer(CHUNK_BYTES + 4096);
    var batch = new ArrayDeque<Object>(BATCH);
    try {
      writeUntilClosed(buffer, batch);
      if (channel != null) channel.force(false);
    } catch (Throwable e) {
      fail(e instanceof IOException io ? io : new IOException(e.toString(), e), buffer.lines(), batch);
      if (e instanceof Error error) throw error; // recorded above; let the JVM see it too
    }
  }

  private void writeUntilClosed(LineBuffer buffer, ArrayDeque<Object> batch) throws IOException {
    long intervalNanos = TimeUnit.MILLISECONDS.toNanos(FLUSH_INTERVAL_MS);
    long pendingSince = 0; // when the oldest unwritten line was encoded (wall time: this is about I/O, not the run)
    while (true) {
      long drainedAt = System.nanoTime();
      int drained = queue.drainTo(batch, BATCH);
      if (drained == 0) {
        if (buffer.size() == 0) caughtUp(drainedAt);
        // publishers do not wake this thread for each event (that costs them a futex call each): it looks every
        // tick, and is woken only for a full queue, a lagging writer, a flush or close
        LockSupport.parkNanos(this, TICK_NANOS);
        continue;
      }
      // an item leaves the batch once the buffer holds it (or it is done), so a failure counts each loss once
      for (Object item = batch.peek(); item != null; item = batch.peek()) {
        if (item instanceof RunEvent event) {
          if (buffer.size() == 0) pendingSince = System.nanoTime();
          encode(event, buffer);
          batch.poll();
          if (buffer.size() >= CHUNK_BYTES) writeOut(buffer);
        } else if (item instanceof CountDownLatch barrier) {
          writeOut(buffer);
          batch.poll();
          barrier.countDown();
        } else {
          writeOut(buffer); // CLOSE
          batch.poll();
          return;
        }
      }
      // caught up, or the oldest line has waited long enough: hand the lines to the OS
      if (buffer.size() > 0 && (queue.isEmpty() || System.nanoTime() - pendingSince >= intervalNanos))
        writeOut(buffer);
      // a batch short of BATCH emptied the queue: every event accepted before the drain is now in the file
      if (drained < BATCH && buffer.size() == 0) caughtUp(drainedAt);
    }
  }

  private void caughtUp(long at) {
    caughtUpAt = at;
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  private void encode(RunEvent event, LineBuffer buffer) {
    int mark = buffer.size();
    try {
      RunEventJson.write(event, buffer, redaction);
      buffer.endLine();
    } catch (RuntimeException e) {
      buffer.truncate(mark);
      throw new IllegalStateException("cannot write " + event.type() + " seq " + event.seq() + ": " + e, e);
    }
  }

  private void writeOut(LineBuffer buffer) throws IOException {
    if (buffer.size() == 0) return;
    int lines = buffer.drainTo(out);
    synchronized (progress) {
      linesWritten += lines;
      progress.notifyAll();
    }
  }

  private void fail(IOException cause, int unwrittenLines, ArrayDeque<Object> unhandled) {
    var pending = new ArrayList<Object>(unhandled);
    failure = cause; // before taking the lock: a publisher waiting for room holds it and watches this field
    synchronized (state) {
      queue.drainTo(pending);
      lost += unwrittenLines;
      for (Object item : pending) {
        if (item instanceof RunEvent) lost++;
        else if (item instanceof CountDownLatch barrier) barrier.countDown();
      }
    }
    synchronized (progress) {
      progress.notifyAll();
    }
  }
}
