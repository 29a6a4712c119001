package dev.playground.common;

/** A constant with a name on the wire (run logs, fault plans, scenarios): lower-case, stable. */
public interface WireName {
  String wireName();
}
