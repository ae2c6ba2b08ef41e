package org.iom.mtm.io;

import java.util.Objects;

/**
 * Input that cannot be read: the one exception every mtm-io reader throws for bad input. It is an
 * {@link IllegalArgumentException} whose message is {@code FILE:LINE:COLUMN: what is wrong},
 * naming the value, and it carries the {@link ReadProblem} for programs.
 */
public class ReadException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Records are serializable, so the problem travels with the exception. */
  private final ReadProblem problem;

  /**
   * Creates the exception.
   *
   * @param problem what is wrong and where
   */
  public ReadException(ReadProblem problem) {
    super(Objects.requireNonNull(problem, "problem").message());
    this.problem = problem;
  }

  /**
   * Creates the exception with its cause (an I/O or parser error).
   *
   * @param problem what is wrong and where
   * @param cause the underlying error
   */
  public ReadException(ReadProblem problem, Throwable cause) {
    super(Objects.requireNonNull(problem, "problem").message(), cause);
    this.problem = problem;
  }

  /**
   * What is wrong and where.
   *
   * @return the problem
   */
  public ReadProblem problem() {
    return problem;
  }
}
