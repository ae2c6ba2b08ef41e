# Goldens for org.iom.mtm.indicators.weighting, from R survey.
#
# Run from the repository root:
#   Rscript mtm-indicators/src/test/r/weighting.R
# R 4.2.2, survey 4.1.1. Reads golden/weighting/apiclus1.csv (a copy of survey's data(api)
# apiclus1, exported by the project's oracle) and writes, in the same folder:
#   weights.csv    one column of final weights per case (rows in file order)
#   estimates.csv  svymean / svytotal estimates and SEs per case
# Convergence is tightened beyond R's defaults (rake epsilon 1e-12 relative, maxit 1000;
# calibrate epsilon 1e-13) so that the goldens are the converged weights; the cases
# *_rdefault keep R's defaults (rake: maxit = 10, epsilon = 1) to check that semantics too.
suppressPackageStartupMessages(library(survey))
dir <- "mtm-indicators/src/test/resources/golden/weighting"
apiclus1 <- read.csv(file.path(dir, "apiclus1.csv"))
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)

pop.types <- data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))
pop.schwide <- data.frame(sch.wide = c("No", "Yes"), Freq = c(1072, 5122))
# A hypothetical third margin (not a published count), consistent with the total 6194.
pop.compimp <- data.frame(comp.imp = c("No", "Yes"), Freq = c(2000, 4194))
# A post-stratum with a population count but no school in the sample, for partial = TRUE.
pop.types.x <- data.frame(stype = c("E", "H", "M", "X"), Freq = c(4421, 755, 1018, 300))

full <- list(maxit = 1000, epsilon = 1e-12)
cases <- list(
  ps = 'postStratify(dclus1, ~stype, pop.types)',
  ps_partial = 'postStratify(dclus1, ~stype, pop.types.x, partial = TRUE)',
  rake2 = 'rake(dclus1, list(~stype, ~sch.wide), list(pop.types, pop.schwide), control = full)',
  rake2_rdefault = 'rake(dclus1, list(~stype, ~sch.wide), list(pop.types, pop.schwide))',
  rake3 = 'rake(dclus1, list(~stype, ~sch.wide, ~comp.imp), list(pop.types, pop.schwide, pop.compimp), control = full)',
  cal_linear = 'calibrate(dclus1, ~stype + api99, pop = c(6194, 755, 1018, 3914069))',
  cal_linear_bounded = 'calibrate(dclus1, ~stype + api99, pop = c(6194, 755, 1018, 3914069), bounds = c(0.7, 1.7), epsilon = 1e-13)',
  cal_raking = 'calibrate(dclus1, ~stype + api99, pop = c(6194, 755, 1018, 3914069), calfun = "raking", epsilon = 1e-13)',
  cal_logit = 'calibrate(dclus1, ~stype + api99, pop = c(6194, 755, 1018, 3914069), calfun = "logit", bounds = c(0.7, 1.7), epsilon = 1e-13)',
  trim = 'trimWeights(calibrate(dclus1, ~stype + api99, pop = c(6194, 755, 1018, 3914069)), lower = 25, upper = 38)',
  trim_strict = 'trimWeights(calibrate(dclus1, ~stype + api99, pop = c(6194, 755, 1018, 3914069)), lower = 25, upper = 38, strict = TRUE)'
)

fmt <- function(x) sprintf("%.17g", x)
w <- data.frame(row = seq_len(nrow(apiclus1)))
est <- NULL
for (name in names(cases)) {
  d <- suppressWarnings(eval(parse(text = cases[[name]])))
  w[[name]] <- fmt(weights(d))
  m <- svymean(~api00, d)
  t <- svytotal(~enroll, d)
  est <- rbind(est,
    data.frame(case = name, statistic = "mean", variable = "api00",
               estimate = fmt(coef(m)), se = fmt(SE(m)), r_call = cases[[name]]),
    data.frame(case = name, statistic = "total", variable = "enroll",
               estimate = fmt(coef(t)), se = fmt(SE(t)), r_call = cases[[name]]))
}
write.csv(w, file.path(dir, "weights.csv"), row.names = FALSE, quote = FALSE)
write.csv(est, file.path(dir, "estimates.csv"), row.names = FALSE)

