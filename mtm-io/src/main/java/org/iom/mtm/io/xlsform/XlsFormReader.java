package org.iom.mtm.io.xlsform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iom.mtm.core.form.Choice;
import org.iom.mtm.core.form.ChoiceList;
import org.iom.mtm.core.form.Label;
import org.iom.mtm.core.form.Question;
import org.iom.mtm.core.form.QuestionType;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.core.form.TypeDeclaration;
import org.iom.mtm.io.RawInput;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;
import org.iom.mtm.io.csv.CsvOptions;
import org.iom.mtm.io.csv.CsvReader;
import org.iom.mtm.io.csv.CsvRecord;
import org.iom.mtm.io.json.JsonInput;
import org.iom.mtm.io.xlsx.SheetTable;
import org.iom.mtm.io.xlsx.Workbook;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads XLSForm questionnaires: .xlsx workbooks (sheets {@code survey}, {@code choices}, {@code
 * settings}), the same sheets saved as CSV files, and KoBo asset JSON ({@code content.survey},
 * {@code content.choices}, {@code translations}).
 *
 * <p>Accepted: {@code label::English (en)} columns (and {@code label:English}), the plain {@code
 * label} as default text, {@code begin group} and {@code begin_group} alike, {@code or_other},
 * KoBo's split {@code select_one} plus {@code select_from_list_name}, {@code choice_filter} with
 * extra choice columns kept as choice properties. Rows with an unknown type are skipped with a
 * warning; a choice name repeated in one list (legal with a {@code choice_filter}) keeps its first
 * row, with a warning. Structural errors (a group never closed, an invalid name) raise {@link
 * ReadException} naming the sheet row and column.
 */
public final class XlsFormReader {
  private XlsFormReader() {}

