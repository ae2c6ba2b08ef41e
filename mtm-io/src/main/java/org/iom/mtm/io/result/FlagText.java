package org.iom.mtm.io.result;

import org.iom.mtm.indicators.result.Flag;

/** What each flag means, in words, for the footnotes of Markdown tables. */
final class FlagText {
  private FlagText() {}

  static String of(Flag f) {
    return switch (f) {
      case EMPTY -> "the domain is empty or its weights sum to zero; no statistic.";
      case LOW_N -> "the unweighted denominator is below the minimum n.";
      case LOW_NEFF -> "the effective sample size is below 30.";
      case WIDE_CI -> "the confidence interval of the proportion is 0.30 wide or wider.";
      case UNRELIABLE -> "the confidence interval is wider than 130% of the estimate.";
      case DF_LT_8 -> "fewer than 8 degrees of freedom.";
      case UNRELIABLE_COUNT -> "a count with n below 30 or a relative standard error of 30% or more.";
      case SUPPRESSED -> "statistic, standard error and interval withheld by disclosure control.";
      case ZERO_BASE -> "growth from a zero base; no statistic.";
      case NO_DATA -> "no data for this year or cell (not zero).";
      case INFORMANT_DISAGREEMENT -> "key informants disagree beyond the configured ratio.";
      case NO_VARIANCE -> "the variance cannot be estimated; no standard error.";
      case MISSING_VALUES -> "missing values of the variable were not set aside; no statistic.";
      case COMPLEMENT -> "the complement of this proportion would not meet the NCHS standard.";
    };
  }
}