# More: domains, proportions and quantiles on calibrated designs, and a stratified element
# design (dstrat) with a numeric-only calibration model. Written to more.csv; `level` is the
# domain (svyby) or the category of a proportion, empty otherwise.
apistrat <- read.csv(file.path(dir, "apistrat.csv"))
dstrat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc)
pop.schwide.strat <- data.frame(sch.wide = c("No", "Yes"), Freq = c(1072, 5122))
more <- NULL
add <- function(case, statistic, variable, level, est, se, call) {
  more <<- rbind(more, data.frame(case = case, statistic = statistic, variable = variable,
    level = level, estimate = fmt(est), se = fmt(se), r_call = call))
}
for (name in c("ps", "rake2", "cal_linear", "cal_raking", "cal_logit", "trim_strict")) {
  d <- suppressWarnings(eval(parse(text = cases[[name]])))
  b <- svyby(~api00, ~stype, d, svymean)
  for (k in seq_len(nrow(b))) {
    add(name, "mean_by_stype", "api00", as.character(b$stype[k]), b$api00[k], b$se[k],
        paste0("svyby(~api00, ~stype, ", cases[[name]], ", svymean)"))
  }
  p <- svymean(~comp.imp, d)
  for (k in seq_along(coef(p))) {
    add(name, "prop", "comp.imp", sub("^comp.imp", "", names(coef(p))[k]), coef(p)[k], SE(p)[k],
        paste0("svymean(~comp.imp, ", cases[[name]], ")"))
  }
  r <- svyratio(~api00, ~api99, d)
  add(name, "ratio", "api00/api99", "", coef(r), SE(r), paste0("svyratio(~api00, ~api99, ", cases[[name]], ")"))
}
strat <- list(
  strat_ps = 'postStratify(dstrat, ~sch.wide, pop.schwide.strat)',
  strat_cal = 'calibrate(dstrat, ~api99, pop = c(6194, 3914069))',
  strat_rake = 'rake(dstrat, list(~sch.wide, ~comp.imp), list(pop.schwide.strat, pop.compimp), control = full)'
)
wstrat <- data.frame(row = seq_len(nrow(apistrat)))
for (name in names(strat)) {
  d <- eval(parse(text = strat[[name]]))
  wstrat[[name]] <- fmt(weights(d))
  m <- svymean(~api00, d)
  t <- svytotal(~enroll, d)
  add(name, "mean", "api00", "", coef(m), SE(m), paste0("svymean(~api00, ", strat[[name]], ")"))
  add(name, "total", "enroll", "", coef(t), SE(t), paste0("svytotal(~enroll, ", strat[[name]], ")"))
  b <- svyby(~api00, ~awards, d, svymean)
  for (k in seq_len(nrow(b))) {
    add(name, "mean_by_awards", "api00", as.character(b$awards[k]), b$api00[k], b$se[k],
        paste0("svyby(~api00, ~awards, ", strat[[name]], ", svymean)"))
  }
}
qcases <- c(cases[c("ps", "rake2", "cal_linear", "cal_raking")], strat["strat_cal"])
for (name in names(qcases)) {
  d <- eval(parse(text = qcases[[name]]))
  q <- svyquantile(~api00, d, c(0.25, 0.5), ci = TRUE)
  for (k in 1:2) {
    add(name, "quantile", "api00", c("0.25", "0.5")[k], coef(q)[k], SE(q)[k],
        paste0("svyquantile(~api00, ", qcases[[name]], ", c(0.25, 0.5), ci = TRUE)"))
  }
}
write.csv(more, file.path(dir, "more.csv"), row.names = FALSE)
write.csv(wstrat, file.path(dir, "weights_strat.csv"), row.names = FALSE, quote = FALSE)
