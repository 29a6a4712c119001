package dev.playground.lab;

/**
 * The lab's own event loop: a binary heap of client numbers ordered by (due time, scheduling order), with no
 * allocation per event. Same rules as {@link dev.playground.clock.VirtualClock}. Not thread-safe.
 */
final class HeapEventLoop implements EventLoop {
  private final Handler handler;
  private final long[] due;     // per client: when its pending event is due
  private final long[] order;   // per client: the scheduling order of that event, for ties
  private final int[] kind;     // per client: what that event is
  private final int[] heap;     // client numbers; heap[0] is the earliest
  private int size;
  private long sequence;
  private long now;

  HeapEventLoop(int clients, Handler handler) {
    this.handler = handler;
    this.due = new long[clients];
    this.order = new long[clients];
    this.kind = new int[clients];
    this.heap = new int[clients];
  }

  @Override
  public long nowNanos() {
    return now;
  }

  @Override
  public void schedule(long delayNanos, int client, int eventKind) {
    if (size == heap.length) throw new IllegalStateException("client " + client + " already has a pending event");
    due[client] = now + Math.max(0, delayNanos);
    order[client] = sequence++;
    kind[client] = eventKind;
    int i = size++;
    while (i > 0) { // sift up
      int parent = (i - 1) >>> 1;
      if (!before(client, heap[parent])) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = client;
  }

  @Override
  public void runUntilIdle() {
    while (size > 0) {
      int client = heap[0];
      int last = heap[--size];
      if (size > 0) siftDown(last);
      now = Math.max(now, due[client]);
      handler.on(client, kind[client]);
    }
  }

  private void siftDown(int client) {
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && before(heap[right], heap[child])) child = right;
      if (!before(heap[child], client)) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = client;
  }

  private boolean before(int a, int b) {
    return due[a] < due[b] || (due[a] == due[b] && order[a] < order[b]);
  }
}
