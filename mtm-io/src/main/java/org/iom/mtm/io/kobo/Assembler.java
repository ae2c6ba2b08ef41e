package org.iom.mtm.io.kobo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.data.TextColumn;
import org.iom.mtm.core.form.ChoiceList;
import org.iom.mtm.core.form.Question;
import org.iom.mtm.core.form.QuestionType;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.io.ReadProblem;
import org.iom.mtm.io.report.ReadReport;
import org.iom.mtm.io.xlsform.FormExpression;
import org.jspecify.annotations.Nullable;

/**
 * Turns rows of raw strings (from CSV, XLSX or JSON) into typed columns. Rows are buffered per
 * source column, dictionary-coded; at the end each column's type is settled (from the form, or
 * inferred), each distinct value parsed once, skip logic evaluated per row, and every cell that
 * does not fit reported with its line and column.
 */
final class Assembler {
  /** Missing-value markers of KoBo, R, pandas and Excel exports; a valid choice code wins. */
  private static final Set<String> MISSING_MARKERS =
      Set.of("NA", "N/A", "n/a", "NULL", "null", "NaT", "NaN", "nan", "Not available", "not available", "#N/A");

  private static final Set<String> METADATA_PREFIXES = Set.of("meta/", "formhub/", "_", "__");
  private static final Set<String> METADATA_NAMES =
      Set.of("start", "end", "today", "deviceid", "username", "simserial", "subscriberid", "phonenumber",
          "audit", "instanceID", "uuid", "x_uuid", "X_uuid");

  // Per-cell kinds after parsing, before skip logic.
  private static final byte EMPTY = 0;
  private static final byte ANSWERED = 1;
  private static final byte DONT_KNOW = 2;
  private static final byte REFUSED = 3;
  private static final byte BAD = 4;

  private enum Kind {
    NUMERIC,
    CATEGORICAL,
    MULTI,
    TEXT,
    INFER
  }

  private final String file;
  private final KoboOptions options;
  private final @Nullable Questionnaire form;
  private final List<String> header;
  private final int[] columnNumbers;
  private final ColumnBuffer[] buffers;
  private final ReadReport.Builder report;
  private long[] lines = new long[64];
  private final Map<Integer, long[]> cellLines = new HashMap<>();
  /** The source columns kept by the projection; null when every column is read. */
  private final boolean @Nullable [] keep;
  private int rows;
  private final Map<String, String> hashtags = new LinkedHashMap<>();
  private @Nullable String scope;
  /** Bit set of the ASCII characters (both cases) that special-answer codes start with. */
  private final long[] specialFirst = new long[2];
  /** Whether the fields are parsed and built one after the other (the reference tests compare). */
  private boolean oneThread;

  /**
   * An assembler.
   *
   * @param file the name for messages
   * @param header the source column names
   * @param columnNumbers the column number to print for each source column (0 when there is none,
   *     as in JSON)
   * @param options how to read
   * @param report where problems go
   */
  Assembler(String file, List<String> header, int[] columnNumbers, KoboOptions options, ReadReport.Builder report) {
    this.file = file;
    this.header = List.copyOf(header);
    this.columnNumbers = columnNumbers.clone();
    this.options = options;
    this.form = options.form();
    this.report = report;
    for (String code : options.specialAnswers().codes().keySet()) {
      char f = code.charAt(0);
      for (char x : new char[] {Character.toLowerCase(f), Character.toUpperCase(f)}) {
        if (x < 128) {
          specialFirst[x >>> 6] |= 1L << (x & 63);
        } else {
          // A code starting beyond ASCII: let every non-ASCII start through to the lookup.
          java.util.Arrays.fill(specialFirst, -1L);
        }
      }
    }
    this.buffers = new ColumnBuffer[header.size()];
    for (int i = 0; i < buffers.length; i++) {
      buffers[i] = new ColumnBuffer();
    }
    Set<String> columns = options.columns();
    this.keep = columns == null ? null : sourcesOf(columns);
  }

  /**
   * The source columns a projection needs: with a form, those of the requested fields and of the
   * fields their skip logic (and, when validating, their constraints) refer to, planned exactly as
   * {@link #finish} plans; without one, the requested columns and every column that could join
   * them in a group of split columns, whose values decide whether the group is a select_multiple.
   */
  private boolean[] sourcesOf(Set<String> columns) {
    String[] names = names(ReadReport.builder(file, "projection"));
    boolean[] k = new boolean[names.length];
    if (form != null) {
      for (Field f : needed(planWithForm(form, names, ReadReport.builder(file, "projection")), columns)) {
        if (f.main >= 0) {
          k[f.main] = true;
        }
        for (int s : f.splits.values()) {
          k[s] = true;
        }
      }
      return k;
    }
    Set<String> groups = new HashSet<>();
    for (String n : names) {
      if (columns.contains(n)) {
        String g = groupOf(n);
        if (g != null) {
          groups.add(g);
        }
      }
    }
    for (int i = 0; i < names.length; i++) {
      String g = groupOf(names[i]);
      k[i] = columns.contains(names[i])
          || g != null && (groups.contains(g) || columns.contains(g.substring(0, g.length() - 1)));
    }
    return k;
  }

  /** The candidate group of split columns a name belongs to, as {@link #planWithoutForm} forms them. */
  private static @Nullable String groupOf(String h) {
    for (char sep : new char[] {'/', '.'}) {
      int k = h.lastIndexOf(sep);
      if (k > 0 && k < h.length() - 1) {
        return h.substring(0, k) + sep;
      }
    }
    return null;
  }

