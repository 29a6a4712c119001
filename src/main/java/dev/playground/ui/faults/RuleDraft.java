package dev.playground.ui.faults;

import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlanException;
import dev.playground.faults.FaultRule;
import dev.playground.faults.Latency;
import dev.playground.faults.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One fault rule as the form holds it: a kind or a scripted sequence, and the text of each parameter as typed.
 * {@link #build()} turns it into a {@link FaultRule}, whose constructor validates it. Parameters that do not
 * apply to the rule's kinds (Retry-After for {@code slow}, hold for anything but {@code timeout}) are hidden
 * by the view and left out. Not thread-safe: FX thread.
 */
public final class RuleDraft {
  /** The {@code x-should-retry} header: not sent, or sent as true or false. Immutable. */
  public enum ShouldRetry {
    NOT_SENT("not sent"),
    TRUE("true"),
    FALSE("false");

    private final String label;

    ShouldRetry(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }

    static ShouldRetry of(Boolean b) {
      return b == null ? NOT_SENT : b ? TRUE : FALSE;
    }

    Boolean value() {
      return this == NOT_SENT ? null : this == TRUE;
    }
  }

  private final boolean sequenceRule;
  private final ObjectProperty<FaultKind> kind = new SimpleObjectProperty<>();
  private final StringProperty sequence = new SimpleStringProperty("");
  private final BooleanProperty repeat = new SimpleBooleanProperty();
  private final StringProperty probability = new SimpleStringProperty("1");
  private final ObjectProperty<Target> target = new SimpleObjectProperty<>(Target.CHAT);
  private final StringProperty retryAfterS = new SimpleStringProperty("");
  private final StringProperty retryAfterMs = new SimpleStringProperty("");
  private final ObjectProperty<ShouldRetry> shouldRetry = new SimpleObjectProperty<>(ShouldRetry.NOT_SENT);
  private final LatencyDraft latency = new LatencyDraft();
  private final StringProperty status = new SimpleStringProperty("");
  private final StringProperty holdMs = new SimpleStringProperty("");
  private final StringProperty models = new SimpleStringProperty("");
  private final StringProperty windowFromMs = new SimpleStringProperty("");
  private final StringProperty windowToMs = new SimpleStringProperty("");
  private final StringProperty note = new SimpleStringProperty("");
  private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();

  private RuleDraft(boolean sequenceRule) {
    this.sequenceRule = sequenceRule;
  }

  /** A new rule that always applies {@code kind}. */
  public static RuleDraft of(FaultKind kind) {
    RuleDraft d = new RuleDraft(false);
    d.kind.set(kind);
    return d;
  }

  /** A new scripted rule, e.g. {@code rate_limit, rate_limit, ok}. */
  public static RuleDraft sequence(List<FaultKind> kinds, boolean repeat) {
    RuleDraft d = new RuleDraft(true);
    d.sequence.set(kinds.stream().map(FaultKind::wireName).collect(Collectors.joining(", ")));
    d.repeat.set(repeat);
    return d;
  }

  /** The form of an existing rule: every field shows the rule's value. */
  public static RuleDraft of(FaultRule rule) {
    RuleDraft d = rule.kind() != null ? of(rule.kind()) : sequence(rule.sequence(), rule.repeat());
    d.probability.set(FormText.show(rule.probability()));
    d.target.set(rule.target());
    d.retryAfterS.set(FormText.show(rule.retryAfterS()));
    d.retryAfterMs.set(FormText.show(rule.retryAfterMs()));
    d.shouldRetry.set(ShouldRetry.of(rule.shouldRetry()));
    d.latency.load(rule.latency());
    d.status.set(rule.status() == null ? "" : Integer.toString(rule.status()));
    d.holdMs.set(FormText.show(rule.holdMs()));
    d.models.set(String.join(", ", rule.models()));
    if (rule.window() != null) {
      d.windowFromMs.set(Long.toString(rule.window().fromMs()));
      d.windowToMs.set(FormText.show(rule.window().toMs()));
    }
    d.note.set(rule.note() == null ? "" : rule.note());
    return d;
  }

  public boolean isSequence() { return sequenceRule; }

  /** The kind; null for a sequence rule. */
  public ObjectProperty<FaultKind> kindProperty() { return kind; }

  /** The scripted kinds, separated by commas or spaces: {@code rate_limit, rate_limit, ok}. */
  public StringProperty sequenceProperty() { return sequence; }

  public BooleanProperty repeatProperty() { return repeat; }

  /** In [0, 1]; empty = 1. */
  public StringProperty probabilityProperty() { return probability; }

  /** What the rule breaks: the chat call (providers) or the engine's retriever or cache. */
  public ObjectProperty<Target> targetProperty() { return target; }

  public StringProperty retryAfterSProperty() { return retryAfterS; }

  public StringProperty retryAfterMsProperty() { return retryAfterMs; }

  public ObjectProperty<ShouldRetry> shouldRetryProperty() { return shouldRetry; }

  public LatencyDraft latency() { return latency; }

  public StringProperty statusProperty() { return status; }

  public StringProperty holdMsProperty() { return holdMs; }

  /** Model names separated by commas; empty = every model. */
  public StringProperty modelsProperty() { return models; }

  public StringProperty windowFromMsProperty() { return windowFromMs; }

  public StringProperty windowToMsProperty() { return windowToMs; }

  public StringProperty noteProperty() { return note; }

  /** What is wrong with this rule as typed (path relative to the rule), or null; set by its plan's validation. */
  public ReadOnlyObjectProperty<Problem> problemProperty() { return problem.getReadOnlyProperty(); }

  void setProblem(Problem p) {
    if (!Objects.equals(problem.get(), p)) problem.set(p);
  }

  /** The kinds the rule can produce as typed so far (names that are not kinds are skipped). */
  public Set<FaultKind> kinds() {
    if (!sequenceRule) return kind.get() == null ? Set.of() : Set.of(kind.get());
    EnumSet<FaultKind> set = EnumSet.noneOf(FaultKind.class);
    for (String name : names(sequence.get())) FaultKind.fromWireName(name).ifPresent(set::add);
    return set;
  }

  /** True when Retry-After, x-should-retry and status apply: the rule can answer with an HTTP error. */
  public boolean takesErrorParameters() {
    return kinds().stream().anyMatch(FaultKind::isErrorStatus);
  }

  /** True when the hold time applies: the rule can time out. */
  public boolean takesHold() {
    return kinds().contains(FaultKind.TIMEOUT);
  }

  /** The rule; throws {@link FaultPlanException} whose path is the field's within the rule. */
  public FaultRule build() {
    FaultKind k = sequenceRule ? null : kind.get();
    if (!sequenceRule && k == null) throw new FaultPlanException("kind", "kind must be chosen");
    List<FaultKind> seq = sequenceRule ? parseSequence() : List.of();
    double p = FormText.number(probability.get(), "probability", 1);
    FaultRule.Window window = window();
    boolean errors = takesErrorParameters();
    Long raS = errors ? FormText.optionalWhole(retryAfterS.get(), "retry_after_s") : null;
    Long raMs = errors ? FormText.optionalWhole(retryAfterMs.get(), "retry_after_ms") : null;
    Boolean retry = errors && shouldRetry.get() != null ? shouldRetry.get().value() : null;
    Long st = errors ? FormText.optionalWhole(status.get(), "status") : null;
    if (st != null && (st < 100 || st > 599))
      throw new FaultPlanException("status", "status must be an HTTP status in [100, 599], was " + st);
    Long hold = takesHold() ? FormText.optionalWhole(holdMs.get(), "hold_ms") : null;
    Latency lat = latency.build("latency");
    String text = FormText.blank(note.get()) ? null : note.get().trim();
    return new FaultRule(k, seq, sequenceRule && repeat.get(), p, window, modelList(), target.get(), raS, raMs,
        retry, lat, st == null ? null : st.intValue(), hold, text);
  }

  private List<FaultKind> parseSequence() {
    List<String> names = names(sequence.get());
    if (names.isEmpty()) throw new FaultPlanException("sequence", "sequence must list at least one kind");
    List<FaultKind> kinds = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String at = "sequence[" + i + "]";
      kinds.add(FaultKind.fromWireName(name).orElseThrow(() -> new FaultPlanException(at,
          at + " must be one of " + FaultKind.allowedNames() + "; was \"" + name + "\"")));
    }
    return kinds;
  }

  private FaultRule.Window window() {
    Long from = FormText.optionalWhole(windowFromMs.get(), "window.from_ms");
    Long to = FormText.optionalWhole(windowToMs.get(), "window.to_ms");
    if (from == null && to == null) return null;
    return new FaultRule.Window(from == null ? 0 : from, to);
  }

  private List<String> modelList() {
    return names(models.get());
  }

  private static List<String> names(String text) {
    if (FormText.blank(text)) return List.of();
    return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
  }

  Observable[] observables() {
    List<Observable> all = new ArrayList<>(List.of(kind, sequence, repeat, probability, target, retryAfterS,
        retryAfterMs, shouldRetry, status, holdMs, models, windowFromMs, windowToMs, note));
    all.addAll(List.of(latency.observables()));
    return all.toArray(Observable[]::new);
  }

  /** One line for the rule list: {@code rate_limit · p 0.7 · 0–30000 ms · Retry-After 2 s}. */
  public String summary() {
    StringBuilder b = new StringBuilder();
    if (sequenceRule) b.append('[').append(String.join(", ", names(sequence.get()))).append(']')
        .append(repeat.get() ? " ↻" : "");
    else b.append(kind.get() == null ? "?" : kind.get().wireName());
    if (target.get() != null && target.get() != Target.CHAT) b.append(" → ").append(target.get().wireName());
    String p = probability.get() == null ? "" : probability.get().trim();
    if (!p.isEmpty() && !p.equals("1")) b.append(" · p ").append(p);
    if (!FormText.blank(windowFromMs.get()) || !FormText.blank(windowToMs.get()))
      b.append(" · ").append(FormText.blank(windowFromMs.get()) ? "0" : windowFromMs.get().trim()).append('–')
          .append(FormText.blank(windowToMs.get()) ? "∞" : windowToMs.get().trim()).append(" ms");
    if (!FormText.blank(models.get())) b.append(" · ").append(String.join(", ", names(models.get())));
    if (takesErrorParameters()) {
      if (!FormText.blank(retryAfterS.get())) b.append(" · Retry-After ").append(retryAfterS.get().trim()).append(" s");
      if (!FormText.blank(retryAfterMs.get())) b.append(" · retry-after-ms ").append(retryAfterMs.get().trim());
      if (!FormText.blank(status.get())) b.append(" · ").append(status.get().trim());
    }
    String lat = latency.summary();
    if (!lat.isEmpty()) b.append(" · +").append(lat);
    return b.toString();
  }
}
