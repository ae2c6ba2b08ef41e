package org.iom.mtm.core;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A respondent's sex as MTM questionnaires record it. A cell without an answer is not a sex: it
 * is a state of the cell ({@link org.iom.mtm.core.data.AnswerState}), never a constant here.
 */
public enum Sex {
  /** Female. */
  FEMALE("female"),
  /** Male. */
  MALE("male"),
  /** Another answer the form offers (other, non-binary, ...). */
  OTHER("other");

  private static final Map<String, Sex> SPELLINGS = new HashMap<>();

  static {
    // Choice names and labels seen in KoBo forms, in English and Russian.
    for (String s : new String[] {"female", "f", "woman", "women", "girl", "femme", "женский", "женщина", "ж"}) {
      SPELLINGS.put(s, FEMALE);
    }
    for (String s : new String[] {"male", "m", "man", "men", "boy", "homme", "мужской", "мужчина", "м"}) {
      SPELLINGS.put(s, MALE);
    }
    for (String s : new String[] {"other", "o", "x", "non_binary", "nonbinary", "another", "другой", "другое"}) {
      SPELLINGS.put(s, OTHER);
    }
  }

  private final String code;

  Sex(String code) {
    this.code = code;
  }

  /**
   * The code written to data and result tables.
   *
   * @return {@code female}, {@code male} or {@code other}
   */
  public String code() {
    return code;
  }

  /**
   * Reads a KoBo choice name or label: {@code female}, {@code F}, {@code Woman}, {@code
   * женский}, ... ignoring case and surrounding blanks.
   *
   * @param text the answer
   * @return the sex, or empty when the text is not a known spelling
   */
  public static Optional<Sex> find(String text) {
    Objects.requireNonNull(text, "sex");
    String k = text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return Optional.ofNullable(SPELLINGS.get(k));
  }

  /**
   * Reads a KoBo choice name or label.
   *
   * @param text the answer
   * @return the sex
   * @throws IllegalArgumentException naming the value when it is not a known spelling
   */
  public static Sex parse(String text) {
    return find(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown sex '" + text + "': expected female, male or other (or f, m, woman,"
                        + " man, ...)"));
  }
}
