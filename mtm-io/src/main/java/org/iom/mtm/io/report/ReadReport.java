package org.iom.mtm.io.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.iom.mtm.io.ReadProblem;
import org.jspecify.annotations.Nullable;

/**
 * What a reader did with a file: how many rows it read and used, and every problem it met, each
 * with file, line, column, value and reason. Immutable.
 *
 * <p>An {@link Severity#ERROR} is data that does not fit (a rejected row, a value that is not a
 * number or not a choice, a failed constraint, a required answer missing): its cell is set to
 * "missing" or its row left out, and said so here. A {@link Severity#WARNING} is something the
 * user should know that changes no value (a column the form does not have, a skip-logic
 * expression outside the evaluated subset).
 *
 * <p>Every problem is counted; the first {@value #MAX_LISTED} are kept in full, so that a file
 * with the same mistake on a million rows still yields a readable report and bounded memory. The
 * counts by kind ({@link #counts()}) cover all of them.
 */
public final class ReadReport {
  /** Problems kept in full; beyond, only counted. */
  public static final int MAX_LISTED = 10_000;

  /** How serious a problem is. */
  public enum Severity {
    /** Data that do not fit: a cell set to missing, a row left out. */
    ERROR,
    /** Worth knowing; no value changed. */
    WARNING
  }

  /**
   * One problem and its severity.
   *
   * @param severity error or warning
   * @param problem what and where
   */
  public record Entry(Severity severity, ReadProblem problem) {
    /**
     * Validates.
     *
     * @throws NullPointerException when a part is null
     */
    public Entry {
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
      return severity.name().toLowerCase(Locale.ROOT) + ": " + problem.message();
    }
  }

  /**
   * The number of problems of one kind: severity, column and reason.
   *
   * @param severity error or warning
   * @param column the column name, or null for problems of whole rows or files
   * @param reason the reason
   * @param count how many
   */
  public record Count(Severity severity, @Nullable String column, String reason, long count) {}

  private final String file;
  private final String format;
  private final long rowsRead;
  private final long rowsUsed;
  private final List<Entry> entries;
  private final List<Count> counts;
  private final long errors;
  private final long warnings;
  private final Map<String, String> facts;

