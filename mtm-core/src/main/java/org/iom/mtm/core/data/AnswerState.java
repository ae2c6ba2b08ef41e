package org.iom.mtm.core.data;

/**
 * The state of one cell of survey data. Only {@link #ANSWERED} cells carry a value; the others are
 * distinct states, never sentinel values, so that a "don't know" is never read as zero and a
 * question skipped by the form's logic is never counted as missing.
 */
public enum AnswerState {
  /** The respondent gave an answer; the cell holds its value. */
  ANSWERED,
  /** The question was not asked: the form's skip logic ({@code relevant}) excluded it. */
  NOT_ASKED,
  /** The respondent said they do not know. */
  DONT_KNOW,
  /** The respondent refused to answer. */
  REFUSED,
  /** The question should have been asked but no answer was recorded. */
  MISSING;

  private static final AnswerState[] VALUES = values();

  /**
   * Whether the cell holds a value.
   *
   * @return true for {@link #ANSWERED} only
   */
  public boolean isAnswered() {
    return this == ANSWERED;
  }

  /**
   * The state with this ordinal, for compact storage.
   *
   * @param ordinal 0 to 4
   * @return the state
   * @throws IllegalArgumentException naming the ordinal when it is out of range
   */
  public static AnswerState ofOrdinal(int ordinal) {
    if (ordinal < 0 || ordinal >= VALUES.length) {
      throw new IllegalArgumentException("no answer state with ordinal " + ordinal);
    }
    return VALUES[ordinal];
  }
}
