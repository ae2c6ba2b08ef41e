package org.iom.mtm.io.kobo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.iom.mtm.core.data.AnswerState;
import org.jspecify.annotations.Nullable;

/**
 * The answer codes that are not answers: "don't know" and "refused", read into the
 * {@link AnswerState}s {@link AnswerState#DONT_KNOW} and {@link AnswerState#REFUSED} instead of a
 * level or a number, so that they never enter a mean or a proportion as if they were data.
 * Matching ignores case and surrounding blanks.
 *
 * @param codes each code (lower case) and its state
 */
public record SpecialAnswers(Map<String, AnswerState> codes) {

  /**
   * The usual KoBo and REACH codes: {@code dnk}, {@code dk}, {@code dont_know}, {@code
   * do_not_know}, {@code idk} for don't know; {@code pnta}, {@code refused}, {@code refuse},
   * {@code prefer_not_to_answer}, {@code prefer_not_answer} for refused.
   */
  public static final SpecialAnswers DEFAULT =
      none()
          .with("dnk", AnswerState.DONT_KNOW)
          .with("dk", AnswerState.DONT_KNOW)
          .with("dont_know", AnswerState.DONT_KNOW)
          .with("do_not_know", AnswerState.DONT_KNOW)
          .with("idk", AnswerState.DONT_KNOW)
          .with("pnta", AnswerState.REFUSED)
          .with("refused", AnswerState.REFUSED)
          .with("refuse", AnswerState.REFUSED)
          .with("prefer_not_to_answer", AnswerState.REFUSED)
          .with("prefer_not_answer", AnswerState.REFUSED);

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException when a state is not don't know or refused, or a code blank
   */
  public SpecialAnswers {
    Map<String, AnswerState> copy = new LinkedHashMap<>();
    for (Map.Entry<String, AnswerState> e : codes.entrySet()) {
      String k = e.getKey().strip().toLowerCase(Locale.ROOT);
      if (k.isEmpty()) {
        throw new IllegalArgumentException("special answer code is blank: '" + e.getKey() + "'");
      }
      AnswerState s = Objects.requireNonNull(e.getValue(), "state");
      if (s != AnswerState.DONT_KNOW && s != AnswerState.REFUSED) {
        throw new IllegalArgumentException(
            "special answer '" + e.getKey() + "' must map to DONT_KNOW or REFUSED, not " + s);
      }
      copy.put(k, s);
    }
    codes = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * No special codes: every value is read as an answer.
   *
   * @return the empty set of codes
   */
  public static SpecialAnswers none() {
    return new SpecialAnswers(Map.of());
  }

  /**
   * These codes and one more (a form's own {@code -99}, say).
   *
   * @param code the code as it appears in the data
   * @param state {@link AnswerState#DONT_KNOW} or {@link AnswerState#REFUSED}
   * @return new codes
   */
  public SpecialAnswers with(String code, AnswerState state) {
    Map<String, AnswerState> m = new LinkedHashMap<>(codes);
    m.put(code, state);
    return new SpecialAnswers(m);
  }

  /**
   * The state of a value, if it is a special code.
   *
   * @param value a cell's value
   * @return the state, or null when the value is an ordinary answer
   */
  public @Nullable AnswerState stateOf(String value) {
    if (codes.isEmpty()) {
      return null;
    }
    // Called once per distinct value of every column: compare without allocating, lengths first.
    String v = value.strip();
    for (Map.Entry<String, AnswerState> e : codes.entrySet()) {
      if (e.getKey().length() == v.length() && e.getKey().equalsIgnoreCase(v)) {
        return e.getValue();
      }
    }
    return null;
  }
}