  /**
   * The fields to convert: those named, and transitively those their skip logic (and constraints,
   * when validating) refer to. An expression that does not parse refers to nothing here; it is
   * reported when its field is converted.
   */
  private Set<Field> needed(List<Field> fields, Set<String> columns) {
    Map<String, Field> byQuestion = new HashMap<>();
    for (Field f : fields) {
      if (f.question != null) {
        byQuestion.put(f.question.name(), f);
      }
    }
    Set<Field> needed = new LinkedHashSet<>();
    List<Field> todo = new ArrayList<>();
    for (Field f : fields) {
      if (columns.contains(f.name) && needed.add(f)) {
        todo.add(f);
      }
    }
    while (!todo.isEmpty()) {
      Field f = todo.remove(todo.size() - 1);
      Question q = f.question;
      if (q == null || form == null) {
        continue;
      }
      List<String> texts = new ArrayList<>(form.relevance(q));
      if (options.validate() && q.constraint() != null) {
        texts.add(q.constraint());
      }
      for (String text : texts) {
        try {
          for (String ref : FormExpression.parse(text).references()) {
            Field r = byQuestion.get(ref);
            if (r != null && needed.add(r)) {
              todo.add(r);
            }
          }
        } catch (FormExpression.ExpressionException e) {
          // Reported, as in a full read, when the field is converted.
        }
      }
    }
    return needed;
  }

  /**
   * Whether a source column is read (every column unless the options project).
   *
   * @param source the 0-based source column
   * @return true when its cells are kept
   */
  boolean keeps(int source) {
    return keep == null || keep[source];
  }

  /**
   * The buffer of a source column, for readers that add cells themselves (then call {@link
   * #endRow}).
   */
  ColumnBuffer buffer(int source) {
    return buffers[source];
  }

  /**
   * Ends a row whose kept cells were added straight to the {@link #buffer buffers}.
   *
   * @param line the row's line
   * @param perCellLines each cell's line when they differ from {@code line}, else null
   */
  void endRow(long line, long @Nullable [] perCellLines) {
    if (rows == lines.length) {
      lines = Arrays.copyOf(lines, rows * 2);
    }
    lines[rows] = line;
    if (perCellLines != null) {
      cellLines.put(rows, perCellLines);
    }
    rows++;
  }

  /**
   * Says which repeat this table holds (null for the main table), so that only that repeat's
   * questions are expected as columns.
   */
  void scope(@Nullable String repeat) {
    this.scope = repeat;
  }

  /** Records the HXL hashtags found under the header. */
  void hashtags(List<String> tags) {
    for (int i = 0; i < Math.min(tags.size(), header.size()); i++) {
      if (!tags.get(i).isBlank()) {
        hashtags.put(header.get(i).strip(), tags.get(i).strip());
      }
    }
  }

  /**
   * Adds a row.
   *
   * @param cells the cells by source column; null where the source has no cell
   * @param line the row's line
   * @param perCellLines each cell's line when they differ from {@code line}, else null
   */
  void add(@Nullable String[] cells, long line, long @Nullable [] perCellLines) {
    for (int c = 0; c < buffers.length; c++) {
      if (keep == null || keep[c]) {
        buffers[c].add(c < cells.length ? cells[c] : null);
      }
    }
    endRow(line, perCellLines);
  }

  private ReadProblem at(int row, int source, @Nullable String value, String reason, String column) {
    long[] per = cellLines.get(row);
    long line = per != null && source < per.length ? per[source] : lines[row];
    return new ReadProblem(file, line, source < 0 ? 0 : columnNumbers[source], column, value, reason);
  }

  // ------------------------------------------------------------------ plan

  /** One output column and where its cells come from. */
  private static final class Field {
    final String name;
    Kind kind;
    final @Nullable Question question;
    int main = -1;
    final LinkedHashMap<String, Integer> splits = new LinkedHashMap<>();
    /**
     * The problems its parsing found (true for a warning), reported once every field is parsed:
     * fields are parsed side by side, their problems reported in the order of the fields.
     */
    final List<Map.Entry<ReadProblem, Boolean>> problems = new ArrayList<>();
    /** The column built, until the columns are listed. */
    @Nullable Column column;
    List<String> levels = List.of();
    boolean integer;
    // Stage A: per row kind and value.
    byte[] kinds = new byte[0];
    double[] numbers = new double[0];
    int[] codes = new int[0];
    int[][] selections = new int[0][];
    String[] texts = new String[0];
    // Stage B: per row final state.
    AnswerState[] states = new AnswerState[0];
    boolean relevanceKnown = true;
    byte @Nullable [] relevant;
    /** Ids of the row values as the form's expressions see them, once computed. */
    long @Nullable [] valueIds;

    Field(String name, Kind kind, @Nullable Question question) {
      this.name = name;
      this.kind = kind;
      this.question = question;
    }

    int firstSource() {
      return main >= 0 ? main : splits.values().iterator().next();
    }

    /** Keeps a problem its parsing found, an error or (true) a warning. */
    void found(ReadProblem p, boolean warning) {
      problems.add(Map.entry(p, warning));
    }
  }

  private @Nullable Question find(String nameOrPath) {
    if (form == null || nameOrPath.isEmpty()) {
      return null;
    }
    try {
      Question q = form.find(nameOrPath).orElse(null);
      if (q != null) {
        return q;
      }
    } catch (IllegalArgumentException ambiguous) {
      return null;
    }
    // R and pandas clean names to lower case (FCS_ranking -> fcs_ranking): match ignoring case
    // when exactly one question fits.
    Question match = null;
    for (Question q : form.questions()) {
      if (q.name().equalsIgnoreCase(nameOrPath) || q.path().equalsIgnoreCase(nameOrPath)) {
        if (match != null && match != q) {
          return null;
        }
        match = q;
      }
    }
    return match;
  }

  private String fieldName(Question q) {
    Questionnaire f = form;
    try {
      return f != null && f.find(q.name()).orElse(null) == q ? q.name() : q.path();
    } catch (IllegalArgumentException ambiguous) {
      return q.path();
    }
  }

