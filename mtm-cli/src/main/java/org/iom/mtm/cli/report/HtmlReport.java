package org.iom.mtm.cli.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.iom.mtm.indicators.result.AnalysisType;
import org.iom.mtm.indicators.result.Flag;
import org.iom.mtm.indicators.result.ResultRow;
import org.iom.mtm.indicators.result.ResultTable;
import org.jspecify.annotations.Nullable;

/**
 * The report as one self-contained HTML page: the seed report's sections, each figure a bar chart
 * with 95% interval whiskers (XChart, embedded as PNG data URIs) beside its table of n, estimate,
 * interval, weighted estimate and flags; flagged (small or unreliable) cells footnoted.
 */
public final class HtmlReport {
  /** The title of the baseline section. */
  public static final String BASELINE_SECTION = "Key findings from the baseline assessment";

  private static final Map<Flag, String> MEANING = new LinkedHashMap<>();

  static {
    MEANING.put(Flag.LOW_N, "fewer than 30 respondents in the denominator");
    MEANING.put(Flag.LOW_NEFF, "effective sample size below 30 (NCHS)");
    MEANING.put(Flag.WIDE_CI, "interval at least 30 percentage points wide (NCHS)");
    MEANING.put(Flag.UNRELIABLE, "relative interval width above 130% (NCHS)");
    MEANING.put(Flag.DF_LT_8, "fewer than 8 degrees of freedom");
    MEANING.put(Flag.UNRELIABLE_COUNT, "count or total with n below 30 or a relative standard error of 30% or more");
    MEANING.put(Flag.COMPLEMENT, "the complement 1 - p would not meet the NCHS standard");
    MEANING.put(Flag.EMPTY, "empty domain");
    MEANING.put(Flag.NO_VARIANCE, "variance not estimable");
    MEANING.put(Flag.MISSING_VALUES, "missing values");
    MEANING.put(Flag.SUPPRESSED, "withheld by disclosure control");
    MEANING.put(Flag.ZERO_BASE, "growth from a zero base");
    MEANING.put(Flag.NO_DATA, "no data for that year");
    MEANING.put(Flag.INFORMANT_DISAGREEMENT, "key informants disagree");
  }

  private HtmlReport() {}

