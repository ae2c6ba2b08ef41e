package org.iom.mtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iom.mtm.cli.report.Catalogue;
import org.iom.mtm.cli.report.HtmlReport;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.iom.mtm.io.result.ResultReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mtm report --example kazakhstan-2023}: the published figures of the MTM Kazakhstan 2023
 * report (INDICATORS.md, as printed, rounded) come out of the embedded raw data.
 */
class ReportCommandTest {

  @TempDir static Path dir;
  static MtmTest.Run run;
  static ResultTable table;
  static ResultTable weighted;

  @BeforeAll
  static void report() throws IOException {
    run = MtmTest.mtm("report", "--example", "kazakhstan-2023", "--out", dir.toString());
    table = ResultReader.readJson(dir.resolve("indicators.json"));
    weighted = ResultReader.readJson(dir.resolve("weighted").resolve("indicators.json"));
  }

  private static ResultRow row(ResultTable t, String key) {
    ResultRow r = t.row(key);
    assertNotNull(r, key);
    return r;
  }

  private static long pct(String key) {
    return Math.round(100 * row(table, key).stat());
  }

  @Test
  void runsAndWritesEveryFile() {
    assertEquals(0, run.status(), run.err());
    for (String f : new String[] {"indicators.csv", "indicators.json", "indicators.hxl.csv", "report.html",
        "weighted/indicators.csv", "weighted/indicators.json", "weighted/indicators.hxl.csv"}) {
      assertTrue(Files.isRegularFile(dir.resolve(f)), f);
    }
  }

  @Test
  void profileAsPublished() {
    ResultRow women = row(table, "prop_select_one @/@ sex %/% female @/@ NA %/% NA");
    assertEquals(204, women.n());
    assertEquals(1131, women.nTotal());
    assertEquals(18, Math.round(100 * women.stat()));
    // Sites cluster, so the design effect is there, finite and positive.
    assertNotNull(women.deff());
    assertTrue(women.deff() > 0, women.toString());
    assertEquals(37.0, row(table, "mean @/@ age %/% NA @/@ sex %/% female").stat(), 1e-9);
    assertEquals(35.0, row(table, "mean @/@ age %/% NA @/@ sex %/% male").stat(), 1e-9);
    assertEquals(53, pct("prop_select_one @/@ marital_status %/% married @/@ sex %/% female"));
    assertEquals(61, pct("prop_select_one @/@ marital_status %/% married @/@ sex %/% male"));
    assertEquals(60, pct("prop_select_one @/@ marital_status %/% married @/@ NA %/% NA"));
    assertEquals(53, pct("prop_select_one @/@ main_provider %/% yes @/@ NA %/% NA"));
  }

  @Test
  void tablesOneAndTwoCountsAsPublished() {
    String[] nat = {"UZB", "RUS", "TJK", "KGZ", "AZE"};
    long[] t1 = {708, 144, 96, 84, 46};
    for (int i = 0; i < nat.length; i++) {
      assertEquals(t1[i], row(table, "prop_select_one @/@ nationality %/% " + nat[i] + " @/@ NA %/% NA").n(), nat[i]);
    }
    // As printed: percentages of the five rows' total (1,078).
    long[] printed = {66, 13, 9, 8, 4};
    for (int i = 0; i < nat.length; i++) {
      ResultRow r = row(table, "prop_select_one @/@ nationality_top5 %/% " + nat[i] + " @/@ NA %/% NA");
      assertEquals(1078, r.nTotal(), nat[i]);
      assertEquals(printed[i], Math.round(100 * r.stat()), nat[i]);
    }
    String[] type = {"employee", "dependent_contractor", "self_employed", "employer"};
    long[] t2 = {496, 425, 95, 14};
    for (int i = 0; i < type.length; i++) {
      ResultRow r = row(table, "prop_select_one @/@ employment_type %/% " + type[i] + " @/@ NA %/% NA");
      assertEquals(t2[i], r.n(), type[i]);
      assertEquals(1030, r.nTotal(), type[i]);
    }
  }

