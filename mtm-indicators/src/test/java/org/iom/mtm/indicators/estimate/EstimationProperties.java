package org.iom.mtm.indicators.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.indicators.design.LonelyPsu;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.jspecify.annotations.Nullable;

/**
 * Properties of the estimators on random designs (element or cluster sampling, one or two
 * stages, strata, fpc or not) with missing answers: invariance to the scale of the weights, to the
 * order of the rows and to chunking; totals scale with the weights; select_one shares sum to 1 in
 * every domain; select_multiple shares lie in [0, 1] over those who answered.
 */
class EstimationProperties {

  /** A random survey: columns y (numeric), c (select_one), m (select_multiple), g (by). */
  record Sample(int rows, int[] stratum, int @Nullable [] psu, int @Nullable [] ssu, double[] w,
      double @Nullable [] fpc1, double @Nullable [] fpc2, double[] y, boolean[] yMissing, int[] c,
      boolean[] cMissing, boolean[][] m, boolean[] mAsked, int[] g) {

    static Sample random(long seed, int kind) {
      Random r = new Random(seed);
      int strata = 1 + r.nextInt(3);
      List<int[]> units = new ArrayList<>(); // {stratum, psu, ssu}
      int psuCode = 0;
      int ssuCode = 0;
      for (int h = 0; h < strata; h++) {
        int psus = 2 + r.nextInt(4);
        for (int p = 0; p < psus; p++, psuCode++) {
          int ssus = kind == 0 ? 1 : 2 + r.nextInt(3);
          for (int s = 0; s < ssus; s++, ssuCode++) {
            int rows = kind == 0 ? 1 + r.nextInt(3) : 1 + r.nextInt(4);
            for (int i = 0; i < rows; i++) {
              units.add(new int[] {h, psuCode, ssuCode});
            }
          }
        }
      }
      int n = units.size();
      int[] stratum = new int[n];
      int[] psu = new int[n];
      int[] ssu = new int[n];
      double[] w = new double[n];
      double[] y = new double[n];
      boolean[] yMissing = new boolean[n];
      int[] c = new int[n];
      boolean[] cMissing = new boolean[n];
      boolean[][] m = new boolean[n][3];
      boolean[] mAsked = new boolean[n];
      int[] g = new int[n];
      double[] stratumW = new double[strata];
      for (int h = 0; h < strata; h++) {
        stratumW[h] = 1 + r.nextInt(50) * r.nextDouble();
      }
      for (int i = 0; i < n; i++) {
        stratum[i] = units.get(i)[0];
        psu[i] = units.get(i)[1];
        ssu[i] = units.get(i)[2];
        w[i] = stratumW[stratum[i]] * (0.5 + r.nextDouble());
        y[i] = 1000 + 50 * r.nextGaussian();
        yMissing[i] = r.nextInt(8) == 0;
        c[i] = r.nextInt(3);
        cMissing[i] = r.nextInt(10) == 0;
        mAsked[i] = r.nextInt(4) != 0;
        for (int k = 0; k < 3; k++) {
          m[i][k] = r.nextBoolean();
        }
        g[i] = r.nextInt(2);
      }
      double[] fpc1 = null;
      double[] fpc2 = null;
      if (kind == 2) { // two stages with fpc at both
        fpc1 = new double[n];
        fpc2 = new double[n];
        Map<Integer, Integer> psusIn = new HashMap<>();
        Map<Integer, java.util.Set<Integer>> ssusIn = new HashMap<>();
        Map<Integer, java.util.Set<Integer>> psuSet = new HashMap<>();
        for (int i = 0; i < n; i++) {
          psuSet.computeIfAbsent(stratum[i], k -> new java.util.HashSet<>()).add(psu[i]);
          ssusIn.computeIfAbsent(psu[i], k -> new java.util.HashSet<>()).add(ssu[i]);
        }
        psuSet.forEach((h, set) -> psusIn.put(h, set.size()));
        for (int i = 0; i < n; i++) {
          fpc1[i] = psusIn.get(stratum[i]) * 3 + stratum[i];
          fpc2[i] = ssusIn.get(psu[i]).size() * 2 + 1;
        }
      }
      return new Sample(n, stratum, kind == 0 ? null : psu, kind == 2 ? ssu : null, w, fpc1, fpc2, y,
          yMissing, c, cMissing, m, mAsked, g);
    }

    Sample permuted(long seed) {
      int[] order = new int[rows];
      for (int i = 0; i < rows; i++) {
        order[i] = i;
      }
      Random r = new Random(seed);
      for (int i = rows - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      return new Sample(rows, pick(stratum, order), psu == null ? null : pick(psu, order),
          ssu == null ? null : pick(ssu, order), pick(w, order), fpc1 == null ? null : pick(fpc1, order),
          fpc2 == null ? null : pick(fpc2, order), pick(y, order), pick(yMissing, order), pick(c, order),
          pick(cMissing, order), pick(m, order), pick(mAsked, order), pick(g, order));
    }

    Sample scaled(double factor) {
      double[] w2 = w.clone();
      for (int i = 0; i < rows; i++) {
        w2[i] *= factor;
      }
      return new Sample(rows, stratum, psu, ssu, w2, fpc1, fpc2, y, yMissing, c, cMissing, m, mAsked, g);
    }

    SurveyDesign design() {
      NumericColumn.Builder yb = NumericColumn.builder("y");
      CategoricalColumn.Builder cb = CategoricalColumn.builder("c", List.of("a", "b", "z"));
      MultiSelectColumn.Builder mb = MultiSelectColumn.builder("m", List.of("o1", "o2", "o3"));
      CategoricalColumn.Builder gb = CategoricalColumn.builder("g", List.of("g0", "g1"));
      NumericColumn.Builder xb = NumericColumn.builder("x");
      // each option of m as a 0/1 number, missing where m was not asked: the plain numeric path
      // that the set-bit iteration of select_multiple must agree with
      NumericColumn.Builder[] ob = new NumericColumn.Builder[3];
      for (int k = 0; k < 3; k++) {
        ob[k] = NumericColumn.builder("m_o" + (k + 1));
      }
      for (int i = 0; i < rows; i++) {
        for (int k = 0; k < 3; k++) {
          if (mAsked[i]) {
            ob[k].add(m[i][k] ? 1 : 0);
          } else {
            ob[k].addState(AnswerState.NOT_ASKED);
          }
        }
        if (yMissing[i]) {
          yb.addState(AnswerState.MISSING);
        } else {
          yb.add(y[i]);
        }
        if (cMissing[i]) {
          cb.addState(AnswerState.DONT_KNOW);
        } else {
          cb.add(c[i]);
        }
        if (mAsked[i]) {
          List<Integer> sel = new ArrayList<>();
          for (int k = 0; k < 3; k++) {
            if (m[i][k]) {
              sel.add(k);
            }
          }
          mb.addIndexes(sel.stream().mapToInt(Integer::intValue).toArray());
        } else {
          mb.addState(AnswerState.NOT_ASKED);
        }
        gb.add(g[i]);
        xb.add(1 + (y[i] > 1000 ? 1 : 2) + c[i]);
      }
      List<Column> cols = List.of(yb.build(), cb.build(), mb.build(), gb.build(), xb.build(), ob[0].build(),
          ob[1].build(), ob[2].build());
      SurveyDesign.Builder b = SurveyDesign.builder(SurveyData.of(cols)).strata(stratum).weights(w)
          .lonelyPsu(LonelyPsu.ADJUST);
      if (psu != null && ssu != null) {
        b.ids(psu, ssu);
      } else if (psu != null) {
        b.ids(psu);
      }
      if (fpc1 != null && fpc2 != null) {
        b.fpc(fpc1, fpc2);
      }
      return b.build();
    }

    private static int[] pick(int[] a, int[] order) {
      int[] out = new int[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = a[order[i]];
      }
      return out;
    }

    private static double[] pick(double[] a, int[] order) {
      double[] out = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = a[order[i]];
      }
      return out;
    }

    private static boolean[] pick(boolean[] a, int[] order) {
      boolean[] out = new boolean[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = a[order[i]];
      }
      return out;
    }

    private static boolean[][] pick(boolean[][] a, int[] order) {
      boolean[][] out = new boolean[a.length][];
      for (int i = 0; i < a.length; i++) {
        out[i] = a[order[i]];
      }
      return out;
    }
  }

