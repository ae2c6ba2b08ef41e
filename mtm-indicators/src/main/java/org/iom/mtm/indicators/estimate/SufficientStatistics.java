package org.iom.mtm.indicators.estimate;

import java.util.Arrays;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.estimate.Plan.Grouping;
import org.iom.mtm.indicators.estimate.Plan.Kind;
import org.iom.mtm.indicators.estimate.Plan.Spec;

/**
 * The mergeable sufficient statistics of one {@link Estimation} request over a set of rows: per
 * (domain cell, stratum) the co-moments of the weighted scores when every row is its own PSU,
 * else per (domain cell, sampling unit) the compensated weighted sums; per domain cell the counts,
 * the weighted moments a design effect needs, and the rows of quantile variables.
 *
 * <p>Fill it with {@link #accept(int)} or {@link #acceptRows(int, int)}, one instance per chunk
 * or thread, merge with {@link #combine(SufficientStatistics)} (associative; any split of the rows
 * gives the same results to about 1e-12 relative), and turn it into a result table with {@link
 * Estimation#result(SufficientStatistics)}. Primitive arrays only: nothing is allocated per row
 * but the growth of the unit and quantile stores.
 */
public final class SufficientStatistics {
  final Plan plan;
  private final SurveyDesign design;
  private final int strata;
  /** Row mode: per grouping, cells x strata x momWidth. */
  final double[][] mom;
  /** Clustered mode: per grouping, the (cell, unit) index and its sums. */
  final UnitIndex[] units;
  final double[][] unitSums;
  /** Per grouping, cells x countWidth. */
  final long[][] counts;
  /** Per grouping, cells x specs x 2: the compensated weight of the present rows. */
  final double[][] presentWeight;
  /** Per grouping, cells x deffWidth (empty without a design effect). */
  final double[][] deffMom;
  /** Per grouping, cells x shiftWidth; NaN until the cell's first row. */
  final double[][] shift;
  /** Per grouping, cells x quantileWidth row lists and their sizes. */
  final int[][][] quantileRows;
  final int[][] quantileSizes;
  /** Per spec, the PSUs and strata with a present row of non-zero weight (for the df). */
  final long[][] psuSeen;
  final long[][] strataSeen;
  private final double[] scratchY;
  private final double[] scratchX;
  private final int[] scratchState;
  /** Per spec, the row's multi-select words (read once per row, not once per option). */
  private final long[][] scratchBits;
  /** The plan's lists as arrays and its per-request switches, hoisted out of the per-row loop. */
  private final Spec[] specArray;
  private final Grouping[] groupingArray;
  private final boolean clustered;
  private final boolean impact;
  private final int unitWidth;
  private final int unitCount;
  private final UnitSource unitSource;

  /** Where a row's unit comes from in clustered mode (see {@link Plan#unitOf(int)}). */
  private enum UnitSource {
    ROW,
    SSU,
    PSU
  }

