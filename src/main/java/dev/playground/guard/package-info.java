/**
 * What keeps input bounded and secrets out of output, in one place for every package: values quoted short in
 * messages ({@link dev.playground.guard.Quote}), files read with a bound that holds for pipes and devices
 * ({@link dev.playground.guard.BoundedRead}), numbers taken only when a long or a double holds them
 * ({@link dev.playground.guard.ExactNumbers}), names without control characters
 * ({@link dev.playground.guard.Names}), output paths checked before any work
 * ({@link dev.playground.guard.OutputPaths}) and the secrets in use masked ({@link dev.playground.guard.Secrets}).
 * Imports the JDK and Jackson only, so that every other package may use it.
 */
package dev.playground.guard;