  private static Estimation request(SurveyDesign d) {
    return request(d, DesignEffect.SRSWOR);
  }

  private static Estimation request(SurveyDesign d, DesignEffect deff) {
    return Estimation.of(d).mean("y").total("y").prop("c").multi("m").total("c").ratio("y", "x")
        .median("y").by("g").overall().naRm(true).deff(deff).ci(ConfidenceInterval.LOGIT);
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

  private static void sameTables(ResultTable a, ResultTable b, double factor, boolean quantiles) {
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      ResultRow x = a.rows().get(i);
      ResultRow y = b.rows().get(i);
      assertEquals(x.analysisKey(), y.analysisKey());
      boolean scales = x.analysisType() == AnalysisType.TOTAL;
      double f = scales ? factor : 1;
      String what = x.analysisKey();
      double size = x.stat() == null ? 1 : Math.abs(x.stat() * f);
      close(times(x.stat(), f), y.stat(), 0, what + " stat");
      if (x.analysisType() == AnalysisType.MEDIAN && !quantiles) {
        continue; // Woodruff's interval comes from the quantile function: compared exactly elsewhere
      }
      close(times(x.se(), f), y.se(), size, what + " se");
      close(times(x.statLow(), f), y.statLow(), size, what + " low");
      close(times(x.statUpp(), f), y.statUpp(), size, what + " upp");
      if (x.deff() != null && x.deff() > 1e-6 && y.deff() != null) {
        // a ratio's SRS variance is var(y - R x), R times var(x) away from cancelling: 1e-10
        double tol = factor == 1 ? 1e-12 : 1e-10;
        // relative to the deff, or to 1 when it is small: a deff of 4e-4 is a design variance
        // 2,500 times below the SRS one, computed from residuals that cancel to that extent, so
        // reordering the rows moves its 12th digit (seed -4405728647656910526: 3.699029070079449e-4
        // vs 3.6990290700749604e-4)
        assertTrue(Math.abs(x.deff() - y.deff()) <= tol * Math.max(1, x.deff()), what + " deff: " + x.deff() + " vs " + y.deff());
      }
      assertEquals(x.n(), y.n());
      assertEquals(x.nTotal(), y.nTotal());
    }
  }

