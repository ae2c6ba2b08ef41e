package org.iom.mtm.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A classification of ages into contiguous bins ({@code 18-24,25-34,35-44,45-54,55-64,65+}).
 * Immutable; configurable by {@link #parse(String)} or {@link #of(int...)}.
 */
public final class AgeGroups {
  private final List<AgeGroup> groups;

  private AgeGroups(List<AgeGroup> groups) {
    this.groups = groups;
  }

  /**
   * The bins MTM Kazakhstan reports for adult respondents: {@code 18-24, 25-34, 35-44, 45-54,
   * 55-64, 65+}.
   *
   * @return the classification
   */
  public static AgeGroups adultsTenYear() {
    return of(18, 25, 35, 45, 55, 65);
  }

  /**
   * Bins from their lower bounds, the last open: {@code of(18, 25, 35)} is {@code 18-24, 25-34,
   * 35+}.
   *
   * @param lowerBounds strictly increasing, not negative, at least one
   * @return the classification
   * @throws IllegalArgumentException naming the bound that is negative or out of order
   */
  public static AgeGroups of(int... lowerBounds) {
    if (lowerBounds.length == 0) {
      throw new IllegalArgumentException("age groups need at least one lower bound");
    }
    List<AgeGroup> gs = new ArrayList<>();
    for (int i = 0; i < lowerBounds.length; i++) {
      if (i + 1 < lowerBounds.length && lowerBounds[i + 1] <= lowerBounds[i]) {
        throw new IllegalArgumentException(
            "age group bound " + lowerBounds[i + 1] + " does not follow " + lowerBounds[i]);
      }
      gs.add(new AgeGroup(lowerBounds[i], i + 1 < lowerBounds.length ? lowerBounds[i + 1] - 1 : null));
    }
    return of(gs);
  }

  /**
   * Bins as given.
   *
   * @param groups contiguous bins in increasing order, only the last may be open
   * @return the classification
   * @throws IllegalArgumentException naming the bin that leaves a gap, overlaps or follows an
   *     open bin
   */
  public static AgeGroups of(List<AgeGroup> groups) {
    List<AgeGroup> copy = List.copyOf(groups);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("age groups need at least one bin");
    }
    for (int i = 1; i < copy.size(); i++) {
      AgeGroup prev = copy.get(i - 1);
      AgeGroup g = copy.get(i);
      if (prev.upper() == null) {
        throw new IllegalArgumentException("age group " + g + " follows the open group " + prev);
      }
      if (g.lower() != prev.upper() + 1) {
        throw new IllegalArgumentException(
            "age group " + g + " does not start where " + prev + " ends ("
                + (g.lower() <= prev.upper() ? "overlap" : "gap") + ")");
      }
    }
    return new AgeGroups(copy);
  }

  /**
   * Reads bins written as reports write them: {@code 18-24,25-34,...,65+}; a bin is {@code a-b},
   * {@code a+} (last only) or a single age {@code a}; {@code <18} is {@code 0-17}. Blanks are
   * ignored.
   *
   * @param spec the bins, comma-separated
   * @return the classification
   * @throws IllegalArgumentException naming the bin that cannot be read, or as {@link #of(List)}
   */
  public static AgeGroups parse(String spec) {
    Objects.requireNonNull(spec, "age groups");
    List<AgeGroup> gs = new ArrayList<>();
    for (String part : spec.split(",", -1)) {
      String p = part.replace(" ", "").replace('\u2013', '-');
      try {
        if (p.startsWith("<")) {
          gs.add(new AgeGroup(0, Integer.parseInt(p.substring(1), 10) - 1));
        } else if (p.endsWith("+")) {
          gs.add(new AgeGroup(Integer.parseInt(p.substring(0, p.length() - 1), 10), null));
        } else if (p.indexOf('-', 1) > 0) {
          int dash = p.indexOf('-', 1);
          gs.add(
              new AgeGroup(
                  Integer.parseInt(p.substring(0, dash), 10), Integer.parseInt(p.substring(dash + 1), 10)));
        } else {
          int a = Integer.parseInt(p, 10);
          gs.add(new AgeGroup(a, a));
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "age group '" + part.strip() + "' in '" + spec + "' is not a-b, a+ or <a", e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("age groups '" + spec + "': " + e.getMessage(), e);
      }
    }
    try {
      return of(gs);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("age groups '" + spec + "': " + e.getMessage(), e);
    }
  }

  /**
   * The bins in order.
   *
   * @return an immutable list
   */
  public List<AgeGroup> groups() {
    return groups;
  }

  /**
   * The bins' labels in order ({@code 18-24}, ..., {@code 65+}).
   *
   * @return an immutable list
   */
  public List<String> labels() {
    return groups.stream().map(AgeGroup::label).toList();
  }

  /**
   * The bin of an age in completed years.
   *
   * @param age the age
   * @return the bin, or empty when the age is outside every bin
   */
  public Optional<AgeGroup> find(int age) {
    for (AgeGroup g : groups) {
      if (g.contains(age)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  /**
   * The bin of an age in completed years.
   *
   * @param age the age
   * @return the bin
   * @throws IllegalArgumentException naming the age when it falls outside every bin
   */
  public AgeGroup classify(int age) {
    return find(age)
        .orElseThrow(
            () -> new IllegalArgumentException("age " + age + " is outside the age groups " + this));
  }

  /**
   * The bin of an age read from data: a fractional age counts its completed years
   * ({@code 24.9} is in {@code 18-24}).
   *
   * @param age the age, finite and not negative
   * @return the bin
   * @throws IllegalArgumentException naming the age when it is not finite, negative, or outside
   *     every bin
   */
  public AgeGroup classify(double age) {
    if (!Double.isFinite(age) || age < 0 || age > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("age " + age + " is not a valid age");
    }
    return classify((int) Math.floor(age));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof AgeGroups a && a.groups.equals(groups);
  }

  @Override
  public int hashCode() {
    return groups.hashCode();
  }

  /**
   * The bins as {@link #parse(String)} reads them.
   *
   * @return {@code 18-24,25-34,...,65+}
   */
  @Override
  public String toString() {
    return String.join(",", labels());
  }
}
