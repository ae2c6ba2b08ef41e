# Reference rows for `--conventions impact`: a real run of IMPACT's analysistools on kobo.csv.
#
# Versions of the run that wrote golden/impact/kobo_impact.csv:
#   R 4.2.2, survey 4.1.1, srvyr 1.3.0 (github gergness/srvyr commit 53c6662, "prepare for release
#   again", Version 1.3.0), dplyr 1.1.0 (srvyr 1.3.0 needs dplyr >= 1.1.0), tidyr 1.3.0,
#   analysistools 0.0.0.903 (github impact-initiatives/analysistools commit d748f32). analysistools
#   was installed with addindicators and cleaningtools dropped from its DESCRIPTION Imports: they
#   are used only by create_loa() (no loa given) and review_analysis(), neither called here.
#
# Run from the repository root, with those packages on the library path:
#   Rscript mtm-indicators/src/test/r/impact.R
suppressPackageStartupMessages({
  library(srvyr)
  library(analysistools)
})

data <- read.csv("mtm-indicators/src/test/resources/golden/data/kobo.csv",
                 check.names = FALSE, na.strings = c("", "NA"))

# One-stage stratified cluster design with weights, as IMPACT's MSNAs declare it (villages are
# numbered inside their stratum, hence nest = TRUE); with replacement (no fpc).
design <- srvyr::as_survey_design(data, ids = cluster, strata = stratum, weights = weight,
                                  nest = TRUE)

loa <- data.frame(
  analysis_type = c("mean", "median", "prop_select_one", "prop_select_one",
                    "prop_select_multiple", "ratio"),
  analysis_var = c("income", "income", "shelter", "remittances", "reasons", NA),
  group_var = NA_character_,
  level = 0.95,
  analysis_var_numerator = c(NA, NA, NA, NA, NA, "income"),
  analysis_var_denominator = c(NA, NA, NA, NA, NA, "hh_size"),
  numerator_NA_to_0 = c(NA, NA, NA, NA, NA, TRUE),
  filter_denominator_0 = c(NA, NA, NA, NA, NA, TRUE)
)
loa <- rbind(loa, transform(loa, group_var = "admin1"))

result <- analysistools::create_analysis(design, loa = loa, sm_separator = "/")
table <- result$results_table
cols <- c("analysis_key", "analysis_type", "analysis_var", "analysis_var_value", "group_var",
          "group_var_value", "stat", "stat_low", "stat_upp", "n", "n_total", "n_w", "n_w_total")
write.csv(table[, cols], "mtm-indicators/src/test/resources/golden/impact/kobo_impact.csv",
          row.names = FALSE, na = "")
