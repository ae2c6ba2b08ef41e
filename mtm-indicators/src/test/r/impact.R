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

# The list of analysis: each analysis overall, by admin1, by stratum (5 strata: tent is absent
# from some, so select_one rows exist only for levels that occur) and by admin1 crossed with sex.
one <- data.frame(
  analysis_type = c("mean", "median", "prop_select_one", "prop_select_one",
                    "prop_select_multiple", "ratio", "ratio"),
  analysis_var = c("income", "income", "shelter", "remittances", "reasons", NA, NA),
  group_var = NA_character_,
  level = 0.95,
  analysis_var_numerator = c(NA, NA, NA, NA, NA, "income", "hh_size"),
  analysis_var_denominator = c(NA, NA, NA, NA, NA, "hh_size", "income"),
  numerator_NA_to_0 = c(NA, NA, NA, NA, NA, TRUE, TRUE),
  filter_denominator_0 = c(NA, NA, NA, NA, NA, TRUE, TRUE)
)
loa <- do.call(rbind, lapply(c(NA, "admin1", "stratum", "admin1, sex"),
                             function(g) transform(one, group_var = g)))

cols <- c("analysis_key", "analysis_type", "analysis_var", "analysis_var_value", "group_var",
          "group_var_value", "stat", "stat_low", "stat_upp", "n", "n_total", "n_w", "n_w_total")
run <- function(design, file) {
  result <- analysistools::create_analysis(design, loa = loa, sm_separator = "/")
  write.csv(result$results_table[, cols],
            file.path("mtm-indicators/src/test/resources/golden/impact", file),
            row.names = FALSE, na = "")
}

# One-stage stratified cluster design with weights, as IMPACT's MSNAs declare it (villages are
# numbered inside their stratum, hence nest = TRUE); with replacement (no fpc).
run(srvyr::as_survey_design(data, ids = cluster, strata = stratum, weights = weight, nest = TRUE),
    "kobo_impact.csv")

# Two stages (villages, then households) with the finite population correction at both.
run(srvyr::as_survey_design(data, ids = c(cluster, household), strata = stratum,
                            fpc = c(N_clusters, N_households), weights = weight, nest = TRUE),
    "kobo_impact_twostage.csv")

# Missing answers: kobo.csv with shelter blanked in every 17th household (a select_one with
# missing answers: an NA row), income blanked in the whole stratum south_urban (a domain whose
# median has no data) and hh_size 0 in every 31st household (ratio denominators dropped). The
# file is written for the Java side to read the same data.
missing <- data
missing$shelter[missing$`_index` %% 17 == 0] <- NA
missing$income[missing$stratum == "south_urban"] <- NA
missing$hh_size[missing$`_index` %% 31 == 0] <- 0
write.csv(missing, "mtm-indicators/src/test/resources/golden/impact/kobo_missing.csv",
          row.names = FALSE, na = "")
run(srvyr::as_survey_design(missing, ids = cluster, strata = stratum, weights = weight,
                            nest = TRUE),
    "kobo_missing_impact.csv")