  private List<Field> planWithForm(Questionnaire f, String[] names, ReadReport.Builder sink) {
    Map<String, Field> byPath = new LinkedHashMap<>();
    List<Field> order = new ArrayList<>();
    Map<String, Question> byLabel = new HashMap<>();
    for (Question q : f.questions()) {
      if (!q.label().isEmpty()) {
        byLabel.putIfAbsent(q.label().text().strip().toLowerCase(Locale.ROOT), q);
        for (String lang : q.label().languages()) {
          byLabel.putIfAbsent(q.label().text(lang).strip().toLowerCase(Locale.ROOT), q);
        }
      }
    }
    for (int i = 0; i < names.length; i++) {
      String h = names[i];
      Question q = find(h);
      String option = null;
      boolean otherText = false;
      if (q == null || !q.type().holdsData()) {
        q = null;
        // A split column q/option (KoBo), q.option (R) or q:option.
        for (int k = h.length() - 1; k > 0 && q == null; k--) {
          char c = h.charAt(k);
          if (c != '/' && c != '.' && c != ':') {
            continue;
          }
          Question p = find(h.substring(0, k));
          if (p == null && h.substring(0, k).contains("/")) {
            String prefix = h.substring(0, k);
            p = find(prefix.substring(prefix.lastIndexOf('/') + 1));
          }
          if (p != null && p.type() == QuestionType.SELECT_MULTIPLE) {
            String opt = h.substring(k + 1);
            ChoiceList list = f.choiceList(p.listName() == null ? "" : p.listName());
            String code = list.contains(opt) ? opt
                : list.findByLabel(opt).map(org.iom.mtm.core.form.Choice::name).orElse(null);
            if (code == null && p.orOther() && opt.equals("other")) {
              code = "other";
            }
            if (code != null) {
              q = p;
              option = code;
            }
          }
        }
      }
      if (q == null && h.endsWith("_other")) {
        Question base = find(h.substring(0, h.length() - "_other".length()));
        if (base != null && base.orOther()) {
          otherText = true;
        }
      }
      if (q == null && !otherText && h.contains("/")) {
        Question last = find(h.substring(h.lastIndexOf('/') + 1));
        if (last != null && last.type().holdsData()) {
          q = last;
        }
      }
      if (q == null && !otherText) {
        q = byLabel.get(h.strip().toLowerCase(Locale.ROOT));
      }
      if (q == null) {
        Field extra = new Field(h, otherText ? Kind.TEXT : Kind.INFER, null);
        extra.main = i;
        if (!otherText && !isMetadata(h)) {
          sink.warning(new ReadProblem(file, 1, columnNumbers[i], h, null,
              "column not in the form; its type is inferred from the values"));
        }
        order.add(extra);
        continue;
      }
      Field fd = byPath.get(q.path());
      if (fd == null) {
        fd = new Field(fieldName(q), kindOf(q), q);
        fd.integer = q.type() == QuestionType.INTEGER;
        if (fd.kind == Kind.CATEGORICAL || fd.kind == Kind.MULTI) {
          if (q.type().needsChoiceList() && q.listName() != null) {
            List<String> levels = new ArrayList<>(f.choiceList(q.listName()).names());
            if (q.orOther() && !levels.contains("other")) {
              levels.add("other");
            }
            fd.levels = List.copyOf(levels);
          }
        }
        byPath.put(q.path(), fd);
        order.add(fd);
      }
      if (option != null) {
        if (fd.splits.putIfAbsent(option, i) != null) {
          sink.warning(new ReadProblem(file, 1, columnNumbers[i], h, null,
              "a second column for option '" + option + "' of '" + fd.name + "'; ignored"));
        }
      } else if (fd.main < 0) {
        fd.main = i;
      } else {
        sink.warning(new ReadProblem(file, 1, columnNumbers[i], h, null,
            "a second column for question '" + fd.name + "'; ignored"));
      }
    }
    for (Question q : f.questions()) {
      if (q.type().holdsData() && !q.type().isMetadata() && java.util.Objects.equals(q.repeat(), scope)
          && !byPath.containsKey(q.path())) {
        sink.warning(new ReadProblem(file, 1, 0, fieldName(q), null, "question of the form has no column in the data"));
      }
    }
    return order;
  }

  private static Kind kindOf(Question q) {
    QuestionType t = q.type();
    if (t == QuestionType.SELECT_ONE) {
      return Kind.CATEGORICAL;
    }
    if (t == QuestionType.SELECT_MULTIPLE) {
      return Kind.MULTI;
    }
    if (t == QuestionType.SELECT_ONE_EXTERNAL || t == QuestionType.SELECT_ONE_FROM_FILE) {
      return Kind.CATEGORICAL; // levels seen, sorted: the list lives in another file
    }
    if (t.isNumeric()) {
      return Kind.NUMERIC;
    }
    if (t == QuestionType.CALCULATE || t == QuestionType.HIDDEN) {
      return Kind.INFER;
    }
    return Kind.TEXT;
  }

  private static boolean isMetadata(String h) {
    for (String p : METADATA_PREFIXES) {
      if (h.startsWith(p)) {
        return true;
      }
    }
    return METADATA_NAMES.contains(h);
  }

