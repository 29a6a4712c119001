package dev.playground.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The latest requests, in a fixed-size ring, plus a count of all of them. Thread-safe. */
final class Journal {
  private final JournalEntry[] ring;
  private final AtomicLong received = new AtomicLong();
  private long written; // guarded by this

  Journal(int capacity) {
    ring = new JournalEntry[capacity];
  }

  /** Counts a request as it arrives and gives its number. */
  long arrived() {
    return received.getAndIncrement();
  }

  long received() {
    return received.get();
  }

  synchronized void add(JournalEntry entry) {
    ring[(int) (written++ % ring.length)] = entry;
  }

  /** The latest {@code limit} entries, oldest first. */
  synchronized List<JournalEntry> latest(int limit) {
    int size = (int) Math.min(written, ring.length);
    int n = Math.max(0, Math.min(limit, size));
    List<JournalEntry> out = new ArrayList<>(n);
    for (long i = written - n; i < written; i++) out.add(ring[(int) (i % ring.length)]);
    return out;
  }

  int capacity() {
    return ring.length;
  }
}