  SufficientStatistics(Plan plan) {
    this.plan = plan;
    this.design = plan.design;
    this.strata = design.strataCount();
    int g = plan.groupings.size();
    mom = new double[g][];
    units = new UnitIndex[g];
    unitSums = new double[g][];
    counts = new long[g][];
    presentWeight = new double[g][];
    deffMom = new double[g][];
    shift = new double[g][];
    quantileRows = new int[g][][];
    quantileSizes = new int[g][];
    for (int i = 0; i < g; i++) {
      int cells = plan.groupings.get(i).cells;
      if (plan.clustered) {
        units[i] = new UnitIndex(Math.min(1 << 16, Math.max(16, plan.unitCount())),
            (long) cells * plan.unitCount());
        unitSums[i] = new double[Math.max(16, plan.unitWidth) * 16];
        mom[i] = new double[0];
      } else {
        mom[i] = new double[Math.multiplyExact(Math.multiplyExact(cells, strata), plan.momWidth)];
        unitSums[i] = new double[0];
      }
      counts[i] = new long[cells * plan.countWidth];
      presentWeight[i] = new double[cells * plan.specs.size() * 2];
      deffMom[i] = plan.deff == null ? new double[0] : new double[cells * plan.deffWidth];
      shift[i] = new double[cells * plan.shiftWidth];
      Arrays.fill(shift[i], Double.NaN);
      quantileRows[i] = new int[cells * plan.quantileWidth][];
      quantileSizes[i] = new int[cells * plan.quantileWidth];
    }
    int s = plan.specs.size();
    psuSeen = new long[s][(design.psuCount() + 63) >>> 6];
    strataSeen = new long[s][(strata + 63) >>> 6];
    scratchY = new double[s];
    scratchX = new double[s];
    scratchState = new int[s];
    specArray = plan.specs.toArray(new Spec[0]);
    groupingArray = plan.groupings.toArray(new Grouping[0]);
    scratchBits = new long[s][];
    for (int i = 0; i < s; i++) {
      MultiSelectColumn m = specArray[i].multi;
      scratchBits[i] = specArray[i].kind == Kind.MULTI && m != null ? new long[m.words()] : new long[0];
    }
    clustered = plan.clustered;
    impact = plan.conventions == Conventions.IMPACT;
    unitWidth = plan.unitWidth;
    unitCount = plan.unitCount();
    unitSource = design.isCalibrated()
        ? UnitSource.ROW
        : design.secondStageVariance() ? UnitSource.SSU : UnitSource.PSU;
  }

  private static final int ABSENT = 0;
  private static final int PRESENT = 1;
  private static final int MISSING = 2;

