package org.iom.mtm.indicators.weighting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;

/**
 * The auxiliary variables of a calibration and their population totals: R's {@code
 * model.matrix(~stype + api99)} with {@code population = c(6194, 755, 1018, 3914069)}. Immutable.
 *
 * <p>As in R, categorical variables enter with treatment contrasts after an intercept whose total
 * is the population size: the first category with units is the reference, every other category
 * with units a 0/1 column. Categories are given their own totals ({@code stype=E 4421}), and the
 * intercept's total is their sum; categorical variables must agree on that sum within {@link
 * Raking#TOTALS_TOLERANCE} (relative). A positive total on a category without units is an error;
 * a category with units but no total is an error.
 */
public final class CalibrationModel {
  private final int units;
  private final String formula;
  private final List<String> columnNames;
  private final double[][] columns;
  private final double[] totals;
  private final List<String> checkTerms;
  private final List<double[]> checkValues;
  private final double[] checkTargets;

  private CalibrationModel(
      int units, String formula, List<String> columnNames, double[][] columns, double[] totals,
      List<String> checkTerms, List<double[]> checkValues, double[] checkTargets) {
    this.units = units;
    this.formula = formula;
    this.columnNames = columnNames;
    this.columns = columns;
    this.totals = totals;
    this.checkTerms = checkTerms;
    this.checkValues = checkValues;
    this.checkTargets = checkTargets;
  }

