package org.iom.mtm.indicators.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.indicators.design.LonelyPsu;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.iom.mtm.testkit.DesignedSample;
import org.iom.mtm.testkit.SurveyArbitraries;
import org.jspecify.annotations.Nullable;

/**
 * The column-at-a-time fast path ({@link ColumnPass}, chunked, on any number of threads) gives
 * the plain row-at-a-time path's results: every statistic, standard error, interval, degrees of
 * freedom, design effect, count, weighted count and flag, on the testkit's designed samples under every design
 * mode (element sampling, clusters, two stages with fpc, lonely PSUs), domains with empty cells,
 * every answer state, na.rm, IMPACT conventions, {@link Denominator#ALL} and design effects.
 */
class FastPathProperties {

  /**
   * A designed sample with extra columns in every answer state: z numeric, k select_one, s
   * select_multiple over 70 options, and i a number in one of the integer storages (byte, char,
   * int near 10^9, decimals of 2 and 3 digits), sometimes fully answered, sometimes wider than the
   * packed code sums take.
   */
  private static SurveyData withAllStates(DesignedSample sample, long seed) {
    SurveyData d = sample.data();
    int n = d.rowCount();
    SplittableRandom r = new SplittableRandom(seed);
    AnswerState[] states = AnswerState.values();
    NumericColumn.Builder z = NumericColumn.builder("z");
    CategoricalColumn.Builder k = CategoricalColumn.builder("k", SurveyArbitraries.levelNames(5));
    MultiSelectColumn.Builder s = MultiSelectColumn.builder("s", SurveyArbitraries.levelNames(70));
    NumericColumn.Builder x = NumericColumn.builder("x");
    NumericColumn.Builder ints = NumericColumn.builder("i");
    // j: integers whose level follows the domain g (-6 * 10^7, 0, 6 * 10^7) with a spread of 0 to
    // 2: each domain's sums must be shifted near its own values, or the middle one's mean near 1
    // loses its digits to the distance from the others
    NumericColumn.Builder levels = NumericColumn.builder("j");
    CategoricalColumn g = d.categorical("g");
    int intKind = r.nextInt(7);
    boolean intStates = r.nextInt(3) != 0;
    for (int i = 0; i < n; i++) {
      if (!g.isAnswered(i) || r.nextInt(9) == 0) {
        levels.addState(AnswerState.DONT_KNOW);
      } else {
        levels.add((g.code(i) - 1) * 60_000_000L + r.nextInt(3));
      }
      if (intStates && r.nextInt(5) == 0) {
        ints.addState(states[1 + r.nextInt(states.length - 1)]);
      } else {
        ints.add(switch (intKind) {
          case 0 -> 100 + r.nextInt(150); // byte
          case 1 -> -30_000 + r.nextInt(60_000); // char
          case 2 -> 1_000_000_000 + r.nextInt(2_000_000); // int, large and close together
          case 3 -> r.nextBoolean() ? -7 : -7 + ColumnPass.BY_CODE_SPAN_LIMIT - 1; // the widest packed
          case 4 -> (1_000_000 + r.nextInt(2_000_000)) / 100.0; // typed decimals: int, 2 digits
          case 5 -> r.nextInt(500) / 8.0 - 100; // char, 3 digits
          default -> r.nextInt(400_000_000) - 200_000_000; // too wide to pack: summed as doubles
        });
      }
      if (r.nextInt(6) == 0) {
        z.addState(states[1 + r.nextInt(states.length - 1)]);
      } else {
        // large and close together: the shifts must keep the digits
        z.add(1e9 + r.nextInt(1000) / 8.0);
      }
      if (r.nextInt(5) == 0) {
        k.addState(states[1 + r.nextInt(states.length - 1)]);
      } else {
        k.add(r.nextInt(4)); // the fifth level is never chosen
      }
      if (r.nextInt(5) == 0) {
        s.addState(states[1 + r.nextInt(states.length - 1)]);
      } else {
        List<Integer> sel = new ArrayList<>();
        for (int o = 0; o < 70; o++) {
          if (r.nextInt(6) == 0) {
            sel.add(o);
          }
        }
        s.addIndexes(sel.stream().mapToInt(Integer::intValue).toArray());
      }
      if (r.nextInt(7) == 0) {
        x.addState(states[1 + r.nextInt(states.length - 1)]);
      } else {
        x.add(r.nextInt(4) * 2.5); // zero denominators too
      }
    }
    List<Column> cols = new ArrayList<>(d.columns());
    cols.add(z.build());
    cols.add(k.build());
    cols.add(s.build());
    cols.add(x.build());
    cols.add(ints.build());
    cols.add(levels.build());
    return SurveyData.of(cols);
  }