  private ReadReport(Builder b) {
    this.file = b.file;
    this.format = b.format;
    this.rowsRead = b.rowsRead;
    this.rowsUsed = b.rowsUsed;
    // In file order, so that the report reads like the file; problems of the whole file first.
    List<Entry> sorted = new ArrayList<>(b.entries);
    sorted.sort(java.util.Comparator.comparing((Entry e) -> e.problem().file())
        .thenComparingLong(e -> e.problem().line())
        .thenComparingInt(e -> e.problem().column()));
    this.entries = List.copyOf(sorted);
    List<Count> c = new ArrayList<>();
    for (Map.Entry<Key, long[]> e : b.counts.entrySet()) {
      c.add(new Count(e.getKey().severity, e.getKey().column, e.getKey().reason, e.getValue()[0]));
    }
    this.counts = List.copyOf(c);
    this.errors = b.errors;
    this.warnings = b.warnings;
    this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(b.facts));
  }

  /**
   * Starts a report.
   *
   * @param file the file name
   * @param format what was read ({@code KoBo CSV}, ...)
   * @return a builder
   */
  public static Builder builder(String file, String format) {
    return new Builder(file, format);
  }

  /**
   * A builder holding this report's counts, facts and problems, to add more (checks made after
   * the read, such as eligibility).
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(file, format);
    b.rowsRead(rowsRead).rowsUsed(rowsUsed);
    facts.forEach(b::fact);
    // Counts cover problems beyond the listed ones: copy them as they are, then the list.
    for (Count c : counts) {
      b.counts.put(new Key(c.severity(), c.column(), c.reason()), new long[] {c.count()});
    }
    b.errors = errors;
    b.warnings = warnings;
    b.entries.addAll(entries);
    return b;
  }

  /**
   * The file name.
   *
   * @return the name
   */
  public String file() {
    return file;
  }

  /**
   * What was read.
   *
   * @return the format's description
   */
  public String format() {
    return format;
  }

  /**
   * Data rows read (not counting the header or a hashtag row).
   *
   * @return the count
   */
  public long rowsRead() {
    return rowsRead;
  }

  /**
   * Rows kept in the data.
   *
   * @return the count; {@code rowsRead - rowsUsed} rows were rejected, each listed as an error
   */
  public long rowsUsed() {
    return rowsUsed;
  }

  /**
   * The problems kept in full (the first {@value #MAX_LISTED} met), in file order: by file, line
   * and column.
   *
   * @return an immutable list
   */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The errors kept in full.
   *
   * @return an immutable list
   */
  public List<ReadProblem> errors() {
    return entries.stream().filter(e -> e.severity() == Severity.ERROR).map(Entry::problem).toList();
  }

  /**
   * The warnings kept in full.
   *
   * @return an immutable list
   */
  public List<ReadProblem> warnings() {
    return entries.stream().filter(e -> e.severity() == Severity.WARNING).map(Entry::problem).toList();
  }

  /**
   * The number of errors, listed or not.
   *
   * @return the count
   */
  public long errorCount() {
    return errors;
  }

  /**
   * The number of warnings, listed or not.
   *
   * @return the count
   */
  public long warningCount() {
    return warnings;
  }

  /**
   * The problems counted by severity, column and reason, in the order first met.
   *
   * @return an immutable list
   */
  public List<Count> counts() {
    return counts;
  }

  /**
   * Facts about the read (encoding, delimiter, form, columns), in the order recorded.
   *
   * @return an immutable map
   */
  public Map<String, String> facts() {
    return facts;
  }

  /**
   * Whether the data fit: no error at all.
   *
   * @return true without errors
   */
  public boolean ok() {
    return errors == 0;
  }

  /**
   * The report for people: a summary, the counts by kind, then every listed problem on its own
   * line as {@code error: FILE:LINE:COLUMN: ...}.
   *
   * @return the text, ending with a line break
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("file: ").append(file).append('\n');
    sb.append("format: ").append(format).append('\n');
    for (Map.Entry<String, String> f : facts.entrySet()) {
      sb.append(f.getKey()).append(": ").append(f.getValue()).append('\n');
    }
    sb.append("rows read: ").append(rowsRead).append('\n');
    sb.append("rows used: ").append(rowsUsed).append('\n');
    sb.append("errors: ").append(errors).append('\n');
    sb.append("warnings: ").append(warnings).append('\n');
    if (!counts.isEmpty()) {
      sb.append("problems by kind:\n");
      for (Count c : counts) {
        sb.append(String.format(Locale.ROOT, "  %8d  %-7s  %s%s%n", c.count(),
            c.severity().name().toLowerCase(Locale.ROOT),
            c.column() == null ? "" : "column '" + c.column() + "': ", c.reason()));
      }
    }
    for (Entry e : entries) {
      sb.append(e).append('\n');
    }
    long unlisted = errors + warnings - entries.size();
    if (unlisted > 0) {
      sb.append("(").append(unlisted).append(" more problems counted above but not listed)\n");
    }
    return sb.toString();
  }

  /**
   * The report for programs: {@code {"file", "format", "facts", "rows_read", "rows_used",
   * "errors", "warnings", "counts": [...], "problems": [{"severity", "file", "line", "column",
   * "column_name", "value", "reason", "message"}]}}.
   *
   * @return the JSON text, ending with a line break
   */
  public String toJson() {
    java.io.StringWriter w = new java.io.StringWriter();
    try (tools.jackson.core.JsonGenerator g = org.iom.mtm.io.json.JsonInput.mapper().createGenerator(w)) {
      g.writeStartObject();
      g.writeStringProperty("file", file);
      g.writeStringProperty("format", format);
      g.writeName("facts");
      g.writeStartObject();
      for (Map.Entry<String, String> f : facts.entrySet()) {
        g.writeStringProperty(f.getKey(), f.getValue());
      }
      g.writeEndObject();
      g.writeNumberProperty("rows_read", rowsRead);
      g.writeNumberProperty("rows_used", rowsUsed);
      g.writeNumberProperty("errors", errors);
      g.writeNumberProperty("warnings", warnings);
      g.writeBooleanProperty("ok", ok());
      g.writeName("counts");
      g.writeStartArray();
      for (Count c : counts) {
        g.writeStartObject();
        g.writeStringProperty("severity", c.severity().name().toLowerCase(Locale.ROOT));
        g.writeStringProperty("column_name", c.column());
        g.writeStringProperty("reason", c.reason());
        g.writeNumberProperty("count", c.count());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("problems");
      g.writeStartArray();
      for (Entry e : entries) {
        ReadProblem p = e.problem();
        g.writeStartObject();
        g.writeStringProperty("severity", e.severity().name().toLowerCase(Locale.ROOT));
        g.writeStringProperty("file", p.file());
        g.writeNumberProperty("line", p.line());
        g.writeNumberProperty("column", p.column());
        g.writeStringProperty("column_name", p.columnName());
        g.writeStringProperty("value", p.value());
        g.writeStringProperty("reason", p.reason());
        g.writeStringProperty("message", p.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return w + "\n";
  }

  @Override
  public String toString() {
    return "ReadReport[" + file + ": " + rowsRead + " rows read, " + rowsUsed + " used, " + errors
        + " errors, " + warnings + " warnings]";
  }

  private record Key(Severity severity, @Nullable String column, String reason) {}

  /** Collects a {@link ReadReport}. */
  public static final class Builder {
    private final String file;
    private final String format;
    private long rowsRead;
    private long rowsUsed;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<Key, long[]> counts = new LinkedHashMap<>();
    private long errors;
    private long warnings;
    private final Map<String, String> facts = new LinkedHashMap<>();

    private Builder(String file, String format) {
      this.file = Objects.requireNonNull(file, "file");
      this.format = Objects.requireNonNull(format, "format");
    }

    /**
     * Counts rows read.
     *
     * @param n how many more
     * @return this builder
     */
    public Builder rowsRead(long n) {
      rowsRead += n;
      return this;
    }

    /**
     * Counts rows used.
     *
     * @param n how many more
     * @return this builder
     */
    public Builder rowsUsed(long n) {
      rowsUsed += n;
      return this;
    }

    /**
     * Records an error.
     *
     * @param p the problem
     * @return this builder
     */
    public Builder error(ReadProblem p) {
      return add(Severity.ERROR, p);
    }

    /**
     * Records a warning.
     *
     * @param p the problem
     * @return this builder
     */
    public Builder warning(ReadProblem p) {
      return add(Severity.WARNING, p);
    }

    /**
     * Records a problem.
     *
     * @param s the severity
     * @param p the problem
     * @return this builder
     */
    public Builder add(Severity s, ReadProblem p) {
      if (s == Severity.ERROR) {
        errors++;
      } else {
        warnings++;
      }
      counts.computeIfAbsent(new Key(s, p.columnName(), p.reason()), k -> new long[1])[0]++;
      if (entries.size() < MAX_LISTED) {
        entries.add(new Entry(s, p));
      }
      return this;
    }

    /**
     * Records a fact about the read.
     *
     * @param key what ({@code encoding})
     * @param value its value
     * @return this builder
     */
    public Builder fact(String key, String value) {
      facts.put(key, value);
      return this;
    }

    /**
     * The errors so far.
     *
     * @return the count
     */
    public long errorCount() {
      return errors;
    }

    /**
     * Builds the report.
     *
     * @return the report
     */
    public ReadReport build() {
      return new ReadReport(this);
    }
  }
}