  /**
   * Starts a model.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A model on variables of the data with totals in the {@code term,total} form of the command
   * line: {@code stype=E} for a category of a categorical variable, {@code api99} for a numeric
   * variable, optionally {@code (Intercept)} for the population size.
   *
   * @param data the survey data
   * @param variables the auxiliary variables; numeric columns are numeric terms unless totals
   *     are given by category ({@code region=1}), the others categorical
   * @param termTotals total by term
   * @return the model
   * @throws IllegalArgumentException naming a term without a total, a total for no term, or a
   *     unit without a value
   */
  public static CalibrationModel of(SurveyData data, List<String> variables, Map<String, ? extends Number> termTotals) {
    Map<String, Number> unused = new LinkedHashMap<>(termTotals);
    Builder b = builder();
    Number intercept = unused.remove("(Intercept)");
    if (intercept != null) {
      b.intercept(intercept.doubleValue());
    }
    for (String v : variables) {
      // Totals of categories (v=LEVEL) make a variable categorical even when its codes are numbers.
      boolean byLevel = termTotals.keySet().stream().anyMatch(k -> k.startsWith(v + "="));
      if (data.column(v) instanceof NumericColumn && !byLevel) {
        Number t = unused.remove(v);
        if (t == null) {
          throw new IllegalArgumentException("no calibration total for the numeric variable '" + v + "'");
        }
        b.numeric(data, v, t.doubleValue());
      } else {
        Map<String, Number> levelTotals = new LinkedHashMap<>();
        for (String key : List.copyOf(unused.keySet())) {
          if (key.startsWith(v + "=")) {
            levelTotals.put(key.substring(v.length() + 1), unused.remove(key));
          }
        }
        if (levelTotals.isEmpty()) {
          throw new IllegalArgumentException(
              "no calibration totals for the categorical variable '" + v + "' (rows '" + v + "=LEVEL')");
        }
        b.categorical(data, v, levelTotals);
      }
    }
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException(
          "calibration totals for terms not among the variables " + variables + ": " + unused.keySet());
    }
    return b.build();
  }

  /**
   * The number of units.
   *
   * @return the unit count
   */
  public int units() {
    return units;
  }

  /**
   * The model as R's formula: {@code ~stype + api99}.
   *
   * @return the formula
   */
  public String formula() {
    return formula;
  }

  /**
   * The columns of the model matrix, named as R's {@code model.matrix} names them ({@code
   * (Intercept)}, {@code stypeH}, {@code api99}).
   *
   * @return an immutable list
   */
  public List<String> columnNames() {
    return columnNames;
  }

  /**
   * The population totals of the model matrix's columns, R's {@code population} argument.
   *
   * @return a copy, in the order of {@link #columnNames()}
   */
  public double[] totals() {
    return totals.clone();
  }

  double[][] columns() {
    return columns;
  }

  double[] totalsView() {
    return totals;
  }

  /** The targets of the report: every category of every categorical variable, every numeric. */
  List<MarginCheck> checks(double[] weights) {
    List<MarginCheck> out = new ArrayList<>();
    for (int c = 0; c < checkTerms.size(); c++) {
      double[] x = checkValues.get(c);
      double s = 0;
      for (int i = 0; i < units; i++) {
        s += x[i] * weights[i];
      }
      out.add(new MarginCheck(checkTerms.get(c), checkTargets[c], s));
    }
    return out;
  }

  @Override
  public String toString() {
    return "CalibrationModel" + columnNames;
  }

  /** Builds a {@link CalibrationModel} term by term, in the order of R's formula. */
  public static final class Builder {
    private double intercept = -1;
    private boolean hasIntercept;
    private int units = -1;
    private final List<String> categoricalNames = new ArrayList<>();
    private final List<String[]> categoricalLevels = new ArrayList<>();
    private final List<int[]> categoricalCodes = new ArrayList<>();
    private final List<Map<String, Double>> categoricalTotals = new ArrayList<>();
    private final List<Term> order = new ArrayList<>();

    /** A term of the formula, in its place. */
    private sealed interface Term permits CategoricalTerm, NumericTerm {}

    private record CategoricalTerm(int index) implements Term {}

    private record NumericTerm(String name, double[] values, double total) implements Term {}

    private Builder() {}

    /**
     * Adds the intercept explicitly, with the population size as its total; needed when the
     * model has no categorical variable, whose totals otherwise give it.
     *
     * @param populationSize the population size, positive
     * @return this builder
     * @throws IllegalArgumentException when not positive and finite
     */
    public Builder intercept(double populationSize) {
      if (!(populationSize > 0) || !Double.isFinite(populationSize)) {
        throw new IllegalArgumentException("population size " + populationSize + " is not a positive number");
      }
      this.intercept = populationSize;
      this.hasIntercept = true;
      return this;
    }

    /**
     * Adds a categorical variable.
     *
     * @param variable its name
     * @param levels its categories
     * @param codes per unit, an index into {@code levels}
     * @param levelTotals the population count of each category
     * @return this builder
     * @throws IllegalArgumentException naming a bad code or total, or a unit count that differs
     */
    public Builder categorical(String variable, List<String> levels, int[] codes, Map<String, ? extends Number> levelTotals) {
      units(codes.length, variable);
      Margin m = Margin.of(variable, levels, codes, levelTotals);
      categoricalNames.add(variable);
      categoricalLevels.add(m.levels().toArray(new String[0]));
      categoricalCodes.add(m.codes());
      categoricalTotals.add(m.population());
      order.add(new CategoricalTerm(categoricalNames.size() - 1));
      return this;
    }

    /**
     * Adds a categorical variable of the data.
     *
     * @param data the survey data
     * @param variable the variable, every unit with a value
     * @param levelTotals the population count of each category
     * @return this builder
     * @throws IllegalArgumentException naming the row of a unit without a value
     */
    public Builder categorical(SurveyData data, String variable, Map<String, ? extends Number> levelTotals) {
      Cells cells = Cells.of(data, List.of(variable));
      return categorical(variable, cells.labels(), cells.codes(), levelTotals);
    }

    /**
     * Adds a numeric variable.
     *
     * @param variable its name
     * @param values per unit, finite
     * @param total its population total
     * @return this builder
     * @throws IllegalArgumentException naming a value that is not finite
     */
    public Builder numeric(String variable, double[] values, double total) {
      units(values.length, variable);
      for (int i = 0; i < values.length; i++) {
        if (!Double.isFinite(values[i])) {
          throw new IllegalArgumentException("calibration variable '" + variable + "' unit " + i + ": " + values[i] + " is not finite");
        }
      }
      if (!Double.isFinite(total)) {
        throw new IllegalArgumentException("calibration total " + total + " of '" + variable + "' is not finite");
      }
      order.add(new NumericTerm(variable, values.clone(), total));
      return this;
    }

    /**
     * Adds a numeric variable of the data.
     *
     * @param data the survey data
     * @param variable a numeric variable, every unit with a value
     * @param total its population total
     * @return this builder
     * @throws IllegalArgumentException naming the row of a unit without a value
     */
    public Builder numeric(SurveyData data, String variable, double total) {
      NumericColumn c = data.numeric(variable);
      double[] x = new double[c.size()];
      for (int i = 0; i < x.length; i++) {
        if (!c.isAnswered(i)) {
          throw new IllegalArgumentException(
              "variable '" + variable + "' row " + (i + 1) + " is " + c.state(i) + ": every unit needs a value of a calibration variable");
        }
        x[i] = c.value(i);
      }
      return numeric(variable, x, total);
    }

    private void units(int n, String variable) {
      if (n == 0) {
        throw new IllegalArgumentException("calibration variable '" + variable + "': no units");
      }
      if (units >= 0 && n != units) {
        throw new IllegalArgumentException("calibration variable '" + variable + "' has " + n + " units, the others " + units);
      }
      units = n;
    }

    /**
     * Builds the model.
     *
     * @return the model
     * @throws IllegalArgumentException when there is no term, categorical totals disagree on the
     *     population size, or a target falls on a category without units
     */
    public CalibrationModel build() {
      if (order.isEmpty()) {
        throw new IllegalArgumentException("a calibration model needs at least one variable");
      }
      int n = units;
      List<String> names = new ArrayList<>();
      List<double[]> cols = new ArrayList<>();
      List<Double> tots = new ArrayList<>();
      List<String> checkTerms = new ArrayList<>();
      List<double[]> checkValues = new ArrayList<>();
      List<Double> checkTargets = new ArrayList<>();
      double size = intercept;
      boolean withIntercept = hasIntercept || !categoricalNames.isEmpty();
      if (!hasIntercept && !categoricalNames.isEmpty()) {
        size = sum(categoricalTotals.get(0));
      }
      if (withIntercept) {
        for (int c = 0; c < categoricalNames.size(); c++) {
          double s = sum(categoricalTotals.get(c));
          if (Math.abs(s - size) > Raking.TOTALS_TOLERANCE * Math.max(Math.abs(s), Math.abs(size))) {
            throw new WeightingException(
                "calibration totals disagree on the population size: '" + categoricalNames.get(c) + "' sums to "
                    + Json.number(s) + ", " + (hasIntercept ? "(Intercept) is " : "'" + categoricalNames.get(0) + "' to ")
                    + Json.number(size), null);
          }
        }
        double[] one = new double[n];
        java.util.Arrays.fill(one, 1);
        names.add("(Intercept)");
        cols.add(one);
        tots.add(size);
        if (categoricalNames.isEmpty()) {
          checkTerms.add("(Intercept)");
          checkValues.add(one);
          checkTargets.add(size);
        }
      }
      for (Term term : order) {
        if (term instanceof CategoricalTerm c) {
          addCategorical(c.index(), n, names, cols, tots, checkTerms, checkValues, checkTargets);
        } else if (term instanceof NumericTerm num) {
          names.add(num.name());
          cols.add(num.values());
          tots.add(num.total());
          checkTerms.add(num.name());
          checkValues.add(num.values());
          checkTargets.add(num.total());
        }
      }
      double[] t = new double[tots.size()];
      for (int j = 0; j < t.length; j++) {
        t[j] = tots.get(j);
      }
      double[] ct = new double[checkTargets.size()];
      for (int j = 0; j < ct.length; j++) {
        ct[j] = checkTargets.get(j);
      }
      List<String> terms = new ArrayList<>();
      for (Term term : order) {
        terms.add(term instanceof CategoricalTerm c ? categoricalNames.get(c.index()) : ((NumericTerm) term).name());
      }
      String f = "~" + (hasIntercept && categoricalNames.isEmpty() ? "1 + " : "") + String.join(" + ", terms);
      return new CalibrationModel(n, f, List.copyOf(names), cols.toArray(new double[0][]), t,
          List.copyOf(checkTerms), List.copyOf(checkValues), ct);
    }

    private void addCategorical(
        int c, int n, List<String> names, List<double[]> cols, List<Double> tots,
        List<String> checkTerms, List<double[]> checkValues, List<Double> checkTargets) {
      String variable = categoricalNames.get(c);
      String[] levels = categoricalLevels.get(c);
      int[] codes = categoricalCodes.get(c);
      Map<String, Double> totals = categoricalTotals.get(c);
      int[] counts = new int[levels.length];
      for (int code : codes) {
        counts[code]++;
      }
      List<String> noTotal = new ArrayList<>();
      List<String> empty = new ArrayList<>();
      for (int l = 0; l < levels.length; l++) {
        Double total = totals.get(levels[l]);
        if (counts[l] > 0 && total == null) {
          noTotal.add(levels[l]);
        } else if (counts[l] == 0 && total != null && total != 0) {
          empty.add(levels[l] + " (" + Json.number(total) + ")");
        }
      }
      if (!noTotal.isEmpty()) {
        throw new IllegalArgumentException(
            "categories of '" + variable + "' with units but no calibration total: " + noTotal);
      }
      if (!empty.isEmpty()) {
        throw new WeightingException(
            "calibration target on a category of '" + variable + "' without units: " + empty, null);
      }
      boolean reference = true;
      for (int l = 0; l < levels.length; l++) {
        if (counts[l] == 0) {
          continue;
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
          x[i] = codes[i] == l ? 1 : 0;
        }
        checkTerms.add(variable + "=" + levels[l]);
        checkValues.add(x);
        checkTargets.add(totals.get(levels[l]));
        if (reference) {
          reference = false;
          continue;
        }
        names.add(variable + levels[l]);
        cols.add(x);
        tots.add(totals.get(levels[l]));
      }
    }

    private static double sum(Map<String, Double> m) {
      double s = 0;
      for (double v : m.values()) {
        s += v;
      }
      return s;
    }
  }
}
