package org.iom.mtm.io.result;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.iom.mtm.indicators.result.Flag;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.iom.mtm.io.OutputFile;
import org.iom.mtm.io.ResultFormat;
import org.iom.mtm.io.csv.CsvWriter;
import org.iom.mtm.io.json.JsonInput;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;

/**
 * Writes a {@link ResultTable} in a {@link ResultFormat}. Numbers are written in full precision as
 * the shortest decimal that reads back as the same double, never locale-formatted; a null
 * statistic is an empty cell (JSON {@code null}).
 *
 * <p>The HXL hashtags, one per column of DESIGN.md's result table:
 *
 * <table>
 * <caption>HXL hashtags of the result table</caption>
 * <tr><th>column</th><th>hashtag</th></tr>
 * <tr><td>analysis_type</td><td>{@code #indicator+type}</td></tr>
 * <tr><td>analysis_var</td><td>{@code #indicator+name}</td></tr>
 * <tr><td>analysis_var_value</td><td>{@code #indicator+category}</td></tr>
 * <tr><td>group_var</td><td>{@code #group+name}</td></tr>
 * <tr><td>group_var_value</td><td>{@code #group+value}</td></tr>
 * <tr><td>stat</td><td>{@code #value+stat}</td></tr>
 * <tr><td>se</td><td>{@code #value+se}</td></tr>
 * <tr><td>stat_low, stat_upp</td><td>{@code #value+ci+low}, {@code #value+ci+upp}</td></tr>
 * <tr><td>df, deff</td><td>{@code #value+df}, {@code #value+deff}</td></tr>
 * <tr><td>n, n_total</td><td>{@code #value+n+num}, {@code #value+n+total+num}</td></tr>
 * <tr><td>n_w, n_w_total</td><td>{@code #value+n+weighted}, {@code #value+n+weighted+total}</td></tr>
 * <tr><td>flags</td><td>{@code #meta+flags}</td></tr>
 * <tr><td>analysis_key</td><td>{@code #meta+key}</td></tr>
 * </table>
 *
 * <p>{@code #indicator} names what is measured; {@code #value} carries numbers (the core HXL tag
 * for a numeric value) with attributes naming the statistic; {@code #group} is the domain
 * (by-variables), {@code #meta} bookkeeping. HXL tools filter on these, so a user can keep
 * {@code #value+stat} and {@code #value+ci} and drop the rest.
 */
public final class ResultWriter {

  /** The HXL hashtags, in {@link ResultTable#COLUMNS} order. */
  public static final List<String> HXL_TAGS =
      List.of(
          "#indicator+type", "#indicator+name", "#indicator+category", "#group+name", "#group+value",
          "#value+stat", "#value+se", "#value+ci+low", "#value+ci+upp", "#value+df", "#value+deff",
          "#value+n+num", "#value+n+total+num", "#value+n+weighted", "#value+n+weighted+total",
          "#meta+flags", "#meta+key");

  /** Columns shown by the reading formats (Markdown, text table); the files carry all. */
  private static final List<String> READING_COLUMNS =
      List.of(
          "analysis_type", "analysis_var", "analysis_var_value", "group_var", "group_var_value",
          "stat", "se", "stat_low", "stat_upp", "df", "deff", "n", "n_total", "n_w", "n_w_total", "flags");

  private ResultWriter() {}

  /**
   * The cells of a row as written, in {@link ResultTable#COLUMNS} order, numbers in shortest
   * full precision, null as empty.
   *
   * @param r the row
   * @return 17 strings
   */
  public static List<String> cells(ResultRow r) {
    List<String> c = new ArrayList<>(ResultTable.COLUMNS.size());
    c.add(r.analysisType().code());
    c.add(r.analysisVar());
    c.add(r.analysisVarValue() == null ? "" : r.analysisVarValue());
    c.add(r.groupVar());
    c.add(r.groupVarValue());
    c.add(ShortestDecimal.of(r.stat()));
    c.add(ShortestDecimal.of(r.se()));
    c.add(ShortestDecimal.of(r.statLow()));
    c.add(ShortestDecimal.of(r.statUpp()));
    c.add(ShortestDecimal.of(r.df()));
    c.add(ShortestDecimal.of(r.deff()));
    c.add(Long.toString(r.n()));
    c.add(Long.toString(r.nTotal()));
    c.add(ShortestDecimal.of(r.nW()));
    c.add(ShortestDecimal.of(r.nWTotal()));
    c.add(r.flagCodes());
    c.add(r.analysisKey());
    return c;
  }

