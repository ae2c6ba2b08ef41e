package org.iom.mtm.cli;

import java.util.List;
import java.util.Locale;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.indicators.design.LonelyPsu;
import org.iom.mtm.indicators.design.SurveyDesign;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The design flags shared by {@code mtm estimate} and {@code mtm weight}: cluster ids, strata,
 * weights, finite population corrections and the treatment of lonely PSUs, as R's
 * {@code svydesign} takes them.
 */
final class DesignOptions {

  @Option(
      names = "--ids",
      split = ",",
      paramLabel = "V1[,V2]",
      description = "Cluster ids by stage (one or two variables). Absent: every row is its own PSU.")
  List<String> ids = List.of();

  @Option(names = "--strata", paramLabel = "V", description = "Stratum variable.")
  @Nullable String strata;

  @Option(names = "--weights", paramLabel = "V", description = "Sampling-weight variable. Absent: weights from the --fpc population sizes as R's svydesign does, else 1.")
  @Nullable String weights;

  @Option(
      names = "--fpc",
      split = ",",
      paramLabel = "V1[,V2]",
      description = "Finite population correction by stage: values <= 1 are sampling fractions, larger ones population sizes.")
  List<String> fpc = List.of();

  @Option(
      names = "--lonely-psu",
      paramLabel = "fail|remove|certainty|adjust|average",
      defaultValue = "fail",
      description = "Strata with a single PSU, as R's survey.lonely.psu (default: ${DEFAULT-VALUE}).")
  String lonelyPsu = "fail";

  @Option(names = "--nest", description = "PSU ids are unique only within strata (R's nest = TRUE).")
  boolean nest;

  /** The variables the design reads, for error messages and for reading the data. */
  List<String> variables() {
    java.util.List<String> v = new java.util.ArrayList<>(ids);
    if (strata != null) {
      v.add(strata);
    }
    if (weights != null) {
      v.add(weights);
    }
    v.addAll(fpc);
    return v;
  }

  /**
   * Builds the design over the data.
   *
   * @throws IllegalArgumentException from the design, naming variable and row
   */
  SurveyDesign design(SurveyData data) {
    SurveyDesign.Builder b = SurveyDesign.builder(data).lonelyPsu(lonely(lonelyPsu)).nest(nest);
    if (!ids.isEmpty()) {
      b.ids(ids.toArray(String[]::new));
    }
    if (strata != null) {
      b.strata(strata);
    }
    if (weights != null) {
      b.weights(weights);
    }
    if (!fpc.isEmpty()) {
      b.fpc(fpc.toArray(String[]::new));
    }
    return b.build();
  }

  static LonelyPsu lonely(String name) {
    try {
      return LonelyPsu.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InputException("--lonely-psu: '" + name + "' is not one of fail, remove, certainty, adjust, average");
    }
  }
}