  private List<Field> planWithoutForm(String[] names) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      index.putIfAbsent(names[i], i);
    }
    // Candidate split groups: prefix + separator -> member columns.
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      String h = names[i];
      for (char sep : new char[] {'/', '.'}) {
        int k = h.lastIndexOf(sep);
        if (k > 0 && k < h.length() - 1) {
          groups.computeIfAbsent(h.substring(0, k) + sep, x -> new ArrayList<>()).add(i);
          break;
        }
      }
    }
    Map<Integer, Field> splitOf = new HashMap<>();
    Map<String, Field> multiByPrefix = new HashMap<>();
    for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
      String prefixSep = g.getKey();
      String prefix = prefixSep.substring(0, prefixSep.length() - 1);
      Integer parent = index.get(prefix);
      List<Integer> members = g.getValue();
      if (parent == null && members.size() < 2) {
        continue;
      }
      boolean allBoolean = true;
      boolean anyTrue = false;
      for (int m : members) {
        for (String v : buffers[m].distinct()) {
          Boolean b = bool(v);
          if (b == null && !v.isBlank() && !MISSING_MARKERS.contains(v.strip())) {
            allBoolean = false;
            break;
          }
          anyTrue |= Boolean.TRUE.equals(b);
        }
        if (!allBoolean) {
          break;
        }
      }
      if (!allBoolean || (parent == null && !anyTrue)) {
        continue;
      }
      Field f = new Field(prefix, Kind.MULTI, null);
      if (parent != null) {
        f.main = parent;
      }
      for (int m : members) {
        f.splits.put(names[m].substring(prefixSep.length()), m);
        splitOf.put(m, f);
      }
      multiByPrefix.put(prefix, f);
    }
    List<Field> order = new ArrayList<>();
    Set<Field> placed = new HashSet<>();
    for (int i = 0; i < names.length; i++) {
      Field split = splitOf.get(i);
      if (split != null) {
        if (placed.add(split)) {
          order.add(split);
        }
        continue;
      }
      Field multi = multiByPrefix.get(names[i]);
      if (multi != null) {
        if (placed.add(multi)) {
          order.add(multi);
        }
        continue;
      }
      String h = names[i];
      Kind k = options.multiSelect().contains(h) ? Kind.MULTI
          : options.categorical().contains(h) ? Kind.CATEGORICAL : Kind.INFER;
      Field f = new Field(h, k, null);
      f.main = i;
      order.add(f);
    }
    return order;
  }

  // ------------------------------------------------------------------ finish

  /**
   * Parses and builds the fields one after the other on the caller's thread: the reference the
   * two-thread finish is tested against.
   *
   * @return this
   */
  Assembler oneThread() {
    oneThread = true;
    return this;
  }

  /**
   * Does a task for each field on the caller's thread and one more, the fields with most source
   * columns first so that the two end together; the tasks must touch nothing but their own field
   * and read-only state. A failure is thrown as the first field's in order would be.
   */
  private void eachOnTwoThreads(List<Field> fields, Consumer<Field> task) {
    if (fields.size() < 2 || oneThread) {
      fields.forEach(task);
      return;
    }
    List<Field> order = new ArrayList<>(fields);
    order.sort(Comparator.comparingInt((Field f) -> -(f.splits.size() + (f.main >= 0 ? 1 : 0))));
    Throwable[] failures = new Throwable[order.size()];
    AtomicInteger next = new AtomicInteger();
    Runnable work = () -> {
      for (int i = next.getAndIncrement(); i < order.size(); i = next.getAndIncrement()) {
        try {
          task.accept(order.get(i));
        } catch (RuntimeException | Error e) {
          // The others go on: the failure thrown is that of the first field in order.
          failures[i] = e;
        }
      }
    };
    Thread helper = new Thread(work, "mtm-assemble");
    helper.setDaemon(true);
    helper.start();
    work.run();
    boolean interrupted = false;
    while (true) {
      try {
        helper.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    for (Field f : fields) {
      Throwable t = failures[order.indexOf(f)];
      if (t instanceof RuntimeException re) {
        throw re;
      } else if (t instanceof Error er) {
        throw er;
      }
    }
  }

  SurveyRead finish() {
    report.rowsUsed(rows);
    String[] names = names(report);
    List<Field> fields = form != null ? planWithForm(form, names, report) : planWithoutForm(names);
    Set<String> columns = options.columns();
    Set<Field> needed = columns == null ? new HashSet<>(fields) : needed(fields, columns);
    Map<String, Field> byQuestion = new HashMap<>();
    for (Field f : fields) {
      if (f.question != null) {
        byQuestion.put(f.question.name(), f);
      }
    }
    List<Field> toRead = new ArrayList<>();
    for (Field f : fields) {
      if (needed.contains(f)) {
        toRead.add(f);
      }
    }
    // A field is parsed from its own source columns into its own arrays: two at a time.
    eachOnTwoThreads(toRead, f -> parse(f, names));
    for (Field f : toRead) {
      for (Map.Entry<ReadProblem, Boolean> p : f.problems) {
        if (p.getValue()) {
          report.warning(p.getKey());
        } else {
          report.error(p.getKey());
        }
      }
      f.problems.clear();
    }
    Map<String, byte[]> relevanceCache = new HashMap<>();
    Map<String, FormExpression> parsed = new HashMap<>();
    Set<String> reported = new HashSet<>();
    for (Field f : fields) {
      if (needed.contains(f)) {
        applyRelevance(f, byQuestion, relevanceCache, parsed, reported);
      }
    }
    if (options.validate()) {
      for (Field f : fields) {
        if (needed.contains(f)) {
          validate(f, names, byQuestion, parsed, reported);
        }
      }
    }
    List<Field> toBuild = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (Field f : fields) {
      if (!used.add(f.name)) {
        report.error(new ReadProblem(file, 1, columnNumbers[f.firstSource()], f.name, null,
            "two columns resolve to this name; the later is left out"));
        continue;
      }
      if (needed.contains(f)) {
        toBuild.add(f);
      }
    }
    // Each column is built from its own field alone: two at a time too.
    eachOnTwoThreads(toBuild, f -> f.column = build(f));
    List<Column> columnList = new ArrayList<>();
    for (Field f : toBuild) {
      columnList.add(f.column);
      f.column = null;
    }
    report.fact("columns", Integer.toString(columnList.size()));
    return new SurveyRead(SurveyData.of(columnList), report.build(), hashtags, Map.of(), Arrays.copyOf(lines, rows));
  }

  /** The output names of the source columns: stripped, empty ones named, repeats renamed (and reported). */
  private String[] names(ReadReport.Builder sink) {
    String[] names = new String[header.size()];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.length; i++) {
      String h = header.get(i).strip();
      if (h.isEmpty()) {
        h = "column_" + (i + 1);
        sink.warning(new ReadProblem(file, 1, columnNumbers[i], null, null,
            "empty column name; the column is called '" + h + "'"));
      }
      if (!seen.add(h)) {
        String renamed = h + "_" + (i + 1);
        sink.error(new ReadProblem(file, 1, columnNumbers[i], h, null,
            "column name repeats an earlier one; this column is called '" + renamed + "'"));
        h = renamed;
      }
      names[i] = h;
    }
    return names;
  }

  // ------------------------------------------------------------------ stage A: parse

  private static @Nullable Boolean bool(String v) {
    switch (v.strip()) {
      case "1", "1.0", "True", "TRUE", "true":
        return Boolean.TRUE;
      case "0", "0.0", "False", "FALSE", "false":
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /** A plain decimal number: sign, digits, point, exponent; no NaN, Infinity or hex. */
  static boolean isDecimal(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    int digits = 0;
    while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int exp = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
        exp++;
      }
      if (exp == 0) {
        return false;
      }
    }
    return i == n;
  }

  private byte special(String v) {
    // Called for every distinct value (every value of an id or free-text column): most values
    // start with a character no code starts with, and are rejected without a lookup.
    if (v.isEmpty()) {
      return EMPTY;
    }
    char c = v.charAt(0);
    if (c < 128 && !Character.isWhitespace(c) && (specialFirst[c >>> 6] & (1L << (c & 63))) == 0) {
      return EMPTY;
    }
    AnswerState s = options.specialAnswers().stateOf(v);
    if (s == AnswerState.DONT_KNOW) {
      return DONT_KNOW;
    }
    return s == AnswerState.REFUSED ? REFUSED : EMPTY;
  }

  private static boolean isMissing(String v) {
    return v.isBlank() || MISSING_MARKERS.contains(v.strip());
  }

  private void settleInferred(Field f) {
    if (f.kind != Kind.INFER && !(f.kind == Kind.CATEGORICAL && f.levels.isEmpty())
        && !(f.kind == Kind.MULTI && f.levels.isEmpty() && f.splits.isEmpty())) {
      return;
    }
    List<String> distinct = f.main >= 0 ? buffers[f.main].distinct() : List.of();
    if (f.kind == Kind.INFER) {
      boolean numeric = true;
      boolean any = false;
      for (String v : distinct) {
        if (isMissing(v) || special(v) != EMPTY) {
          continue;
        }
        any = true;
        if (!isDecimal(v.strip())) {
          numeric = false;
          break;
        }
      }
      f.kind = numeric && any ? Kind.NUMERIC : Kind.TEXT;
      return;
    }
    Set<String> levels = new HashSet<>();
    for (String v : distinct) {
      if (isMissing(v) || special(v) != EMPTY) {
        continue;
      }
      if (f.kind == Kind.MULTI) {
        for (String t : v.strip().split("\\s+")) {
          if (special(t) == EMPTY) {
            levels.add(t);
          }
        }
      } else {
        levels.add(v.strip());
      }
    }
    f.levels = sortedLevels(levels);
  }

  /** Levels in a deterministic order: numerically when all are numbers, else by code point. */
  static List<String> sortedLevels(Set<String> levels) {
    boolean numeric = !levels.isEmpty() && levels.stream().allMatch(Assembler::isDecimal);
    Comparator<String> order = numeric
        ? Comparator.comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
        : Comparator.naturalOrder();
    TreeSet<String> sorted = new TreeSet<>(order);
    sorted.addAll(levels);
    return List.copyOf(sorted);
  }

  private void parse(Field f, String[] names) {
    settleInferred(f);
    if (f.kind == Kind.MULTI && f.levels.isEmpty() && !f.splits.isEmpty()) {
      // No form: the options are the split columns', then any others the main column names.
      Set<String> opts = new LinkedHashSet<>(f.splits.keySet());
      if (f.main >= 0) {
        Set<String> extra = new HashSet<>();
        for (String v : buffers[f.main].distinct()) {
          if (!isMissing(v) && special(v) == EMPTY) {
            extra.addAll(Arrays.asList(v.strip().split("\\s+")));
          }
        }
        extra.removeAll(opts);
        opts.addAll(sortedLevels(extra));
      }
      f.levels = List.copyOf(opts);
    }
    f.kinds = new byte[rows];
    switch (f.kind) {
      case NUMERIC -> f.numbers = new double[rows];
      case CATEGORICAL -> f.codes = new int[rows];
      case MULTI -> f.selections = new int[rows][];
      default -> f.texts = new String[rows];
    }
    if (f.main >= 0) {
      parseMain(f, names);
    }
    if (f.kind == Kind.MULTI && !f.splits.isEmpty()) {
      parseSplits(f, names);
    }
  }

  private void parseMain(Field f, String[] names) {
    ColumnBuffer b = buffers[f.main];
    List<String> distinct = b.distinct();
    int nd = distinct.size();
    byte[] kind = new byte[nd];
    double[] num = f.kind == Kind.NUMERIC ? new double[nd] : null;
    int[] code = f.kind == Kind.CATEGORICAL ? new int[nd] : null;
    int[][] sel = f.kind == Kind.MULTI ? new int[nd][] : null;
    String[] why = new String[nd];
    Map<String, Integer> levelIndex = new HashMap<>();
    for (int i = 0; i < f.levels.size(); i++) {
      levelIndex.put(f.levels.get(i), i);
    }
    ChoiceList list = listOf(f);
    for (int d = 0; d < nd; d++) {
      String v = distinct.get(d);
      String s = v.strip();
      // A valid code is an answer even when it looks like a marker ("NA" as a choice name).
      boolean isCode = levelIndex.containsKey(s);
      byte sp = special(s);
      if (sp != EMPTY && !(isCode && f.kind == Kind.CATEGORICAL && options.specialAnswers().codes().isEmpty())) {
        kind[d] = sp;
        continue;
      }
      if (!isCode && isMissing(v)) {
        kind[d] = EMPTY;
        continue;
      }
      switch (f.kind) {
        case NUMERIC -> {
          if (!isDecimal(s)) {
            kind[d] = BAD;
            why[d] = "not a number";
          } else {
            double x = Double.parseDouble(s);
            if (!Double.isFinite(x)) {
              kind[d] = BAD;
              why[d] = "number out of range";
            } else if (f.integer && x != Math.rint(x)) {
              kind[d] = BAD;
              why[d] = "not a whole number (integer question)";
            } else {
              kind[d] = ANSWERED;
              num[d] = x;
            }
          }
        }
        case CATEGORICAL -> {
          Integer c = levelIndex.get(s);
          if (c == null && list != null) {
            c = list.findByLabel(s).map(ch -> levelIndex.get(ch.name())).orElse(null);
          }
          if (c == null) {
            kind[d] = BAD;
            why[d] = "not a choice of list '" + (list == null ? f.name : list.name()) + "'";
          } else {
            kind[d] = ANSWERED;
            code[d] = c;
          }
        }
        case MULTI -> {
          String[] tokens = s.split("\\s+");
          int[] idx = new int[tokens.length];
          int n = 0;
          String bad = null;
          for (String t : tokens) {
            Integer c = levelIndex.get(t);
            if (c == null) {
              bad = t;
              break;
            }
            boolean dup = false;
            for (int j = 0; j < n; j++) {
              dup |= idx[j] == c;
            }
            if (!dup) {
              idx[n++] = c;
            }
          }
          if (bad == null) {
            kind[d] = ANSWERED;
            sel[d] = Arrays.copyOf(idx, n);
          } else {
            Integer whole = list == null ? null : list.findByLabel(s).map(ch -> levelIndex.get(ch.name())).orElse(null);
            if (whole != null) {
              kind[d] = ANSWERED;
              sel[d] = new int[] {whole};
            } else {
              kind[d] = BAD;
              why[d] = "'" + bad + "' is not an option of list '" + (list == null ? f.name : list.name()) + "'";
            }
          }
        }
        default -> kind[d] = ANSWERED;
      }
    }
    for (int r = 0; r < rows; r++) {
      int d = b.code(r);
      if (d < 0) {
        f.kinds[r] = EMPTY;
        continue;
      }
      byte k = kind[d];
      f.kinds[r] = k;
      if (k == ANSWERED) {
        switch (f.kind) {
          case NUMERIC -> f.numbers[r] = num[d];
          case CATEGORICAL -> f.codes[r] = code[d];
          case MULTI -> f.selections[r] = sel[d];
          default -> f.texts[r] = distinct.get(d);
        }
      } else if (k == BAD) {
        f.found(at(r, f.main, distinct.get(d), why[d], names[f.main]), false);
      }
    }
  }

  private @Nullable ChoiceList listOf(Field f) {
    Question q = f.question;
    if (form == null || q == null || q.listName() == null || !q.type().needsChoiceList()) {
      return null;
    }
    try {
      return form.choiceList(q.listName());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void parseSplits(Field f, String[] names) {
    int opts = f.splits.size();
    int[] optionIndex = new int[opts];
    int[] source = new int[opts];
    byte[][] boolOf = new byte[opts][]; // per distinct: 0 empty, 1 false, 2 true, 3 bad
    int k = 0;
    Map<String, Integer> levelIndex = new HashMap<>();
    for (int i = 0; i < f.levels.size(); i++) {
      levelIndex.put(f.levels.get(i), i);
    }
    for (Map.Entry<String, Integer> e : f.splits.entrySet()) {
      Integer oi = levelIndex.get(e.getKey());
      optionIndex[k] = oi == null ? -1 : oi;
      source[k] = e.getValue();
      List<String> distinct = buffers[e.getValue()].distinct();
      byte[] bo = new byte[distinct.size()];
      for (int d = 0; d < bo.length; d++) {
        String v = distinct.get(d);
        Boolean b = bool(v);
        bo[d] = b != null ? (byte) (b ? 2 : 1) : isMissing(v) ? 0 : (byte) 3;
      }
      boolOf[k++] = bo;
    }
    int[] picked = new int[opts];
    // The common row (every split cell 1/0/True/False or empty, agreeing with the column q) is
    // settled with bit masks over the split columns; any other row goes through the loop below,
    // which reports its problems as it always has.
    boolean masks = opts <= 64;
    int[][] codesOf = new int[opts][];
    // Per option and distinct value: the option's bit where the value reads true (yes) or false.
    long[][] yesBitOf = new long[opts][];
    long[][] noBitOf = new long[opts][];
    long[] splitBitsOfLevel = new long[f.levels.size()];
    long known = 0;
    for (int j = 0; j < opts; j++) {
      codesOf[j] = buffers[source[j]].codes();
      byte[] bo = boolOf[j];
      yesBitOf[j] = new long[masks ? bo.length : 0];
      noBitOf[j] = new long[masks ? bo.length : 0];
      for (int d = 0; d < yesBitOf[j].length; d++) {
        yesBitOf[j][d] = bo[d] == 2 ? 1L << j : 0;
        noBitOf[j][d] = bo[d] == 1 ? 1L << j : 0;
      }
      if (optionIndex[j] >= 0 && masks) {
        splitBitsOfLevel[optionIndex[j]] |= 1L << j;
        known |= 1L << j;
      }
    }
    Map<Long, int[]> selectionOf = new HashMap<>();
    // The masks are gathered a block of rows at a time, one split column after the other: each
    // column's codes are then read in order, not 12 arrays side by side per row.
    final int block = 4096;
    long[] yesOf = new long[masks ? block : 0];
    long[] noOf = new long[masks ? block : 0];
    boolean[] odd = new boolean[masks ? block : 0];
    for (int r = 0; r < rows; r++) {
      if (masks) {
        int at = r % block;
        if (at == 0) {
          int end = Math.min(rows, r + block);
          Arrays.fill(yesOf, 0L);
          Arrays.fill(noOf, 0L);
          Arrays.fill(odd, false);
          for (int j = 0; j < opts; j++) {
            int[] codes = codesOf[j];
            byte[] bo = boolOf[j];
            long[] yb = yesBitOf[j];
            long[] nb = noBitOf[j];
            // Table lookups, not branches: which of 1 and 0 a row holds is not predictable.
            for (int q = r; q < end; q++) {
              int d = codes[q];
              if (d < 0) {
                continue;
              }
              yesOf[q - r] |= yb[d];
              noOf[q - r] |= nb[d];
              if (bo[d] == 3) {
                odd[q - r] = true;
              }
            }
          }
        }
        long yes = yesOf[at];
        long no = noOf[at];
        boolean plain = !odd[at];
        boolean answered = (yes | no) != 0;
        if (plain) {
          if (f.main >= 0) {
            if (f.kinds[r] != ANSWERED) {
              continue;
            }
            long in = 0;
            for (int sel : f.selections[r]) {
              in |= splitBitsOfLevel[sel];
            }
            if ((((yes & ~in) | (no & in)) & known) == 0) {
              continue;
            }
          } else {
            if (answered) {
              f.kinds[r] = ANSWERED;
              long picks = yes & known;
              f.selections[r] = selectionOf.computeIfAbsent(picks, m -> {
                int[] chosen = new int[Long.bitCount(m)];
                int c = 0;
                for (long x = m; x != 0; x &= x - 1) {
                  chosen[c++] = optionIndex[Long.numberOfTrailingZeros(x)];
                }
                return chosen;
              });
            }
            continue;
          }
        }
      }
      int n = 0;
      boolean anyValue = false;
      for (int j = 0; j < opts; j++) {
        int d = buffers[source[j]].code(r);
        if (d < 0) {
          continue;
        }
        byte bv = boolOf[j][d];
        if (bv == 3) {
          f.found(at(r, source[j], buffers[source[j]].get(r), "not 1/0/True/False in a select_multiple split column",
              names[source[j]]), false);
          continue;
        }
        anyValue |= bv != 0;
        if (bv == 2 && optionIndex[j] >= 0) {
          picked[n++] = optionIndex[j];
        }
      }
      if (f.main >= 0) {
        // The column q decides who answered; the split columns must agree with it.
        if (f.kinds[r] == ANSWERED) {
          int[] sel = f.selections[r];
          for (int j = 0; j < opts; j++) {
            int d = buffers[source[j]].code(r);
            if (d < 0 || optionIndex[j] < 0) {
              continue;
            }
            boolean inMain = false;
            for (int s : sel) {
              inMain |= s == optionIndex[j];
            }
            byte bv = boolOf[j][d];
            if ((bv == 2 && !inMain) || (bv == 1 && inMain)) {
              f.found(at(r, source[j], buffers[source[j]].get(r),
                  "split column disagrees with the column '" + names[f.main] + "', which decides", names[source[j]]), true);
            }
          }
        }
      } else if (anyValue) {
        f.kinds[r] = ANSWERED;
        f.selections[r] = Arrays.copyOf(picked, n);
      }
    }
  }

  // ------------------------------------------------------------------ stage B: skip logic

  /** The value of a question in a row as the form's expressions see it. */
  private String canonical(Field f, int r) {
    byte k = f.kinds[r];
    if (k == EMPTY) {
      return "";
    }
    if (k != ANSWERED) {
      String raw = f.main >= 0 ? buffers[f.main].get(r) : null;
      return raw == null ? "" : raw.strip();
    }
    return switch (f.kind) {
      case NUMERIC -> {
        String raw = f.main >= 0 ? buffers[f.main].get(r) : null;
        yield raw == null ? "" : raw.strip();
      }
      case CATEGORICAL -> f.levels.get(f.codes[r]);
      case MULTI -> {
        StringBuilder sb = new StringBuilder();
        for (int s : f.selections[r]) {
          if (sb.length() > 0) {
            sb.append(' ');
          }
          sb.append(f.levels.get(s));
        }
        yield sb.toString();
      }
      default -> f.texts[r];
    };
  }

  /** Past this many distinct combinations (ids, free text) memoising costs more than it saves. */
  private static final int MAX_MEMO = 1 << 16;

  /** The referenced values of one row, as ids; compared by content. */
  private static final class ValueTuple {
    final long[] values;

    ValueTuple(long[] values) {
      this.values = values;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ValueTuple t && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }

  /**
   * An id per row such that rows with the same id have the same {@link #canonical} value: the
   * source dictionary code where the value is the raw cell, the level where it is a choice.
   * Computed once per field and kept, as several relevance sets refer to the same questions.
   */
  private long[] valueIds(Field f) {
    long[] ids = f.valueIds;
    if (ids != null) {
      return ids;
    }
    ids = new long[rows];
    Map<String, Integer> multi = new HashMap<>();
    ColumnBuffer b = f.main >= 0 ? buffers[f.main] : null;
    for (int r = 0; r < rows; r++) {
      byte k = f.kinds[r];
      long id;
      if (k == EMPTY) {
        id = 0;
      } else if (k != ANSWERED || f.kind == Kind.NUMERIC || f.kind == Kind.TEXT) {
        // canonical() reads the raw cell here (texts[r] is the raw cell too).
        int d = b == null ? -1 : b.code(r);
        id = d < 0 ? 0 : (1L << 32) | d;
      } else if (f.kind == Kind.CATEGORICAL) {
        id = (2L << 32) | f.codes[r];
      } else {
        Integer m = multi.computeIfAbsent(canonical(f, r), x -> multi.size());
        id = (3L << 32) | m;
      }
      ids[r] = id;
    }
    f.valueIds = ids;
    return ids;
  }

  private @Nullable FormExpression expression(String text, String column, Map<String, FormExpression> parsed,
      Set<String> reported, Map<String, Field> byQuestion, String what) {
    FormExpression e = parsed.get(text);
    if (e == null) {
      try {
        e = FormExpression.parse(text);
      } catch (FormExpression.ExpressionException ex) {
        if (reported.add(what + text)) {
          report.warning(new ReadProblem(file, 0, 0, column, text,
              what + " not evaluated (" + (ex.unsupported() ? "outside the supported subset" : "malformed")
                  + "); its cells stay as read: " + ex.getMessage()));
        }
        return null;
      }
      parsed.put(text, e);
    }
    for (String ref : e.references()) {
      if (!byQuestion.containsKey(ref)) {
        if (reported.add(what + "ref:" + text)) {
          report.warning(new ReadProblem(file, 0, 0, column, text,
              what + " not evaluated: it refers to '" + ref + "', which has no column in the data"));
        }
        return null;
      }
    }
    return e;
  }

  private void applyRelevance(Field f, Map<String, Field> byQuestion, Map<String, byte[]> cache,
      Map<String, FormExpression> parsed, Set<String> reported) {
    f.states = new AnswerState[rows];
    List<String> rel = f.question == null || form == null ? List.of() : form.relevance(f.question);
    byte[] relevant = null;
    if (!rel.isEmpty()) {
      String key = String.join("\u0000", rel);
      relevant = cache.get(key);
      if (relevant == null) {
        List<FormExpression> exprs = new ArrayList<>();
        boolean known = true;
        for (String text : rel) {
          FormExpression e = expression(text, f.name, parsed, reported, byQuestion, "relevant");
          if (e == null) {
            known = false;
            break;
          }
          exprs.add(e);
        }
        relevant = new byte[rows];
        if (!known) {
          Arrays.fill(relevant, (byte) 2);
        } else {
          // The expressions are pure functions of the referenced answers, and survey answers
          // repeat: evaluate once per distinct combination of the referenced values, not per row.
          Set<Field> refs = new LinkedHashSet<>();
          for (FormExpression e : exprs) {
            for (String ref : e.references()) {
              refs.add(byQuestion.get(ref));
            }
          }
          long[][] ids = new long[refs.size()][];
          int j = 0;
          for (Field ref : refs) {
            ids[j++] = valueIds(ref);
          }
          Map<ValueTuple, Byte> memo = new HashMap<>();
          ValueTuple probe = new ValueTuple(new long[ids.length]);
          for (int r = 0; r < rows; r++) {
            for (int k = 0; k < ids.length; k++) {
              probe.values[k] = ids[k][r];
            }
            Byte known0 = memo.get(probe);
            if (known0 != null) {
              relevant[r] = known0;
              continue;
            }
            final int row = r;
            byte result = 1;
            for (FormExpression e : exprs) {
              try {
                if (!e.test(name -> canonical(byQuestion.get(name), row), null)) {
                  result = 0;
                  break;
                }
              } catch (IllegalArgumentException ex) {
                result = 2;
                break;
              }
            }
            relevant[r] = result;
            if (memo.size() < MAX_MEMO) {
              memo.put(new ValueTuple(probe.values.clone()), result);
            }
          }
        }
        cache.put(key, relevant);
      }
      f.relevant = relevant;
      f.relevanceKnown = relevant.length == 0 || relevant[0] != 2 || rows == 0;
    }
    for (int r = 0; r < rows; r++) {
      byte k = f.kinds[r];
      AnswerState s = switch (k) {
        case ANSWERED -> AnswerState.ANSWERED;
        case DONT_KNOW -> AnswerState.DONT_KNOW;
        case REFUSED -> AnswerState.REFUSED;
        default -> relevant != null && relevant[r] == 0 ? AnswerState.NOT_ASKED : AnswerState.MISSING;
      };
      if (relevant != null && relevant[r] == 0 && k == ANSWERED) {
        report.warning(at(r, f.firstSource(), canonical(f, r), "answered although its relevant is false", f.name));
      }
      f.states[r] = s;
    }
  }

  // ------------------------------------------------------------------ validation

  private void validate(Field f, String[] names, Map<String, Field> byQuestion,
      Map<String, FormExpression> parsed, Set<String> reported) {
    Question q = f.question;
    if (q == null) {
      return;
    }
    if (q.required() && (f.relevant == null || f.relevanceKnown)) {
      for (int r = 0; r < rows; r++) {
        // A cell already reported as not fitting is not reported twice.
        if (f.states[r] == AnswerState.MISSING && f.kinds[r] == EMPTY) {
          report.error(at(r, f.firstSource(), null, "required answer missing", f.name));
        }
      }
    }
    if (q.constraint() != null) {
      FormExpression e = expression(q.constraint(), f.name, parsed, reported, byQuestion, "constraint");
      if (e == null) {
        return;
      }
      String reason = "fails its constraint " + q.constraint();
      for (int r = 0; r < rows; r++) {
        if (f.states[r] != AnswerState.ANSWERED) {
          continue;
        }
        final int row = r;
        String value = canonical(f, r);
        boolean ok;
        try {
          ok = e.test(name -> canonical(byQuestion.get(name), row), value);
        } catch (IllegalArgumentException ex) {
          if (reported.add("constraint-error" + q.constraint())) {
            report.warning(new ReadProblem(file, 0, 0, f.name, q.constraint(), "constraint not evaluated: " + ex.getMessage()));
          }
          return;
        }
        if (!ok) {
          report.error(at(r, f.firstSource(), value, reason, f.name));
        }
      }
    }
  }

  // ------------------------------------------------------------------ stage C: build

  private Column build(Field f) {
    switch (f.kind) {
      case NUMERIC: {
        NumericColumn.Builder b = NumericColumn.builder(f.name);
        for (int r = 0; r < rows; r++) {
          if (f.states[r] == AnswerState.ANSWERED) {
            b.add(f.numbers[r]);
          } else {
            b.addState(f.states[r]);
          }
        }
        return b.build();
      }
      case CATEGORICAL: {
        CategoricalColumn.Builder b = CategoricalColumn.builder(f.name, f.levels);
        for (int r = 0; r < rows; r++) {
          if (f.states[r] == AnswerState.ANSWERED) {
            b.add(f.codes[r]);
          } else {
            b.addState(f.states[r]);
          }
        }
        return b.build();
      }
      case MULTI: {
        MultiSelectColumn.Builder b = MultiSelectColumn.builder(f.name, f.levels);
        for (int r = 0; r < rows; r++) {
          if (f.states[r] == AnswerState.ANSWERED) {
            b.addIndexes(f.selections[r]);
          } else {
            b.addState(f.states[r]);
          }
        }
        return b.build();
      }
      default: {
        TextColumn.Builder b = TextColumn.builder(f.name);
        for (int r = 0; r < rows; r++) {
          if (f.states[r] == AnswerState.ANSWERED) {
            b.add(f.texts[r]);
          } else {
            b.addState(f.states[r]);
          }
        }
        return b.build();
      }
    }
  }
}
