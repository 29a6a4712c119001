package dev.playground.provider;

import dev.playground.faults.FaultKind;

/**
 * One chat-completion request as the simulated provider saw it. Immutable. Never holds the prompt, the
 * answer or any credential.
 *
 * @param n the request's number at this provider (0, 1, 2 …, in arrival order)
 * @param tMs when it arrived, in milliseconds since the provider started (on its clock)
 * @param model the model asked for ("" if the request named none)
 * @param fault the fault applied ({@code ok} for a normal or forwarded answer)
 * @param status the HTTP status answered (for a forwarded request: the upstream's), or 0 for none
 * @param stream whether the client asked for a stream
 * @param rule the index of the plan rule that decided, or -1
 * @param forced whether the {@code X-Playground-Fault} header chose the fault
 * @param forwarded whether the request went to the upstream (chaos proxy)
 * @param requestId the {@code x-request-id} answered
 */
public record JournalEntry(
    long n,
    long tMs,
    String model,
    FaultKind fault,
    int status,
    boolean stream,
    int rule,
    boolean forced,
    boolean forwarded,
    String requestId) {}
