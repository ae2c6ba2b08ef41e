package org.iom.mtm.benchmarks;

import java.util.concurrent.TimeUnit;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.estimate.Estimation;
import org.iom.mtm.indicators.result.ResultTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The tasks of issue 8 on 1M (or 10M) rows, each with standard errors, and the memory-bandwidth baseline
 * (a plain weighted sum over the same arrays) in the same run, so that results are read as
 * ratios.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class EstimationBenchmark {

  /**
   * Baseline: the weighted sum and weight total of income, a plain loop over primitive arrays.
   *
   * @param s the data
   * @return the weighted mean
   */
  @Benchmark
  public double bandwidthBaseline(SurveyState s) {
    double sw = 0;
    double swy = 0;
    double[] w = s.weight;
    double[] y = s.income;
    boolean[] ok = s.incomeAnswered;
    for (int i = 0; i < w.length; i++) {
      if (ok[i]) {
        sw += w[i];
        swy += w[i] * y[i];
      }
    }
    return swy / sw;
  }

  /**
   * Design creation: strata, PSUs and weights resolved and checked.
   *
   * @param s the data
   * @return the design
   */
  @Benchmark
  public SurveyDesign designCreation(SurveyState s) {
    return SurveyDesign.builder(s.data).strata(s.stratum).ids(s.psu).weights(s.weight).build();
  }

  /**
   * Weighted mean of income with its standard error.
   *
   * @param s the data
   * @return the result
   */
  @Benchmark
  public ResultTable meanIncome(SurveyState s) {
    return Estimation.of(s.design).mean("income").naRm(true).run();
  }

  /**
   * Weighted mean of the same incomes in dollars to the cent, as typed into a {@code decimal}
   * question, with its standard error: stored as integers of cents, summed as codes.
   *
   * @param s the data
   * @return the result
   */
  @Benchmark
  public ResultTable meanIncomeDecimal(SurveyState s) {
    return Estimation.of(s.decimalDesign).mean("income_usd").naRm(true).run();
  }

  /**
   * Weighted mean of the incomes divided by 447.3, unrounded as a {@code calculate} field gives
   * them, with its standard error: a variable stored as doubles, summed by the double kernel.
   *
   * @param s the data
   * @return the result
   */
  @Benchmark
  public ResultTable meanIncomeDouble(SurveyState s) {
    return Estimation.of(s.decimalDesign).mean("income_share").naRm(true).run();
  }

  /** The threads of the 12 x 34 task. */
  @State(Scope.Benchmark)
  public static class Threads {
    /** Threads given to {@link Estimation#threads(int)}. */
    @Param({"1", "2"})
    public int threads;

    /**
     * Runs the task 20 times before JMH's warm-up: on 2 threads the compiler works in the pool's
     * threads, and the short warm-up of {@code run.sh --quick} would still measure it compiling.
     *
     * @param s the data
     */
    @Setup(Level.Trial)
    public void warmUp(SurveyState s) {
      for (int i = 0; i < 20; i++) {
        Estimation.of(s.design).multi("obstacles").by("sex", "region").threads(threads).run();
      }
    }
  }

  /**
   * Mean income by region with standard errors.
   *
   * @param s the data
   * @return the result
   */
  @Benchmark
  public ResultTable meanIncomeByRegion(SurveyState s) {
    return Estimation.of(s.design).mean("income").naRm(true).by("region").run();
  }

  /**
   * An 8-level select_one (nationality) with standard errors.
   *
   * @param s the data
   * @return the result
   */
  @Benchmark
  public ResultTable selectOneNationality(SurveyState s) {
    return Estimation.of(s.design).prop("nationality").run();
  }

  /**
   * 12 select_multiple options by sex x region (34 cells) with standard errors, on one or two
   * threads.
   *
   * @param s the data
   * @param t the threads
   * @return the result
   */
  @Benchmark
  public ResultTable multiSelectBySexRegion(SurveyState s, Threads t) {
    return Estimation.of(s.design).multi("obstacles").by("sex", "region").threads(t.threads).run();
  }
}
