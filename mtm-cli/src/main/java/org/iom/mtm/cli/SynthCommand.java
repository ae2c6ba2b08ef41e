package org.iom.mtm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.iom.mtm.core.geo.Gazetteer;
import org.iom.mtm.io.OutputFile;
import org.iom.mtm.io.export.BaselineCsvExport;
import org.iom.mtm.io.export.KoboAssetJson;
import org.iom.mtm.io.export.KoboCsvExport;
import org.iom.mtm.testkit.SyntheticBaseline;
import org.iom.mtm.testkit.SyntheticSurvey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mtm synth}: realistic synthetic MTM data from a seed. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description =
        "Write synthetic MTM data from a seed: DIR/form.json (KoBo asset JSON), DIR/survey.csv"
            + " (KoBo CSV export) and DIR/baseline.csv (baseline long CSV). The same seed gives"
            + " the same bytes.")
final class SynthCommand implements Callable<Integer> {

  @Option(names = "--respondents", required = true, description = "Number of survey respondents.")
  int respondents;

  @Option(names = "--seed", required = true, description = "The seed.")
  long seed;

  @Option(names = "--out", required = true, description = "Output directory (created if absent).")
  Path out;

  @Option(names = "--sites-per-region", defaultValue = "8", description = "PSUs (sites) per region (default: ${DEFAULT-VALUE}).")
  int sitesPerRegion;

  @Option(names = "--baseline-scale", defaultValue = "1.0", description = "Baseline size relative to the seed's 668,422 migrant workers (default: ${DEFAULT-VALUE}).")
  double baselineScale;

  @Override
  public Integer call() throws IOException {
    SyntheticSurvey.Result survey;
    try {
      survey = SyntheticSurvey.generate(new SyntheticSurvey.Spec(respondents, seed, sitesPerRegion));
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage(), e);
    }
    if (!(baselineScale > 0)) {
      throw new InputException("--baseline-scale must be positive, got " + baselineScale);
    }
    Files.createDirectories(out);
    OutputFile.write(out.resolve("form.json"), w -> KoboAssetJson.write(survey.form(), w));
    OutputFile.write(out.resolve("survey.csv"), w -> KoboCsvExport.write(survey.data(), w, ';'));
    OutputFile.write(
        out.resolve("baseline.csv"),
        w -> BaselineCsvExport.write(SyntheticBaseline.generate(seed, baselineScale), Gazetteer.kazakhstan(), w));
    return 0;
  }
}
