package org.iom.mtm.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.testkit.WideSurvey;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.info.GraphPathRecord;

/**
 * The retained heap of survey data, measured exactly with JOL (every object reachable from the
 * data, each counted once), for issue 8's memory target: 1M respondents x 100 questions in at most
 * 300 MB. Run as a main on the {@link WideSurvey} of 100 questions:
 *
 * <pre>
 * java -Djdk.attach.allowAttachSelf=true -Xmx2g -cp mtm-benchmarks/target/benchmarks.jar \
 *     org.iom.mtm.benchmarks.MemoryFootprint [rows, default 1000000]
 * </pre>
 *
 * <p>It prints the rows, questions, total bytes, bytes per cell, and the bytes by column kind. The
 * parts add up to the total exactly: an object shared by several columns counts in the first
 * column that reaches it, and the data frame's own objects (the {@link SurveyData}, its map)
 * count apart.
 */
public final class MemoryFootprint {
  /** The seed of the measured survey. */
  public static final long SEED = 20_261_126L;

  /**
   * The retained bytes of one column.
   *
   * @param name the column's name
   * @param kind its kind: {@code numeric}, {@code select_one}, {@code select_multiple} or {@code text}
   * @param bytes the bytes of the objects it reaches first
   */
  public record Part(String name, String kind, long bytes) {}

  /**
   * A measurement.
   *
   * @param rows the rows
   * @param questions the columns
   * @param totalBytes every byte reachable from the data
   * @param frameBytes the bytes of the data frame's own objects, not reached through a column
   * @param columns each column's bytes, in column order
   */
  public record Footprint(int rows, int questions, long totalBytes, long frameBytes, List<Part> columns) {
    /**
     * Validates and copies.
     */
    public Footprint {
      columns = List.copyOf(columns);
    }

    /**
     * Bytes per cell.
     *
     * @return {@code totalBytes / (rows * questions)}, or 0 for no cells
     */
    public double bytesPerCell() {
      long cells = (long) rows * questions;
      return cells == 0 ? 0 : (double) totalBytes / cells;
    }

    /**
     * The bytes and the number of columns by kind, in order of first appearance.
     *
     * @return kind to {@code {columns, bytes}}
     */
    public Map<String, long[]> byKind() {
      Map<String, long[]> m = new LinkedHashMap<>();
      for (Part p : columns) {
        long[] a = m.computeIfAbsent(p.kind(), k -> new long[2]);
        a[0]++;
        a[1] += p.bytes();
      }
      return m;
    }
  }

  private MemoryFootprint() {}

  /**
   * Measures the data's retained heap.
   *
   * @param data the data
   * @return the measurement
   */
  public static Footprint measure(SurveyData data) {
    List<Column> columns = data.columns();
    long total = GraphLayout.parseInstance(data).totalSize();
    // One walk with every column as a root: JOL names each object's path from the root that
    // reached it ("<r3>.bytes" for the third column), so each object counts once.
    GraphLayout layout = GraphLayout.parseInstance(columns.toArray());
    long[] bytes = new long[columns.size()];
    for (long address : layout.addresses()) {
      GraphPathRecord r = layout.record(address);
      // With a single root JOL writes paths without the root's name.
      bytes[columns.size() == 1 ? 0 : root(r.path()) - 1] += r.size();
    }
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      parts.add(new Part(columns.get(i).name(), kind(columns.get(i)), bytes[i]));
    }
    return new Footprint(data.rowCount(), columns.size(), total, total - layout.totalSize(), parts);
  }

  /** The 1-based root index of a JOL path such as {@code <r12>.levels}. */
  private static int root(String path) {
    if (!path.startsWith("<r")) {
      throw new IllegalStateException("JOL path without a root: " + path);
    }
    return Integer.parseInt(path.substring(2, path.indexOf('>')));
  }

  private static String kind(Column c) {
    if (c instanceof NumericColumn) {
      return "numeric";
    }
    if (c instanceof CategoricalColumn) {
      return "select_one";
    }
    if (c instanceof MultiSelectColumn) {
      return "select_multiple";
    }
    return "text";
  }

  /**
   * Prints the measurement of the {@link WideSurvey}.
   *
   * @param args optionally the number of rows (default 1,000,000)
   */
  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    SurveyData data = WideSurvey.generate(rows, SEED);
    Footprint f = measure(data);
    System.out.println(report(f));
  }

  /**
   * The printed report.
   *
   * @param f a measurement
   * @return lines of text
   */
  public static String report(Footprint f) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "WideSurvey seed %d: %,d rows x %d questions (java %s)%n",
        SEED, f.rows(), f.questions(), System.getProperty("java.version")));
    sb.append(String.format(Locale.ROOT, "retained heap: %,d bytes (%.1f MB, %.1f MiB), %.3f bytes per cell%n",
        f.totalBytes(), f.totalBytes() / 1e6, f.totalBytes() / 1048576.0, f.bytesPerCell()));
    sb.append(String.format(Locale.ROOT, "%-16s %8s %16s %10s%n", "kind", "columns", "bytes", "per cell"));
    for (Map.Entry<String, long[]> e : f.byKind().entrySet()) {
      long[] a = e.getValue();
      sb.append(String.format(Locale.ROOT, "%-16s %8d %,16d %10.3f%n", e.getKey(), a[0], a[1],
          f.rows() == 0 ? 0.0 : (double) a[1] / (a[0] * (double) f.rows())));
    }
    sb.append(String.format(Locale.ROOT, "%-16s %8s %,16d%n", "data frame", "", f.frameBytes()));
    return sb.toString();
  }
}
