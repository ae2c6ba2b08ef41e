package org.iom.mtm.indicators.weighting;

import java.util.ArrayList;
import java.util.List;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.indicators.design.SurveyDesign;

/**
 * A chain of weighting steps from starting weights (design weights, or the weights of the data)
 * to final weights, with a report per step and the variance adjustment of the whole chain.
 * Immutable: {@link #then(WeightAdjustment)} returns a new chain.
 */
public final class Reweighting {
  private final double[] initial;
  private final List<WeightingReport> startReports;
  private final List<WeightStep> steps;

  private Reweighting(double[] initial, List<WeightingReport> startReports, List<WeightStep> steps) {
    this.initial = initial;
    this.startReports = startReports;
    this.steps = steps;
  }

  /**
   * Starts from given weights.
   *
   * @param weights one per unit, finite and non-negative, not all zero
   * @return the chain without steps
   * @throws IllegalArgumentException naming the row of a bad weight
   */
  public static Reweighting of(double[] weights) {
    Weights.check(weights, "starting weights");
    return new Reweighting(weights.clone(), List.of(), List.of());
  }

  /**
   * Starts from design weights, whose report opens the chain's reports.
   *
   * @param design the design weights from baseline counts
   * @return the chain without steps
   */
  public static Reweighting of(DesignWeights design) {
    return new Reweighting(design.weights(), List.of(design.report()), List.of());
  }

  /**
   * Starts from a weight column of the data.
   *
   * @param weights a fully answered numeric column
   * @return the chain without steps
   * @throws IllegalArgumentException naming the row without a weight or with a bad one
   */
  public static Reweighting of(NumericColumn weights) {
    double[] w = new double[weights.size()];
    for (int i = 0; i < w.length; i++) {
      if (!weights.isAnswered(i)) {
        throw new IllegalArgumentException(
            "weight variable '" + weights.name() + "' row " + (i + 1) + " is " + weights.state(i));
      }
      w[i] = weights.value(i);
    }
    return of(w);
  }

  /**
   * Adds a step applied to the current weights.
   *
   * @param adjustment the step
   * @return a new chain
   * @throws IllegalArgumentException when the step cannot be applied, naming why
   */
  public Reweighting then(WeightAdjustment adjustment) {
    WeightStep step = adjustment.apply(current());
    List<WeightStep> next = new ArrayList<>(steps);
    next.add(step);
    return new Reweighting(initial, startReports, List.copyOf(next));
  }

  private double[] current() {
    return steps.isEmpty() ? initial : steps.get(steps.size() - 1).weightsView();
  }

  /**
   * The final weights.
   *
   * @return a copy, one per unit
   */
  public double[] weights() {
    return current().clone();
  }

  /**
   * The starting weights.
   *
   * @return a copy, one per unit
   */
  public double[] initialWeights() {
    return initial.clone();
  }

  /**
   * The steps in the order applied.
   *
   * @return an immutable list
   */
  public List<WeightStep> steps() {
    return steps;
  }

  /**
   * The reports: the design weights' (when the chain starts from them), then one per step.
   *
   * @return an immutable list
   */
  public List<WeightingReport> reports() {
    List<WeightingReport> r = new ArrayList<>(startReports);
    for (WeightStep s : steps) {
      r.add(s.report());
    }
    return List.copyOf(r);
  }

  /**
   * The final weights as a column for the data.
   *
   * @param name the new variable's name
   * @return a fully answered numeric column
   */
  public NumericColumn weightColumn(String name) {
    return NumericColumn.of(name, current());
  }

  /**
   * Residualizes linearized values on every step's calibration model in the order the steps
   * were applied, as R survey's {@code svyrecvar} walks the design's {@code postStrata}.
   *
   * @param influence per unit, the linearized value of an estimate times the final weight
   * @return a new array of residuals; the values themselves when no step calibrates
   * @throws IllegalArgumentException when the length is not the number of units
   */
  public double[] residualize(double[] influence) {
    if (influence.length != initial.length) {
      throw new IllegalArgumentException(
          "influence values for " + influence.length + " units, the weights have " + initial.length);
    }
    double[] z = influence.clone();
    for (WeightStep s : steps) {
      z = s.residualize(z);
    }
    return z;
  }

  /**
   * The design with this chain's final weights, whose standard errors residualize on every
   * step's calibration model as R survey's do after {@code postStratify}, {@code rake} or
   * {@code calibrate}.
   *
   * @param design the design the chain started from (same rows, in the same order)
   * @return the calibrated design
   * @throws IllegalArgumentException when the row counts differ
   */
  public SurveyDesign applyTo(SurveyDesign design) {
    if (design.rowCount() != initial.length) {
      throw new IllegalArgumentException(
          "the design has " + design.rowCount() + " rows, the weights " + initial.length);
    }
    return design.calibrated(current(), this::residualize);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (WeightingReport r : reports()) {
      sb.append(r);
    }
    return sb.toString();
  }
}
