package org.iom.mtm.core;

import org.jspecify.annotations.Nullable;

/**
 * One bin of an {@link AgeGroups} classification: ages in completed years from {@code lower} to
 * {@code upper}, both included, or from {@code lower} up when open.
 *
 * @param lower the youngest age in the bin, not negative
 * @param upper the oldest age in the bin, or null for an open top bin ({@code 65+})
 */
public record AgeGroup(int lower, @Nullable Integer upper) {

  /**
   * Checks the bounds.
   *
   * @throws IllegalArgumentException naming the bounds when the lower is negative or the upper
   *     below it
   */
  public AgeGroup {
    if (lower < 0) {
      throw new IllegalArgumentException("age group lower bound " + lower + " is negative");
    }
    if (upper != null && upper < lower) {
      throw new IllegalArgumentException(
          "age group " + lower + "-" + upper + ": upper bound below lower bound");
    }
  }

  /**
   * Whether an age in completed years falls in the bin.
   *
   * @param age the age
   * @return true when {@code lower <= age <= upper}
   */
  public boolean contains(int age) {
    return age >= lower && (upper == null || age <= upper);
  }

  /**
   * The label reports print: {@code 18-24}, {@code 65+}, or {@code 18} for a one-year bin.
   *
   * @return the label
   */
  public String label() {
    if (upper == null) {
      return lower + "+";
    }
    return upper == lower ? Integer.toString(lower) : lower + "-" + upper;
  }

  @Override
  public String toString() {
    return label();
  }
}