  @Test
  void incomeDontKnowAndMultiSelectAsPublished() {
    assertEquals(194_212.0, row(table, "mean @/@ income %/% NA @/@ NA %/% NA").stat(), 1e-6);
    assertEquals(16, pct("prop_select_one @/@ health_access %/% dnk @/@ NA %/% NA"));
    assertEquals(67, pct("prop_select_one @/@ health_access %/% yes @/@ sex %/% female"));
    assertEquals(73, pct("prop_select_multiple @/@ job_search %/% internet @/@ NA %/% NA"));
    assertEquals(33, pct("prop_select_multiple @/@ obstacles %/% lack_documents @/@ sex %/% female"));
    assertEquals(4, Math.round(row(table, "mean @/@ household_size %/% NA @/@ NA %/% NA").stat()));
    assertEquals(41, pct("prop_select_one @/@ household_size_group %/% 1_3 @/@ NA %/% NA"));
    // The unemployed are a small cell: 62 respondents, and the 2% starting a business is flagged.
    ResultRow business = row(table, "prop_select_one @/@ start_business %/% yes @/@ NA %/% NA");
    assertEquals(62, business.nTotal());
    assertFalse(business.flags().isEmpty(), business.toString());
  }

  @Test
  void baselineAsPublished() {
    assertEquals(668_422.0, row(table, "count @/@ migrant_worker %/% 2022 @/@ NA %/% NA").stat(), 1e-9);
    assertEquals(26.3, Math.round(1000 * row(table, "growth @/@ migrant_worker %/% 2021-2022 @/@ NA %/% NA").stat()) / 10.0, 1e-9);
    assertEquals(14.9, Math.round(1000 * row(table, "growth @/@ migrant_worker %/% 2020-2021 @/@ NA %/% NA").stat()) / 10.0, 1e-9);
    assertEquals(81, pct("share @/@ migrant_worker %/% 2022 @/@ nationality %/% UZB"));
    assertEquals(95.6, Math.round(1000 * row(table, "growth @/@ migrant_worker %/% 2020-2022 @/@ nationality %/% RUS").stat()) / 10.0, 1e-9);
    assertEquals(32, pct("share @/@ migrant_worker %/% 2022 @/@ admin1 %/% KAZ014"));
  }

  @Test
  void weightedUsesTheBaseline() {
    ResultRow w = row(weighted, "prop_select_one @/@ sex %/% female @/@ NA %/% NA");
    // Design weights N_h / n_h add up to the baseline's 2022 total of the regions sampled.
    assertEquals(668_422.0, w.nWTotal(), 1e-6);
    assertEquals(204, w.n());
    assertTrue(weighted.meta().get("weights").contains("N_h / n_h"), weighted.meta().toString());
  }

  @Test
  void terminalShowsTheHeadlines() {
    assertTrue(run.out().contains("668,422"), run.out());
    assertTrue(run.out().contains("Table 1"), run.out());
    assertTrue(run.out().contains("Table 2"), run.out());
    // Published: 194,212 KZT (421 USD).
    assertTrue(run.out().contains("= 421 USD at 461.3 KZT per USD"), run.out());
  }

  @Test
  void htmlHasTheSectionsAndAtLeastTwentyCharts() throws IOException {
    String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    assertTrue(html.contains("<h2>" + HtmlReport.BASELINE_SECTION + "</h2>"));
    for (String s : Catalogue.SECTIONS) {
      assertTrue(html.contains("<h2>" + s + "</h2>"), s);
    }
    Matcher m = Pattern.compile("<img alt=\"[^\"]*\" src=\"data:image/png;base64,[A-Za-z0-9+/=]{200,}\"").matcher(html);
    int charts = 0;
    while (m.find()) {
      charts++;
    }
    assertTrue(charts >= 20, "charts: " + charts);
    assertFalse(html.contains("src=\"http"), "self-contained");
    assertTrue(html.contains("&dagger;"), "small cells footnoted");
  }

  @Test
  void exampleAndOwnDataAreExclusive() {
    MtmTest.Run r = MtmTest.mtm("report", "--example", "kazakhstan-2023", "--form", "f.json", "--data", "d.csv", "--out", dir.resolve("x").toString());
    assertEquals(2, r.status());
    assertFalse(Files.exists(dir.resolve("x")));
  }

  @Test
  void unknownExampleIsBadInputAndWritesNothing() {
    MtmTest.Run r = MtmTest.mtm("report", "--example", "atlantis", "--out", dir.resolve("y").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("atlantis"), r.err());
    assertFalse(Files.exists(dir.resolve("y")));
  }