  /**
   * Writes a table.
   *
   * @param table the table
   * @param format the format
   * @param out where to write; flushed, not closed
   * @throws UncheckedIOException when writing fails
   */
  public static void write(ResultTable table, ResultFormat format, Writer out) {
    Objects.requireNonNull(table, "table");
    switch (format) {
      case CSV -> writeCsv(table, out, false);
      case HXL -> writeCsv(table, out, true);
      case JSON -> writeJson(table, out);
      case MARKDOWN -> writeMarkdown(table, out);
      case TABLE -> writeText(table, out);
    }
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A table as text.
   *
   * @param table the table
   * @param format the format
   * @return the text
   */
  public static String toString(ResultTable table, ResultFormat format) {
    StringWriter w = new StringWriter();
    write(table, format, w);
    return w.toString();
  }

  /**
   * Writes a table to a file in UTF-8, atomically: into a temporary file beside it, then moved in
   * place, so a failure leaves no partial file (and an older file untouched).
   *
   * @param table the table
   * @param format the format
   * @param file the file
   * @throws UncheckedIOException when writing or moving fails
   */
  public static void write(ResultTable table, ResultFormat format, Path file) {
    OutputFile.write(file, w -> write(table, format, w));
  }

  private static void writeCsv(ResultTable table, Writer out, boolean hxl) {
    CsvWriter csv = CsvWriter.of(out);
    csv.writeRow(ResultTable.COLUMNS);
    if (hxl) {
      csv.writeRow(HXL_TAGS);
    }
    for (ResultRow r : table.rows()) {
      csv.writeRow(cells(r));
    }
  }

  private static void writeJson(ResultTable table, Writer out) {
    // The generator must not close the caller's writer: it is flushed, not closed.
    try (JsonGenerator g = JsonInput.mapper().createGenerator(new UnclosedWriter(out))) {
      g.writeStartObject();
      g.writeName("meta");
      g.writeStartObject();
      for (Map.Entry<String, String> e : table.meta().entrySet()) {
        g.writeName(e.getKey());
        g.writeString(e.getValue());
      }
      g.writeEndObject();
      g.writeName("rows");
      g.writeStartArray();
      for (ResultRow r : table.rows()) {
        writeJsonRow(g, r);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (JacksonException e) {
      throw new UncheckedIOException(new IOException("cannot write JSON: " + e.getOriginalMessage(), e));
    }
    try {
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeJsonRow(JsonGenerator g, ResultRow r) {
    g.writeStartObject();
    g.writeName("analysis_type");
    g.writeString(r.analysisType().code());
    g.writeName("analysis_var");
    g.writeString(r.analysisVar());
    g.writeName("analysis_var_value");
    stringOrNull(g, r.analysisVarValue());
    g.writeName("group_var");
    g.writeString(r.groupVar());
    g.writeName("group_var_value");
    g.writeString(r.groupVarValue());
    numberOrNull(g, "stat", r.stat());
    numberOrNull(g, "se", r.se());
    numberOrNull(g, "stat_low", r.statLow());
    numberOrNull(g, "stat_upp", r.statUpp());
    numberOrNull(g, "df", r.df());
    numberOrNull(g, "deff", r.deff());
    g.writeName("n");
    g.writeNumber(r.n());
    g.writeName("n_total");
    g.writeNumber(r.nTotal());
    numberOrNull(g, "n_w", r.nW());
    numberOrNull(g, "n_w_total", r.nWTotal());
    g.writeName("flags");
    g.writeString(r.flagCodes());
    g.writeName("analysis_key");
    g.writeString(r.analysisKey());
    g.writeEndObject();
  }

  private static void stringOrNull(JsonGenerator g, @Nullable String s) {
    if (s == null) {
      g.writeNull();
    } else {
      g.writeString(s);
    }
  }

  private static void numberOrNull(JsonGenerator g, String name, @Nullable Double v) {
    g.writeName(name);
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(ShortestDecimal.of(v.doubleValue()));
    }
  }

  /** Only the reading columns that hold something in some row, so tables stay narrow. */
  /**
   * The cells of every row, formatted once: a column shown is one with a cell in any row, and
   * formatting the rows again for each column took a twentieth of a short {@code mtm estimate}.
   */
  private static List<List<String>> allCells(ResultTable table) {
    List<List<String>> all = new ArrayList<>(table.size());
    for (ResultRow r : table.rows()) {
      all.add(cells(r));
    }
    return all;
  }

  private static List<Integer> shownColumns(List<List<String>> rows) {
    List<Integer> shown = new ArrayList<>();
    for (String name : READING_COLUMNS) {
      int i = ResultTable.COLUMNS.indexOf(name);
      boolean always = name.equals("analysis_type") || name.equals("analysis_var") || name.equals("stat")
          || name.equals("n") || name.equals("n_total");
      boolean any = always;
      for (List<String> c : rows) {
        if (any) {
          break;
        }
        any = !c.get(i).isEmpty();
      }
      if (any) {
        shown.add(i);
      }
    }
    return shown;
  }

  private static boolean numeric(int column) {
    return column >= 5 && column <= 14;
  }

  private static void writeMarkdown(ResultTable table, Writer out) {
    List<List<String>> all = allCells(table);
    List<Integer> shown = shownColumns(all);
    int flagsColumn = ResultTable.COLUMNS.indexOf("flags");
    Set<Flag> used = EnumSet.noneOf(Flag.class);
    StringBuilder sb = new StringBuilder();
    sb.append('|');
    for (int i : shown) {
      sb.append(' ').append(ResultTable.COLUMNS.get(i)).append(" |");
    }
    sb.append("\n|");
    for (int i : shown) {
      sb.append(numeric(i) ? " ---: |" : " --- |");
    }
    sb.append('\n');
    for (int row = 0; row < table.size(); row++) {
      ResultRow r = table.rows().get(row);
      List<String> c = all.get(row);
      sb.append('|');
      for (int i : shown) {
        String cell;
        if (i == flagsColumn) {
          StringBuilder refs = new StringBuilder();
          for (Flag f : EnumSet.copyOf(r.flags().isEmpty() ? EnumSet.noneOf(Flag.class) : r.flags())) {
            used.add(f);
            refs.append("[^").append(f.code()).append(']');
          }
          cell = refs.toString();
        } else {
          cell = markdownEscape(c.get(i));
        }
        sb.append(' ').append(cell).append(" |");
      }
      sb.append('\n');
    }
    if (!used.isEmpty()) {
      sb.append('\n');
      for (Flag f : used) {
        sb.append("[^").append(f.code()).append("]: `").append(f.code()).append("`: ")
            .append(FlagText.of(f)).append('\n');
      }
    }
    try {
      out.write(sb.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String markdownEscape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '|' -> sb.append("\\|");
        case '\\' -> sb.append("\\\\");
        case '*', '_', '`', '[', ']', '<', '>' -> sb.append('\\').append(ch);
        case '\n', '\r' -> sb.append(' ');
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }

  private static void writeText(ResultTable table, Writer out) {
    List<List<String>> all = allCells(table);
    List<Integer> shown = shownColumns(all);
    List<List<String>> body = new ArrayList<>();
    for (List<String> c : all) {
      List<String> line = new ArrayList<>(shown.size());
      for (int i : shown) {
        line.add(c.get(i).replace('\n', ' ').replace('\r', ' '));
      }
      body.add(line);
    }
    int[] width = new int[shown.size()];
    for (int k = 0; k < width.length; k++) {
      width[k] = ResultTable.COLUMNS.get(shown.get(k)).length();
      for (List<String> b : body) {
        width[k] = Math.max(width[k], b.get(k).codePointCount(0, b.get(k).length()));
      }
    }
    StringBuilder sb = new StringBuilder();
    List<String> header = new ArrayList<>();
    for (int i : shown) {
      header.add(ResultTable.COLUMNS.get(i));
    }
    textLine(sb, header, shown, width);
    for (List<String> b : body) {
      textLine(sb, b, shown, width);
    }
    sb.append('(').append(table.size()).append(table.size() == 1 ? " row)" : " rows)").append('\n');
    try {
      out.write(sb.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void textLine(StringBuilder sb, List<String> cells, List<Integer> shown, int[] width) {
    int start = sb.length();
    for (int k = 0; k < cells.size(); k++) {
      String c = cells.get(k);
      int pad = width[k] - c.codePointCount(0, c.length());
      if (k > 0) {
        sb.append("  ");
      }
      if (numeric(shown.get(k))) {
        sb.append(" ".repeat(pad)).append(c);
      } else {
        sb.append(c).append(" ".repeat(pad));
      }
    }
    // No trailing blanks: they upset diffs and terminals.
    int end = sb.length();
    while (end > start && sb.charAt(end - 1) == ' ') {
      end--;
    }
    sb.setLength(end);
    sb.append('\n');
  }

  /** A writer whose close only flushes, for libraries that close what they are given. */
  private static final class UnclosedWriter extends java.io.FilterWriter {
    UnclosedWriter(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
