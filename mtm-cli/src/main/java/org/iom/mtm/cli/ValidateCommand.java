package org.iom.mtm.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.LinkedHashSet;
import java.util.Set;
import org.iom.mtm.core.Round;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.geo.Country;
import org.iom.mtm.core.respondent.EligibilityCriteria;
import org.iom.mtm.core.respondent.EligibilityRule;
import org.iom.mtm.core.respondent.Ineligibility;
import org.iom.mtm.core.respondent.Respondent;
import org.iom.mtm.core.respondent.Screening;
import org.iom.mtm.indicators.disclosure.KAnonymity;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;
import org.iom.mtm.io.kobo.ChoiceFilterCheck;
import org.iom.mtm.io.csv.CsvOptions;
import org.iom.mtm.io.kobo.KoboOptions;
import org.iom.mtm.io.kobo.SpecialAnswers;
import org.iom.mtm.io.kobo.SurveyRead;
import org.iom.mtm.io.kobo.SurveyReader;
import org.iom.mtm.io.report.ReadReport;
import org.iom.mtm.io.xlsform.FormExpression;
import org.iom.mtm.io.xlsform.FormRead;
import org.iom.mtm.io.xlsform.XlsFormReader;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mtm validate}: checks survey data against their XLSForm (types, choice codes,
 * constraints, required answers, skip logic, choice filters) and, when criteria are given, the eligibility of
 * each respondent; prints the read report. Exit 0 when nothing is
 * wrong, 2 when the data do not fit (the first problem on stderr) or cannot be read.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check KoBo data (CSV, XLSX or JSON) against their form (XLSForm .xlsx, KoBo asset JSON, or"
          + " survey.csv with choices.csv beside it) and print the read report: rows read and used,"
          + " and every cell that is not a number, not a choice, fails its constraint, lacks a"
          + " required answer or is a choice its choice_filter would not offer given the row's other"
          + " answers, with file, line, column and value.",
      "Exit status 0 when the data fit the form, 2 otherwise."
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--form", required = true, paramLabel = "FORM", description = "The XLSForm: .xlsx, KoBo asset .json, or survey.csv (with choices.csv beside it).")
  Path form;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "The data: KoBo CSV (any delimiter, encoding, gzip), XLSX or JSON export.")
  Path data;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "The report as text (default) or json.")
  String format = "text";

  @Option(names = "--encoding", paramLabel = "CHARSET", description = "The CSV encoding (default: UTF-8, else windows-1252, detected).")
  @Nullable String encoding;

  @Option(names = "--delimiter", paramLabel = "CHAR", description = "The CSV delimiter: ';', ',' or 'tab' (default: detected from the header).")
  @Nullable String delimiter;

  @Option(names = "--dont-know", split = ",", paramLabel = "CODE", description = "Codes read as \"don't know\" (default dnk, dk, dont_know, do_not_know, idk).")
  List<String> dontKnow = new ArrayList<>();

  @Option(names = "--refused", split = ",", paramLabel = "CODE", description = "Codes read as \"refused\" (default pnta, refused, refuse, prefer_not_to_answer, prefer_not_answer).")
  List<String> refused = new ArrayList<>();

  @Option(names = "--k-anonymity", paramLabel = "K", description = "List the records whose combination of --quasi values is shared by fewer than K records (their rows, never their values).")
  @org.jspecify.annotations.Nullable Integer kAnonymity;

  @Option(names = "--quasi", split = ",", paramLabel = "V1,V2,...", description = "Quasi-identifiers for --k-anonymity, e.g. age_group,sex,nationality,admin2.")
  List<String> quasi = new ArrayList<>();

  @Option(names = "--min-age", paramLabel = "N", description = "Eligibility: respondents must be at least N years old (checked when given).")
  @Nullable Integer minAge;

  @Option(names = "--exclude-nationality", split = ",", paramLabel = "ISO3", description = "Eligibility: nationalities not surveyed, such as KAZ (checked when given).")
  List<String> excludedNationalities = new ArrayList<>();

  @Option(names = "--age-var", paramLabel = "V", defaultValue = "age", description = "The age variable for eligibility (default age).")
  String ageVar = "age";

  @Option(names = "--nationality-var", paramLabel = "V", defaultValue = "nationality", description = "The nationality variable for eligibility (default nationality).")
  String nationalityVar = "nationality";

  @Override
  public Integer call() {
    String fmt = format.strip().toLowerCase(Locale.ROOT);
    if (!fmt.equals("text") && !fmt.equals("json")) {
      throw new InputException("--format: unknown report format '" + format + "': expected text or json");
    }
    FormRead f;
    SurveyRead read;
    try {
      f = XlsFormReader.read(form);
      read = SurveyReader.read(data, options(f));
    } catch (ReadException e) {
      throw new InputException(e.getMessage(), e);
    }
    ReadReport report = eligibility(read, ChoiceFilterCheck.check(f, read));
    PrintWriter out = spec.commandLine().getOut();
    if (fmt.equals("json")) {
      out.print(report.toJson());
    } else {
      out.println("form: " + form + " (" + f.form().questions().size() + " questions, "
          + f.form().choiceLists().size() + " choice lists, " + f.warnings().size() + " warnings)");
      for (ReadProblem w : f.warnings()) {
        out.println("form warning: " + w.message());
      }
      out.print(report.toText());
    }
    if (kAnonymity != null) {
      if (quasi.isEmpty()) {
        throw new InputException("--k-anonymity needs --quasi V1,V2,...");
      }
      KAnonymity k = InputFiles.inFile(data, () -> KAnonymity.check(read.data(), quasi, kAnonymity));
      out.println(k.risky().size() + " of " + k.rows() + " records are in classes smaller than " + k.k()
          + " on " + String.join(", ", quasi) + " (" + k.classes() + " classes)");
      for (KAnonymity.Record r : k.risky()) {
        out.println("  record " + (r.row() + 1) + ": class of " + r.classSize());
      }
    }
    out.flush();
    if (!report.ok()) {
      ReadProblem first = report.errors().get(0);
      long more = report.errorCount() - 1;
      throw new InputException(first.message()
          + (more > 0 ? " (and " + more + " more errors: the data do not fit the form; see the report)" : ""));
    }
    return 0;
  }

  /** Screens every row with the criteria given; each ineligible row is an error at its line. */
  private ReadReport eligibility(SurveyRead read, ReadReport base) {
    if (minAge == null && excludedNationalities.isEmpty()) {
      return base;
    }
    List<EligibilityRule> rules = new ArrayList<>();
    try {
      if (minAge != null) {
        rules.add(new EligibilityRule.MinimumAge(minAge));
      }
      if (!excludedNationalities.isEmpty()) {
        Set<Country> excluded = new LinkedHashSet<>();
        for (String c : excludedNationalities) {
          excluded.add(Country.resolve(c));
        }
        rules.add(new EligibilityRule.ExcludedNationalities(excluded));
      }
    } catch (IllegalArgumentException e) {
      throw new InputException("--min-age/--exclude-nationality: " + e.getMessage(), e);
    }
    EligibilityCriteria criteria = EligibilityCriteria.of(rules);
    SurveyData d = read.data();
    Column age = minAge == null ? null : variable(d, ageVar, "--age-var");
    Column nat = excludedNationalities.isEmpty() ? null : variable(d, nationalityVar, "--nationality-var");
    Column id = d.find("_uuid").orElse(null);
    ReadReport.Builder b = base.toBuilder();
    int eligible = 0;
    for (int r = 0; r < d.rowCount(); r++) {
      String rid = id != null && id.isAnswered(r) ? text(id, r) : "row " + (r + 1);
      Integer years = null;
      if (age != null && age.isAnswered(r)) {
        String a = text(age, r);
        try {
          double v = Double.parseDouble(a);
          if (v == Math.rint(v) && v >= 0 && v <= Respondent.MAX_AGE) {
            years = (int) v;
          } else {
            b.error(new ReadProblem(read.report().file(), read.line(r), 0, ageVar, a, "age is not a whole number of years in 0.." + Respondent.MAX_AGE));
          }
        } catch (NumberFormatException e) {
          b.error(new ReadProblem(read.report().file(), read.line(r), 0, ageVar, a, "age is not a number"));
        }
      }
      Country country = null;
      if (nat != null && nat.isAnswered(r)) {
        String n = text(nat, r);
        country = Country.find(n).orElse(null);
        if (country == null) {
          b.error(new ReadProblem(read.report().file(), read.line(r), 0, nationalityVar, n, "not a known country"));
        }
      }
      Screening s = criteria.screen(new Respondent(rid, years, null, country, Round.mtmKazakhstan2023(), false));
      if (s.reasons().isEmpty()) {
        eligible++;
      }
      for (Ineligibility why : s.reasons()) {
        b.error(new ReadProblem(read.report().file(), read.line(r), 0, null, rid, "not eligible (" + why.rule() + "): " + why.reason()));
      }
    }
    b.fact("eligible rows", eligible + " of " + d.rowCount());
    return b.build();
  }

  private static Column variable(SurveyData d, String name, String option) {
    return d.find(name).orElseThrow(() -> new InputException(option + ": no variable '" + name + "' in the data; variables are " + d.names()));
  }

  private static String text(Column c, int row) {
    return FormExpression.answer(c, row);
  }


  private KoboOptions options(FormRead f) {
    CsvOptions csv = CsvOptions.DETECT;
    if (encoding != null) {
      try {
        csv = csv.withCharset(Charset.forName(encoding.strip()));
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        throw new InputException("--encoding: unknown charset '" + encoding + "'", e);
      }
    }
    if (delimiter != null) {
      String d = delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
      if (d.length() != 1 || d.equals("\"")) {
        throw new InputException("--delimiter: expected one character or 'tab', got '" + delimiter + "'");
      }
      csv = csv.withDelimiter(d.charAt(0));
    }
    SpecialAnswers special = SpecialAnswers.DEFAULT;
    try {
      for (String c : dontKnow) {
        special = special.with(c, AnswerState.DONT_KNOW);
      }
      for (String c : refused) {
        special = special.with(c, AnswerState.REFUSED);
      }
    } catch (IllegalArgumentException e) {
      throw new InputException("--dont-know/--refused: " + e.getMessage(), e);
    }
    return KoboOptions.DEFAULT.withForm(f.form()).withCsv(csv).withSpecialAnswers(special).withValidation(true);
  }
}