  private static SurveyDesign design(SurveyData data, int mode) {
    return design(data, mode, false);
  }

  /**
   * The design of a mode; with {@code rowWeights} the rows of a PSU get different weights (the
   * sample's weights times 1 to 1.6 by row), so that the fast path cannot take a PSU's weight for
   * its rows' ({@link SurveyDesign#weightsByPsu()}).
   */
  private static SurveyDesign design(SurveyData data, int mode, boolean rowWeights) {
    SurveyDesign.Builder b = SurveyDesign.builder(data).strata("stratum");
    if (rowWeights) {
      NumericColumn weight = data.numeric("weight");
      double[] w = new double[data.rowCount()];
      for (int i = 0; i < w.length; i++) {
        w[i] = weight.value(i) * (1 + (i % 7) / 10.0);
      }
      b.weights(w);
    } else {
      b.weights("weight");
    }
    switch (mode) {
      case 0 -> { } // every row its own PSU
      case 1 -> b.ids("psu");
      case 2 -> b.ids("psu").fpc("fpc");
      case 3 -> {
        int n = data.rowCount();
        double[] pop1 = new double[n];
        double[] pop2 = new double[n];
        NumericColumn fpc = data.numeric("fpc");
        for (int i = 0; i < n; i++) {
          pop1[i] = fpc.value(i);
          pop2[i] = 5;
        }
        b.ids("psu", "ssu").fpc(pop1, pop2).lonelyPsu(LonelyPsu.CERTAINTY);
      }
      default -> b.ids("psu").lonelyPsu(LonelyPsu.ADJUST);
    }
    return b.build();
  }

  private static Estimation request(SurveyDesign d, int by, boolean naRm, boolean impact, boolean all,
      int deff) {
    Estimation e = Estimation.of(d).mean("y", "z", "i").total("y", "z", "i").prop("k", "g").multi("m", "s").total("k", "s")
        .ratio("z", "x").median("y").quantile("z", 0.25, 0.9).naRm(naRm);
    switch (by) {
      case 0 -> { }
      case 1 -> e.by("g");
      case 2 -> e.by("sex", "g").overall();
      default -> e.by("k", "sex").by("g");
    }
    if (impact) {
      e.conventions(Conventions.IMPACT);
    }
    if (all) {
      e.denominator(Denominator.ALL);
    }
    if (deff > 0) {
      e.deff(deff == 1 ? DesignEffect.SRSWOR : DesignEffect.SRSWR);
    }
    return e;
  }

