package org.iom.mtm.indicators.samplesize;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stratum to allocate a sample to.
 *
 * @param name the stratum's name (an admin1 p-code, say)
 * @param populationSize its population size {@code N_h}, positive
 * @param sd its anticipated standard deviation {@code S_h} for Neyman allocation, or null; for a
 *     proportion {@code p_h} use {@link #ofProportion}
 */
public record Stratum(String name, long populationSize, @Nullable Double sd) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming the stratum and value when out of range
   */
  public Stratum {
    Objects.requireNonNull(name, "name");
    if (populationSize <= 0) {
      throw new IllegalArgumentException(
          "stratum '" + name + "': population size must be positive, got " + populationSize);
    }
    if (sd != null && !(sd >= 0 && Double.isFinite(sd))) {
      throw new IllegalArgumentException("stratum '" + name + "': standard deviation " + sd + " is not >= 0");
    }
  }

  /**
   * A stratum without a standard deviation (proportional or equal allocation).
   *
   * @param name the name
   * @param populationSize {@code N_h}
   * @return the stratum
   */
  public static Stratum of(String name, long populationSize) {
    return new Stratum(name, populationSize, null);
  }

  /**
   * A stratum whose anticipated proportion gives {@code S_h = sqrt(p_h (1 - p_h))}.
   *
   * @param name the name
   * @param populationSize {@code N_h}
   * @param p the anticipated proportion, in [0, 1]
   * @return the stratum
   * @throws IllegalArgumentException when p is outside [0, 1]
   */
  public static Stratum ofProportion(String name, long populationSize, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("stratum '" + name + "': proportion " + p + " is outside [0, 1]");
    }
    return new Stratum(name, populationSize, Math.sqrt(p * (1 - p)));
  }
}
