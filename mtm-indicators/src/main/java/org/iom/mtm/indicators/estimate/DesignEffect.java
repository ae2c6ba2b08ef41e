package org.iom.mtm.indicators.estimate;

import java.util.Locale;

/**
 * The simple random sample a design effect compares with: the variance of the estimate under the
 * design over its variance under simple random sampling of the same number of rows, with the
 * population variance estimated by R's {@code svyvar}.
 */
public enum DesignEffect {
  /**
   * Simple random sampling without replacement from a population of size {@code sum(w)}: R's
   * {@code deff = TRUE}. For a mean, {@code V_srs = svyvar * (N - n) / (N n)}.
   */
  SRSWOR,
  /** Simple random sampling with replacement: R's {@code deff = "replace"}, {@code V_srs = svyvar / n}. */
  SRSWR;

  /**
   * The code on the command line ({@code srswor}; {@code replace} for {@link #SRSWR}).
   *
   * @return the code
   */
  public String code() {
    return this == SRSWR ? "replace" : name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a code: {@code srswor}, {@code true} or empty for {@link #SRSWOR}; {@code replace} or
   * {@code srswr} for {@link #SRSWR}.
   *
   * @param code the code
   * @return the reference design
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static DesignEffect ofCode(String code) {
    String c = code.strip().toLowerCase(Locale.ROOT);
    switch (c) {
      case "", "true", "srswor":
        return SRSWOR;
      case "replace", "srswr":
        return SRSWR;
      default:
        throw new IllegalArgumentException("unknown design effect '" + code + "': use srswor or replace");
    }
  }
}