  /**
   * Adds the rows {@code from} (inclusive) to {@code to} (exclusive).
   *
   * @param from the first row
   * @param to one past the last row
   * @return this accumulator
   * @throws IndexOutOfBoundsException when the range is outside the data
   */
  public SufficientStatistics acceptRows(int from, int to) {
    if (from < 0 || to > design.rowCount() || from > to) {
      throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") outside [0, " + design.rowCount() + ")");
    }
    for (int r = from; r < to; r++) {
      accept(r);
    }
    return this;
  }

  /**
   * Adds one row.
   *
   * @param row the row, 0-based
   * @return this accumulator
   */
  public SufficientStatistics accept(int row) {
    double w = design.weight(row);
    int h = design.stratum(row);
    int psu = design.psu(row);
    Spec[] specs = specArray;
    int nSpecs = specs.length;
    for (int s = 0; s < nSpecs; s++) {
      Spec spec = specs[s];
      int state = ABSENT;
      switch (spec.kind) {
        case NUMERIC:
        case QUANTILE: {
          NumericColumn c = spec.num;
          if (c.isAnswered(row)) {
            scratchY[s] = c.value(row);
            scratchX[s] = 1;
            state = PRESENT;
          } else {
            // IMPACT: counted, so that a domain whose respondents all lack the value still has its
            // row (analysistools writes one, with n = 0); kept out of the estimate as with na.rm
            state = spec.naRm && !impact ? ABSENT : MISSING;
          }
          break;
        }
        case RATIO: {
          NumericColumn c = spec.num;
          NumericColumn d = spec.denColumn;
          boolean numOk = c.isAnswered(row);
          boolean denOk = d.isAnswered(row);
          if (impact) {
            // analysistools: a missing numerator counts as 0; a zero or missing denominator drops the row
            if (denOk && d.value(row) != 0) {
              scratchY[s] = numOk ? c.value(row) : 0;
              scratchX[s] = d.value(row);
              state = PRESENT;
            } else {
              state = MISSING; // counted only, as for means
            }
          } else if (numOk && denOk) {
            scratchY[s] = c.value(row);
            scratchX[s] = d.value(row);
            state = PRESENT;
          } else {
            state = spec.naRm ? ABSENT : MISSING;
          }
          break;
        }
        case CATEGORICAL: {
          CategoricalColumn c = spec.cat;
          if (c.isAnswered(row)) {
            scratchY[s] = c.code(row);
            state = PRESENT;
          } else if (spec.denominator == Denominator.ALL) {
            scratchY[s] = -1;
            state = PRESENT;
          } else {
            state = MISSING; // counted (IMPACT's row for missing answers), outside the shares
          }
          scratchX[s] = 1;
          break;
        }
        case MULTI: {
          MultiSelectColumn c = spec.multi;
          if (c.isAnswered(row)) {
            long[] bits = scratchBits[s];
            for (int j = 0; j < bits.length; j++) {
              bits[j] = c.word(row, j);
            }
            scratchY[s] = 1;
            state = PRESENT;
          } else if (spec.denominator == Denominator.ALL) {
            scratchY[s] = 0;
            state = PRESENT;
          } else {
            state = MISSING; // counted (IMPACT's row for missing answers), outside the shares
          }
          scratchX[s] = 1;
          break;
        }
        default:
          throw new AssertionError(spec.kind);
      }
      scratchState[s] = state;
      if (state == PRESENT && w != 0) {
        psuSeen[s][psu >>> 6] |= 1L << psu;
        strataSeen[s][h >>> 6] |= 1L << h;
      }
    }
    Grouping[] groupings = groupingArray;
    for (int g = 0; g < groupings.length; g++) {
      int cell = groupings[g].cellOfRow[row];
      if (cell < 0) {
        continue;
      }
      int slotBase = -1;
      if (clustered && unitWidth > 0) {
        int unit = unitSource == UnitSource.PSU ? psu : unitSource == UnitSource.SSU ? design.ssu(row) : row;
        long key = (long) cell * unitCount + unit;
        int slot = units[g].slot(key, cell);
        slotBase = slot * unitWidth;
        if (slotBase + unitWidth > unitSums[g].length) {
          unitSums[g] = Arrays.copyOf(unitSums[g], Math.max(unitSums[g].length * 2, slotBase + unitWidth));
        }
      }
      long[] cnt = counts[g];
      for (int s = 0; s < nSpecs; s++) {
        Spec spec = specs[s];
        int state = scratchState[s];
        int cBase = cell * plan.countWidth + spec.countOffset;
        if (state == MISSING) {
          cnt[cBase + 1]++;
          continue;
        }
        if (state == ABSENT) {
          continue;
        }
        cnt[cBase]++;
        int pw = (cell * nSpecs + s) * 2;
        addCompensated(presentWeight[g], pw, w);
        if (spec.kind == Kind.QUANTILE) {
          addQuantileRow(g, cell * plan.quantileWidth + spec.quantileOffset, row);
          continue;
        }
        double y = scratchY[s];
        double x = scratchX[s];
        double b = w * x;
        int comps = spec.comps;
        long[] bits = scratchBits[s];
        if (clustered) {
          double[] u = unitSums[g];
          int base = slotBase + spec.unitOffset;
          u[base] += 1;
          addCompensated(u, base + 1, b);
          // an indicator that is 0 adds nothing to a count or a sum (adding 0 leaves a Neumaier sum
          // and its compensation as they are), so only the selected option or category is visited
          if (spec.kind == Kind.MULTI) {
            if (y != 0) {
              for (int j = 0; j < bits.length; j++) {
                long word = bits[j];
                while (word != 0) {
                  int k = (j << 6) + Long.numberOfTrailingZeros(word);
                  word &= word - 1;
                  if (k < comps) {
                    cnt[cBase + 2 + k]++;
                    addCompensated(u, base + 3 + 2 * k, w);
                  }
                }
              }
            }
          } else if (spec.kind == Kind.CATEGORICAL) {
            int k = (int) y;
            if (k >= 0 && k < comps) {
              cnt[cBase + 2 + k]++;
              addCompensated(u, base + 3 + 2 * k, w);
            }
          } else {
            // numeric and ratio: a - c b, c the cell's first value (y / x for a ratio), so that
            // the unit totals keep their digits when the values sit far from 0
            double c = 0;
            if (spec.shifted) {
              int si = cell * plan.shiftWidth + spec.shiftOffset;
              c = shift[g][si];
              if (Double.isNaN(c)) {
                c = spec.kind == Kind.RATIO ? (x != 0 ? y / x : 0) : y;
                shift[g][si] = c;
              }
            }
            for (int k = 0; k < comps; k++) {
              cnt[cBase + 2 + k]++;
              addCompensated(u, base + 3 + 2 * k, w * y - c * b);
            }
          }
        } else {
          // positives
          for (int k = 0; k < comps; k++) {
            if (indicator(spec, bits, k, y) != 0) {
              cnt[cBase + 2 + k]++;
            }
          }
          double c = 0;
          if (spec.shifted) {
            int si = cell * plan.shiftWidth + spec.shiftOffset;
            c = shift[g][si];
            if (Double.isNaN(c)) {
              c = spec.kind == Kind.RATIO ? (x != 0 ? y / x : 0) : y;
              shift[g][si] = c;
            }
          }
          double[] m = mom[g];
          int base = (cell * strata + h) * plan.momWidth + spec.momOffset;
          double count = m[base] + 1;
          m[base] = count;
          double db = b - m[base + 1];
          double meanB = m[base + 1] + db / count;
          m[base + 1] = meanB;
          m[base + 2] += db * (b - meanB);
          addCompensated(m, base + 3, b);
          for (int k = 0; k < comps; k++) {
            int off = base + 5 + 5 * k;
            double a = w * value(spec, bits, k, y);
            double as = a - c * b;
            double da = as - m[off];
            double meanA = m[off] + da / count;
            m[off] = meanA;
            m[off + 1] += da * (as - meanA);
            m[off + 2] += da * (b - meanB);
            addCompensated(m, off + 3, a);
          }
        }
        if (plan.deff != null && w > 0) {
          double[] d = deffMom[g];
          int base = cell * plan.deffWidth + spec.deffOffset;
          d[base] += 1;
          double wOld = d[base + 1] + d[base + 2];
          addCompensated(d, base + 1, w);
          double wNew = wOld + w;
          double dx = x - d[base + 3];
          double meanX = d[base + 3] + dx * w / wNew;
          d[base + 3] = meanX;
          d[base + 4] += w * dx * (x - meanX);
          d[base + 5] += w * w;
          for (int k = 0; k < comps; k++) {
            int off = base + 6 + 4 * k;
            double v = value(spec, bits, k, y);
            if (d[base] == 1) {
              // the first value (a ratio's first y / x): the moments of y minus it (minus it
              // times x) keep their digits
              d[off + 3] = spec.kind == Kind.RATIO ? (x != 0 ? v / x : 0) : v;
            }
            v -= spec.kind == Kind.RATIO ? d[off + 3] * x : d[off + 3];
            double dy = v - d[off];
            double meanY = d[off] + dy * w / wNew;
            d[off] = meanY;
            d[off + 1] += w * dy * (v - meanY);
            d[off + 2] += w * dy * (x - meanX);
          }
        }
      }
    }
    return this;
  }

  /** The value of a component on a row: y for numeric and ratio, the 0/1 indicator otherwise. */
  private static double value(Spec spec, long[] bits, int k, double y) {
    switch (spec.kind) {
      case NUMERIC:
      case RATIO:
        return y;
      default:
        return indicator(spec, bits, k, y);
    }
  }

  /** The 0/1 indicator of a component; {@code bits} are the row's multi-select words. */
  private static double indicator(Spec spec, long[] bits, int k, double y) {
    switch (spec.kind) {
      case CATEGORICAL:
        return y == k ? 1 : 0;
      case MULTI:
        return y != 0 && (bits[k >>> 6] & (1L << k)) != 0 ? 1 : 0;
      default:
        return 1;
    }
  }

  void addQuantileRow(int g, int index, int row) {
    int[] list = quantileRows[g][index];
    int size = quantileSizes[g][index];
    if (list == null) {
      list = new int[16];
      quantileRows[g][index] = list;
    } else if (size == list.length) {
      list = Arrays.copyOf(list, size * 2);
      quantileRows[g][index] = list;
    }
    list[size] = row;
    quantileSizes[g][index] = size + 1;
  }

  /** Neumaier summation: the sum at {@code i}, its running compensation at {@code i + 1}. */
  static void addCompensated(double[] a, int i, double v) {
    double s = a[i];
    double t = s + v;
    a[i + 1] += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
    a[i] = t;
  }

  /**
   * Adds the statistics of another accumulator of the same request (which is left unchanged).
   *
   * @param other the other part
   * @return this accumulator
   * @throws IllegalArgumentException when the other accumulator belongs to another request
   */
  public SufficientStatistics combine(SufficientStatistics other) {
    if (other.plan != plan) {
      throw new IllegalArgumentException("the accumulators belong to different requests");
    }
    for (int g = 0; g < plan.groupings.size(); g++) {
      int cells = plan.groupings.get(g).cells;
      for (int i = 0; i < counts[g].length; i++) {
        counts[g][i] += other.counts[g][i];
      }
      for (int i = 0; i < presentWeight[g].length; i += 2) {
        addCompensated(presentWeight[g], i, other.presentWeight[g][i]);
        presentWeight[g][i + 1] += other.presentWeight[g][i + 1];
      }
      if (plan.clustered) {
        combineUnits(g, other);
      } else {
        combineMoments(g, cells, other);
      }
      if (plan.deff != null) {
        combineDeff(g, cells, other);
      }
      for (int i = 0; i < quantileSizes[g].length; i++) {
        int[] list = other.quantileRows[g][i];
        for (int j = 0; j < other.quantileSizes[g][i]; j++) {
          addQuantileRow(g, i, list[j]);
        }
      }
    }
    for (int s = 0; s < psuSeen.length; s++) {
      for (int i = 0; i < psuSeen[s].length; i++) {
        psuSeen[s][i] |= other.psuSeen[s][i];
      }
      for (int i = 0; i < strataSeen[s].length; i++) {
        strataSeen[s][i] |= other.strataSeen[s][i];
      }
    }
    return this;
  }

  private void combineUnits(int g, SufficientStatistics other) {
    if (plan.unitWidth == 0) {
      return;
    }
    UnitIndex theirs = other.units[g];
    double[] src = other.unitSums[g];
    // per (cell, shifted spec): the other part's sums of a - c2 b are moved to this part's c1
    int cells = plan.groupings.get(g).cells;
    double[] delta = new double[cells * plan.shiftWidth];
    for (int i = 0; i < delta.length; i++) {
      double mine = shift[g][i];
      double their = other.shift[g][i];
      if (Double.isNaN(their)) {
        continue;
      }
      if (Double.isNaN(mine)) {
        shift[g][i] = their;
      } else {
        delta[i] = their - mine;
      }
    }
    for (int slot = 0; slot < theirs.size(); slot++) {
      int mine = units[g].slot(theirs.key(slot), theirs.cell(slot));
      int base = mine * plan.unitWidth;
      if (base + plan.unitWidth > unitSums[g].length) {
        unitSums[g] = Arrays.copyOf(unitSums[g], Math.max(unitSums[g].length * 2, base + plan.unitWidth));
      }
      double[] dst = unitSums[g];
      int from = slot * plan.unitWidth;
      for (Spec spec : plan.specs) {
        if (spec.kind == Kind.QUANTILE) {
          continue;
        }
        int d = base + spec.unitOffset;
        int s = from + spec.unitOffset;
        dst[d] += src[s];
        for (int j = 1; j < spec.unitWidth(); j += 2) {
          addCompensated(dst, d + j, src[s + j]);
          dst[d + j + 1] += src[s + j + 1];
        }
        if (spec.shifted) {
          int cell = theirs.cell(slot);
          double dc = delta[cell * plan.shiftWidth + spec.shiftOffset];
          if (dc != 0) {
            // a - c1 b = (a - c2 b) + (c2 - c1) b
            addCompensated(dst, d + 3, dc * (src[s + 1] + src[s + 2]));
          }
        }
      }
    }
  }

  private void combineMoments(int g, int cells, SufficientStatistics other) {
    double[] m = mom[g];
    double[] o = other.mom[g];
    for (Spec spec : plan.specs) {
      if (spec.kind == Kind.QUANTILE) {
        continue;
      }
      for (int cell = 0; cell < cells; cell++) {
        double delta = 0;
        if (spec.shifted) {
          int si = cell * plan.shiftWidth + spec.shiftOffset;
          double mine = shift[g][si];
          double theirs = other.shift[g][si];
          if (Double.isNaN(theirs)) {
            continue;
          }
          if (Double.isNaN(mine)) {
            shift[g][si] = theirs;
          } else {
            delta = theirs - mine;
          }
        }
        for (int h = 0; h < strata; h++) {
          int base = (cell * strata + h) * plan.momWidth + spec.momOffset;
          double n2 = o[base];
          if (n2 == 0) {
            continue;
          }
          double n1 = m[base];
          double n = n1 + n2;
          double meanB2 = o[base + 1];
          double mbb2 = o[base + 2];
          double dB = meanB2 - m[base + 1];
          double f = n1 * n2 / n;
          m[base] = n;
          m[base + 1] += dB * n2 / n;
          m[base + 2] += mbb2 + dB * dB * f;
          addCompensated(m, base + 3, o[base + 3]);
          m[base + 4] += o[base + 4];
          for (int k = 0; k < spec.comps; k++) {
            int off = base + 5 + 5 * k;
            // the other part's shifted scores a - c2 b, rewritten as a - c1 b
            double meanA2 = o[off] + delta * meanB2;
            double maa2 = o[off + 1] + 2 * delta * o[off + 2] + delta * delta * mbb2;
            double mab2 = o[off + 2] + delta * mbb2;
            double dA = meanA2 - m[off];
            m[off] += dA * n2 / n;
            m[off + 1] += maa2 + dA * dA * f;
            m[off + 2] += mab2 + dA * dB * f;
            addCompensated(m, off + 3, o[off + 3]);
            m[off + 4] += o[off + 4];
          }
        }
      }
    }
  }

  private void combineDeff(int g, int cells, SufficientStatistics other) {
    double[] d = deffMom[g];
    double[] o = other.deffMom[g];
    for (Spec spec : plan.specs) {
      if (spec.kind == Kind.QUANTILE) {
        continue;
      }
      for (int cell = 0; cell < cells; cell++) {
        int base = cell * plan.deffWidth + spec.deffOffset;
        mergeDeff(d, base, o, base, spec);
      }
    }
  }

  /**
   * Merges one (cell, spec) record of design-effect moments at {@code o[oBase]} into the one at
   * {@code d[base]} (Chan's update, the other part's moments moved to this part's shift).
   */
  static void mergeDeff(double[] d, int base, double[] o, int oBase, Spec spec) {
    if (o[oBase] == 0) {
      return;
    }
    boolean mineEmpty = d[base] == 0;
    double w1 = d[base + 1] + d[base + 2];
    double w2 = o[oBase + 1] + o[oBase + 2];
    double w = w1 + w2;
    double f = w1 * w2 / w;
    d[base] += o[oBase];
    addCompensated(d, base + 1, o[oBase + 1]);
    d[base + 2] += o[oBase + 2];
    double dX = o[oBase + 3] - d[base + 3];
    d[base + 3] += dX * w2 / w;
    d[base + 4] += o[oBase + 4] + dX * dX * f;
    d[base + 5] += o[oBase + 5];
    for (int k = 0; k < spec.comps; k++) {
      int off = base + 6 + 4 * k;
      int oOff = oBase + 6 + 4 * k;
      if (mineEmpty) {
        d[off + 3] = o[oOff + 3];
      }
      // the other part's moments of y - s2 (or y - s2 x) rewritten about this part's shift
      double delta = o[oOff + 3] - d[off + 3];
      double meanY2 = o[oOff];
      double cyy2 = o[oOff + 1];
      double cyx2 = o[oOff + 2];
      if (spec.kind == Kind.RATIO) {
        meanY2 += delta * o[oBase + 3];
        cyy2 += 2 * delta * cyx2 + delta * delta * o[oBase + 4];
        cyx2 += delta * o[oBase + 4];
      } else {
        meanY2 += delta;
      }
      double dY = meanY2 - d[off];
      d[off] += dY * w2 / w;
      d[off + 1] += cyy2 + dY * dY * f;
      d[off + 2] += cyx2 + dY * dX * f;
    }
  }
}
