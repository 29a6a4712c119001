package dev.playground.lab;

/**
 * One point of the lab: a strategy at a number of clients, summarised over its trials. {@code calls} counts
 * writes sent to the server by all clients together (the work); {@code completionMs} is the virtual time until
 * the last client learned its write succeeded. Immutable and thread-safe.
 */
public record HerdRow(
    HerdStrategy strategy,
    int clients,
    int trials,
    double callsMean,
    double callsMedian,
    double completionMsMean,
    double completionMsMedian) {

  public HerdRow {
    if (strategy == null) throw new IllegalArgumentException("strategy must be set");
    if (clients < 1) throw new IllegalArgumentException("clients must be ≥ 1, was " + clients);
    if (trials < 1) throw new IllegalArgumentException("trials must be ≥ 1, was " + trials);
    if (!(callsMean >= clients) || !(callsMedian >= clients))
      throw new IllegalArgumentException("calls must be ≥ clients (" + clients + "), was " + callsMean);
    if (!(completionMsMean >= 0) || !(completionMsMedian >= 0))
      throw new IllegalArgumentException("completionMs must be ≥ 0, was " + completionMsMean);
  }

  /** Calls per client: 1 means no write was ever lost. */
  public double callsPerClient() {
    return callsMean / clients;
  }
}