  private static @Nullable Double times(@Nullable Double v, double f) {
    return v == null ? null : v * f;
  }

  @Property(tries = 60)
  void invariantToTheScaleOfTheWeights(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int kind) {
    Sample s = Sample.random(seed, kind);
    double factor = 1 + new Random(seed).nextInt(1000) / 7.0;
    // against sampling with replacement: the SRSWOR reference depends on the population size
    ResultTable a = request(s.design(), DesignEffect.SRSWR).run();
    ResultTable b = request(s.scaled(factor).design(), DesignEffect.SRSWR).run();
    sameTables(a, b, factor, false);
  }

  @Property(tries = 60)
  void invariantToTheOrderOfTheRows(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int kind) {
    Sample s = Sample.random(seed, kind);
    ResultTable a = request(s.design()).run();
    ResultTable b = request(s.permuted(seed).design()).run();
    sameTables(a, b, 1, true);
  }

  @Property(tries = 60)
  void chunksCombineToTheOnePassResult(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int kind,
      @ForAll @IntRange(min = 1, max = 9) int chunks) {
    Sample s = Sample.random(seed, kind);
    SurveyDesign d = s.design();
    Estimation e = request(d);
    ResultTable whole = e.run();
    // random cut points, parts combined in a random tree order
    Random r = new Random(seed ^ chunks);
    List<SufficientStatistics> parts = new ArrayList<>();
    int from = 0;
    for (int k = 0; k < chunks; k++) {
      int to = k == chunks - 1 ? d.rowCount() : from + r.nextInt(d.rowCount() - from + 1);
      parts.add(e.accumulator().acceptRows(from, to));
      from = to;
    }
    while (parts.size() > 1) {
      int i = r.nextInt(parts.size() - 1);
      SufficientStatistics merged = parts.get(i).combine(parts.get(i + 1));
      parts.remove(i + 1);
      parts.set(i, merged);
    }
    sameTables(whole, e.result(parts.get(0)), 1, true);
  }

