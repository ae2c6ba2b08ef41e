package org.iom.mtm.indicators.weighting;

/**
 * A target of a weighting step beside what the new weights achieve.
 *
 * @param term the variable (a categorical variable's category as {@code stype=E}; a numeric
 *     variable by its name; the population size as {@code (Intercept)})
 * @param target the population total aimed at
 * @param achieved the weighted sample total with the new weights
 */
public record MarginCheck(String term, double target, double achieved) {

  /**
   * The signed miss.
   *
   * @return {@code achieved - target}
   */
  public double difference() {
    return achieved - target;
  }

  /**
   * The miss relative to the target, as R's {@code calibrate} judges convergence.
   *
   * @return {@code |achieved - target| / (1 + |target|)}
   */
  public double relativeDifference() {
    return Math.abs(achieved - target) / (1 + Math.abs(target));
  }
}