  @Property(tries = 200)
  void fastPathGivesThePlainPathsResults(@ForAll @IntRange(min = 1, max = 4) int strata,
      @ForAll @IntRange(min = 1, max = 5) int psus, @ForAll @IntRange(min = 1, max = 9) int rowsPerPsu,
      @ForAll @IntRange(min = 1, max = 12) int options, @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 4) int mode, @ForAll @IntRange(min = 0, max = 3) int by,
      @ForAll boolean naRm, @ForAll boolean impact, @ForAll boolean all,
      @ForAll @IntRange(min = 0, max = 2) int deff, @ForAll boolean rowWeights) {
    // one PSU per stratum only with a lonely-PSU rule
    int p = mode == 4 ? psus : Math.max(2, psus);
    DesignedSample sample = DesignedSample.generate(strata, p, rowsPerPsu, options, seed);
    SurveyDesign d = design(withAllStates(sample, seed), mode, rowWeights);
    if (!rowWeights) {
      // the sample's weights are its PSUs': the fast path leaves the weight out of the sums per unit
      assertTrue(d.weightsByPsu());
    }
    Estimation e = request(d, by, naRm, impact, all, deff);
    ResultTable plain = e.runPlain();
    assertTrue(ColumnPass.applies(e.accumulator().plan));
    sameTables(plain, e.run(), "1 thread");
    sameTables(plain, e.threads(3).run(), "3 threads");
  }

  /**
   * One numeric variable alone (the fast path's own loops for it: with the overall grouping the
   * slots are found in the kernel's loop), a mean or a total, overall or by domain, every design
   * mode and answer convention.
   */
  @Property(tries = 120)
  void oneNumericVariableAloneGivesThePlainPathsResults(@ForAll @IntRange(min = 1, max = 4) int strata,
      @ForAll @IntRange(min = 1, max = 5) int psus, @ForAll @IntRange(min = 1, max = 9) int rowsPerPsu,
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int mode, @ForAll boolean byDomain,
      @ForAll boolean total, @ForAll boolean naRm, @ForAll boolean impact, @ForAll boolean deff,
      @ForAll boolean rowWeights, @ForAll boolean integers) {
    int p = mode == 4 ? psus : Math.max(2, psus);
    DesignedSample sample = DesignedSample.generate(strata, p, rowsPerPsu, 3, seed);
    SurveyDesign d = design(withAllStates(sample, seed), mode, rowWeights);
    Estimation e = Estimation.of(d);
    String v = integers ? "i" : "y";
    e = total ? e.total(v) : e.mean(v);
    e.naRm(naRm);
    if (byDomain) {
      e.by("g");
    }
    if (impact) {
      e.conventions(Conventions.IMPACT);
    }
    if (deff) {
      e.deff(DesignEffect.SRSWR);
    }
    sameOnOneAndThreeThreads(e);
  }

  /**
   * A mean or total of a number stored as integer codes, over the whole sample or by domains
   * (some rows outside every domain when by k, whose states leave rows without a level), on
   * designs whose rows share their PSU's weight: the fast path sums it as codes ({@link
   * ColumnPass#specsSummedAsCodes}) and gives the plain path's results.
   */
  @Property(tries = 200)
  void integerCodeSumsGiveThePlainPathsResults(@ForAll @IntRange(min = 1, max = 4) int strata,
      @ForAll @IntRange(min = 2, max = 5) int psus, @ForAll @IntRange(min = 1, max = 9) int rowsPerPsu,
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int mode, @ForAll boolean total,
      @ForAll boolean naRm, @ForAll boolean impact, @ForAll @IntRange(min = 0, max = 3) int by,
      @ForAll boolean domainLevels) {
    DesignedSample sample = DesignedSample.generate(strata, psus, rowsPerPsu, 3, seed);
    SurveyData data = withAllStates(sample, seed);
    SurveyDesign d = design(data, mode, false);
    Estimation e = Estimation.of(d);
    String v = domainLevels ? "j" : "i";
    e = total && !domainLevels ? e.total(v) : e.mean(v);
    e.naRm(naRm);
    if (impact) {
      e.conventions(Conventions.IMPACT);
    }
    if (domainLevels) {
      // the means of g's domains, each about its own level (a total, or a mean over domains of
      // several levels, can fall near 0 by cancelling 6 * 10^7s: then neither path keeps 1e-12)
      e.by("g");
    } else {
      byDomains(e, by);
    }
    // a small sample may have no answer of i at all: no codes then
    java.util.Optional<NumericColumn.IntegerCodes> coding = data.numeric(v).integerCodes();
    boolean packs = coding.isPresent() && coding.get().span() < ColumnPass.BY_CODE_SPAN_LIMIT;
    assertEquals(packs ? 1 : 0, e.specsSummedAsCodes(), "codes " + coding);
    sameOnOneAndThreeThreads(e);
  }

  /**
   * A select_one (k: answer states, a level never chosen), a total of it, or a select_multiple
   * (s: 70 options in two words, answer states; m), over the whole sample or by domains, under
   * either denominator, on designs whose rows share their PSU's weight: the fast path counts it
   * by code per (cell, unit) and gives the plain path's results.
   */
  @Property(tries = 200)
  void choicesCountedByCodeGiveThePlainPathsResults(@ForAll @IntRange(min = 1, max = 4) int strata,
      @ForAll @IntRange(min = 2, max = 5) int psus, @ForAll @IntRange(min = 1, max = 9) int rowsPerPsu,
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int mode, @ForAll boolean all,
      @ForAll @IntRange(min = 0, max = 3) int kind, @ForAll @IntRange(min = 0, max = 3) int by) {
    DesignedSample sample = DesignedSample.generate(strata, psus, rowsPerPsu, 3, seed);
    SurveyDesign d = design(withAllStates(sample, seed), mode, false);
    Estimation e = Estimation.of(d);
    e = switch (kind) {
      case 0 -> e.prop("k");
      case 1 -> e.total("k");
      case 2 -> e.multi("s");
      default -> e.multi("m");
    };
    if (all) {
      e.denominator(Denominator.ALL);
    }
    byDomains(e, by);
    assertEquals(1, e.specsSummedAsCodes());
    sameOnOneAndThreeThreads(e);
  }

  /**
   * The dense arrays of a pass share one budget (65,536 entries for a short pass): of ten
   * 8-level select_ones over 2,000 PSUs (18,000 counts each), three are counted by code and the
   * rest take the slot kernels, with the plain path's results.
   */
  @Test
  void denseArraysShareOneBudget() {
    int n = 2000;
    SplittableRandom r = new SplittableRandom(7);
    List<Column> cols = new ArrayList<>();
    NumericColumn.Builder stratum = NumericColumn.builder("stratum");
    NumericColumn.Builder psu = NumericColumn.builder("psu");
    for (int i = 0; i < n; i++) {
      stratum.add(i % 4);
      psu.add(i);
    }
    cols.add(stratum.build());
    cols.add(psu.build());
    String[] names = new String[10];
    for (int q = 0; q < names.length; q++) {
      names[q] = "q" + q;
      CategoricalColumn.Builder c = CategoricalColumn.builder(names[q], SurveyArbitraries.levelNames(8));
      for (int i = 0; i < n; i++) {
        c.add(r.nextInt(8));
      }
      cols.add(c.build());
    }
    SurveyDesign d = SurveyDesign.builder(SurveyData.of(cols)).strata("stratum").ids("psu").build();
    Estimation e = Estimation.of(d).prop(names);
    assertEquals(3, e.specsSummedAsCodes());
    sameOnOneAndThreeThreads(e);
  }

  /**
   * A total of large integers in one of the narrow storages (a byte here, base near 10^14) is not
   * summed as codes, whose drain would overflow; a mean of them is, its integers less the shift
   * staying small; both give the plain path's results on PSUs that gather many rows.
   */
  @Test
  void totalsOfLargeIntegersAreNotSummedAsCodes() {
    int n = 250_000;
    NumericColumn.Builder stratum = NumericColumn.builder("stratum");
    NumericColumn.Builder psu = NumericColumn.builder("psu");
    NumericColumn.Builder weight = NumericColumn.builder("weight");
    NumericColumn.Builder v = NumericColumn.builder("v");
    for (int i = 0; i < n; i++) {
      int p = i < 150_000 ? 0 : 1 + i % 2;
      stratum.add(1);
      psu.add(p);
      weight.add(1);
      v.add(100_000_000_000_000L + i % 2);
    }
    SurveyData data = SurveyData.of(List.of(stratum.build(), psu.build(), weight.build(), v.build()));
    SurveyDesign d = SurveyDesign.builder(data).strata("stratum").ids("psu").weights("weight").build();
    Estimation total = Estimation.of(d).total("v");
    Estimation mean = Estimation.of(d).mean("v");
    assertEquals(0, total.specsSummedAsCodes());
    assertEquals(1, mean.specsSummedAsCodes());
    sameTables(total.runPlain(), total.run(), "total");
    sameTables(mean.runPlain(), mean.run(), "mean");
    // 250,000 rows of 10^14 (and half of them one more, below a sum's rounding here); summed
    // as codes, the drain's product would have wrapped to about 1.6e18
    assertEquals(2.5e19, total.run().rows().get(0).stat(), 2.5e19 * 1e-12);
  }

  @Property(tries = 5)
  void anyThreadCountGivesTheSameNumbers(@ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int mode) {
    // several chunks: more rows than one chunk holds
    DesignedSample sample = DesignedSample.generate(4, 1000, 150, 12, seed);
    SurveyDesign d = design(sample.data(), mode);
    Estimation e = Estimation.of(d).mean("y").prop("g").multi("m").by("sex", "g");
    assertTrue(d.rowCount() > Estimation.chunkSize(d.rowCount()), "rows " + d.rowCount());
    ResultTable one = e.threads(1).run();
    for (int t : new int[] {2, 4}) {
      ResultTable many = e.threads(t).run();
      assertEquals(one.size(), many.size());
      for (int i = 0; i < one.size(); i++) {
        ResultRow a = one.rows().get(i);
        ResultRow b = many.rows().get(i);
        assertEquals(a.stat(), b.stat(), a.analysisKey());
        assertEquals(a.se(), b.se(), a.analysisKey());
      }
    }
    sameTables(e.runPlain(), one, "chunks");
  }

  /**
   * The packed integer sums at their limits: a PSU holding a whole chunk of rows, its answered
   * values mostly the largest of the widest span that packs, so that a unit's sum of codes
   * nears the bits it has; the results are the plain path's, and the mean is the exact one.
   */
  @Test
  void packedCodeSumsHoldAtTheirLimits() {
    int n = 1 << 20;
    long last = ColumnPass.BY_CODE_SPAN_LIMIT - 1;
    NumericColumn.Builder stratum = NumericColumn.builder("stratum");
    NumericColumn.Builder psu = NumericColumn.builder("psu");
    NumericColumn.Builder weight = NumericColumn.builder("weight");
    NumericColumn.Builder v = NumericColumn.builder("v");
    NumericColumn.Builder full = NumericColumn.builder("full");
    NumericColumn.Builder dec = NumericColumn.builder("dec");
    long sum = 0;
    long present = 0;
    for (int i = 0; i < n; i++) {
      int p = i < n / 2 ? 0 : 1 + i % 3;
      stratum.add(1);
      psu.add(p);
      weight.add(p == 0 ? 2.5 : 1.0);
      full.add(last - i % 2);
      dec.add((last - i % 3) / 1e6);
      if (i % 1000 == 999) {
        v.addState(AnswerState.REFUSED);
      } else {
        long value = i % 97 == 0 ? 0 : last;
        v.add(value);
        sum += (long) ((p == 0 ? 2.5 : 1.0) * 2) * value;
        present += (long) ((p == 0 ? 2.5 : 1.0) * 2);
      }
    }
    SurveyData data = SurveyData.of(
        List.of(stratum.build(), psu.build(), weight.build(), v.build(), full.build(), dec.build()));
    assertTrue(data.numeric("v").integerCodes().orElseThrow().span() == last);
    assertEquals(6, data.numeric("dec").integerCodes().orElseThrow().decimals());
    SurveyDesign d = SurveyDesign.builder(data).strata("stratum").ids("psu").weights("weight").build();
    assertTrue(d.weightsByPsu());
    assertTrue(Estimation.chunkSize(n) == 1 << 18, "a chunk is a flush period");
    assertEquals(6, Estimation.of(d).mean("v", "full", "dec").total("v", "full", "dec").specsSummedAsCodes());
    for (boolean naRm : new boolean[] {true, false}) {
      Estimation e = Estimation.of(d).mean("v", "full", "dec").total("v", "full", "dec").naRm(naRm);
      ResultTable fast = e.run();
      sameTables(e.runPlain(), fast, "naRm " + naRm);
      sameTables(e.runPlain(), e.threads(2).run(), "2 threads, naRm " + naRm);
      ResultRow mean = fast.rows().get(0);
      assertEquals("mean v", mean.analysisType().name().toLowerCase(java.util.Locale.ROOT) + " " + mean.analysisVar());
      if (naRm) {
        // sum and present weight doubled above: integers, so the exact mean is their ratio
        assertEquals((double) sum / present, mean.stat(), 1e-15 * last);
        assertEquals(n - n / 1000, mean.n());
      } else {
        assertEquals(null, mean.stat(), "a mean over refusals");
      }
    }
  }

  /** No domain (0), by g (1), by sex x g and overall (2), or by k, with rows outside, and overall. */
  private static void byDomains(Estimation e, int by) {
    switch (by) {
      case 0 -> { }
      case 1 -> e.by("g");
      case 2 -> e.by("sex", "g").overall();
      default -> e.by("k").overall();
    }
  }

  /** The fast path on one and three threads gives the plain path's results. */
  private static void sameOnOneAndThreeThreads(Estimation e) {
    ResultTable plain = e.runPlain();
    sameTables(plain, e.run(), "1 thread");
    sameTables(plain, e.threads(3).run(), "3 threads");
  }

  /** Equal to 1e-12 relative, or to 1e-12 of {@code floor} (the estimate's size, for its se). */
  private static void close(@Nullable Double a, @Nullable Double b, double floor, String what) {
    if (a == null || b == null) {
      assertEquals(a, b, what);
      return;
    }
    assertTrue(Math.abs(a - b) <= 1e-12 * Math.max(Math.max(Math.abs(a), Math.abs(b)), floor),
        what + ": " + a + " vs " + b);
  }

  static void sameTables(ResultTable plain, ResultTable fast, String how) {
    assertEquals(plain.size(), fast.size(), how);
    for (int i = 0; i < plain.size(); i++) {
      ResultRow x = plain.rows().get(i);
      ResultRow y = fast.rows().get(i);
      String what = how + " " + x.analysisKey() + " " + x.groupValues();
      assertEquals(x.analysisKey(), y.analysisKey(), what);
      assertEquals(x.groupValues(), y.groupValues(), what);
      assertEquals(x.flags(), y.flags(), what);
      assertEquals(x.n(), y.n(), what);
      assertEquals(x.nTotal(), y.nTotal(), what);
      assertEquals(x.df(), y.df(), what);
      double size = x.stat() == null ? 1 : Math.abs(x.stat());
      // an estimate near 0 beside large values (a mean of 0.78 over values of +-25,000) keeps
      // fewer digits of its own on either path: then 1e-12 of its standard error bounds them
      double spread = Math.max(x.se() == null ? 0 : x.se(), y.se() == null ? 0 : y.se());
      close(x.stat(), y.stat(), spread, what + " stat");
      close(x.se(), y.se(), size, what + " se");
      close(x.statLow(), y.statLow(), size, what + " low");
      close(x.statUpp(), y.statUpp(), size, what + " upp");
      close(x.nW(), y.nW(), 0, what + " n_w");
      close(x.nWTotal(), y.nWTotal(), 0, what + " n_w_total");
      // the design effect carries the variance's error: relative 1e-12 of the estimate over the
      // standard error, as the se check above (clustered scores are formed from unit totals)
      // (a variance of 0 on one path may be 1e-33 on the other: then the larger se sets it)
      double se = Math.max(x.se() == null ? 0 : x.se(), y.se() == null ? 0 : y.se());
      double ratio = se == 0 ? 1 : Math.max(1, 2 * size / se);
      if (x.deff() == null || y.deff() == null) {
        assertEquals(x.deff(), y.deff(), what + " deff");
      } else {
        assertTrue(Math.abs(x.deff() - y.deff()) <= 1e-12 * ratio * Math.max(Math.abs(x.deff()), Math.abs(y.deff())),
            what + " deff: " + x.deff() + " vs " + y.deff());
      }
    }
  }
}