  @Property(tries = 80)
  void selectOneSharesSumToOneInEveryDomain(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int kind) {
    Sample s = Sample.random(seed, kind);
    boolean anyAnswered = false;
    for (boolean missing : s.cMissing()) {
      anyAnswered |= !missing;
    }
    // a sample of a few rows may have nobody answering c: then there is no share to add up
    net.jqwik.api.Assume.that(anyAnswered);
    ResultTable t = Estimation.of(s.design()).prop("c").by("g").overall().run();
    Map<String, Double> sums = new HashMap<>();
    for (ResultRow r : t.rows()) {
      if (r.stat() != null) {
        sums.merge(r.groupVarValue(), r.stat(), Double::sum);
        assertTrue(r.stat() >= 0 && r.stat() <= 1);
      }
    }
    assertTrue(!sums.isEmpty());
    sums.forEach((domain, sum) -> assertEquals(1.0, sum, 1e-12, "domain " + domain));
  }

  @Property(tries = 60)
  void multiSelectSharesEqualMeansOfTheirIndicators(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int kind) {
    SurveyDesign d = Sample.random(seed, kind).design();
    ResultTable shares = Estimation.of(d).multi("m").by("g").overall().run();
    ResultTable means = Estimation.of(d).mean("m_o1").mean("m_o2").mean("m_o3").by("g").overall().naRm(true).run();
    Map<String, ResultRow> byKey = new HashMap<>();
    for (ResultRow r : means.rows()) {
      byKey.put(r.analysisVar() + "|" + r.groupVarValue(), r);
    }
    assertTrue(!shares.rows().isEmpty());
    for (ResultRow r : shares.rows()) {
      String key = "m_" + r.analysisVarValue() + "|" + r.groupVarValue();
      ResultRow mean = byKey.get(key);
      assertTrue(mean != null, key);
      double size = r.stat() == null ? 1 : Math.abs(r.stat());
      close(r.stat(), mean.stat(), 1e-3, key + " stat");
      close(r.se(), mean.se(), size, key + " se");
      assertEquals(r.nTotal(), mean.n(), key + " answered");
    }
  }

  @Property(tries = 80)
  void multiSelectSharesAreFractionsOfThoseWhoAnswered(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int kind) {
    Sample s = Sample.random(seed, kind);
    ResultTable t = Estimation.of(s.design()).multi("m").by("g").run();
    for (ResultRow r : t.rows()) {
      int g = r.groupValues().get(0).equals("g0") ? 0 : 1;
      int option = Integer.parseInt(r.analysisVarValue().substring(1)) - 1;
      long answered = 0;
      long selecting = 0;
      double wAnswered = 0;
      for (int i = 0; i < s.rows(); i++) {
        if (s.g()[i] == g && s.mAsked()[i]) {
          answered++;
          wAnswered += s.w()[i];
          selecting += s.m()[i][option] ? 1 : 0;
        }
      }
      assertEquals(answered, r.nTotal(), "denominator: those who answered");
      assertEquals(selecting, r.n());
      if (answered > 0) {
        assertTrue(r.stat() >= 0 && r.stat() <= 1, "share " + r.stat());
        assertEquals(wAnswered, r.nWTotal(), 1e-9 * wAnswered);
      }
    }
  }
}