  /**
   * The page.
   *
   * @param title the page title
   * @param analyses the survey analyses, in the report's order
   * @param survey the unweighted rows
   * @param weighted the weighted rows, or null
   * @param baseline the baseline rows, or null
   * @param labels names of variables and levels
   * @return the HTML
   */
  public static String html(
      String title, List<Analysis> analyses, ResultTable survey, @Nullable ResultTable weighted,
      @Nullable ResultTable baseline, Labels labels) {
    StringBuilder h = new StringBuilder(1 << 20);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title))
        .append("</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1200px;color:#222;padding:0 1rem}\n")
        .append("h1{color:#0d5eaf}h2{border-bottom:2px solid #0d5eaf;padding-bottom:.2rem;margin-top:2.5rem}\n")
        .append("figure{margin:1.5rem 0;padding:0}figcaption{font-weight:600;margin-bottom:.3rem}\n")
        .append(".row{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}.row img{max-width:100%;border:1px solid #eee}\n")
        .append("table{border-collapse:collapse;font-size:.85rem}td,th{border-bottom:1px solid #ddd;padding:.2rem .5rem;text-align:right}\n")
        .append("td:first-child,th:first-child,td.l{text-align:left}.pub{color:#555;font-size:.9rem;margin:.2rem 0}\n")
        .append(".foot{font-size:.8rem;color:#555}.flag{color:#b00}\n")
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>").append(esc(title)).append("</h1>\n");
    h.append("<p>Weights: ").append(esc(survey.meta().getOrDefault("weights", ""))).append(". ")
        .append(esc(survey.meta().getOrDefault("denominator", ""))).append(". Intervals: ")
        .append(esc(survey.meta().getOrDefault("intervals", ""))).append(".");
    if (weighted != null) {
      h.append(" Weighted column: ").append(esc(weighted.meta().getOrDefault("weights", ""))).append('.');
    }
    h.append("</p>\n");
    List<String> sections = new ArrayList<>();
    if (baseline != null) {
      sections.add(BASELINE_SECTION);
    }
    for (Analysis a : analyses) {
      if (!sections.contains(a.section())) {
        sections.add(a.section());
      }
    }
    h.append("<nav><ol>\n");
    for (String s : sections) {
      h.append("<li><a href=\"#").append(anchor(s)).append("\">").append(esc(s)).append("</a></li>\n");
    }
    h.append("</ol></nav>\n");
    if (baseline != null) {
      baselineSection(h, baseline, labels);
    }
    for (String s : sections) {
      if (s.equals(BASELINE_SECTION)) {
        continue;
      }
      h.append("<section id=\"").append(anchor(s)).append("\">\n<h2>").append(esc(s)).append("</h2>\n");
      for (Analysis a : analyses) {
        if (a.section().equals(s)) {
          figure(h, a, survey, weighted, labels);
        }
      }
      h.append("</section>\n");
    }
    h.append("<p class=\"foot\">Made by mtm report. Every figure is computed from the raw data; none is typed.</p>\n");
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static void figure(StringBuilder h, Analysis a, ResultTable survey, @Nullable ResultTable weighted, Labels labels) {
    List<ResultRow> rows = new ArrayList<>();
    for (ResultRow r : survey.rows()) {
      if (r.analysisType() == a.type() && r.analysisVar().equals(a.variable())
          && (r.groupVars().isEmpty() || r.groupVars().equals(a.by()))) {
        rows.add(r);
      }
    }
    boolean prop = Headlines.isProportion(a.type());
    h.append("<figure>\n<figcaption>").append(esc(a.title())).append("</figcaption>\n");
    h.append("<p class=\"pub\">").append(esc(labels.variable(a.variable())));
    if (!a.published().isEmpty()) {
      h.append(" &middot; published: ").append(esc(a.published()));
    }
    h.append("</p>\n<div class=\"row\">\n");
    // One chart per domain (everyone, then each group), as the report's Figures 7 and 8 do.
    Map<String, List<Charts.Bar>> charts = new LinkedHashMap<>();
    for (ResultRow r : rows) {
      String group = r.groupValues().isEmpty() ? "Everyone asked" : labels.level(r.groupVars().get(0), String.join(" / ", r.groupValues()));
      if (r.stat() == null) {
        continue;
      }
      double k = prop ? 100 : 1;
      String key = prop ? group : "";
      String label = prop ? labels.level(a.variable(), value(r)) : group;
      charts.computeIfAbsent(key, x -> new ArrayList<>())
          .add(new Charts.Bar(label, k * r.stat(), r.statLow() == null ? null : k * r.statLow(), r.statUpp() == null ? null : k * r.statUpp()));
    }
    for (Map.Entry<String, List<Charts.Bar>> c : charts.entrySet()) {
      String t = c.getKey().isEmpty() ? a.title() : a.title() + " | " + c.getKey();
      String uri = Charts.bars(t, prop ? "% (95% interval)" : labels.variable(a.variable()), c.getValue());
      h.append("<img alt=\"").append(esc(t)).append("\" src=\"").append(uri).append("\">\n");
    }
    table(h, a, rows, weighted, labels, prop);
    if (a.variable().equals("income") && a.type() == AnalysisType.MEAN) {
      for (ResultRow r : rows) {
        if (r.groupVars().isEmpty() && r.stat() != null) {
          h.append("<p class=\"foot\">Mean income of everyone asked: ").append(esc(Catalogue.inUsd(r.stat()))).append(".</p>\n");
        }
      }
    }
    h.append("</div>\n</figure>\n");
  }

  private static void table(StringBuilder h, Analysis a, List<ResultRow> rows, @Nullable ResultTable weighted, Labels labels, boolean prop) {
    Set<Flag> seen = EnumSet.noneOf(Flag.class);
    h.append("<div><table>\n<tr><th>").append(prop ? "Answer" : "Statistic").append("</th><th>Group</th><th>n</th><th>of</th><th>")
        .append(prop ? "%" : "Estimate").append("</th><th>95% interval</th><th>deff</th>");
    if (weighted != null) {
      h.append("<th>Weighted</th>");
    }
    h.append("<th></th></tr>\n");
    for (ResultRow r : rows) {
      ResultRow w = weighted == null ? null : weighted.row(r.analysisKey());
      String level = r.analysisVarValue() == null ? a.type().code() : labels.level(a.variable(), value(r));
      String group = r.groupValues().isEmpty() ? "all" : labels.level(r.groupVars().get(0), String.join(" / ", r.groupValues()));
      h.append("<tr><td>").append(esc(level)).append("</td><td class=\"l\">").append(esc(group)).append("</td><td>")
          .append(r.n()).append("</td><td>").append(r.nTotal()).append("</td><td>")
          .append(esc(Headlines.value(r.analysisType(), r.stat()))).append("</td><td>")
          .append(esc(Headlines.interval(r.analysisType(), r.statLow(), r.statUpp()))).append("</td><td>")
          .append(r.deff() == null ? "" : String.format(Locale.ROOT, "%.2f", r.deff())).append("</td>");
      if (weighted != null) {
        h.append("<td>").append(w == null ? "" : esc(Headlines.value(w.analysisType(), w.stat()))).append("</td>");
      }
      h.append("<td class=\"flag\">");
      if (!r.flags().isEmpty()) {
        seen.addAll(r.flags());
        h.append("&dagger; ").append(esc(r.flagCodes()));
      }
      h.append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (!seen.isEmpty()) {
      h.append("<p class=\"foot\">&dagger; Small or unreliable cell: ");
      List<String> notes = new ArrayList<>();
      for (Flag f : seen) {
        notes.add(f.code() + " = " + MEANING.getOrDefault(f, f.code()));
      }
      h.append(esc(String.join("; ", notes))).append(". Read these figures with care.</p>\n");
    }
    h.append("</div>\n");
  }

  private static String value(ResultRow r) {
    return r.analysisVarValue() == null ? "" : r.analysisVarValue();
  }

  private static void baselineSection(StringBuilder h, ResultTable baseline, Labels labels) {
    h.append("<section id=\"").append(anchor(BASELINE_SECTION)).append("\">\n<h2>").append(esc(BASELINE_SECTION)).append("</h2>\n");
    // Country totals and growth.
    h.append("<figure><figcaption>International migrant workers in the locations assessed</figcaption>\n<div class=\"row\">\n<table>\n")
        .append("<tr><th>Figure</th><th>Period</th><th>Value</th></tr>\n");
    List<Charts.Bar> totals = new ArrayList<>();
    for (ResultRow r : baseline.rows()) {
      if (!r.groupVars().isEmpty() || r.stat() == null) {
        continue;
      }
      if (r.analysisType() == AnalysisType.COUNT) {
        totals.add(new Charts.Bar(value(r), r.stat(), null, null));
        h.append(tr("Migrant workers", value(r), String.format(Locale.ROOT, "%,.0f", r.stat())));
      } else if (r.analysisType() == AnalysisType.GROWTH) {
        h.append(tr("Growth", value(r), String.format(Locale.ROOT, "%+.1f%%", 100 * r.stat())));
      }
    }
    h.append("</table>\n");
    h.append("<img alt=\"Migrant workers by year\" src=\"").append(Charts.bars("Migrant workers by year", "migrant workers", totals))
        .append("\">\n</div></figure>\n");
    grouped(h, baseline, "nationality", "Figure 1: top 5 nationalities, annual trends", labels);
    grouped(h, baseline, "admin1", "Figure 2: migrant workers by province, annual trends", labels);
    // Shares and growth of the top five nationalities and provinces, last year and first to last.
    for (String dim : List.of("nationality", "admin1")) {
      List<Charts.Bar> shares = new ArrayList<>();
      List<Charts.Bar> growth = new ArrayList<>();
      String last = "";
      for (ResultRow r : baseline.rows()) {
        if (r.groupVars().equals(List.of(dim)) && r.analysisType() == AnalysisType.COUNT && value(r).compareTo(last) > 0) {
          last = value(r);
        }
      }
      Set<String> periods = new TreeSet<>();
      for (ResultRow r : baseline.rows()) {
        if (r.groupVars().equals(List.of(dim)) && r.analysisType() == AnalysisType.GROWTH) {
          periods.add(value(r));
        }
      }
      String span = "";
      for (String p : periods) {
        if (span.isEmpty() || Integer.parseInt(p.substring(5)) - Integer.parseInt(p.substring(0, 4))
            > Integer.parseInt(span.substring(5)) - Integer.parseInt(span.substring(0, 4))) {
          span = p;
        }
      }
      for (ResultRow r : baseline.rows()) {
        if (!r.groupVars().equals(List.of(dim)) || r.stat() == null) {
          continue;
        }
        String name = labels.level(dim, r.groupValues().get(0));
        if (r.analysisType() == AnalysisType.SHARE && value(r).equals(last)) {
          shares.add(new Charts.Bar(name, 100 * r.stat(), null, null));
        } else if (r.analysisType() == AnalysisType.GROWTH && value(r).equals(span)) {
          growth.add(new Charts.Bar(name, 100 * r.stat(), null, null));
        }
      }
      String what = dim.equals("nationality") ? "nationality" : "province";
      h.append("<figure><figcaption>Shares by ").append(what).append(' ').append(esc(last)).append(" and growth ")
          .append(esc(span)).append("</figcaption>\n<div class=\"row\">\n");
      h.append("<img alt=\"shares\" src=\"").append(Charts.bars("Share by " + what + ", " + last, "%", shares)).append("\">\n");
      h.append("<img alt=\"growth\" src=\"").append(Charts.bars("Growth by " + what + ", " + span, "%", growth)).append("\">\n");
      h.append("<table><tr><th>").append(what).append("</th><th>share ").append(esc(last)).append("</th><th>growth ")
          .append(esc(span)).append("</th></tr>\n");
      for (int i = 0; i < shares.size(); i++) {
        String g = i < growth.size() ? String.format(Locale.ROOT, "%+.1f%%", growth.get(i).value()) : "";
        h.append(tr(shares.get(i).label(), String.format(Locale.ROOT, "%.1f%%", shares.get(i).value()), g));
      }
      h.append("</table>\n</div></figure>\n");
    }
    // Map 2 as bars: the 15 rayons with the most migrant workers in the last year.
    List<ResultRow> rayons = new ArrayList<>();
    String last = "";
    for (ResultRow r : baseline.rows()) {
      if (r.groupVars().equals(List.of("admin2")) && r.analysisType() == AnalysisType.COUNT && r.stat() != null) {
        rayons.add(r);
        last = value(r).compareTo(last) > 0 ? value(r) : last;
      }
    }
    String year = last;
    List<ResultRow> lastYear = new ArrayList<>(rayons.stream().filter(r -> value(r).equals(year)).toList());
    lastYear.sort((x, y) -> Double.compare(y.stat(), x.stat()));
    List<Charts.Bar> top = new ArrayList<>();
    for (ResultRow r : lastYear.subList(0, Math.min(15, lastYear.size()))) {
      top.add(new Charts.Bar(labels.level("admin2", r.groupValues().get(0)), r.stat(), null, null));
    }
    h.append("<figure><figcaption>Map 2 as bars: the 15 districts with the most migrant workers, ").append(esc(year))
        .append(" (").append(lastYear.size()).append(" districts assessed)</figcaption>\n<div class=\"row\">\n<img alt=\"districts\" src=\"")
        .append(Charts.bars("Migrant workers by district, " + year, "migrant workers", top)).append("\">\n</div></figure>\n");
    h.append("</section>\n");
  }

  private static void grouped(StringBuilder h, ResultTable baseline, String dim, String title, Labels labels) {
    Set<String> years = new TreeSet<>();
    Map<String, Map<String, Double>> byGroup = new LinkedHashMap<>();
    for (ResultRow r : baseline.rows()) {
      if (r.groupVars().equals(List.of(dim)) && r.analysisType() == AnalysisType.COUNT && r.stat() != null) {
        years.add(value(r));
        byGroup.computeIfAbsent(labels.level(dim, r.groupValues().get(0)), k -> new LinkedHashMap<>()).put(value(r), r.stat());
      }
    }
    List<String> cats = new ArrayList<>(years);
    List<String> names = new ArrayList<>(new LinkedHashSet<>(byGroup.keySet()));
    List<List<Double>> series = new ArrayList<>();
    h.append("<figure><figcaption>").append(esc(title)).append("</figcaption>\n<div class=\"row\">\n");
    h.append("<table><tr><th></th>");
    for (String y : cats) {
      h.append("<th>").append(esc(y)).append("</th>");
    }
    h.append("</tr>\n");
    for (String n : names) {
      List<Double> v = new ArrayList<>();
      h.append("<tr><td>").append(esc(n)).append("</td>");
      for (String y : cats) {
        Double c = byGroup.get(n).get(y);
        v.add(c == null ? 0.0 : c);
        h.append("<td>").append(c == null ? "" : String.format(Locale.ROOT, "%,.0f", c)).append("</td>");
      }
      h.append("</tr>\n");
      series.add(v);
    }
    h.append("</table>\n");
    h.append("<img alt=\"").append(esc(title)).append("\" src=\"")
        .append(Charts.groupedBars(title, "migrant workers", cats, names, series)).append("\">\n</div></figure>\n");
  }

  private static String tr(String a, String b, String c) {
    return "<tr><td>" + esc(a) + "</td><td>" + esc(b) + "</td><td>" + esc(c) + "</td></tr>\n";
  }

  static String anchor(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