  @Test
  void ownDataWithAPlan() throws IOException {
    Path in = dir.resolve("own");
    Files.createDirectories(in);
    for (String f : new String[] {ExampleFiles.FORM, ExampleFiles.SURVEY, ExampleFiles.BASELINE}) {
      Files.write(in.resolve(f), ExampleFiles.read(ExampleFiles.KAZAKHSTAN_2023, f));
    }
    Files.writeString(in.resolve("plan.json"), """
        {"analyses": [
          {"type": "prop_select_one", "variable": "remits", "by": ["sex"], "title": "Remittances"},
          {"type": "mean", "variable": "income", "by": "region"}
        ]}""");
    Path out = dir.resolve("own-out");
    MtmTest.Run r = MtmTest.mtm("report", "--form", in.resolve(ExampleFiles.FORM).toString(),
        "--data", in.resolve(ExampleFiles.SURVEY).toString(), "--baseline", in.resolve(ExampleFiles.BASELINE).toString(),
        "--plan", in.resolve("plan.json").toString(), "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    ResultTable t = ResultReader.readJson(out.resolve("indicators.json"));
    // Published: 53% remit (men 57%, women 35%).
    assertEquals(57, Math.round(100 * row(t, "prop_select_one @/@ remits %/% yes @/@ sex %/% male").stat()));
    assertEquals(35, Math.round(100 * row(t, "prop_select_one @/@ remits %/% yes @/@ sex %/% female").stat()));
    assertNotNull(t.row("mean @/@ income %/% NA @/@ region %/% KAZ014"));
    assertTrue(Files.readString(out.resolve("report.html")).contains("Remittances"));
  }

  @Test
  void badPlanIsBadInputAndWritesNothing() throws IOException {
    Path in = dir.resolve("bad");
    Files.createDirectories(in);
    Files.write(in.resolve(ExampleFiles.FORM), ExampleFiles.read(ExampleFiles.KAZAKHSTAN_2023, ExampleFiles.FORM));
    Files.write(in.resolve(ExampleFiles.SURVEY), ExampleFiles.read(ExampleFiles.KAZAKHSTAN_2023, ExampleFiles.SURVEY));
    Files.writeString(in.resolve("plan.json"), "{\"analyses\": [{\"type\": \"mean\", \"variable\": \"no_such_var\"}]}");
    Path out = dir.resolve("bad-out");
    MtmTest.Run r = MtmTest.mtm("report", "--form", in.resolve(ExampleFiles.FORM).toString(),
        "--data", in.resolve(ExampleFiles.SURVEY).toString(), "--plan", in.resolve("plan.json").toString(), "--out", out.toString());
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().startsWith("mtm: error: ") && r.err().contains("no_such_var"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void anyFormWithoutPlanOrBaselineAnalysesEveryQuestion() throws IOException {
    org.iom.mtm.core.form.Questionnaire form = org.iom.mtm.core.form.Questionnaire.builder("tiny")
        .choices(org.iom.mtm.core.form.ChoiceList.of("colour", "red", "Red", "blue", "Blue"))
        .add(org.iom.mtm.core.form.Question.builder("colour", "select_one colour").label("Favourite colour"))
        .add(org.iom.mtm.core.form.Question.builder("size", "integer").label("Size"))
        .build();
    org.iom.mtm.core.data.CategoricalColumn.Builder colour =
        org.iom.mtm.core.data.CategoricalColumn.builder("colour", java.util.List.of("red", "blue"));
    org.iom.mtm.core.data.NumericColumn.Builder size = org.iom.mtm.core.data.NumericColumn.builder("size");
    for (int i = 0; i < 40; i++) {
      colour.add(i % 4 == 0 ? 1 : 0);
      size.add(10 + i % 7);
    }
    Path in = dir.resolve("tiny");
    Files.createDirectories(in);
    try (var w = Files.newBufferedWriter(in.resolve("form.json"))) {
      org.iom.mtm.io.export.KoboAssetJson.write(form, w);
    }
    try (var w = Files.newBufferedWriter(in.resolve("data.csv"))) {
      org.iom.mtm.io.export.KoboCsvExport.write(org.iom.mtm.core.data.SurveyData.of(colour.build(), size.build()), w, ';');
    }
    Path out = dir.resolve("tiny-out");
    MtmTest.Run r = MtmTest.mtm("report", "--form", in.resolve("form.json").toString(), "--data", in.resolve("data.csv").toString(),
        "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    ResultTable t = ResultReader.readJson(out.resolve("indicators.json"));
    // 30 of 40 answered red; the mean of 10 + (i mod 7) over i < 40 is 12.875 (515 / 40).
    assertEquals(0.75, row(t, "prop_select_one @/@ colour %/% red @/@ NA %/% NA").stat(), 1e-12);
    assertEquals(12.875, row(t, "mean @/@ size %/% NA @/@ NA %/% NA").stat(), 1e-12);
    assertFalse(Files.exists(out.resolve("weighted")), "no baseline, no weights");
    assertTrue(Files.readString(out.resolve("report.html")).contains("Favourite colour"));
  }
}
