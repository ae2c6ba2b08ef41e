package org.iom.mtm.indicators.estimate;

import java.util.Arrays;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.estimate.Plan.Grouping;
import org.iom.mtm.indicators.estimate.Plan.Kind;
import org.iom.mtm.indicators.estimate.Plan.Spec;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of the one pass: fills a {@link SufficientStatistics} with the same statistics as
 * its row-at-a-time {@link SufficientStatistics#accept(int)}, but a column at a time over blocks of
 * rows read in bulk, with one loop per kind of question and design mode, so that the inner loops
 * hold no switch and no virtual call.
 *
 * <p>Within a flush period the sums are plain sums; each period's sums are then added to the
 * accumulator's compensated (Neumaier) sums, so that a sum loses digits only over the rows of one
 * period and one (cell, unit), not over the whole pass. When every row is its own PSU the
 * per-(cell, stratum) co-moments are kept as sums of values shifted by their first value in the
 * period (the sums keep their digits) and merged into the accumulator's co-moments as two samples
 * are, by Chan's update.
 *
 * <p>Design effects come from per-(cell, spec) weighted sums of the same period: for a select_one
 * or select_multiple the sum of the weights of the rows choosing each component is all they need.
 *
 * <p>Quantiles keep their rows, as on the plain path. Calibrated designs, whose variance needs the
 * scores of every row, keep to the plain path ({@link #applies}).
 */
final class ColumnPass {
  /** Rows per block: the block's arrays stay in the first-level cache. */
  static final int BLOCK = 2048;
  /**
   * Rows between compensated flushes of the plain sums: a chunk's rows ({@link
   * Estimation#chunkSize}) up to 16.7M rows, so that a chunk flushes once. A plain sum over a
   * period loses at most about {@code FLUSH * 2^-53}, 3e-11 of the sum of its absolute terms, and
   * far less in practice (the error of a sum of random roundings grows as the square root of
   * the rows); the compensated sums keep that from growing over the periods.
   */
  static final int FLUSH = 1 << 18;

  private static final byte ABSENT = 0;
  private static final byte PRESENT = 1;
  private static final byte MISSING = 2;

  private final SufficientStatistics st;
  private final Plan plan;
  private final SurveyDesign design;
  private final Spec[] specs;
  private final Grouping[] groupings;
  private final boolean clustered;
  private final boolean impact;
  private final boolean ssuUnits;
  private final int nSpecs;
  private final int strata;
  private final long unitCount;

  private final double[] w = new double[BLOCK];
  private final int[] h = new int[BLOCK];
  private final int[] psu = new int[BLOCK];
  private final int[] unit;
  private final byte[] raw = new byte[BLOCK];
  private final byte[] raw2 = new byte[BLOCK];
  private final byte[] state = new byte[BLOCK];
  private final double[] y = new double[BLOCK];
  /** A numeric variable's 1.0 (answered) or 0.0 per row, clustered mode (see {@link #clusteredMean}). */
  private final double[] answered = new double[BLOCK];
  private final double[] x = new double[BLOCK];
  private final double[] a = new double[BLOCK];
  private final double[] b = new double[BLOCK];
  private final double[] ones = filled(BLOCK, 1.0);
  private final int[] code = new int[BLOCK];
  private final long[][] words;
  /** Per grouping, the block's (cell, unit) slots (clustered) or (cell, stratum) entries (row mode). */
  private final int[][] slot;

  /**
   * Per grouping, clustered: the plain sums of the period per (cell, unit) slot, slotWidth
   * apart; per spec at slotOffset the present rows, the sum of b, the missing rows, then for a
   * numeric variable or ratio the sum of a and the present weight, for a select_one or
   * select_multiple the sum of a_k of each component (its positives are counted per cell).
   */
  private final double[][] unitSums;
  private final int[] slotOffset;
  private final int slotWidth;
  /**
   * Per grouping, row mode: per (cell, stratum) and spec the period's present rows, sum b', sum
   * b'^2, sum b, missing rows, present weight, then per comp sum a', sum a'^2, sum a'b', sum a
   * (numeric) or its positive rows, sum b', sum b'^2, sum a (indicators).
   */
  private final double[][] rowSums;
  /** Per grouping, row mode: per (cell, stratum) and spec the shifts of b and a of the period. */
  private final double[][] rowShifts;
  private final int rowWidth;
  private final int[] rowOffset;
  /**
   * Per grouping, row mode: the (cell, stratum) entries touched in the period, and their marks.
   * Clustered, a flush visits every slot of the index instead: the index is the chunk's own, so
   * all its slots were touched, and a mark per row would cost more than it saves.
   */
  private final int[][] touched;
  private final int[] touchedSize;
  private final int[][] mark;
  private int epoch = 1;
  /**
   * Per grouping, with design effects: per (cell, spec) the period's rows of positive weight, sum
   * w, sum w^2, sum w x, sum w x^2, then per comp sum w y', sum w y'^2, sum w y' x (y' = y - s,
   * or y - s x for a ratio, s the cell's first value; for an indicator y' = y and only the first).
   */
  private final double[][] deffSums;
  /** Per grouping: per (cell, spec) the shift s of a numeric variable or ratio, NaN before it. */
  private final double[][] deffShift;
  private final int[] deffOffset;
  private final int deffWidth;
  private final double[] deffRecord;
  /**
   * Per grouping: whether the PSUs seen come from its slots at the flush (clustered mode, the
   * first grouping whose domains hold every row) instead of a loop over the rows.
   */
  private final boolean[] seenFromSlots;
  private final boolean seenPerRow;
  private int sinceFlush;
  /**
   * Per grouping and spec, for a numeric variable of a grouping whose one domain holds every row:
   * the period's sums per unit, indexed by the unit's code (present rows, present weight, sum of
   * a, missing rows), or null. Such a variable needs no (cell, unit) slot per row: the unit is
   * the slot, and the sums go to their slots at the flush ({@link #drainUnits}).
   */
  private final double[][] @Nullable [] byUnit;
  /** Per grouping: whether a spec reads the block's (cell, unit) slots. */
  private final boolean[] needSlots;
  /**
   * Each unit's weight when the design's rows share their PSU's weight ({@link
   * SurveyDesign#weightsByPsu()}), else null. The sums per unit code then leave the weight out:
   * present rows and the sum of y - s (and the missing rows), one less sum per row and no
   * weight read; the flush multiplies by the unit's weight.
   */
  private final double @Nullable [] unitWeight;
  /** Per spec: doubles per unit code in {@link #byUnit}. */
  private final int[] byUnitStride;
  /** Whether the block loop reads the rows' weights (some loop uses them). */
  private final boolean readsWeights;
  /** Largest number of units given sums per unit code: 4 doubles each, 2 MB. */
  private static final long BY_UNIT_LIMIT = 1 << 16;
  /**
   * Per spec, the integer coding of a numeric variable summed as codes ({@link
   * #clusteredMeanByCode}), else null.
   */
  private final NumericColumn.@Nullable IntegerCodes[] byCode;
  /**
   * Per grouping and spec, for a variable summed as codes: per (cell, unit code) one long packing
   * the period's present rows (from bit {@link #CODE_SUM_BITS} up) over the sum of their codes
   * less the first code (below), then, when the spec counts them, the missing rows; else null.
   * The entry of (cell c, unit u) is {@code c * units + u + codedOffset[g]}: a grouping with rows
   * outside every domain (cell -1) keeps their sums, unread, in the first {@code units} entries.
   */
  private final long[][] @Nullable [] byUnitCodes;
  /**
   * Per grouping and spec, for a select_one or select_multiple counted by code ({@link
   * #clusteredCategoricalByCode}, {@link #clusteredMultiByCode}): per (cell, unit) entry, as in
   * {@link #byUnitCodes}, the period's rows of each level then of the code of a cell without an
   * answer (select_one), or the positive rows of each option then the present and the missing
   * rows (select_multiple); else null.
   */
  private final int[][] @Nullable [] levelCounts;
  /**
   * Per grouping and spec summed as codes, per cell: the code of the cell's shift, set at the
   * first drain in which the cell has present rows (its rounded mean code there) and kept for
   * the pass; {@code st.shift} holds its value.
   */
  private final long[][] @Nullable [] shiftCodes;
  /** Per grouping: the entries before cell 0's in {@link #byUnitCodes}, 0 or the unit count. */
  private final int[] codedOffset;
  /** Most entries of a grouping's {@link #byUnitCodes} (longs): 2 MB. */
  private static final long BY_CODE_ENTRIES_LIMIT = 1 << 18;
  /**
   * Most counts of a grouping's {@link #levelCounts} (ints): 4 MB, which holds 12 options by
   * 34 domains by 2,000 PSUs. Only the (cell, unit)s with rows are touched per row; the drain
   * reads them all once per period.
   */
  private static final long LEVEL_COUNTS_LIMIT = 1 << 20;
  /**
   * Entries every pass may give the code kernels' per-(cell, unit) arrays; beyond it, at most 4
   * per row of the pass: the drain reads each entry once a period, and a short pass over many
   * domains and PSUs would spend more on that than on its rows (the slot kernels then).
   */
  private static final long DENSE_FLOOR = 1 << 16;
  /** The most entries of a per-(cell, unit) array of this pass: see {@link #DENSE_FLOOR}. */
  private final long denseLimit;
  private final int[] codes = new int[BLOCK];
  /**
   * Per grouping whose dense arrays are indexed by cell ({@link #codedOffset} not 0): the
   * block's (cell, unit) entries, formed once per block for all its specs ({@link #entries});
   * else empty.
   */
  private final int[][] entry;
  /**
   * Most rows a unit can gather between two drains: a flush follows the block in which the
   * period reaches {@link #FLUSH} rows.
   */
  private static final long PERIOD_ROWS = FLUSH + BLOCK - 1;
  /** Low bits of a packed unit sum that hold the sum of codes: the rest counts up to {@link #PERIOD_ROWS}. */
  private static final int CODE_SUM_BITS = Long.numberOfLeadingZeros(PERIOD_ROWS);
  /**
   * Widest span of answered codes summed packed: a period's sum of codes less the first stays
   * below {@code 2^CODE_SUM_BITS} (a span of about 2^27, 133 million, with the present periods).
   */
  static final long BY_CODE_SPAN_LIMIT = (1L << CODE_SUM_BITS) / PERIOD_ROWS;
  /**
   * Largest magnitude of the integers of a total summed as codes: a period's present rows times
   * one of them stays below 2^52, exact in a long and in a double (about 2^33, 1.7 * 10^10).
   */
  static final long BY_CODE_TOTAL_LIMIT = (1L << 52) / PERIOD_ROWS;

  /**
   * A pass over a chunk of about {@code rows} rows: it sizes the per-(cell, unit) arrays of the
   * code kernels to them.
   */
  ColumnPass(SufficientStatistics st, int rows) {
    this.st = st;
    this.denseLimit = Math.max(DENSE_FLOOR, 4L * rows);
    this.plan = st.plan;
    this.design = plan.design;
    this.specs = plan.specs.toArray(new Spec[0]);
    this.groupings = plan.groupings.toArray(new Grouping[0]);
    this.clustered = plan.clustered;
    this.impact = plan.conventions == Conventions.IMPACT;
    this.ssuUnits = design.secondStageVariance();
    this.nSpecs = specs.length;
    this.strata = design.strataCount();
    this.unitCount = plan.unitCount();
    this.unit = ssuUnits ? new int[BLOCK] : psu;
    int maxWords = 1;
    int width = 0;
    rowOffset = new int[nSpecs];
    for (int s = 0; s < nSpecs; s++) {
      MultiSelectColumn m = specs[s].multi;
      if (specs[s].kind == Kind.MULTI && m != null) {
        maxWords = Math.max(maxWords, m.words());
      }
      rowOffset[s] = width;
      width += 6 + 4 * specs[s].comps;
    }
    this.rowWidth = width;
    slotOffset = new int[nSpecs];
    int stride = 0;
    for (int i = 0; i < nSpecs; i++) {
      slotOffset[i] = stride;
      stride += specs[i].kind == Kind.NUMERIC || specs[i].kind == Kind.RATIO ? 5 : 3 + specs[i].comps;
    }
    this.slotWidth = stride;
    deffOffset = new int[nSpecs];
    int dw = 0;
    int widest = 0;
    for (int i = 0; i < nSpecs; i++) {
      deffOffset[i] = dw;
      dw += 5 + 3 * specs[i].comps;
      widest = Math.max(widest, specs[i].deffWidth());
    }
    this.deffWidth = dw;
    this.deffRecord = new double[widest];
    words = new long[maxWords][BLOCK];
    int g = groupings.length;
    slot = new int[g][BLOCK];
    unitSums = new double[g][];
    rowSums = new double[g][];
    rowShifts = new double[g][];
    touched = new int[g][];
    touchedSize = new int[g];
    mark = new int[g][];
    deffSums = new double[g][];
    deffShift = new double[g][];
    for (int i = 0; i < g; i++) {
      int cells = groupings[i].cells;
      deffSums[i] = plan.deff == null ? new double[0] : new double[Math.multiplyExact(cells, deffWidth)];
      deffShift[i] = plan.deff == null ? new double[0] : new double[Math.multiplyExact(cells, nSpecs)];
      Arrays.fill(deffShift[i], Double.NaN);
    }
    seenFromSlots = new boolean[g];
    boolean fromSlots = false;
    for (int i = 0; i < g && clustered; i++) {
      if (groupings[i].complete) {
        seenFromSlots[i] = true;
        fromSlots = true;
        break;
      }
    }
    seenPerRow = !fromSlots;
    byUnit = new double[g][][];
    needSlots = new boolean[g];
    boolean weightless = clustered && unitCount <= BY_UNIT_LIMIT && design.weightsByPsu();
    unitWeight = weightless ? new double[(int) unitCount] : null;
    for (int u = 0; weightless && u < unitCount; u++) {
      unitWeight[u] = design.psuWeight(ssuUnits ? design.psuOfSsu(u) : u);
    }
    byUnitStride = new int[nSpecs];
    for (int sp = 0; sp < nSpecs; sp++) {
      byUnitStride[sp] = !weightless ? 4 : countsMissing(specs[sp]) ? 3 : 2;
    }
    // a numeric spec of a grouping whose one domain holds every row is summed per unit code
    boolean[][] direct = new boolean[g][nSpecs];
    codedOffset = new int[g];
    for (int i = 0; i < g; i++) {
      boolean whole = clustered && groupings[i].cells == 1 && groupings[i].complete && unitCount <= BY_UNIT_LIMIT;
      codedOffset[i] = whole ? 0 : (int) Math.min(unitCount, Integer.MAX_VALUE);
      for (int sp = 0; sp < nSpecs; sp++) {
        direct[i][sp] = whole && specs[sp].kind == Kind.NUMERIC;
      }
    }
    byCode = new NumericColumn.IntegerCodes[nSpecs];
    byUnitCodes = new long[g][nSpecs][];
    levelCounts = new int[g][nSpecs][];
    boolean[] counted = new boolean[nSpecs];
    shiftCodes = new long[g][nSpecs][];
    // one budget of entries for all the pass's dense arrays, taken in the order of the specs
    long budget = denseLimit;
    for (int sp = 0; sp < nSpecs; sp++) {
      byCode[sp] = codedSums(sp, weightless);
      counted[sp] = byCode[sp] == null && countedByCode(sp, weightless);
      if (byCode[sp] != null || counted[sp]) {
        long need = 0;
        for (int i = 0; i < g; i++) {
          need += codedEntries(i, sp);
        }
        if (need > budget) {
          byCode[sp] = null;
          counted[sp] = false;
        } else {
          budget -= need;
        }
      }
    }
    boolean everyByUnit = true;
    for (int i = 0; i < g; i++) {
      byUnit[i] = new double[nSpecs][];
      for (int sp = 0; sp < nSpecs; sp++) {
        if (byCode[sp] != null) {
          byUnitCodes[i][sp] = new long[codedEntries(i, sp)];
          shiftCodes[i][sp] = new long[groupings[i].cells];
        } else if (counted[sp]) {
          levelCounts[i][sp] = new int[codedEntries(i, sp)];
        } else if (direct[i][sp]) {
          byUnit[i][sp] = new double[(int) unitCount * byUnitStride[sp]];
        } else {
          everyByUnit = false;
          needSlots[i] |= specs[sp].kind != Kind.QUANTILE;
        }
      }
    }
    readsWeights = !(weightless && everyByUnit) || plan.deff != null || seenPerRow;
    entry = new int[g][];
    for (int i = 0; i < g; i++) {
      boolean dense = false;
      for (int sp = 0; sp < nSpecs; sp++) {
        dense |= byUnitCodes[i][sp] != null || levelCounts[i][sp] != null;
      }
      entry[i] = dense && codedOffset[i] != 0 ? new int[BLOCK] : new int[0];
    }
    for (int i = 0; i < g; i++) {
      int cells = groupings[i].cells;
      if (clustered) {
        unitSums[i] = new double[Math.max(16, st.units[i].size()) * slotWidth];
        rowSums[i] = new double[0];
        rowShifts[i] = new double[0];
        mark[i] = new int[0];
      } else {
        unitSums[i] = new double[0];
        int entries = Math.multiplyExact(cells, strata);
        rowSums[i] = new double[Math.multiplyExact(entries, rowWidth)];
        rowShifts[i] = new double[Math.multiplyExact(entries, 2 * nSpecs)];
        mark[i] = new int[entries];
      }
      touched[i] = new int[mark[i].length];
    }
  }

  /**
   * The integer coding under which a numeric spec is summed as codes ({@link
   * #clusteredMeanByCode}), or null: the rows share their PSU's weight, no design effect asks
   * for the rows' states, the packed sums of every grouping fit {@link #BY_CODE_ENTRIES_LIMIT},
   * and the column is stored as integers whose span packs. A total (no shift) also needs integers below {@link
   * #BY_CODE_TOTAL_LIMIT} in magnitude: the drain adds the unit's present rows times the smallest
   * integer, which must stay exact in a long and a double.
   */
  private NumericColumn.@Nullable IntegerCodes codedSums(int sp, boolean weightless) {
    Spec spec = specs[sp];
    NumericColumn c = spec.num;
    if (!weightless || spec.kind != Kind.NUMERIC || plan.deff != null || seenPerRow || c == null) {
      return null;
    }
    for (int i = 0; i < groupings.length; i++) {
      long entries = (groupings[i].cells * unitCount + codedOffset[i]) * (countsMissing(spec) ? 2 : 1);
      if (entries > BY_CODE_ENTRIES_LIMIT || entries > denseLimit) {
        return null;
      }
    }
    NumericColumn.IntegerCodes coding = c.integerCodes().orElse(null);
    if (coding == null || coding.span() >= BY_CODE_SPAN_LIMIT) {
      return null;
    }
    long smallest = coding.base() + coding.first();
    long largest = coding.base() + coding.last();
    boolean small = Math.max(Math.abs(smallest), Math.abs(largest)) < BY_CODE_TOTAL_LIMIT;
    return spec.shifted || small ? coding : null;
  }

  /**
   * Whether a select_one or select_multiple is counted by code per (cell, unit) ({@link
   * #clusteredCategoricalByCode}, {@link #clusteredMultiByCode}): the rows share their PSU's
   * weight, no design effect asks for the rows' states, and the counts of every grouping fit
   * {@link #LEVEL_COUNTS_LIMIT}.
   */
  private boolean countedByCode(int sp, boolean weightless) {
    Spec spec = specs[sp];
    boolean kind = spec.kind == Kind.CATEGORICAL || spec.kind == Kind.MULTI;
    if (!weightless || !kind || plan.deff != null || seenPerRow) {
      return false;
    }
    for (int i = 0; i < groupings.length; i++) {
      long entries = (groupings[i].cells * unitCount + codedOffset[i]) * countWidth(spec);
      if (entries > LEVEL_COUNTS_LIMIT || entries > denseLimit) {
        return false;
      }
    }
    return true;
  }

  /** Counts per (cell, unit) of a spec counted by code: the levels and the unanswered code, or the options, present and missing. */
  private static int countWidth(Spec spec) {
    return spec.comps + (spec.kind == Kind.MULTI ? 2 : 1);
  }

  /** The entries of a grouping's packed sums or counts of a spec summed or counted by code. */
  private int codedEntries(int g, int sp) {
    Spec spec = specs[sp];
    int width = spec.kind == Kind.NUMERIC ? (countsMissing(spec) ? 2 : 1) : countWidth(spec);
    return (int) ((groupings[g].cells * unitCount + codedOffset[g]) * width);
  }

  /**
   * How many specs the pass sums or counts by code ({@link #clusteredMeanByCode}, {@link
   * #clusteredCategoricalByCode}), for tests.
   */
  int specsSummedAsCodes() {
    int k = 0;
    for (int sp = 0; sp < nSpecs; sp++) {
      k += byCode[sp] != null || levelCounts.length > 0 && levelCounts[0][sp] != null ? 1 : 0;
    }
    return k;
  }

  /**
   * Whether the fast path takes a request: any, on a design that is not calibrated.
   */
  static boolean applies(Plan plan) {
    return !plan.design.isCalibrated();
  }

  /** Adds the rows {@code from} (inclusive) to {@code to} (exclusive). */
  void run(int from, int to) {
    for (int b0 = from; b0 < to; b0 += BLOCK) {
      int b1 = Math.min(to, b0 + BLOCK);
      int n = b1 - b0;
      blockStart = b0;
      if (readsWeights) {
        design.readWeights(b0, b1, w);
      }
      if (!clustered || seenPerRow) {
        // clustered, the strata are read only to mark those seen row by row
        design.readStrata(b0, b1, h);
      }
      design.readPsus(b0, b1, psu);
      if (ssuUnits) {
        design.readSsus(b0, b1, unit);
      }
      for (int g = 0; g < groupings.length; g++) {
        if (clustered) {
          if (needSlots[g]) {
            unitSlots(g, b0, n);
          }
          if (entry[g].length > 0) {
            fillEntries(g, b0, n);
          }
        } else {
          strataEntries(g, b0, n);
        }
      }
      for (int s = 0; s < nSpecs; s++) {
        prepare(s, b0, b1, n);
        for (int g = 0; g < groupings.length; g++) {
          if (specs[s].kind == Kind.QUANTILE) {
            quantileRows(s, g, b0, n);
            continue;
          }
          if (clustered) {
            switch (specs[s].kind) {
              case CATEGORICAL -> {
                if (levelCounts[g][s] != null) {
                  clusteredCategoricalByCode(s, g, n);
                } else {
                  clusteredCategorical(s, g, n);
                }
              }
              case MULTI -> {
                if (levelCounts[g][s] != null) {
                  clusteredMultiByCode(s, g, n);
                } else {
                  clusteredMulti(s, g, n);
                }
              }
              case NUMERIC -> {
                if (byCode[s] != null) {
                  clusteredMeanByCode(s, g, n);
                } else if (byUnit[g][s] != null) {
                  clusteredMeanByUnit(s, g, n);
                } else {
                  clusteredMean(s, g, n);
                }
              }
              default -> clusteredNumeric(s, g, n);
            }
          } else {
            switch (specs[s].kind) {
              case CATEGORICAL, MULTI -> rowIndicators(s, g, b0, n);
              default -> rowNumeric(s, g, b0, n);
            }
          }
          if (plan.deff != null) {
            designEffectSums(s, g, b0, n);
          }
        }
      }
      sinceFlush += n;
      if (sinceFlush >= FLUSH) {
        flush();
      }
    }
    if (sinceFlush > 0) {
      flush();
    }
  }

  /** The block's (cell, unit) slots of a grouping, -1 outside every domain; marks them touched. */
  private void unitSlots(int g, int b0, int n) {
    int[] cellOf = groupings[g].cellOfRow;
    UnitIndex index = st.units[g];
    int[] sl = slot[g];
    long uc = unitCount;
    int[] un = unit;
    int @Nullable [] d = index.directTable();
    // no mark per row: the flush visits every slot of the chunk's index, all touched
    if (d != null && groupings[g].cells == 1 && groupings[g].complete) {
      // the overall grouping: the unit is the key, no cell to read
      for (int i = 0; i < n; i++) {
        int s = d[un[i]];
        sl[i] = s >= 0 ? s : index.slot(un[i], 0);
      }
    } else if (d != null) {
      for (int i = 0; i < n; i++) {
        int c = cellOf[b0 + i];
        if (c < 0) {
          sl[i] = -1;
          continue;
        }
        int key = (int) (c * uc + un[i]);
        int s = d[key];
        sl[i] = s >= 0 ? s : index.slot(key, c);
      }
    } else {
      for (int i = 0; i < n; i++) {
        int c = cellOf[b0 + i];
        sl[i] = c < 0 ? -1 : index.slot(c * uc + un[i], c);
      }
    }
    ensureSlots(g);
  }

  /** Room in the accumulator's and the period's arrays for every slot of a grouping's index. */
  private void ensureSlots(int g) {
    UnitIndex index = st.units[g];
    int need = index.size() * plan.unitWidth;
    if (need > st.unitSums[g].length) {
      int size = Math.max(st.unitSums[g].length * 2, need);
      st.unitSums[g] = Arrays.copyOf(st.unitSums[g], size);
    }
    int needAcc = index.size() * slotWidth;
    if (unitSums[g].length < needAcc) {
      unitSums[g] = Arrays.copyOf(unitSums[g], Math.max(unitSums[g].length * 2, needAcc));
    }
  }

  /** Row mode: the block's (cell, stratum) entries of a grouping, -1 outside every domain. */
  private void strataEntries(int g, int b0, int n) {
    int[] cellOf = groupings[g].cellOfRow;
    int[] sl = slot[g];
    int[] mk = mark[g];
    int[] tc = touched[g];
    int tn = touchedSize[g];
    int e = epoch;
    int k = strata;
    for (int i = 0; i < n; i++) {
      int c = cellOf[b0 + i];
      if (c < 0) {
        sl[i] = -1;
        continue;
      }
      int entry = c * k + h[i];
      sl[i] = entry;
      if (mk[entry] != e) {
        mk[entry] = e;
        tc[tn++] = entry;
      }
    }
    touchedSize[g] = tn;
  }

  /**
   * Reads a spec's columns for the block: each row's state (present, missing or absent, by the
   * same rules as the plain path), the values, and the PSUs and strata seen with a present row.
   */
  private void prepare(int s, int b0, int b1, int n) {
    Spec spec = specs[s];
    byte[] t = state;
    switch (spec.kind) {
      case NUMERIC, QUANTILE -> {
        NumericColumn c = spec.num;
        byte notAnswered = spec.naRm && !impact ? ABSENT : MISSING;
        if (byCode[s] != null) {
          // the kernel sums the codes as integers, and decodes the sums at the drain
          c.readCodes(b0, b1, codes);
          break;
        }
        if (clustered && spec.kind == Kind.NUMERIC) {
          // values and answered flags in one pass over the storage; the kernel multiplies by the
          // flag, and the states are formed only for the loops that still read them
          c.readValues(b0, b1, y, answered);
          if (plan.deff != null || seenPerRow) {
            double[] ok = answered;
            for (int i = 0; i < n; i++) {
              t[i] = ok[i] != 0 ? PRESENT : notAnswered;
            }
          }
          break;
        }
        c.readValues(b0, b1, y);
        if (c.allAnswered()) {
          Arrays.fill(t, 0, n, PRESENT);
        } else {
          c.readStates(b0, b1, raw);
          for (int i = 0; i < n; i++) {
            t[i] = raw[i] == 0 ? PRESENT : notAnswered;
          }
        }
        if (!clustered && spec.kind == Kind.NUMERIC) {
          // clustered: w y is formed in the kernel
          for (int i = 0; i < n; i++) {
            a[i] = w[i] * y[i];
          }
        }
      }
      case RATIO -> {
        NumericColumn c = spec.num;
        NumericColumn d = spec.denColumn;
        c.readValues(b0, b1, y);
        d.readValues(b0, b1, x);
        states(c.allAnswered(), c::readStates, b0, b1, raw);
        states(d.allAnswered(), d::readStates, b0, b1, raw2);
        byte notAnswered = spec.naRm ? ABSENT : MISSING;
        for (int i = 0; i < n; i++) {
          if (impact) {
            // analysistools: a missing numerator counts as 0 (readValues gives 0); a zero or
            // missing denominator drops the row, counted only
            t[i] = raw2[i] == 0 && x[i] != 0 ? PRESENT : MISSING;
          } else {
            t[i] = raw[i] == 0 && raw2[i] == 0 ? PRESENT : notAnswered;
          }
          b[i] = w[i] * x[i];
          a[i] = w[i] * y[i];
        }
      }
      case CATEGORICAL -> {
        CategoricalColumn c = spec.cat;
        // an unanswered cell reads as levels().size(), a code no level has: under
        // Denominator.ALL it counts in the denominator and in no share
        c.readCodes(b0, b1, code);
        if (levelCounts.length > 0 && levelCounts[0][s] != null) {
          // counted by code: the drain tells the states apart from the counts
          break;
        }
        byte notAnswered = spec.denominator == Denominator.ALL ? PRESENT : MISSING;
        int none = spec.comps;
        for (int i = 0; i < n; i++) {
          t[i] = code[i] != none ? PRESENT : notAnswered;
        }
      }
      case MULTI -> {
        MultiSelectColumn c = spec.multi;
        // an unanswered cell reads as no option selected
        for (int j = 0; j < c.words(); j++) {
          c.readWords(b0, b1, j, words[j]);
        }
        states(c.allAnswered(), c::readStates, b0, b1, raw);
        byte notAnswered = spec.denominator == Denominator.ALL ? PRESENT : MISSING;
        for (int i = 0; i < n; i++) {
          t[i] = raw[i] == 0 ? PRESENT : notAnswered;
        }
      }
      default -> throw new AssertionError(spec.kind);
    }
    if (!seenPerRow) {
      return;
    }
    long[] psuSeen = st.psuSeen[s];
    long[] strataSeen = st.strataSeen[s];
    for (int i = 0; i < n; i++) {
      if (t[i] == PRESENT && w[i] != 0) {
        // read before writing: mostly the bits are set already, and a read starts no chain
        int p = psu[i];
        if ((psuSeen[p >>> 6] & (1L << p)) == 0) {
          psuSeen[p >>> 6] |= 1L << p;
        }
        int hi = h[i];
        if ((strataSeen[hi >>> 6] & (1L << hi)) == 0) {
          strataSeen[hi >>> 6] |= 1L << hi;
        }
      }
    }
  }

  private static double[] filled(int n, double v) {
    double[] out = new double[n];
    Arrays.fill(out, v);
    return out;
  }

  /** A column's bulk read of answer states. */
  private interface StateReader {
    void read(int from, int to, byte[] dst);
  }

  private static void states(boolean allAnswered, StateReader reader, int from, int to, byte[] dst) {
    if (allAnswered) {
      Arrays.fill(dst, 0, to - from, (byte) 0);
    } else {
      reader.read(from, to, dst);
    }
  }

  /**
   * Clustered, numeric or ratio. The period's sums per (cell, unit) slot sit where the
   * accumulator keeps its sums, and the unused places hold the period's counts: at 0 the present
   * rows, at 2 the missing rows, at 4 the present weight. A run of rows in the same slot (rows
   * sorted by PSU) is summed in registers and stored once.
   */
  private void clusteredNumeric(int s, int g, int n) {
    Spec spec = specs[s];
    // b = w and a = w y but for a ratio, where b = w x and a = w y come from prepare
    boolean ratio = spec.kind == Kind.RATIO;
    double[] b = ratio ? this.b : w;
    double[] f = ratio ? ones : w;
    double[] v = ratio ? a : y;
    // a - c b, c the cell's first value (as on the plain path): the unit totals keep their digits
    boolean shifted = spec.shifted;
    int[] cellOf = groupings[g].cellOfRow;
    double[] cellShift = st.shift[g];
    int shiftWidth = plan.shiftWidth;
    int shiftOffset = spec.shiftOffset;
    int b0 = blockStart;
    int[] sl = slot[g];
    double[] acc = unitSums[g];
    int uw = slotWidth;
    int uo = slotOffset[s];
    byte[] t = state;
    int cur = -1;
    double np = 0;
    double nm = 0;
    double sb = 0;
    double sa = 0;
    double sw = 0;
    for (int i = 0; i < n; i++) {
      int k = sl[i];
      if (k < 0) {
        continue;
      }
      if (k != cur) {
        if (cur >= 0) {
          int o = cur * uw + uo;
          acc[o] += np;
          acc[o + 1] += sb;
          acc[o + 2] += nm;
          acc[o + 3] += sa;
          acc[o + 4] += sw;
        }
        cur = k;
        np = 0;
        nm = 0;
        sb = 0;
        sa = 0;
        sw = 0;
      }
      byte ti = t[i];
      if (ti == PRESENT) {
        double c = 0;
        if (shifted) {
          int si = cellOf[b0 + i] * shiftWidth + shiftOffset;
          c = cellShift[si];
          if (Double.isNaN(c)) {
            c = ratio ? (x[i] != 0 ? y[i] / x[i] : 0) : y[i];
            cellShift[si] = c;
          }
        }
        np += 1;
        sb += b[i];
        sa += f[i] * v[i] - c * b[i];
        sw += w[i];
      } else if (ti == MISSING) {
        nm += 1;
      }
    }
    if (cur >= 0) {
      int o = cur * uw + uo;
      acc[o] += np;
      acc[o + 1] += sb;
      acc[o + 2] += nm;
      acc[o + 3] += sa;
      acc[o + 4] += sw;
    }
  }

  private int blockStart;

  /**
   * Clustered, numeric variable (mean or total): the sums of {@link #clusteredNumeric} with b = w
   * and a = w y, in one loop over the block without a branch on the answer state: each row's
   * terms are multiplied by its answered flag (1.0 or 0.0, exact), and a non-answered row counts
   * as missing only when the spec says so. The sum of b is the present weight, so it is summed
   * once (at 1; {@link #flushSlot} reads it there). The shift c of a grouping with one cell is
   * found once per block; with several it is read once per run of one slot (a slot lies in one
   * cell). Runs of one slot (rows sorted by PSU) are summed in registers.
   */
  private void clusteredMean(int s, int g, int n) {
    Spec spec = specs[s];
    boolean shifted = spec.shifted;
    int[] cellOf = groupings[g].cellOfRow;
    boolean oneCell = groupings[g].cells == 1;
    double[] cellShift = st.shift[g];
    int shiftWidth = plan.shiftWidth;
    int shiftOffset = spec.shiftOffset;
    int b0 = blockStart;
    int[] sl = slot[g];
    double[] acc = unitSums[g];
    int uw = slotWidth;
    int uo = slotOffset[s];
    double[] ok = answered;
    double[] wt = w;
    double[] v = y;
    boolean countMissing = !(spec.naRm && !impact);
    double c = 0;
    boolean unset = false;
    int si = shiftOffset;
    if (shifted && oneCell) {
      c = cellShift[si];
      unset = Double.isNaN(c);
      if (unset) {
        c = 0;
      }
    }
    int cur = -1;
    double np = 0;
    double nr = 0;
    double sw = 0;
    double sa = 0;
    for (int i = 0; i < n; i++) {
      int k = sl[i];
      if (k < 0) {
        continue;
      }
      if (k != cur) {
        if (cur >= 0) {
          int o = cur * uw + uo;
          acc[o] += np;
          acc[o + 1] += sw;
          acc[o + 3] += sa;
          if (countMissing) {
            acc[o + 2] += nr - np;
          }
        }
        cur = k;
        np = 0;
        nr = 0;
        sw = 0;
        sa = 0;
        if (shifted && !oneCell) {
          si = cellOf[b0 + i] * shiftWidth + shiftOffset;
          c = cellShift[si];
          unset = Double.isNaN(c);
          if (unset) {
            c = 0;
          }
        }
      }
      double p = ok[i];
      double yi = v[i];
      if (unset && p != 0) {
        // the cell's first present value, as on the plain path
        c = yi;
        cellShift[si] = c;
        unset = false;
      }
      double pw = p * wt[i];
      nr += 1;
      np += p;
      sw += pw;
      sa += pw * yi - c * pw;
    }
    if (cur >= 0) {
      int o = cur * uw + uo;
      acc[o] += np;
      acc[o + 1] += sw;
      acc[o + 3] += sa;
      if (countMissing) {
        acc[o + 2] += nr - np;
      }
    }
  }

  /** Whether a numeric spec counts its rows without an answer as missing (else they are absent). */
  private boolean countsMissing(Spec spec) {
    return !spec.naRm || impact;
  }

  /**
   * Clustered, numeric variable of a grouping whose one domain holds every row: the sums of
   * {@link #clusteredMean} per unit code, one loop without a slot, a run or a branch per row.
   */
  private void clusteredMeanByUnit(int s, int g, int n) {
    Spec spec = specs[s];
    double[] acc = byUnit[g][s];
    boolean countMissing = countsMissing(spec);
    int[] un = unit;
    double[] ok = answered;
    double[] wt = w;
    double[] v = y;
    double c = 0;
    if (spec.shifted) {
      double[] cellShift = st.shift[g];
      int si = spec.shiftOffset;
      c = cellShift[si];
      if (Double.isNaN(c)) {
        c = 0;
        for (int i = 0; i < n; i++) {
          if (ok[i] != 0) {
            // the domain's first present value, as on the plain path; rows before it add 0
            c = v[i];
            cellShift[si] = c;
            break;
          }
        }
      }
    }
    if (unitWeight != null) {
      // the unit's weight comes in at the flush: sums of 1 and of y - c over present rows (the
      // value read for a row without an answer is 0, so y needs no multiplying by its flag)
      if (countMissing) {
        for (int i = 0; i < n; i++) {
          int o = un[i] * 3;
          double p = ok[i];
          acc[o] += p;
          acc[o + 1] += v[i] - c * p;
          acc[o + 2] += 1 - p;
        }
      } else {
        for (int i = 0; i < n; i++) {
          int o = un[i] * 2;
          double p = ok[i];
          acc[o] += p;
          acc[o + 1] += v[i] - c * p;
        }
      }
    } else {
      // weights that differ within PSUs, the rarer case: rows without an answer are summed at 3
      // either way, and the flush takes them as missing only when the spec counts them
      for (int i = 0; i < n; i++) {
        int o = un[i] * 4;
        double p = ok[i];
        double pw = p * wt[i];
        acc[o] += p;
        acc[o + 1] += pw;
        acc[o + 2] += pw * v[i] - c * pw;
        acc[o + 3] += 1 - p;
      }
    }
  }

  /**
   * Clustered, numeric variable stored as integer codes, on a design whose rows share their PSU's
   * weight: per row one integer add into its (cell, unit)'s packed sum ({@link #byUnitCodes}),
   * {@code 2^CODE_SUM_BITS + code - first} for an answered cell and 0 for any other (a mask, not a
   * branch: states come at random), with no conversion to a double, no weight, no answered flag
   * and no (cell, unit) slot looked up. The present rows and the sum of {@code y - s} of each
   * (cell, unit) come out of the packed sum exactly at the drain ({@link #drainCodes}), each
   * cell shifted by a code near its mean ({@link #setShift}). Two loads, an add and a store per row (and the
   * row's cell), where the double kernels decode each value and update two sums or more.
   */
  private void clusteredMeanByCode(int s, int g, int n) {
    Spec spec = specs[s];
    NumericColumn.IntegerCodes coding = byCode[s];
    long[] acc = byUnitCodes[g][s];
    int[] at = entries(g);
    int[] cd = codes;
    long first = coding.first();
    long span = coding.span();
    long one = 1L << CODE_SUM_BITS;
    if (spec.num.allAnswered()) {
      long k = one - first;
      // no missing rows to count, but the sums keep their places
      int stride = countsMissing(spec) ? 1 : 0;
      for (int i = 0; i < n; i++) {
        acc[at[i] << stride] += cd[i] + k;
      }
    } else if (countsMissing(spec)) {
      for (int i = 0; i < n; i++) {
        long d = cd[i] - first;
        // all ones for a code in [first, last], zero for a state's code
        long keep = ~((d | (span - d)) >> 63);
        int o = at[i] << 1;
        acc[o] += (one + d) & keep;
        acc[o + 1] += ~keep & 1;
      }
    } else {
      for (int i = 0; i < n; i++) {
        long d = cd[i] - first;
        long keep = ~((d | (span - d)) >> 63);
        acc[at[i]] += (one + d) & keep;
      }
    }
  }

  /**
   * The block's entry of each row's (cell, unit) into a grouping's packed sums or counts: the
   * unit for the grouping whose one domain holds every row; else {@code cell * units + unit}
   * past the first {@code units} entries, where a row outside every domain (cell -1) lands
   * ({@link #fillEntries}, once per block).
   */
  private int[] entries(int g) {
    return codedOffset[g] == 0 ? unit : entry[g];
  }

  /** Forms the block's (cell, unit) entries of a grouping with cells ({@link #entries}). */
  private void fillEntries(int g, int b0, int n) {
    int[] cellOf = groupings[g].cellOfRow;
    int units = (int) unitCount;
    int off = codedOffset[g];
    int[] un = unit;
    int[] at = entry[g];
    for (int i = 0; i < n; i++) {
      at[i] = cellOf[b0 + i] * units + un[i] + off;
    }
  }

  /**
   * Clustered, select_one on a design whose rows share their PSU's weight: per row one count of
   * its code (a level, or the code of a cell without an answer) in its (cell, unit)'s counts
   * ({@link #levelCounts}), without a state, a weight or a (cell, unit) slot per row; the drain
   * ({@link #drainLevelCounts}) turns the counts into the slot's sums.
   */
  private void clusteredCategoricalByCode(int s, int g, int n) {
    int[] counts = levelCounts[g][s];
    int width = specs[s].comps + 1;
    int[] at = entries(g);
    int[] cd = code;
    for (int i = 0; i < n; i++) {
      counts[at[i] * width + cd[i]]++;
    }
  }

  /**
   * Clustered, select_multiple on a design whose rows share their PSU's weight: per present row
   * one count, and one per option chosen (by set bit), in its (cell, unit)'s counts ({@link
   * #levelCounts}); per missing row one count. No weight or (cell, unit) slot per row; the drain
   * ({@link #drainLevelCounts}) turns the counts into the slot's sums.
   */
  private void clusteredMultiByCode(int s, int g, int n) {
    Spec spec = specs[s];
    int[] counts = levelCounts[g][s];
    int comps = spec.comps;
    int width = comps + 2;
    int nWords = spec.multi.words();
    int[] at = entries(g);
    byte[] t = state;
    long[][] wd = words;
    for (int i = 0; i < n; i++) {
      int base = at[i] * width;
      byte ti = t[i];
      if (ti == PRESENT) {
        counts[base + comps]++;
        for (int j = 0; j < nWords; j++) {
          long word = wd[j][i];
          while (word != 0) {
            int option = (j << 6) + Long.numberOfTrailingZeros(word);
            word &= word - 1;
            if (option < comps) {
              counts[base + option]++;
            }
          }
        }
      } else if (ti == MISSING) {
        counts[base + comps + 1]++;
      }
    }
  }

  /**
   * Clustered, select_one: the selected category only (a zero indicator adds nothing); the
   * period's positives of category l counted at 4 + 2 l, beside its sum.
   */
  private void clusteredCategorical(int s, int g, int n) {
    Spec spec = specs[s];
    int[] sl = slot[g];
    int[] cellOf = groupings[g].cellOfRow;
    double[] acc = unitSums[g];
    long[] cnt = st.counts[g];
    int uw = slotWidth;
    int uo = slotOffset[s];
    int cw = plan.countWidth;
    int co = spec.countOffset + 2;
    int comps = spec.comps;
    int b0 = blockStart;
    byte[] t = state;
    int cur = -1;
    double np = 0;
    double nm = 0;
    double sb = 0;
    for (int i = 0; i < n; i++) {
      int k = sl[i];
      if (k < 0) {
        continue;
      }
      if (k != cur) {
        if (cur >= 0) {
          int o = cur * uw + uo;
          acc[o] += np;
          acc[o + 1] += sb;
          acc[o + 2] += nm;
        }
        cur = k;
        np = 0;
        nm = 0;
        sb = 0;
      }
      byte ti = t[i];
      if (ti == PRESENT) {
        double wi = w[i];
        np += 1;
        sb += wi;
        int level = code[i];
        if (level < comps) {
          acc[k * uw + uo + 3 + level] += wi;
          cnt[cellOf[b0 + i] * cw + co + level]++;
        }
      } else if (ti == MISSING) {
        nm += 1;
      }
    }
    if (cur >= 0) {
      int o = cur * uw + uo;
      acc[o] += np;
      acc[o + 1] += sb;
      acc[o + 2] += nm;
    }
  }

  /** Clustered, select_multiple: the selected options only, by set bit; counts as for select_one. */
  private void clusteredMulti(int s, int g, int n) {
    Spec spec = specs[s];
    int[] sl = slot[g];
    int[] cellOf = groupings[g].cellOfRow;
    double[] acc = unitSums[g];
    long[] cnt = st.counts[g];
    int uw = slotWidth;
    int uo = slotOffset[s];
    int cw = plan.countWidth;
    int co = spec.countOffset + 2;
    int comps = spec.comps;
    int nWords = spec.multi.words();
    int b0 = blockStart;
    byte[] t = state;
    int cur = -1;
    double np = 0;
    double nm = 0;
    double sb = 0;
    for (int i = 0; i < n; i++) {
      int k = sl[i];
      if (k < 0) {
        continue;
      }
      if (k != cur) {
        if (cur >= 0) {
          int o = cur * uw + uo;
          acc[o] += np;
          acc[o + 1] += sb;
          acc[o + 2] += nm;
        }
        cur = k;
        np = 0;
        nm = 0;
        sb = 0;
      }
      byte ti = t[i];
      if (ti == PRESENT) {
        double wi = w[i];
        np += 1;
        sb += wi;
        int base = k * uw + uo + 3;
        int cb = cellOf[b0 + i] * cw + co;
        for (int j = 0; j < nWords; j++) {
          long word = words[j][i];
          while (word != 0) {
            int option = (j << 6) + Long.numberOfTrailingZeros(word);
            word &= word - 1;
            if (option < comps) {
              acc[base + option] += wi;
              cnt[cb + option]++;
            }
          }
        }
      } else if (ti == MISSING) {
        nm += 1;
      }
    }
    if (cur >= 0) {
      int o = cur * uw + uo;
      acc[o] += np;
      acc[o + 1] += sb;
      acc[o + 2] += nm;
    }
  }

  /**
   * Row mode, numeric or ratio: per (cell, stratum) the sums of b and a' = a - c b (c the cell's
   * shift) about their first values in the period, their squares and cross-products; the missing
   * rows and the present weight.
   */
  private void rowNumeric(int s, int g, int b0, int n) {
    Spec spec = specs[s];
    double[] b = spec.kind == Kind.RATIO ? this.b : w;
    int[] sl = slot[g];
    int[] cellOf = groupings[g].cellOfRow;
    double[] r = rowSums[g];
    double[] sh = rowShifts[g];
    double[] cellShift = st.shift[g];
    int rw = rowWidth;
    int ro = rowOffset[s];
    int ns2 = 2 * nSpecs;
    int sw = plan.shiftWidth;
    int so = spec.shiftOffset;
    boolean shifted = spec.shifted;
    boolean ratio = spec.kind == Kind.RATIO;
    byte[] t = state;
    for (int i = 0; i < n; i++) {
      int e = sl[i];
      if (e < 0) {
        continue;
      }
      int base = e * rw + ro;
      byte ti = t[i];
      if (ti != PRESENT) {
        if (ti == MISSING) {
          r[base + 4] += 1;
        }
        continue;
      }
      double c = 0;
      if (shifted) {
        int si = cellOf[b0 + i] * sw + so;
        c = cellShift[si];
        if (Double.isNaN(c)) {
          c = ratio ? (x[i] != 0 ? y[i] / x[i] : 0) : y[i];
          cellShift[si] = c;
        }
      }
      double bi = b[i];
      double ai = a[i];
      double as = ai - c * bi;
      int shBase = e * ns2 + 2 * s;
      if (r[base] == 0) {
        sh[shBase] = bi;
        sh[shBase + 1] = as;
      }
      double db = bi - sh[shBase];
      double da = as - sh[shBase + 1];
      r[base] += 1;
      r[base + 1] += db;
      r[base + 2] += db * db;
      r[base + 3] += bi;
      r[base + 5] += w[i];
      r[base + 6] += da;
      r[base + 7] += da * da;
      r[base + 8] += da * db;
      r[base + 9] += ai;
    }
  }

  /**
   * Row mode, select_one or select_multiple: b = w about its first value d in the period, and per
   * component over the rows where its indicator is 1 (visited by set bit) the count and the sums
   * of b - d and its square; the co-moments of a_k = w [k] follow from these exactly as those of b
   * do, so that a share of 1 has a variance of exactly 0, as on the plain path.
   */
  private void rowIndicators(int s, int g, int b0, int n) {
    Spec spec = specs[s];
    int[] sl = slot[g];
    double[] r = rowSums[g];
    double[] sh = rowShifts[g];
    int rw = rowWidth;
    int ro = rowOffset[s];
    int ns2 = 2 * nSpecs;
    int comps = spec.comps;
    boolean multi = spec.kind == Kind.MULTI;
    int nWords = multi ? spec.multi.words() : 0;
    byte[] t = state;
    for (int i = 0; i < n; i++) {
      int e = sl[i];
      if (e < 0) {
        continue;
      }
      int base = e * rw + ro;
      byte ti = t[i];
      if (ti != PRESENT) {
        if (ti == MISSING) {
          r[base + 4] += 1;
        }
        continue;
      }
      double wi = w[i];
      int shBase = e * ns2 + 2 * s;
      if (r[base] == 0) {
        sh[shBase] = wi;
      }
      double db = wi - sh[shBase];
      double db2 = db * db;
      r[base] += 1;
      r[base + 1] += db;
      r[base + 2] += db2;
      r[base + 3] += wi;
      if (multi) {
        for (int j = 0; j < nWords; j++) {
          long word = words[j][i];
          while (word != 0) {
            int option = (j << 6) + Long.numberOfTrailingZeros(word);
            word &= word - 1;
            if (option < comps) {
              int off = base + 6 + 4 * option;
              r[off] += 1;
              r[off + 1] += db;
              r[off + 2] += db2;
              r[off + 3] += wi;
            }
          }
        }
      } else {
        int level = code[i];
        if (level < comps) {
          int off = base + 6 + 4 * level;
          r[off] += 1;
          r[off + 1] += db;
          r[off + 2] += db2;
          r[off + 3] += wi;
        }
      }
    }
  }

  /**
   * Quantiles keep their rows: per cell the present and missing counts, the present weight
   * (compensated at once: the row lists cost more) and the present rows in row order.
   */
  private void quantileRows(int s, int g, int b0, int n) {
    Spec spec = specs[s];
    int[] cellOf = groupings[g].cellOfRow;
    long[] cnt = st.counts[g];
    double[] pw = st.presentWeight[g];
    int cw = plan.countWidth;
    int co = spec.countOffset;
    int qw = plan.quantileWidth;
    int qo = spec.quantileOffset;
    byte[] t = state;
    for (int i = 0; i < n; i++) {
      int c = cellOf[b0 + i];
      if (c < 0) {
        continue;
      }
      byte ti = t[i];
      if (ti == PRESENT) {
        cnt[c * cw + co]++;
        SufficientStatistics.addCompensated(pw, (c * nSpecs + s) * 2, w[i]);
        st.addQuantileRow(g, c * qw + qo, b0 + i);
      } else if (ti == MISSING) {
        cnt[c * cw + co + 1]++;
      }
    }
  }

  /** The period's weighted sums of a spec per cell for its design effects (rows of positive weight). */
  private void designEffectSums(int s, int g, int b0, int n) {
    Spec spec = specs[s];
    int[] cellOf = groupings[g].cellOfRow;
    double[] r = deffSums[g];
    double[] shift = deffShift[g];
    int dw = deffWidth;
    int dOff = deffOffset[s];
    int comps = spec.comps;
    boolean ratio = spec.kind == Kind.RATIO;
    boolean numeric = spec.kind == Kind.NUMERIC || ratio;
    boolean multi = spec.kind == Kind.MULTI;
    int nWords = multi ? spec.multi.words() : 0;
    byte[] t = state;
    for (int i = 0; i < n; i++) {
      int c = cellOf[b0 + i];
      double wi = w[i];
      if (c < 0 || t[i] != PRESENT || !(wi > 0)) {
        continue;
      }
      int base = c * dw + dOff;
      r[base] += 1;
      r[base + 1] += wi;
      r[base + 2] += wi * wi;
      if (numeric) {
        double xi = ratio ? x[i] : 1;
        if (ratio) {
          r[base + 3] += wi * xi;
          r[base + 4] += wi * xi * xi;
        }
        int si = c * nSpecs + s;
        double sh = shift[si];
        if (Double.isNaN(sh)) {
          // the first value (a ratio's first y / x): the sums about it keep their digits
          sh = ratio ? (xi != 0 ? y[i] / xi : 0) : y[i];
          shift[si] = sh;
        }
        double yv = ratio ? y[i] - sh * xi : y[i] - sh;
        r[base + 5] += wi * yv;
        r[base + 6] += wi * yv * yv;
        r[base + 7] += wi * yv * xi;
      } else if (multi) {
        for (int j = 0; j < nWords; j++) {
          long word = words[j][i];
          while (word != 0) {
            int option = (j << 6) + Long.numberOfTrailingZeros(word);
            word &= word - 1;
            if (option < comps) {
              r[base + 5 + 3 * option] += wi;
            }
          }
        }
      } else {
        int level = code[i];
        if (level < comps) {
          r[base + 5 + 3 * level] += wi;
        }
      }
    }
  }

  /** Merges the period's design-effect sums of every cell into the accumulator's moments. */
  private void flushDesignEffects(int g) {
    double[] r = deffSums[g];
    double[] d = st.deffMom[g];
    double[] rec = deffRecord;
    int cells = groupings[g].cells;
    for (int c = 0; c < cells; c++) {
      for (int s = 0; s < nSpecs; s++) {
        Spec spec = specs[s];
        int base = c * deffWidth + deffOffset[s];
        double count = r[base];
        if (count == 0) {
          continue;
        }
        boolean ratio = spec.kind == Kind.RATIO;
        boolean numeric = spec.kind == Kind.NUMERIC || ratio;
        double sw = r[base + 1];
        double swx = ratio ? r[base + 3] : sw;
        rec[0] = count;
        rec[1] = sw;
        rec[2] = 0;
        // x = 1 but for a ratio: its mean 1 and no spread, as on the plain path
        rec[3] = ratio ? swx / sw : 1;
        rec[4] = ratio ? Math.max(0, r[base + 4] - swx * swx / sw) : 0;
        rec[5] = r[base + 2];
        for (int k = 0; k < spec.comps; k++) {
          int off = 6 + 4 * k;
          if (numeric) {
            double sy = r[base + 5];
            rec[off] = sy / sw;
            rec[off + 1] = Math.max(0, r[base + 6] - sy * sy / sw);
            rec[off + 2] = ratio ? r[base + 7] - sy * swx / sw : 0;
            rec[off + 3] = deffShift[g][c * nSpecs + s];
          } else {
            // an indicator about 0: sum w y^2 = sum w y = S, so Cyy = S (W - S) / W, 0 when S = W
            double sk = r[base + 5 + 3 * k];
            rec[off] = sk / sw;
            rec[off + 1] = sk * (sw - sk) / sw;
            rec[off + 2] = 0;
            rec[off + 3] = 0;
          }
        }
        SufficientStatistics.mergeDeff(d, c * plan.deffWidth + spec.deffOffset, rec, 0, spec);
        Arrays.fill(r, base, base + 5 + 3 * spec.comps, 0);
      }
    }
  }

  /** Adds the period's plain sums to the accumulator's counts, compensated sums and co-moments. */
  private void flush() {
    for (int g = 0; g < groupings.length; g++) {
      int[] tc = touched[g];
      int tn = touchedSize[g];
      if (clustered) {
        drainUnits(g);
        for (int i = 0; i < st.units[g].size(); i++) {
          flushSlot(g, i);
        }
      }
      for (int i = 0; i < tn; i++) {
        mergeEntry(g, tc[i]);
      }
      touchedSize[g] = 0;
      if (plan.deff != null) {
        flushDesignEffects(g);
      }
    }
    epoch++;
    sinceFlush = 0;
  }

  /**
   * Moves the period's sums per unit code of a grouping's numeric variables ({@link #byUnit})
   * into their (cell 0, unit) slots, making the slots of units not seen before.
   */
  private void drainUnits(int g) {
    UnitIndex index = st.units[g];
    for (int s = 0; s < nSpecs; s++) {
      if (byCode[s] != null) {
        drainCodes(g, s);
        continue;
      }
      if (levelCounts[g][s] != null) {
        drainLevelCounts(g, s);
        continue;
      }
      double[] d = byUnit[g][s];
      if (d == null) {
        continue;
      }
      int stride = byUnitStride[s];
      double[] uw = unitWeight;
      for (int u = 0; u < unitCount; u++) {
        int o = u * stride;
        double np = d[o];
        double sw;
        double sa;
        double nm;
        if (uw != null) {
          sw = uw[u] * np;
          sa = uw[u] * d[o + 1];
          nm = stride == 3 ? d[o + 2] : 0;
        } else {
          sw = d[o + 1];
          sa = d[o + 2];
          nm = countsMissing(specs[s]) ? d[o + 3] : 0;
        }
        if (np == 0 && nm == 0) {
          continue;
        }
        int slotIndex = index.slot(u, 0);
        ensureSlots(g);
        double[] acc = unitSums[g];
        int a = slotIndex * slotWidth + slotOffset[s];
        acc[a] += np;
        acc[a + 1] += sw;
        acc[a + 2] += nm;
        acc[a + 3] += sa;
        Arrays.fill(d, o, o + stride, 0);
      }
    }
  }

  /**
   * Moves the period's packed sums of a variable summed as codes ({@link #clusteredMeanByCode})
   * into their (cell, unit) slots. Each cell is shifted by a code s near its mean ({@link
   * #setShift}), so a (cell, unit)'s sum of {@code y - s} over its present rows, times {@code
   * 10^decimals}, is its sum of {@code code - first} less its present rows times {@code s -
   * first}; a total's sum of y adds the present rows times the smallest integer (small: {@link
   * #codedSums}). Both are exact integers below 2^53, exact as doubles too: the slot gets them
   * over {@code 10^decimals} and times the unit's weight, rounded twice at most.
   */
  private void drainCodes(int g, int s) {
    long[] d = byUnitCodes[g][s];
    NumericColumn.IntegerCodes coding = byCode[s];
    Spec spec = specs[s];
    boolean countMissing = countsMissing(spec);
    int stride = countMissing ? 2 : 1;
    // a total adds the present rows times the smallest integer to the sum of codes less the
    // first; shifted, each cell by its own code s (below), the sum of y - s is the sum of codes
    // less the first, less the present rows times s - first
    long offset = spec.shifted ? 0 : coding.base() + coding.first();
    long[] cellShift = shiftCodes[g][s];
    double scale = coding.divisor();
    long sumMask = (1L << CODE_SUM_BITS) - 1;
    double[] uw = unitWeight;
    int units = (int) unitCount;
    int off = codedOffset[g];
    for (int c = 0; c < groupings[g].cells; c++) {
      long cellOffset = offset;
      if (spec.shifted) {
        int si = c * plan.shiftWidth + spec.shiftOffset;
        if (Double.isNaN(st.shift[g][si]) && !setShift(g, s, c, d, stride)) {
          // no present row in the cell yet: its units have missing rows at most
          cellOffset = 0;
        } else {
          cellOffset = coding.first() - cellShift[c];
        }
      }
      for (int u = 0; u < units; u++) {
        int o = (c * units + u + off) * stride;
        long packed = d[o];
        long nm = countMissing ? d[o + 1] : 0;
        if (packed == 0 && nm == 0) {
          continue;
        }
        long np = packed >>> CODE_SUM_BITS;
        long deviations = (packed & sumMask) + np * cellOffset;
        int a = drainedSlot(g, s, c, u, np, nm);
        unitSums[g][a + 3] += uw[u] * (deviations / scale);
        d[o] = 0;
        if (countMissing) {
          d[o + 1] = 0;
        }
      }
    }
    // the rows outside every domain, summed but never read
    Arrays.fill(d, 0, off * stride, 0);
  }

  /**
   * Moves the period's counts of a select_one or select_multiple counted by code ({@link
   * #clusteredCategoricalByCode}, {@link #clusteredMultiByCode}) into their (cell, unit) slots,
   * as {@link #clusteredCategorical} and {@link #clusteredMulti} would have summed them: the
   * present rows (a select_one's cell without an answer counts among them under {@link
   * Denominator#ALL}, else as missing), the missing rows, their weight, and per level or option
   * its weight, with its positive rows counted per cell. The unit's weight times a count stands
   * for the sum of its rows' equal weights.
   */
  private void drainLevelCounts(int g, int s) {
    int[] counts = levelCounts[g][s];
    Spec spec = specs[s];
    int comps = spec.comps;
    int width = countWidth(spec);
    boolean multi = spec.kind == Kind.MULTI;
    boolean all = spec.denominator == Denominator.ALL;
    long[] cnt = st.counts[g];
    int cw = plan.countWidth;
    int co = spec.countOffset + 2;
    double[] uw = unitWeight;
    int units = (int) unitCount;
    int off = codedOffset[g];
    for (int c = 0; c < groupings[g].cells; c++) {
      for (int u = 0; u < units; u++) {
        int e = (c * units + u + off) * width;
        int np;
        int nm;
        if (multi) {
          np = counts[e + comps];
          nm = counts[e + comps + 1];
        } else {
          int answered = 0;
          for (int k = 0; k < comps; k++) {
            answered += counts[e + k];
          }
          int none = counts[e + comps];
          np = all ? answered + none : answered;
          nm = all ? 0 : none;
        }
        if (np == 0 && nm == 0) {
          continue;
        }
        int a = drainedSlot(g, s, c, u, np, nm);
        double[] acc = unitSums[g];
        for (int k = 0; k < comps; k++) {
          int positives = counts[e + k];
          if (positives != 0) {
            acc[a + 3 + k] += uw[u] * positives;
            cnt[c * cw + co + k] += positives;
          }
        }
        Arrays.fill(counts, e, e + width, 0);
      }
    }
    // the rows outside every domain, counted but never read
    Arrays.fill(counts, 0, off * width, 0);
  }

  /**
   * Sets a cell's shift from the period's packed sums, when the cell has present rows: the code
   * nearest below its mean code, so that the cell's sums of {@code y - s} stay small beside its
   * values wherever they lie in the column's span (as the plain path's first value does).
   *
   * @return whether the cell had present rows
   */
  private boolean setShift(int g, int s, int cell, long[] d, int stride) {
    int units = (int) unitCount;
    int off = codedOffset[g];
    long sumMask = (1L << CODE_SUM_BITS) - 1;
    long np = 0;
    long sum = 0;
    for (int u = 0; u < units; u++) {
      long packed = d[(cell * units + u + off) * stride];
      np += packed >>> CODE_SUM_BITS;
      sum += packed & sumMask;
    }
    if (np == 0) {
      return false;
    }
    NumericColumn.IntegerCodes coding = byCode[s];
    long code = coding.first() + sum / np;
    shiftCodes[g][s][cell] = code;
    st.shift[g][cell * plan.shiftWidth + specs[s].shiftOffset] = coding.value(code);
    return true;
  }

  /**
   * The (cell, unit) slot a drain fills, made when the unit was not seen in the cell before: adds
   * the present rows, their weight (the unit's, times them) and the missing rows, and returns the
   * spec's offset in {@link #unitSums} for the rest.
   */
  private int drainedSlot(int g, int s, int cell, int u, double np, double nm) {
    int slotIndex = st.units[g].slot(cell * unitCount + u, cell);
    ensureSlots(g);
    double[] acc = unitSums[g];
    int a = slotIndex * slotWidth + slotOffset[s];
    acc[a] += np;
    acc[a + 1] += unitWeight[u] * np;
    acc[a + 2] += nm;
    return a;
  }

  /** Clustered: one (cell, unit) slot's period into the counts and compensated sums. */
  private void flushSlot(int g, int slotIndex) {
    double[] u = st.unitSums[g];
    double[] acc = unitSums[g];
    long[] cnt = st.counts[g];
    double[] pw = st.presentWeight[g];
    UnitIndex index = st.units[g];
    int cell = index.cell(slotIndex);
    int base = slotIndex * plan.unitWidth;
    int accBase = slotIndex * slotWidth;
    for (int s = 0; s < nSpecs; s++) {
      Spec spec = specs[s];
      int a = accBase + slotOffset[s];
      double np = acc[a];
      double nm = acc[a + 2];
      if (np == 0 && nm == 0) {
        continue;
      }
      int cb = cell * plan.countWidth + spec.countOffset;
      cnt[cb] += (long) np;
      cnt[cb + 1] += (long) nm;
      acc[a] = 0;
      acc[a + 2] = 0;
      if (np == 0) {
        continue;
      }
      int o = base + spec.unitOffset;
      u[o] += np;
      boolean numeric = spec.kind == Kind.NUMERIC || spec.kind == Kind.RATIO;
      // b = w but for a ratio (b = w x): the present weight is the sum of b, kept apart for a ratio
      double weight = spec.kind == Kind.RATIO ? acc[a + 4] : acc[a + 1];
      SufficientStatistics.addCompensated(pw, (cell * nSpecs + s) * 2, weight);
      SufficientStatistics.addCompensated(u, o + 1, acc[a + 1]);
      acc[a + 1] = 0;
      if (numeric) {
        SufficientStatistics.addCompensated(u, o + 3, acc[a + 3]);
        cnt[cb + 2] += (long) np;
        acc[a + 3] = 0;
        acc[a + 4] = 0;
      } else {
        for (int k = 0; k < spec.comps; k++) {
          double sum = acc[a + 3 + k];
          if (sum != 0) {
            SufficientStatistics.addCompensated(u, o + 3 + 2 * k, sum);
            acc[a + 3 + k] = 0;
          }
        }
      }
      if (seenFromSlots[g] && weight > 0) {
        // weights are non-negative: a positive present weight is a present row of non-zero weight
        markSeen(s, (int) (index.key(slotIndex) - cell * unitCount));
      }
    }
  }

  /** The PSU (and its stratum) of a unit seen with a present row of non-zero weight. */
  private void markSeen(int s, int unitCode) {
    int p = ssuUnits ? design.psuOfSsu(unitCode) : unitCode;
    int hh = design.stratumOfPsu(p);
    st.psuSeen[s][p >>> 6] |= 1L << p;
    st.strataSeen[s][hh >>> 6] |= 1L << hh;
  }

  /** Row mode: merges one (cell, stratum) entry's period into the co-moments, Chan's update. */
  private void mergeEntry(int g, int entry) {
    double[] r = rowSums[g];
    double[] sh = rowShifts[g];
    double[] m = st.mom[g];
    long[] cnt = st.counts[g];
    for (int s = 0; s < nSpecs; s++) {
      Spec spec = specs[s];
      int rb = entry * rowWidth + rowOffset[s];
      double n2 = r[rb];
      double nm = r[rb + 4];
      int cell = entry / strata;
      int cb = cell * plan.countWidth + spec.countOffset;
      cnt[cb] += (long) n2;
      cnt[cb + 1] += (long) nm;
      boolean numeric = spec.kind == Kind.NUMERIC || spec.kind == Kind.RATIO;
      if (n2 == 0) {
        r[rb + 4] = 0;
        continue;
      }
      // the present weight: the sum of b but for a ratio, where b = w x
      SufficientStatistics.addCompensated(st.presentWeight[g], (cell * nSpecs + s) * 2,
          spec.kind == Kind.RATIO ? r[rb + 5] : r[rb + 3]);
      int shBase = entry * 2 * nSpecs + 2 * s;
      double sb = r[rb + 1];
      double meanB2 = sh[shBase] + sb / n2;
      double mbb2 = Math.max(0, r[rb + 2] - sb * sb / n2);
      int base = entry * plan.momWidth + spec.momOffset;
      double n1 = m[base];
      double nn = n1 + n2;
      double dB = meanB2 - m[base + 1];
      double f = n1 * n2 / nn;
      m[base] = nn;
      m[base + 1] += dB * n2 / nn;
      m[base + 2] += mbb2 + dB * dB * f;
      SufficientStatistics.addCompensated(m, base + 3, r[rb + 3]);
      double shiftA = sh[shBase + 1];
      double d = sh[shBase];
      for (int k = 0; k < spec.comps; k++) {
        int rk = rb + 6 + 4 * k;
        int off = base + 5 + 5 * k;
        double meanA2;
        double maa2;
        double mab2;
        if (numeric) {
          cnt[cb + 2] += (long) n2;
          double sa = r[rk];
          meanA2 = shiftA + sa / n2;
          maa2 = Math.max(0, r[rk + 1] - sa * sa / n2);
          mab2 = r[rk + 2] - sa * sb / n2;
        } else {
          // a = [k] (b' + d) over the period's rows: with n_k rows selected, s1 and s2 the sums of
          // b' and b'^2 over them, when n_k = n they are b's own moments
          double nk = r[rk];
          double s1 = r[rk + 1];
          double s2 = r[rk + 2];
          cnt[cb + 2 + k] += (long) nk;
          if (nk == n2) {
            meanA2 = meanB2;
            maa2 = mbb2;
            mab2 = mbb2;
          } else {
            double share = nk / n2;
            meanA2 = d * share + s1 / n2;
            maa2 = Math.max(0, s2 - s1 * s1 / n2 + 2 * d * s1 * (1 - share) + d * d * nk * (1 - share));
            mab2 = s2 - s1 * sb / n2 + d * (s1 - share * sb);
          }
        }
        double dA = meanA2 - m[off];
        m[off] += dA * n2 / nn;
        m[off + 1] += maa2 + dA * dA * f;
        m[off + 2] += mab2 + dA * dB * f;
        SufficientStatistics.addCompensated(m, off + 3, r[rk + 3]);
      }
      Arrays.fill(r, rb, rb + 6 + 4 * spec.comps, 0);
    }
  }
}
