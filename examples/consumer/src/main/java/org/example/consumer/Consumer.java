package org.example.consumer;

import java.io.StringWriter;
import org.iom.mtm.core.PopulationCategory;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.iom.mtm.indicators.estimate.Estimation;
import org.iom.mtm.indicators.result.ResultTable;
import org.iom.mtm.io.ResultFormat;
import org.iom.mtm.io.result.ResultWriter;

/**
 * A downstream project using the installed mtm artifacts through mtm-bom, as another IOM project
 * would: the domain model, an estimate with its standard error, a writer. A broken POM (a test
 * dependency leaked, a wrong scope, a missing module) fails here.
 */
public final class Consumer {
  private Consumer() {}

  public static void main(String[] args) {
    if (PopulationCategory.ofCode("migrant_worker") != PopulationCategory.MIGRANT_WORKER) {
      throw new AssertionError("population category");
    }
    SurveyData data = SurveyData.of(
        CategoricalColumn.builder("sex", java.util.List.of("female", "male"))
            .add("female").add("male").add("male").add("female").build(),
        NumericColumn.of("income", 100, 200, 300, 400),
        NumericColumn.of("w", 1, 2, 1, 2));
    ResultTable t = Estimation.of(SurveyDesign.builder(data).weights("w").build()).mean("income").run();
    // Weighted mean: (100 + 400 + 300 + 800) / 6.
    double mean = t.rows().get(0).stat();
    if (Math.abs(mean - 1600.0 / 6) > 1e-9) {
      throw new AssertionError("mean " + mean);
    }
    StringWriter csv = new StringWriter();
    ResultWriter.write(t, ResultFormat.CSV, csv);
    System.out.print(csv);
    System.out.println("consumer ok");
  }
}
