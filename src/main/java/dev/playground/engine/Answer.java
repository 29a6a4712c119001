package dev.playground.engine;

import dev.playground.events.Rung;

/**
 * What the user gets for one prompt: the text, which rung of the ladder answered, from which provider and
 * model, after how many calls and how long. Immutable.
 *
 * @param req the request's number in the run
 * @param content the answer, the canned message on the {@code error} rung, or null when nothing answered
 * @param provider who answered, or null for the {@code cached} / {@code error} rungs
 * @param outcome {@code "ok"}, a defect accepted as it is ({@code "empty_answer"} …), or the failure that
 *     left the request on the {@code error} rung ({@code "server_error"} …)
 * @param attempts the calls made for this request, across models and rungs (not counting refusals)
 */
public record Answer(
    long req, String content, Rung rung, String provider, String model, String outcome, int attempts, double latencyMs) {

  public boolean ok() {
    return "ok".equals(outcome);
  }
}
