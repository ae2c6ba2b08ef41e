package org.iom.mtm.indicators.weighting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iom.mtm.core.data.SurveyData;

/**
 * A categorical variable of the sample with its known population count per category: the input
 * of post-stratification and of each margin of raking ({@code ~stype} with {@code data.frame(stype
 * = c("E", "H", "M"), Freq = c(4421, 755, 1018))} in R). Immutable.
 *
 * <p>Categories of the population that no unit falls in are kept: post-stratification refuses
 * them unless partial, and raking refuses a positive target on an empty category.
 */
public final class Margin {
  private final String variable;
  private final List<String> levels;
  private final int[] codes;
  private final Map<String, Double> population;

  private Margin(String variable, List<String> levels, int[] codes, Map<String, Double> population) {
    this.variable = variable;
    this.levels = levels;
    this.codes = codes;
    this.population = population;
  }

  /**
   * A margin on arrays.
   *
   * @param variable the variable's name, for messages and the report
   * @param levels the categories of the sample, distinct
   * @param codes per unit, an index into {@code levels}
   * @param population the population count of each category, finite and non-negative; it may
   *     hold categories absent from {@code levels}
   * @return the margin
   * @throws IllegalArgumentException naming the unit, code or category that is wrong
   */
  public static Margin of(
      String variable, List<String> levels, int[] codes, Map<String, ? extends Number> population) {
    if (codes.length == 0) {
      throw new IllegalArgumentException("margin '" + variable + "': no units");
    }
    List<String> all = new ArrayList<>(levels);
    if (all.stream().distinct().count() != all.size()) {
      throw new IllegalArgumentException("margin '" + variable + "': levels repeat in " + levels);
    }
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < 0 || codes[i] >= levels.size()) {
        throw new IllegalArgumentException(
            "margin '" + variable + "': code " + codes[i] + " of unit " + i + " is outside the "
                + levels.size() + " levels");
      }
    }
    Map<String, Double> pop = new LinkedHashMap<>();
    for (Map.Entry<String, ? extends Number> e : population.entrySet()) {
      double v = e.getValue().doubleValue();
      if (!Double.isFinite(v) || v < 0) {
        throw new IllegalArgumentException(
            "margin '" + variable + "': population count " + v + " of '" + e.getKey()
                + "' is not a finite non-negative number");
      }
      pop.put(e.getKey(), v);
      if (!all.contains(e.getKey())) {
        all.add(e.getKey());
      }
    }
    return new Margin(variable, List.copyOf(all), codes.clone(), Collections.unmodifiableMap(pop));
  }

  /**
   * A margin on a variable of the data, or on the crossing of several ({@code admin1,sex}: the
   * categories are the values joined with {@code " %/% "}).
   *
   * @param data the survey data
   * @param variables the variables whose values (or crossed values) are the categories
   * @param population the population count of each category
   * @return the margin
   * @throws IllegalArgumentException naming the variable and row of a unit without a value
   */
  public static Margin of(SurveyData data, List<String> variables, Map<String, ? extends Number> population) {
    Cells cells = Cells.of(data, variables);
    return of(cells.name(), cells.labels(), cells.codes(), population);
  }

  /**
   * The variable's name (several crossed variables joined with {@code " %/% "}).
   *
   * @return the name
   */
  public String variable() {
    return variable;
  }

  /**
   * The categories: those of the sample, then those only the population has.
   *
   * @return an immutable list
   */
  public List<String> levels() {
    return levels;
  }

  /**
   * The population counts given, by category.
   *
   * @return an immutable map in the order given
   */
  public Map<String, Double> population() {
    return population;
  }

  /**
   * The number of units.
   *
   * @return the unit count
   */
  public int size() {
    return codes.length;
  }

  /**
   * The category of a unit.
   *
   * @param unit the unit, 0-based
   * @return an index into {@link #levels()}
   */
  public int code(int unit) {
    return codes[unit];
  }

  /** The codes, not copied: package use only. */
  int[] codes() {
    return codes;
  }

  /**
   * The sum of the population counts.
   *
   * @return the population size this margin implies
   */
  public double populationTotal() {
    double s = 0;
    for (double v : population.values()) {
      s += v;
    }
    return s;
  }

  @Override
  public String toString() {
    return "Margin[" + variable + ", " + levels.size() + " categories, " + codes.length + " units]";
  }
}