  /**
   * Reads a form file by its content: an .xlsx workbook, KoBo asset JSON, or the {@code survey}
   * sheet as CSV with {@code choices.csv} (and optionally {@code settings.csv}) beside it (for
   * {@code kobo questions.csv}, also {@code kobo choices.csv}).
   *
   * @param file the form file
   * @return the questionnaire and the reader's warnings
   * @throws ReadException naming the file, row and column when the form cannot be read
   */
  public static FormRead read(Path file) {
    String name = file.toString();
    byte[] head = new byte[4];
    int n;
    try (InputStream in = RawInput.open(file)) {
      n = in.readNBytes(head, 0, 4);
    } catch (IOException e) {
      throw new ReadException(ReadProblem.ofFile(name, "cannot read: " + e.getMessage()), e);
    }
    if (n >= 2 && head[0] == 'P' && head[1] == 'K') {
      return readXlsx(file);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    int firstNonBlank = 0;
    while (firstNonBlank < n && Character.isWhitespace(head[firstNonBlank])) {
      firstNonBlank++;
    }
    if (lower.endsWith(".json") || lower.endsWith(".json.gz") || (firstNonBlank < n && head[firstNonBlank] == '{')) {
      return readAssetJson(JsonInput.read(file), name);
    }
    Path choices = sibling(file, "choices");
    if (choices == null) {
      throw new ReadException(ReadProblem.ofFile(name,
          "a survey sheet as CSV needs its choices sheet beside it (choices.csv); none found"));
    }
    return readCsv(file, choices, sibling(file, "settings"));
  }

  private static @Nullable Path sibling(Path survey, String sheet) {
    Path dir = survey.toAbsolutePath().getParent();
    String base = survey.getFileName().toString();
    List<Path> candidates = new ArrayList<>();
    for (String word : List.of("survey", "questions", "Survey", "Questions")) {
      if (base.contains(word)) {
        candidates.add(dir.resolve(base.replace(word, sheet)));
      }
    }
    candidates.add(dir.resolve(sheet + ".csv"));
    for (Path p : candidates) {
      if (!p.equals(survey.toAbsolutePath()) && Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Reads an .xlsx workbook.
   *
   * @param file the workbook
   * @return the questionnaire and warnings
   * @throws ReadException naming the file, sheet row and column
   */
  public static FormRead readXlsx(Path file) {
    Workbook wb = Workbook.open(file);
    SheetTable survey = wb.sheet("survey").orElseThrow(() ->
        new ReadException(ReadProblem.ofFile(file.toString(), "no 'survey' sheet; sheets are " + wb.sheetNames())));
    SheetTable choices = wb.sheet("choices").orElse(new SheetTable("choices", List.of(), List.of()));
    SheetTable settings = wb.sheet("settings").orElse(null);
    String base = baseName(file);
    return fromSheets(file + "#survey", file + "#choices", file + "#settings", survey, choices, settings, base);
  }

  /**
   * Reads the sheets saved as CSV (encoding and delimiter detected).
   *
   * @param survey the survey sheet
   * @param choices the choices sheet
   * @param settings the settings sheet, or null
   * @return the questionnaire and warnings
   * @throws ReadException naming the file, line and column
   */
  public static FormRead readCsv(Path survey, Path choices, @Nullable Path settings) {
    return fromSheets(survey.toString(), choices.toString(), settings == null ? "settings" : settings.toString(),
        csvSheet(survey, "survey"), csvSheet(choices, "choices"), settings == null ? null : csvSheet(settings, "settings"),
        baseName(survey));
  }

  private static String baseName(Path p) {
    String b = p.getFileName().toString();
    int dot = b.indexOf('.');
    return dot > 0 ? b.substring(0, dot) : b;
  }

  private static SheetTable csvSheet(Path file, String sheet) {
    try (CsvReader r = CsvReader.open(file, CsvOptions.DETECT)) {
      List<SheetTable.Row> rows = new ArrayList<>();
      for (CsvRecord rec : r) {
        rows.add(new SheetTable.Row(rec.line(), rec.cells()));
      }
      return new SheetTable(sheet, r.header(), rows);
    }
  }

  // ------------------------------------------------------------------ sheets

  /** Column lookup by XLSForm column name, with language variants. */
  private static final class Columns {
    final Map<String, Integer> plain = new HashMap<>();
    final Map<String, Map<String, Integer>> translated = new HashMap<>();
    final List<String> header;

    Columns(List<String> header) {
      this.header = header;
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i).strip();
        int sep = h.indexOf("::");
        int len = 2;
        if (sep < 0) {
          sep = h.indexOf(':');
          len = 1;
        }
        if (sep > 0) {
          String base = h.substring(0, sep).strip().toLowerCase(Locale.ROOT);
          String lang = h.substring(sep + len).strip();
          if (!lang.isEmpty()) {
            translated.computeIfAbsent(base, k -> new LinkedHashMap<>()).putIfAbsent(lang, i);
            continue;
          }
        }
        plain.putIfAbsent(h.toLowerCase(Locale.ROOT), i);
      }
    }

    int index(String name) {
      Integer i = plain.get(name);
      return i == null ? -1 : i;
    }

    String get(SheetTable.Row r, String name) {
      int i = index(name);
      return i < 0 ? "" : r.get(i).strip();
    }

    Label label(SheetTable.Row r, String base) {
      Map<String, String> texts = new LinkedHashMap<>();
      for (Map.Entry<String, Integer> e : translated.getOrDefault(base, Map.of()).entrySet()) {
        String t = r.get(e.getValue());
        if (!t.isBlank()) {
          texts.put(e.getKey(), t);
        }
      }
      int i = index(base);
      String d = i < 0 ? null : r.get(i);
      return new Label(texts, d == null || d.isBlank() ? null : d);
    }
  }

  private static ReadException at(String file, SheetTable.Row r, Columns c, String column, String reason, Throwable cause) {
    int i = c.index(column);
    return new ReadException(
        new ReadProblem(file, r.line(), i < 0 ? 0 : i + 1, column, i < 0 ? null : r.get(i), reason), cause);
  }

  private static boolean truthy(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    return t.equals("yes") || t.equals("true") || t.equals("true()") || t.equals("1");
  }

  static FormRead fromSheets(String surveyFile, String choicesFile, String settingsFile, SheetTable survey,
      SheetTable choices, @Nullable SheetTable settings, String defaultId) {
    List<ReadProblem> warnings = new ArrayList<>();
    String id = defaultId;
    String title = null;
    String version = null;
    String language = null;
    if (settings != null && !settings.rows().isEmpty()) {
      Columns s = new Columns(settings.header());
      SheetTable.Row row = settings.rows().get(0);
      id = nonBlank(s.get(row, "form_id"), id);
      title = nonBlank(s.get(row, "form_title"), null);
      version = nonBlank(s.get(row, "version"), null);
      language = nonBlank(s.get(row, "default_language"), null);
    }
    Questionnaire.Builder b = Questionnaire.builder(id).title(title).version(version).defaultLanguage(language);
    Columns c = new Columns(survey.header());
    if (c.index("type") < 0) {
      throw new ReadException(ReadProblem.atLine(surveyFile, 1, "the survey sheet has no 'type' column; header is " + survey.header()));
    }
    for (SheetTable.Row r : survey.rows()) {
      String typeCell = c.get(r, "type");
      String name = c.get(r, "name");
      if (name.isEmpty()) {
        name = c.get(r, "$autoname");
      }
      if (typeCell.isEmpty()) {
        if (!name.isEmpty()) {
          warnings.add(new ReadProblem(surveyFile, r.line(), c.index("type") + 1, "type", null,
              "row with a name ('" + name + "') but no type; skipped"));
        }
        continue;
      }
      String listFrom = c.get(r, "select_from_list_name");
      if (!listFrom.isEmpty() && typeCell.split("\\s+").length == 1) {
        typeCell = typeCell + " " + listFrom;
      }
      TypeDeclaration decl;
      try {
        decl = TypeDeclaration.parse(typeCell);
      } catch (IllegalArgumentException e) {
        warnings.add(new ReadProblem(surveyFile, r.line(), c.index("type") + 1, "type", typeCell,
            "row skipped: " + e.getMessage()));
        continue;
      }
      QuestionType t = decl.type();
      try {
        if (t == QuestionType.BEGIN_GROUP || t == QuestionType.BEGIN_REPEAT) {
          if (name.isEmpty()) {
            name = "group_" + r.line();
            warnings.add(new ReadProblem(surveyFile, r.line(), c.index("name") + 1, "name", null,
                "group without a name; called '" + name + "'"));
          }
          Label label = c.label(r, "label");
          String relevant = nonBlank(c.get(r, "relevant"), null);
          if (t == QuestionType.BEGIN_GROUP) {
            b.beginGroup(name, label, relevant);
          } else {
            b.beginRepeat(name, label, relevant);
          }
          continue;
        }
        if (t == QuestionType.END_GROUP) {
          b.endGroup();
          continue;
        }
        if (t == QuestionType.END_REPEAT) {
          b.endRepeat();
          continue;
        }
      } catch (IllegalArgumentException e) {
        throw at(surveyFile, r, c, c.index("name") >= 0 && t.name().startsWith("BEGIN") ? "name" : "type", e.getMessage(), e);
      }
      if (name.isEmpty()) {
        if (t == QuestionType.NOTE || !t.holdsData()) {
          continue;
        }
        warnings.add(new ReadProblem(surveyFile, r.line(), c.index("name") + 1, "name", null,
            "question of type '" + typeCell + "' without a name; skipped"));
        continue;
      }
      try {
        Question.Builder q = Question.builder(name, decl)
            .label(c.label(r, "label"))
            .hint(c.label(r, "hint"))
            .relevant(nonBlank(c.get(r, "relevant"), null))
            .constraint(nonBlank(c.get(r, "constraint"), null))
            .constraintMessage(c.label(r, "constraint_message"))
            .calculation(nonBlank(c.get(r, "calculation"), null))
            .choiceFilter(nonBlank(c.get(r, "choice_filter"), null))
            .required(truthy(c.get(r, "required")))
            .appearance(nonBlank(c.get(r, "appearance"), null));
        b.add(q);
      } catch (IllegalArgumentException e) {
        throw at(surveyFile, r, c, "name", e.getMessage(), e);
      }
    }
    Map<String, Set<String>> repeated = new HashMap<>();
    for (ChoiceList l : choiceLists(choicesFile, choices, warnings, repeated)) {
      b.choices(l);
    }
    try {
      return new FormRead(b.build(), warnings, repeated);
    } catch (IllegalArgumentException e) {
      throw new ReadException(ReadProblem.ofFile(surveyFile, "not a valid form: " + e.getMessage()), e);
    }
  }

  private static List<ChoiceList> choiceLists(
      String file, SheetTable choices, List<ReadProblem> warnings, Map<String, Set<String>> repeated) {
    Columns c = new Columns(choices.header());
    Set<String> known = new HashSet<>(List.of("list_name", "list name", "name", "label", "$autoname", "$kuid", "image", "media::image"));
    Map<String, List<Choice>> lists = new LinkedHashMap<>();
    Map<String, Set<String>> names = new HashMap<>();
    for (SheetTable.Row r : choices.rows()) {
      String list = c.get(r, "list_name");
      if (list.isEmpty()) {
        list = c.get(r, "list name");
      }
      String name = c.get(r, "name");
      if (name.isEmpty()) {
        name = c.get(r, "$autoname");
      }
      if (list.isEmpty() && name.isEmpty()) {
        continue;
      }
      if (list.isEmpty() || name.isEmpty()) {
        warnings.add(new ReadProblem(file, r.line(), 0, null, null,
            "choice row without " + (list.isEmpty() ? "a list_name" : "a name") + "; skipped"));
        continue;
      }
      if (!names.computeIfAbsent(list, k -> new HashSet<>()).add(name)) {
        repeated.computeIfAbsent(list, k -> new HashSet<>()).add(name);
        warnings.add(new ReadProblem(file, r.line(), c.index("name") + 1, "name", name,
            "choice repeated in list '" + list + "'; the first is kept"));
        continue;
      }
      Map<String, String> props = new LinkedHashMap<>();
      for (int i = 0; i < choices.header().size(); i++) {
        String h = choices.header().get(i).strip();
        if (h.isEmpty() || known.contains(h.toLowerCase(Locale.ROOT)) || h.contains(":")) {
          continue;
        }
        String v = r.get(i);
        if (!v.isBlank()) {
          props.put(h, v.strip());
        }
      }
      lists.computeIfAbsent(list, k -> new ArrayList<>()).add(new Choice(name, c.label(r, "label"), props));
    }
    List<ChoiceList> out = new ArrayList<>();
    for (Map.Entry<String, List<Choice>> e : lists.entrySet()) {
      try {
        out.add(ChoiceList.of(e.getKey(), e.getValue()));
      } catch (IllegalArgumentException ex) {
        throw new ReadException(ReadProblem.ofFile(file, "choice list '" + e.getKey() + "': " + ex.getMessage()), ex);
      }
    }
    return out;
  }

  private static @Nullable String nonBlank(@Nullable String s, @Nullable String otherwise) {
    return s == null || s.isBlank() ? otherwise : s.strip();
  }

  // ------------------------------------------------------------------ KoBo asset JSON

  /**
   * Reads KoBo asset content: a document whose {@code content} (or the document itself) holds
   * {@code survey}, {@code choices}, {@code settings} and {@code translations}.
   *
   * @param root the parsed JSON
   * @param name the file name for messages
   * @return the questionnaire and warnings
   * @throws ReadException naming the file when the document is not a form
   */
  public static FormRead readAssetJson(JsonNode root, String name) {
    JsonNode content = root.has("content") ? root.get("content") : root;
    JsonNode survey = content.get("survey");
    if (survey == null || !survey.isArray()) {
      throw new ReadException(ReadProblem.ofFile(name, "not a KoBo form: no content.survey array"));
    }
    List<String> translations = new ArrayList<>();
    JsonNode tr = content.get("translations");
    if (tr != null && tr.isArray()) {
      for (JsonNode t : tr.values()) {
        translations.add(t.isNull() ? "" : t.asString());
      }
    }
    SheetTable surveySheet = jsonSheet("survey", survey, translations);
    JsonNode ch = content.get("choices");
    SheetTable choicesSheet = ch != null && ch.isArray() ? jsonSheet("choices", ch, translations)
        : new SheetTable("choices", List.of(), List.of());
    JsonNode st = content.get("settings");
    SheetTable settings = null;
    if (st != null && st.isObject()) {
      List<String> h = new ArrayList<>();
      List<String> v = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : st.properties()) {
        h.add(e.getKey());
        v.add(scalar(e.getValue()));
      }
      settings = new SheetTable("settings", h, List.of(new SheetTable.Row(1, v)));
    }
    String id = name.replaceAll(".*[/\\\\]", "").replaceAll("\\..*", "");
    return fromSheets(name + "#survey", name + "#choices", name + "#settings", surveySheet, choicesSheet, settings,
        id.isBlank() ? "form" : id);
  }

  private static String scalar(JsonNode v) {
    if (v == null || v.isNull()) {
      return "";
    }
    if (v.isString()) {
      return v.stringValue();
    }
    return v.isValueNode() ? v.asString() : v.toString();
  }

  /** Rows of JSON objects as a sheet: translated arrays become {@code key::language} columns. */
  private static SheetTable jsonSheet(String sheet, JsonNode rows, List<String> translations) {
    List<String> header = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    List<Map<String, String>> maps = new ArrayList<>();
    for (JsonNode row : rows.values()) {
      Map<String, String> m = new LinkedHashMap<>();
      if (row.isObject()) {
        for (Map.Entry<String, JsonNode> e : row.properties()) {
          JsonNode v = e.getValue();
          if (v.isArray()) {
            int k = 0;
            for (JsonNode item : v.values()) {
              String lang = k < translations.size() ? translations.get(k) : "";
              m.put(lang.isEmpty() ? e.getKey() : e.getKey() + "::" + lang, scalar(item));
              k++;
            }
          } else {
            m.put(e.getKey(), scalar(v));
          }
        }
      }
      for (String k : m.keySet()) {
        if (index.putIfAbsent(k, header.size()) == null) {
          header.add(k);
        }
      }
      maps.add(m);
    }
    List<SheetTable.Row> out = new ArrayList<>();
    long line = 1;
    for (Map<String, String> m : maps) {
      String[] cells = new String[header.size()];
      java.util.Arrays.fill(cells, "");
      for (Map.Entry<String, String> e : m.entrySet()) {
        cells[index.get(e.getKey())] = e.getValue();
      }
      out.add(new SheetTable.Row(line++, List.of(cells)));
    }
    return new SheetTable(sheet, header, out);
  }
}
