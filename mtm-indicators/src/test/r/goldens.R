# Goldens for mtm-indicators: reference values computed by R's survey package.
#
# Run from the repository root:   Rscript mtm-indicators/src/test/r/goldens.R
#
# It (1) writes the data sets to mtm-indicators/src/test/resources/golden/data/ (the API samples
# from survey's data(api), and a synthetic KoBo-style survey seeded with set.seed), (2) reads them
# back from those CSV files, so R computes from exactly the numbers a Java test reads, and
# (3) writes one JSON file per area to mtm-indicators/src/test/resources/golden/. The schema is in
# golden/README.md. Every case carries the exact R expression that produced it, evaluated as
# written (the script evaluates the recorded string, so call and figure cannot drift apart).
#
# Produced with R 4.2.2 and survey 4.1.1 (the versions are recorded in every JSON file).

suppressMessages(library(survey))
invisible(Sys.setlocale("LC_COLLATE", "C"))   # factor levels sort the same everywhere (byte order)
options(stringsAsFactors = FALSE, warn = 1)

args_all <- commandArgs(trailingOnly = FALSE)
script_file <- sub("^--file=", "", args_all[grep("^--file=", args_all)])
root <- if (length(script_file)) {
  normalizePath(file.path(dirname(script_file), "..", "..", "..", ".."))
} else getwd()
out_dir <- file.path(root, "mtm-indicators", "src", "test", "resources", "golden")
data_dir <- file.path(out_dir, "data")
dir.create(data_dir, recursive = TRUE, showWarnings = FALSE)

R_VERSION <- R.version.string
SURVEY_VERSION <- as.character(packageVersion("survey"))
if (SURVEY_VERSION < "4.1") stop("survey >= 4.1 is needed (new svyquantile API)")

# ------------------------------------------------------------------------------------------------
# A small JSON writer: numbers with 17 significant digits (enough to round-trip a double), NA, NaN
# and Inf as null. jsonlite is not used because its digits handling would need care to reach 17.
# ------------------------------------------------------------------------------------------------
json_escape <- function(s) {
  s <- gsub("\\", "\\\\", s, fixed = TRUE)
  s <- gsub("\"", "\\\"", s, fixed = TRUE)
  s <- gsub("\n", "\\n", s, fixed = TRUE)
  s <- gsub("\t", "\\t", s, fixed = TRUE)
  paste0("\"", s, "\"")
}
num17 <- function(x) if (is.na(x) || !is.finite(x)) "null" else sprintf("%.17g", as.double(x))
# Parameters (levels, tolerances, probabilities) print in the shortest form that reads back to the
# same double (0.95 rather than 0.94999999999999996); results (class "r17") always with 17 digits.
num_short <- function(x) {
  if (is.na(x) || !is.finite(x)) return("null")
  for (d in 15:17) { s <- sprintf(paste0("%.", d, "g"), x); if (as.numeric(s) == x) return(s) }
  s
}
r17 <- function(x) structure(as.double(x), class = "r17")
json_scalar <- function(x) {
  if (is.null(x) || length(x) == 0) return("null")
  if (length(x) != 1) stop("not a scalar: ", paste(x, collapse = ","))
  if (is.factor(x)) x <- as.character(x)
  if (is.na(x)) return("null")
  if (is.logical(x)) return(if (x) "true" else "false")
  if (inherits(x, "r17")) return(num17(unclass(x)))
  if (is.numeric(x)) return(num_short(x))
  json_escape(as.character(x))
}
is_flat <- function(x) all(vapply(x, function(e) !is.list(e) || length(e) == 0, logical(1)))
to_json <- function(x, indent = 0) {
  pad <- strrep(" ", indent + 1)
  if (is.list(x) && !is.null(names(x))) {                       # object
    if (length(x) == 0) return("{}")
    parts <- mapply(function(k, v) paste0(json_escape(k), ": ", to_json(v, indent + 1)),
                    names(x), x, USE.NAMES = FALSE)
    if (is_flat(x) && sum(nchar(parts)) < 400) return(paste0("{", paste(parts, collapse = ", "), "}"))
    return(paste0("{\n", pad, paste(parts, collapse = paste0(",\n", pad)), "\n", strrep(" ", indent), "}"))
  }
  if (is.list(x)) {                                              # array
    if (length(x) == 0) return("[]")
    parts <- vapply(x, to_json, character(1), indent = indent + 1)
    if (is_flat(x) && sum(nchar(parts)) < 200) return(paste0("[", paste(parts, collapse = ", "), "]"))
    return(paste0("[\n", pad, paste(parts, collapse = paste0(",\n", pad)), "\n", strrep(" ", indent), "]"))
  }
  json_scalar(x)
}
arr <- function(x) as.list(x)    # an atomic vector written as a JSON array (even of length 1)

# ------------------------------------------------------------------------------------------------
# Data
# ------------------------------------------------------------------------------------------------
# API samples from survey's data(api) (California Academic Performance Index, 2000). The three
# CSVs of /work/shared/oracle/data are the same write.csv output; apiclus2 is added here.
# The school and district names are left out (free text with commas and quotes, not needed).
data(api)
api_columns <- c("cds", "stype", "snum", "dnum", "cname", "cnum", "pcttest", "api00", "api99",
  "target", "growth", "sch.wide", "comp.imp", "both", "awards", "meals", "ell", "yr.rnd", "mobility",
  "avg.ed", "full", "emer", "enroll", "api.stu", "pw", "fpc", "fpc1", "fpc2")
for (nm in c("apistrat", "apiclus1", "apisrs", "apiclus2")) {
  d <- get(nm)
  write.csv(d[, intersect(api_columns, names(d))], file.path(data_dir, paste0(nm, ".csv")), row.names = FALSE)
}
apistrat <- read.csv(file.path(data_dir, "apistrat.csv"))
apiclus1 <- read.csv(file.path(data_dir, "apiclus1.csv"))
apisrs <- read.csv(file.path(data_dir, "apisrs.csv"))
apiclus2 <- read.csv(file.path(data_dir, "apiclus2.csv"))
# Categorical columns as factors with the levels of the whole file, sorted (C collation), as
# data(api) has them: a domain then reports every level (a level absent from it has estimate 0).
as_factors <- function(d, cols) { for (v in intersect(cols, names(d))) d[[v]] <- factor(d[[v]], levels = sort(unique(d[[v]]))); d }
api_factors <- c("stype", "sch.wide", "comp.imp", "both", "awards", "yr.rnd")
apistrat <- as_factors(apistrat, api_factors)
apiclus1 <- as_factors(apiclus1, api_factors)
apisrs <- as_factors(apisrs, api_factors)
apiclus2 <- as_factors(apiclus2, api_factors)

# A stratified sample with a lonely PSU: apistrat with a single high school (stratum H has one
# PSU). Written to its own CSV so a test needs no subsetting logic.
apistrat_lonely <- apistrat[apistrat$stype != "H" | apistrat$snum == min(apistrat$snum[apistrat$stype == "H"]), ]
write.csv(apistrat_lonely, file.path(data_dir, "apistrat_lonely.csv"), row.names = FALSE)
apistrat_lonely <- as_factors(read.csv(file.path(data_dir, "apistrat_lonely.csv")), api_factors)

# apistrat with one more column, fpc_fraction = n_h / N_h (the sampling fraction of the stratum),
# to check that an fpc <= 1 is read as a fraction.
apistrat_fraction <- apistrat
apistrat_fraction$fpc_fraction <- as.numeric(table(apistrat$stype)[apistrat$stype]) / apistrat$fpc
write.csv(apistrat_fraction, file.path(data_dir, "apistrat_fraction.csv"), row.names = FALSE)
apistrat_fraction <- as_factors(read.csv(file.path(data_dir, "apistrat_fraction.csv")), api_factors)

# Synthetic KoBo-style household survey: 5 strata (admin1 x urban/rural, one admin1 with a single
# stratum), two-stage cluster sample (clusters = villages numbered 1..n_h inside each stratum, so
# nest = TRUE is needed; households numbered inside each village), fpc at both stages (population
# counts), and given weights = design weight x a non-response adjustment, so they differ from the
# weights R derives from the fpc.
set.seed(20261126)
strata_frame <- data.frame(
  stratum = c("east", "north_rural", "north_urban", "south_rural", "south_urban"),
  admin1 = c("East", "North", "North", "South", "South"),
  N_clusters = c(35, 120, 40, 90, 30),          # villages in the population of the stratum
  n_clusters = c(5, 7, 5, 6, 4))                 # villages sampled
rows <- list()
for (h in seq_len(nrow(strata_frame))) {
  s <- strata_frame[h, ]
  for (cl in seq_len(s$n_clusters)) {
    M <- sample(60:220, 1)                       # households in the village
    m <- sample(9:13, 1)                         # households interviewed
    nr_adj <- round(runif(1, 0.95, 1.20), 4)     # non-response adjustment of the village
    w <- (s$N_clusters / s$n_clusters) * (M / m) * nr_adj
    for (hh in seq_len(m)) {
      rows[[length(rows) + 1]] <- data.frame(stratum = s$stratum, admin1 = s$admin1, cluster = cl,
        household = hh, N_clusters = s$N_clusters, N_households = M, weight = round(w, 6))
    }
  }
}
kobo <- do.call(rbind, rows)
n <- nrow(kobo)
urban <- grepl("urban", kobo$stratum)
kobo$sex <- ifelse(runif(n) < ifelse(urban, 0.45, 0.55), "female", "male")
# select_one with 5 levels, "tent" rare (a handful of households, absent from most strata)
kobo$shelter <- vapply(seq_len(n), function(i) sample(
  c("house", "apartment", "collective_centre", "other", "tent"), 1,
  prob = if (urban[i]) c(0.30, 0.40, 0.20, 0.09, 0.01) else c(0.55, 0.10, 0.22, 0.10, 0.03)), "")
# select_one with a "don't know" answer coded as its own choice
kobo$remittances <- sample(c("yes", "no", "dont_know"), n, replace = TRUE, prob = c(0.3, 0.6, 0.1))
kobo$hh_size <- pmin(12L, 1L + rpois(n, 3.5))
# income: log-normal, rounded to whole units; about 8 % missing
kobo$income <- round(exp(rnorm(n, 5.5 + 0.3 * urban, 0.6)))
kobo$income[runif(n) < 0.08] <- NA
# select_multiple "reasons" asked only of households that moved (relevance moved = yes)
kobo$moved <- ifelse(runif(n) < 0.6, "yes", "no")
opts <- c("work", "family", "security", "education", "other")
popt <- c(0.55, 0.35, 0.25, 0.15, 0.05)
sel <- t(vapply(seq_len(n), function(i) {
  x <- as.integer(runif(5) < popt)
  if (sum(x) == 0) x[sample(1:4, 1)] <- 1L         # a select_multiple answer selects at least one
  x
}, integer(5)))
asked <- kobo$moved == "yes"
kobo$reasons <- ifelse(asked, apply(sel, 1, function(x) paste(opts[x == 1], collapse = " ")), NA)
for (j in seq_along(opts)) kobo[[paste0("reasons/", opts[j])]] <- ifelse(asked, sel[, j], NA)
kobo$`_index` <- seq_len(n)
stopifnot(sum(kobo$shelter == "tent") >= 2, sum(kobo$shelter == "tent") <= 8)
# KoBo's CSV export writes empty cells for missing and not-asked answers
kobo_raw <- kobo
write.csv(kobo, file.path(data_dir, "kobo.csv"), row.names = FALSE, na = "")
kobo <- read.csv(file.path(data_dir, "kobo.csv"), na.strings = "")   # split columns -> reasons.work
# analysis helpers derived from the data as read (not written to the CSV)
kobo_factors <- c("stratum", "admin1", "sex", "shelter", "remittances", "moved")
kobo <- as_factors(kobo, kobo_factors)
kobo$reasons_answered <- !is.na(kobo$reasons)

# The same survey with a lonely PSU: stratum "east" keeps only its first village.
kobo_lonely <- kobo_raw[kobo_raw$stratum != "east" | kobo_raw$cluster == 1, ]
write.csv(kobo_lonely, file.path(data_dir, "kobo_lonely.csv"), row.names = FALSE, na = "")
kobo_lonely <- as_factors(read.csv(file.path(data_dir, "kobo_lonely.csv"), na.strings = ""), kobo_factors)

# ------------------------------------------------------------------------------------------------
# Designs. Each is built by evaluating its recorded call; `spec` says the same in words.
# ------------------------------------------------------------------------------------------------
DESIGNS <- list()
def_design <- function(name, data, call, ids, strata = NULL, weights = NULL, fpc = NULL,
                       nest = FALSE, note = NULL) {
  d <- eval(parse(text = call), envir = globalenv())
  assign(name, d, envir = globalenv())
  DESIGNS[[name]] <<- list(name = name, data = paste0("data/", data, ".csv"), r_call = call,
    ids = arr(ids), strata = strata, weights = weights, fpc = arr(fpc), nest = nest,
    weights_from = if (!is.null(weights)) "given" else if (length(fpc)) "fpc" else "one",
    with_replacement = length(fpc) == 0, degf = degf(d), n_rows = nrow(d),
    n_psu = length(unique(d$cluster[, 1])), n_strata = length(unique(d$strata[, 1])),
    note = note)
}
def_design("dsrs", "apisrs", "svydesign(id = ~1, fpc = ~fpc, data = apisrs)", "1", fpc = "fpc",
  note = "simple random sample without replacement; weights from fpc (N/n)")
def_design("dsrs_w", "apisrs", "svydesign(id = ~1, weights = ~pw, fpc = ~fpc, data = apisrs)", "1",
  weights = "pw", fpc = "fpc", note = "weights given")
def_design("dsrs_wr", "apisrs", "svydesign(id = ~1, weights = ~pw, data = apisrs)", "1",
  weights = "pw", note = "with replacement (no fpc)")
def_design("dstrat", "apistrat", "svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc)",
  "1", strata = "stype", weights = "pw", fpc = "fpc")
def_design("dstrat_fpcw", "apistrat", "svydesign(id = ~1, strata = ~stype, fpc = ~fpc, data = apistrat)",
  "1", strata = "stype", fpc = "fpc", note = "no weights: weights from the fpc population sizes N_h/n_h")
def_design("dstrat_frac", "apistrat_fraction",
  "svydesign(id = ~1, strata = ~stype, fpc = ~fpc_fraction, data = apistrat_fraction)",
  "1", strata = "stype", fpc = "fpc_fraction",
  note = "fpc given as the sampling fraction n_h/N_h (column fpc_fraction); weights = 1/fraction")
def_design("dstrat_wr", "apistrat", "svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat)",
  "1", strata = "stype", weights = "pw", note = "with replacement (no fpc)")
def_design("dclus1", "apiclus1", "svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)",
  "dnum", weights = "pw", fpc = "fpc")
def_design("dclus1_wr", "apiclus1", "svydesign(id = ~dnum, weights = ~pw, data = apiclus1)",
  "dnum", weights = "pw", note = "with replacement (no fpc)")
def_design("dclus2", "apiclus2", "svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, data = apiclus2)",
  c("dnum", "snum"), fpc = c("fpc1", "fpc2"), note = "two-stage, fpc at both stages, weights from the fpc")
def_design("dclus2_w", "apiclus2", "svydesign(id = ~dnum + snum, weights = ~pw, fpc = ~fpc1 + fpc2, data = apiclus2)",
  c("dnum", "snum"), weights = "pw", fpc = c("fpc1", "fpc2"), note = "two-stage, fpc at both stages, weights given")
def_design("dclus2_wr", "apiclus2", "svydesign(id = ~dnum + snum, weights = ~pw, data = apiclus2)",
  c("dnum", "snum"), weights = "pw", note = "with replacement: only the first stage enters the variance")
def_design("dkobo", "kobo",
  "svydesign(id = ~cluster + household, strata = ~stratum, fpc = ~N_clusters + N_households, weights = ~weight, nest = TRUE, data = kobo)",
  c("cluster", "household"), strata = "stratum", weights = "weight", fpc = c("N_clusters", "N_households"),
  nest = TRUE, note = "stratified two-stage, fpc at both stages, weights given (include a non-response adjustment)")
def_design("dkobo_fpcw", "kobo",
  "svydesign(id = ~cluster + household, strata = ~stratum, fpc = ~N_clusters + N_households, nest = TRUE, data = kobo)",
  c("cluster", "household"), strata = "stratum", fpc = c("N_clusters", "N_households"), nest = TRUE,
  note = "as dkobo, weights from the fpc (N_h/n_h x M_i/m_i)")
def_design("dkobo_wr", "kobo",
  "svydesign(id = ~cluster, strata = ~stratum, weights = ~weight, nest = TRUE, data = kobo)",
  "cluster", strata = "stratum", weights = "weight", nest = TRUE, note = "with replacement, ultimate clusters")
DESIGN_NAMES_MAIN <- c("dsrs", "dsrs_w", "dsrs_wr", "dstrat", "dstrat_fpcw", "dstrat_frac", "dstrat_wr",
                       "dclus1", "dclus1_wr", "dclus2", "dclus2_w", "dclus2_wr", "dkobo", "dkobo_fpcw", "dkobo_wr")
is_kobo <- function(dn) grepl("kobo", dn)

# ------------------------------------------------------------------------------------------------
# Cases
# ------------------------------------------------------------------------------------------------
run <- function(code) withCallingHandlers(eval(parse(text = code), envir = globalenv()), error = function(e) message("in: ", code))

design_json <- function(dn) {
  d <- DESIGNS[[dn]]
  d$lonely_psu <- getOption("survey.lonely.psu")
  d$adjust_domain_lonely <- isTRUE(getOption("survey.adjust.domain.lonely"))
  d
}
analysis_json <- function(type, var, by = character(0), ci = "wald", ci_level = 0.95, deff = "none",
                          na_rm = FALSE, level = NULL, denominator = NULL, subset = NULL,
                          quantile = NULL, denominator_var = NULL) {
  a <- list(type = type, var = var, by = arr(by), ci = ci, ci_level = ci_level, deff = deff, na_rm = na_rm)
  if (!is.null(level)) a$level <- level
  if (!is.null(denominator)) a$denominator <- denominator
  if (!is.null(denominator_var)) a$denominator_var <- denominator_var
  if (!is.null(subset)) a$subset <- subset
  if (!is.null(quantile)) a$quantile <- quantile
  a
}
row_json <- function(term, estimate, se = NA, ci_low = NA, ci_upp = NA, df = NA, deff = NA,
                     group = NULL, level = NULL, option = NULL, quantile = NULL) {
  grp <- if (is.null(group)) structure(list(), names = character(0)) else as.list(group)
  list(term = term, group = grp, level = level, option = option, quantile = quantile,
       estimate = r17(unname(estimate)), se = r17(unname(se)), ci_low = r17(unname(ci_low)),
       ci_upp = r17(unname(ci_upp)), df = r17(unname(df)), deff = r17(unname(deff)))
}

AREAS <- list()
mkid <- function(...) { p <- unlist(list(...)); paste(p[nzchar(p)], collapse = "_") }
add_case <- function(area, case) {
  if (is.null(AREAS[[area]])) AREAS[[area]] <<- list()
  ids <- vapply(AREAS[[area]], function(c) c$id, "")
  if (case$id %in% ids) stop("duplicate id ", case$id)
  AREAS[[area]][[length(AREAS[[area]]) + 1]] <<- case
}
new_case <- function(id, r_call, dn, analysis, rows, tolerance = 1e-10, reference = "survey",
                     note = NULL, tolerance_note = NULL, error = NULL) {
  cs <- list(id = id, r_call = arr(r_call), reference = reference, design = design_json(dn),
             analysis = analysis, tolerance = tolerance)
  if (!is.null(tolerance_note)) cs$tolerance_note <- tolerance_note
  if (!is.null(note)) cs$note <- note
  if (!is.null(error)) cs$error <- error
  cs$rows <- rows
  cs
}

# Option of a select_multiple split column as R names it: reasons.work -> work.
term_option <- function(term) if (grepl("^reasons0?[.]", term)) sub("^reasons0?[.]", "", term) else NULL

# Level of a term of a factor variable: R names it variable + level (stypeE -> E).
term_level <- function(term, var) {
  if (length(var) == 0 || !startsWith(term, var) || term == var) return(NULL)
  lev <- substring(term, nchar(var) + 1)
  if (grepl("^[./]", lev)) NULL else lev     # reasons.work is an option, api00/api99 a ratio
}

# Rows of a svymean/svytotal/svyratio result, with the interval of `ci` ("wald" = confint default,
# normal quantile; "t" = confint(x, df = degf(design))).
stat_rows <- function(x, vars, ci, dfv, option_of = NULL) {
  est <- coef(x); se <- SE(x)
  cf <- if (ci == "t") confint(x, df = dfv) else confint(x)
  de <- if (!is.null(attr(x, "deff"))) deff(x) else rep(NA, length(est))
  if (is.matrix(de)) de <- diag(de)
  lapply(seq_along(est), function(i) {
    term <- names(est)[i]
    lev <- NULL
    for (v in vars) if (is.null(lev)) lev <- term_level(term, v)
    opt <- term_option(term)
    row_json(term, est[i], se[i], cf[i, 1], cf[i, 2], if (ci == "t") dfv else NA, de[i],
             level = if (is.null(opt)) lev else NULL, option = opt)
  })
}

# Rows of a svyby table (statistic columns, se, ci from vartype "ci" or confint(df =)).
by_rows <- function(b, byvars, vars, ci, dfv, option_of = NULL, quantile_of = NULL) {
  info <- attr(b, "svyby")
  stats <- info$variables
  has_ci <- "ci" %in% info$vartype
  cf <- if (ci == "t") confint(b, df = dfv) else NULL
  rows <- list()
  for (g in seq_len(nrow(b))) {
    grp <- lapply(byvars, function(v) as.character(b[[v]][g])); names(grp) <- byvars
    for (k in seq_along(stats)) {
      s <- stats[k]
      col <- function(prefix) {
        nm <- paste0(prefix, ".", s)
        if (!(nm %in% names(b)) && length(stats) == 1) {
          # one statistic: R names the column prefix alone, or prefix.<its own label>
          cand <- names(b)[names(b) == prefix | startsWith(names(b), paste0(prefix, "."))]
          nm <- if (length(cand)) cand[1] else prefix
        }
        if (nm %in% names(b)) b[[nm]][g] else NA
      }
      est <- b[[s]][g]
      se <- col("se")
      if (ci == "t") {
        key <- paste(paste(unlist(grp), collapse = "."), s, sep = ":")
        if (length(stats) == 1) key <- paste(unlist(grp), collapse = ".")
        lo <- cf[key, 1]; up <- cf[key, 2]
      } else if (has_ci) { lo <- col("ci_l"); up <- col("ci_u") } else { lo <- NA; up <- NA }
      de <- if (isTRUE(info$deffs)) col("DEff") else NA
      lev <- NULL
      for (v in vars) if (is.null(lev)) lev <- term_level(s, v)
      opt <- term_option(s)
      q <- if (!is.null(quantile_of)) quantile_of[[s]] else NULL
      if (!is.null(q)) lev <- NULL
      rows[[length(rows) + 1]] <- row_json(s, est, se, lo, up, if (ci == "t") dfv else NA, de,
        group = grp, level = if (is.null(opt)) lev else NULL, option = opt, quantile = q)
    }
  }
  rows
}

deff_arg <- function(deff) switch(deff, none = "", srswor = ", deff = TRUE", replace = ", deff = \"replace\"")
ci_call <- function(expr, ci, dn) if (ci == "t") sprintf("confint(%s, df = degf(%s))", expr, dn) else sprintf("confint(%s)", expr)

# A svymean/svytotal case. `vars` are the variable names in the formula.
stat_case <- function(area, dn, fun, vars, deff = "none", ci = "wald", na_rm = FALSE, id = NULL,
                      type = NULL, note = NULL, dexpr = dn, subset = NULL, denominator = NULL) {
  f <- paste0("~", paste(vars, collapse = " + "))
  expr <- sprintf("%s(%s, %s%s%s)", fun, f, dexpr, if (na_rm) ", na.rm = TRUE" else "", deff_arg(deff))
  x <- run(expr)
  dfv <- degf(get(dn))
  if (is.null(type)) type <- sub("^svy", "", fun)
  if (is.null(id)) id <- mkid(dn, type, vars, deff, ci, if (na_rm) "narm")
  add_case(area, new_case(id, c(expr, ci_call(expr, ci, dn)), dn,
    analysis_json(type, arr(vars), ci = ci, deff = deff, na_rm = na_rm, subset = subset, denominator = denominator),
    stat_rows(x, vars, ci, dfv), note = note))
}

# A svyby case.
by_case <- function(area, dn, fun, vars, byvars, deff = "none", ci = "wald", na_rm = FALSE,
                    extra = "", type = NULL, id = NULL, note = NULL, keep_var = TRUE, dexpr = dn,
                    subset = NULL, denominator = NULL, formula = NULL, analysis_extra = NULL,
                    tolerance = 1e-10, tolerance_note = NULL) {
  f <- if (is.null(formula)) paste0("~", paste(vars, collapse = " + ")) else formula
  bf <- paste0("~", paste(byvars, collapse = " + "))
  vt <- if (keep_var) ", vartype = c(\"se\", \"ci\")" else ", keep.var = FALSE"
  expr <- sprintf("svyby(%s, %s, %s, %s%s%s%s%s)", f, bf, dexpr, fun, deff_arg(deff),
                  if (na_rm) ", na.rm = TRUE" else "", extra, vt)
  b <- run(expr)
  dfv <- degf(get(dn))
  if (is.null(type)) type <- sub("^svy", "", fun)
  if (is.null(id)) id <- mkid(dn, type, vars, "by", byvars, deff, ci, if (na_rm) "narm", if (!keep_var) "nokeepvar")
  calls <- if (ci == "t") c(expr, sprintf("confint(%s, df = degf(%s))", expr, dn)) else expr
  rows <- if (keep_var) by_rows(b, byvars, vars, ci, dfv) else {
    # keep.var = FALSE: only the statistic (and DEff) per group
    lapply(seq_len(nrow(b)), function(g) {
      grp <- lapply(byvars, function(v) as.character(b[[v]][g])); names(grp) <- byvars
      pick <- function(prefix) {   # R names the columns statistic / statistic.<var>, DEff / DEff.<var>
        nm <- names(b)[names(b) == prefix | startsWith(names(b), paste0(prefix, "."))]
        if (length(nm)) b[[nm[1]]][g] else NA
      }
      row_json(vars[1], pick("statistic"), deff = pick("DEff"), group = grp)
    })
  }
  an <- analysis_json(type, arr(vars), by = byvars, ci = if (keep_var) ci else "none", deff = deff,
                      na_rm = na_rm, subset = subset, denominator = denominator)
  for (k in names(analysis_extra)) an[[k]] <- analysis_extra[[k]]
  add_case(area, new_case(id, calls, dn, an, rows, note = note, tolerance = tolerance,
                          tolerance_note = tolerance_note))
}


# ------------------------------------------------------------------------------------------------
# means_totals.json: svymean / svytotal of numeric variables and of factor levels, every design,
# deff = TRUE (against SRS without replacement) and deff = "replace", normal and t intervals.
# ------------------------------------------------------------------------------------------------
for (dn in DESIGN_NAMES_MAIN) {
  vars_num <- if (is_kobo(dn)) "hh_size" else "api00"
  vars_fac <- if (is_kobo(dn)) "sex" else if (grepl("strat", dn)) "awards" else "stype"
  for (fun in c("svymean", "svytotal")) for (deff in c("srswor", "replace")) for (ci in c("wald", "t")) {
    stat_case("means_totals", dn, fun, vars_num, deff, ci)
    stat_case("means_totals", dn, fun, vars_fac, deff, ci)
  }
  # two variables at once (a numeric and a factor): the joint call gives the same rows
  stat_case("means_totals", dn, "svymean", c(vars_num, vars_fac), "none", "wald")
}
# variables with missing values: na.rm = TRUE is a domain (rows dropped keep the design's PSU counts)
for (dn in c("dkobo", "dkobo_wr", "dkobo_fpcw")) for (fun in c("svymean", "svytotal"))
  stat_case("means_totals", dn, fun, "income", "srswor", "t", na_rm = TRUE)
for (dn in c("dstrat", "dclus1", "dclus2")) for (fun in c("svymean", "svytotal"))
  stat_case("means_totals", dn, fun, "enroll", "srswor", "wald", na_rm = TRUE)
# without na.rm a missing value makes the estimate NA (R returns NA, a Java row should be empty)
stat_case("means_totals", "dkobo", "svymean", "income", "none", "wald",
  note = "income has missing values and na.rm is FALSE: R gives NA for estimate and se")

# ------------------------------------------------------------------------------------------------
# proportions.json: select_one proportions (svymean of a factor: one row per level) and level
# counts (svytotal), every design, with domains; "don't know" kept as a level, or left out as a
# domain (subset keeps the design: PSUs and strata of the whole sample).
# ------------------------------------------------------------------------------------------------
for (dn in DESIGN_NAMES_MAIN) {
  v <- if (is_kobo(dn)) "shelter" else if (grepl("strat", dn)) "awards" else "stype"
  for (fun in c("svymean", "svytotal")) for (ci in c("wald", "t"))
    stat_case("proportions", dn, fun, v, "srswor", ci, type = if (fun == "svymean") "prop" else "total")
  stat_case("proportions", dn, "svymean", v, "replace", "t", type = "prop")
}
for (dn in c("dkobo", "dkobo_fpcw", "dkobo_wr")) {
  for (ci in c("wald", "t")) stat_case("proportions", dn, "svymean", "remittances", "srswor", ci, type = "prop")
  for (ci in c("wald", "t")) {
    # "don't know" left out of the denominator: a domain, not a filter
    expr <- sprintf("svymean(~remittances, subset(%s, remittances != \"dont_know\"), deff = TRUE)", dn)
    x <- run(expr)
    add_case("proportions", new_case(mkid(dn, "prop_remittances_known", ci), c(expr, ci_call(expr, ci, dn)), dn,
      analysis_json("prop", arr("remittances"), ci = ci, deff = "srswor",
                    subset = list(var = "remittances", op = "!=", values = arr("dont_know"))),
      stat_rows(x, "remittances", ci, degf(get(dn))),
      note = "subset() keeps the whole design (degf, PSU counts); the excluded level stays a factor level with estimate 0"))
  }
  for (ci in c("wald", "t")) {
    by_case("proportions", dn, "svymean", "shelter", "admin1", "srswor", ci, type = "prop")
    by_case("proportions", dn, "svymean", "shelter", c("admin1", "sex"), "srswor", ci, type = "prop")
    by_case("proportions", dn, "svytotal", "shelter", c("admin1", "sex"), "srswor", ci, type = "total")
  }
  by_case("proportions", dn, "svymean", "remittances", "sex", "replace", "wald", type = "prop")
}
for (dn in c("dclus1", "dstrat", "dclus2")) for (ci in c("wald", "t")) {
  by_case("proportions", dn, "svymean", "awards", "stype", "srswor", ci, type = "prop")
  by_case("proportions", dn, "svymean", "awards", c("stype", "sch.wide"), "srswor", ci, type = "prop")
}

# ------------------------------------------------------------------------------------------------
# multiselect.json: select_multiple read KoBo-style. Each option is a 0/1 split column
# (reasons/work -> R's reasons.work), empty when the question was not asked.
#  - denominator "answered": the share among those who answered = domain estimation on the
#    answered respondents, svymean(~reasons.work + ..., subset(design, reasons_answered)); the
#    script checks that svyby(~reasons0.work + ..., ~reasons_answered, design_all, svymean) (the
#    0-filled columns below) gives the same figures in its TRUE row. (svyby on the split columns
#    themselves with na.rm = TRUE stops in R: the not-answered domain has no non-missing row.)
#    reasons_answered = !is.na(reasons) (the space-separated column decides who answered).
#  - denominator "all": not asked counts as not selected, everyone in the denominator:
#    reasons0.<opt> = ifelse(is.na(reasons.<opt>), 0, reasons.<opt>), added with update().
#  - totals: the population count selecting each option, svytotal on the answered domain.
# ------------------------------------------------------------------------------------------------
opt_cols <- paste0("reasons.", opts)
opt_cols0 <- paste0("reasons0.", opts)
for (dn in c("dkobo", "dkobo_fpcw", "dkobo_wr")) {
  upd <- sprintf("%s_all <- update(%s, %s)", dn, dn,
                 paste(sprintf("%s = ifelse(is.na(%s), 0, %s)", opt_cols0, opt_cols, opt_cols), collapse = ", "))
  run(upd)
  ans <- sprintf("subset(%s, reasons_answered)", dn)
  sub_ans <- list(var = "reasons", op = "answered", values = list())
  for (ci in c("wald", "t")) for (deff in c("srswor", "replace")) {
    stat_case("multiselect", dn, "svymean", opt_cols, deff, ci, dexpr = ans, type = "multi",
      id = mkid(dn, "multi_answered", deff, ci), denominator = "answered", subset = sub_ans)
  }
  # the same through svyby on the answered indicator (the TRUE row), checked here
  a <- run(sprintf("svymean(~%s, %s, deff = TRUE)", paste(opt_cols, collapse = " + "), ans))
  b <- run(sprintf("svyby(~%s, ~reasons_answered, %s_all, svymean, deff = TRUE)",
                   paste(opt_cols0, collapse = " + "), dn))
  stopifnot(isTRUE(all.equal(unname(coef(a)), unname(unlist(b[b$reasons_answered, opt_cols0])), tolerance = 1e-13)),
            isTRUE(all.equal(unname(SE(a)), unname(unlist(b[b$reasons_answered, paste0("se.", opt_cols0)])), tolerance = 1e-13)))
  for (ci in c("wald", "t")) {
    expr <- sprintf("svymean(~%s, %s_all, deff = TRUE)", paste(opt_cols0, collapse = " + "), dn)
    x <- run(expr)
    add_case("multiselect", new_case(mkid(dn, "multi_all", ci), c(upd, expr, ci_call(expr, ci, dn)), dn,
      analysis_json("multi", arr("reasons"), ci = ci, deff = "srswor", denominator = "all"),
      stat_rows(x, opt_cols0, ci, degf(get(dn))),
      note = "not asked counts as not selected (0), everyone in the denominator"))
    stat_case("multiselect", dn, "svytotal", opt_cols, "srswor", ci, dexpr = ans, type = "total",
      id = mkid(dn, "multi_total", ci), denominator = "answered", subset = sub_ans)
    by_case("multiselect", dn, "svymean", opt_cols, "admin1", "srswor", ci, dexpr = ans, type = "multi",
      id = mkid(dn, "multi_answered_by_admin1", ci), denominator = "answered", subset = sub_ans)
    by_case("multiselect", dn, "svymean", opt_cols, c("admin1", "sex"), "srswor", ci, dexpr = ans, type = "multi",
      id = mkid(dn, "multi_answered_by_admin1_sex", ci), denominator = "answered", subset = sub_ans)
  }
  by_case("multiselect", dn, "svymean", opt_cols0, "sex", "srswor", "t", dexpr = paste0(dn, "_all"), type = "multi",
    id = mkid(dn, "multi_all_by_sex_t"), denominator = "all")
}

# ------------------------------------------------------------------------------------------------
# ratios.json: svyratio (ratio of totals), every design, deff, normal and t intervals, domains.
# ------------------------------------------------------------------------------------------------
ratio_case <- function(dn, num, den, deff, ci, na_rm = FALSE, area = "ratios", idp = NULL) {
  expr <- sprintf("svyratio(~%s, ~%s, %s%s%s)", num, den, dn, if (na_rm) ", na.rm = TRUE" else "", deff_arg(deff))
  x <- run(expr)
  add_case(area, new_case(mkid(idp, dn, "ratio", num, den, deff, ci, if (na_rm) "narm"), c(expr, ci_call(expr, ci, dn)), dn,
    analysis_json("ratio", arr(c(num, den)), ci = ci, deff = deff, na_rm = na_rm),
    stat_rows(x, character(0), ci, degf(get(dn)))))
}
for (dn in DESIGN_NAMES_MAIN) {
  if (is_kobo(dn)) { num <- "income"; den <- "hh_size"; nr <- TRUE } else { num <- "api00"; den <- "api99"; nr <- FALSE }
  for (deff in c("none", "srswor", "replace")) for (ci in c("wald", "t")) ratio_case(dn, num, den, deff, ci, na_rm = nr)
  byv <- if (is_kobo(dn)) c("admin1", "sex") else c("stype", "awards")
  for (ci in c("wald", "t")) {
    by_case("ratios", dn, "svyratio", num, byv[1], "srswor", ci, na_rm = nr, type = "ratio",
      extra = sprintf(", denominator = ~%s", den), id = mkid(dn, "ratio_by", byv[1], ci),
      analysis_extra = list(var = arr(c(num, den))))
    by_case("ratios", dn, "svyratio", num, byv, "none", ci, na_rm = nr, type = "ratio",
      extra = sprintf(", denominator = ~%s", den), id = mkid(dn, "ratio_by", byv, ci),
      analysis_extra = list(var = arr(c(num, den))))
  }
}

# ------------------------------------------------------------------------------------------------
# ciprop.json: svyciprop for every method, wald / t from confint(svymean(...)), and Wilson and
# Clopper-Pearson on the effective sample size (R survey has no such method: formula below).
# ------------------------------------------------------------------------------------------------
# Wilson and Clopper-Pearson on the effective sample size n_eff = p (1 - p) / se^2, where p and se
# are svymean's estimate and standard error of the 0/1 variable, z = qnorm(1 - alpha / 2):
#   Wilson: centre = (p + z^2 / (2 n)) / (1 + z^2 / n),
#           half width = z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / (4 n^2)),
#   Clopper-Pearson with x = n p "successes" (not rounded):
#           lower = qbeta(alpha / 2, x, n - x + 1)  (0 when x = 0),
#           upper = qbeta(1 - alpha / 2, x + 1, n - x)  (1 when x = n).
wilson_ci <- function(p, se, level) {
  n <- p * (1 - p) / se^2; z <- qnorm(1 - (1 - level) / 2)
  centre <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
  half <- z / (1 + z^2 / n) * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))
  c(centre - half, centre + half)
}
clopper_pearson_ci <- function(p, se, level) {
  n <- p * (1 - p) / se^2; x <- n * p; a <- 1 - level
  c(if (x <= 0) 0 else qbeta(a / 2, x, n - x + 1), if (x >= n) 1 else qbeta(1 - a / 2, x + 1, n - x))
}
# The likelihood interval without R's interpolation. svyciprop(method = "likelihood") fits
# svyglm(y ~ 1, family = quasibinomial) and profiles it: with beta the intercept, mu = expit(beta),
# D(beta) = sum(binomial()$dev.resids(y, mu, w)) (w = svyglm's prior weights, rescaled to mean 1),
# phi = summary(fit)$dispersion, lambda = Rao-Scott design effect of the intercept
# (cov.unscaled / naive.cov), the limits solve (D(beta) - D(beta_hat)) / phi = qt(alpha/2, df)^2 lambda.
# R evaluates D at beta_hat +- k del se (k = 1..9, del = zmax / 5) and interpolates a cubic spline
# (MASS's profile method), so its limits differ from these exact roots (see tolerance_note).
likelihood_exact_ci <- function(fexpr, dexpr, level, df) {
  m <- run(sprintf("svyglm(%s ~ 1, %s, family = quasibinomial)", fexpr, dexpr))
  y <- as.numeric(m$y); w <- m$prior.weights
  lambda <- diag(m$cov.unscaled) / diag(m$naive.cov)
  phi <- summary(m)$dispersion
  crit <- (if (df == Inf) qnorm((1 - level) / 2) else qt((1 - level) / 2, df))^2 * lambda
  b0 <- unname(coef(m)); d0 <- m$deviance; se <- sqrt(diag(vcov(m)))
  g <- function(b) (sum(binomial()$dev.resids(y, plogis(b), w)) - d0) / phi - crit
  step <- 4 * se
  lo <- b0 - step; while (g(lo) < 0) lo <- lo - step
  up <- b0 + step; while (g(up) < 0) up <- up + step
  c(plogis(uniroot(g, c(lo, b0), tol = 1e-15)$root), plogis(uniroot(g, c(b0, up), tol = 1e-15)$root))
}
CIPROP_METHODS <- c("logit", "likelihood", "asin", "beta", "mean", "xlogit")
ciprop_targets <- function(dn) {
  if (is_kobo(dn)) list(c("remittances", "yes"), c("shelter", "tent"))
  else if (grepl("strat", dn)) list(c("awards", "Yes"), c("sch.wide", "No"))
  else list(c("awards", "Yes"), c("stype", "H"))
}
lik_diffs <- c(); logit_diffs <- c()
ciprop_rows_obj <- function(p, dfv) {
  ci <- confint(p)
  list(row_json(names(coef(p)), coef(p), SE(p), ci[1], ci[2], dfv))
}
for (dn in c("dsrs", "dstrat", "dstrat_wr", "dclus1", "dclus1_wr", "dclus2", "dclus2_w", "dkobo", "dkobo_fpcw", "dkobo_wr")) {
  dfv <- degf(get(dn))
  for (tg in ciprop_targets(dn)) {
    v <- tg[1]; lev <- tg[2]
    fexpr <- sprintf("I(%s == \"%s\")", v, lev)
    for (level in c(0.95, 0.9)) {
      lv <- if (level == 0.95) "" else sprintf(", level = %s", level)
      res <- list()
      for (m in CIPROP_METHODS) {
        expr <- sprintf("svyciprop(~%s, %s, method = \"%s\"%s)", fexpr, dn, m, lv)
        p <- run(expr)
        rows <- ciprop_rows_obj(p, dfv)
        for (r in seq_along(rows)) { rows[[r]]$level <- lev }
        res[[m]] <- rows[[1]]
        tol <- 1e-10; tn <- NULL
        if (m == "logit") tn <- "svyglm fits the intercept by IRLS (glm.fit, epsilon 1e-8): the limits equal xlogit's closed form up to the convergence of the fit"
        if (m == "likelihood") tn <- "R interpolates the profile deviance with a cubic spline through about ten points (MASS profile), so the limits are approximate; the case likelihood_exact gives the exact roots of the profile equation"
        add_case("ciprop", new_case(mkid(dn, "ciprop", v, lev, m, if (level != 0.95) "90"), c(expr, sprintf("confint(%s)", expr)), dn,
          analysis_json("ciprop", arr(v), ci = m, ci_level = level, level = lev),
          rows, tolerance = tol, tolerance_note = tn, note = sprintf("df = degf(%s) = %d", dn, dfv)))
      }
      logit_diffs <- c(logit_diffs, abs(c(res$logit$ci_low, res$logit$ci_upp) / c(res$xlogit$ci_low, res$xlogit$ci_upp) - 1),
                       abs(res$logit$estimate / res$xlogit$estimate - 1))
      # exact profile-likelihood roots (formula in likelihood_exact_ci above)
      ex <- likelihood_exact_ci(fexpr, dn, level, dfv)
      lik_diffs <- c(lik_diffs, abs(ex / c(res$likelihood$ci_low, res$likelihood$ci_upp) - 1))
      r <- res$likelihood; r$ci_low <- r17(ex[1]); r$ci_upp <- r17(ex[2])
      add_case("ciprop", new_case(mkid(dn, "ciprop", v, lev, "likelihood_exact", if (level != 0.95) "90"),
        sprintf("likelihood_exact_ci(\"%s\", \"%s\", %s, degf(%s))", gsub("\"", "\\\\\"", fexpr), dn, level, dn), dn,
        analysis_json("ciprop", arr(v), ci = "likelihood-exact", ci_level = level, level = lev), list(r),
        reference = "formula", tolerance = 1e-9,
        tolerance_note = "roots found with uniroot(tol = 1e-15) on the profile deviance; 1e-9 allows for the IRLS fit",
        note = "svyglm(y ~ 1, quasibinomial) profile: (D(beta) - D(beta_hat)) / phi = qt(alpha/2, df)^2 * lambda, lambda = cov.unscaled / naive.cov of the intercept, D = sum(binomial()$dev.resids(y, expit(beta), prior.weights)), phi = summary(fit)$dispersion; limits expit(roots)"))
      # wald / t from svymean, Wilson / Clopper-Pearson from the effective sample size
      mexpr <- sprintf("svymean(~as.numeric(%s), %s)", fexpr, dn)
      x <- run(mexpr)
      p <- unname(coef(x)); se <- unname(SE(x))
      for (ci in c("wald", "t")) {
        cf <- if (ci == "t") confint(x, level = level, df = dfv) else confint(x, level = level)
        cexpr <- if (ci == "t") sprintf("confint(%s, level = %s, df = degf(%s))", mexpr, level, dn) else sprintf("confint(%s, level = %s)", mexpr, level)
        add_case("ciprop", new_case(mkid(dn, "ciprop", v, lev, ci, if (level != 0.95) "90"), c(mexpr, cexpr), dn,
          analysis_json("ciprop", arr(v), ci = ci, ci_level = level, level = lev),
          list(row_json(names(coef(x)), p, se, cf[1], cf[2], if (ci == "t") dfv else NA, level = lev))))
      }
      for (fm in c("wilson", "clopper-pearson")) {
        ci <- if (fm == "wilson") wilson_ci(p, se, level) else clopper_pearson_ci(p, se, level)
        fn <- if (fm == "wilson") "wilson_ci" else "clopper_pearson_ci"
        add_case("ciprop", new_case(mkid(dn, "ciprop", v, lev, fm, if (level != 0.95) "90"),
          c(sprintf("x <- %s", mexpr), sprintf("%s(coef(x), SE(x), %s)", fn, level)), dn,
          analysis_json("ciprop", arr(v), ci = fm, ci_level = level, level = lev),
          list(row_json(names(coef(x)), p, se, ci[1], ci[2], NA, level = lev)), reference = "formula",
          note = if (fm == "wilson")
            "n = p(1-p)/se^2 (effective sample size), z = qnorm(1 - alpha/2); centre = (p + z^2/(2n))/(1 + z^2/n); half = z/(1 + z^2/n) * sqrt(p(1-p)/n + z^2/(4n^2)); limits centre -/+ half"
          else "n = p(1-p)/se^2 (effective sample size), x = n p (not rounded); lower = qbeta(alpha/2, x, n - x + 1) (0 if x = 0); upper = qbeta(1 - alpha/2, x + 1, n - x) (1 if x = n)"))
      }
    }
  }
}
# domains: svyby(..., svyciprop) evaluates df = degf(design) on the domain's subset design
# (PSUs minus strata among the domain's rows), not the whole design's degf; rows record it.
for (dn in c("dclus1", "dstrat", "dclus2", "dkobo")) {
  byv <- if (is_kobo(dn)) "admin1" else "stype"
  tg <- ciprop_targets(dn)[[1]]
  fexpr <- sprintf("I(%s == \"%s\")", tg[1], tg[2])
  for (m in CIPROP_METHODS) {
    by_case("ciprop", dn, "svyciprop", tg[1], byv, "none", "wald", type = "ciprop",
      formula = paste0("~", fexpr), extra = sprintf(", method = \"%s\"", m),
      id = mkid(dn, "ciprop_by", byv, tg[1], tg[2], m),
      analysis_extra = list(ci = m, level = tg[2]),
      tolerance_note = if (m == "likelihood") "spline-interpolated profile (see the whole-sample likelihood cases)" else NULL)
    cs <- AREAS$ciprop[[length(AREAS$ciprop)]]
    d <- get(dn); bf <- d$variables[[byv]]
    for (r in seq_along(cs$rows)) {
      g <- cs$rows[[r]]$group[[byv]]
      cs$rows[[r]]$df <- r17(degf(d[bf == g, ]))
      cs$rows[[r]]$level <- tg[2]
      cs$rows[[r]]$term <- fexpr
    }
    cs$note <- "df of each row = degf() of the domain's subset design, as svyciprop's default df = degf(design) is evaluated on the domain inside svyby"
    AREAS$ciprop[[length(AREAS$ciprop)]] <- cs
  }
}
# select_multiple options, denominator = those who answered (a domain): svyciprop on the subset.
# Its df is degf() of that subset (PSUs with an answering household minus strata), recorded.
for (dn in c("dkobo", "dkobo_wr")) for (o in c("work", "other")) for (m in CIPROP_METHODS) {
  fexpr <- sprintf("I(reasons.%s == 1)", o)
  dexpr <- sprintf("subset(%s, reasons_answered)", dn)
  expr <- sprintf("svyciprop(~%s, %s, method = \"%s\")", fexpr, dexpr, m)
  p <- run(expr)
  dfv <- run(sprintf("degf(%s)", dexpr))
  rows <- ciprop_rows_obj(p, dfv)
  rows[[1]]$option <- o
  if (m == "likelihood") lik_diffs <- c(lik_diffs, abs(likelihood_exact_ci(fexpr, dexpr, 0.95, dfv) /
                                                       c(rows[[1]]$ci_low, rows[[1]]$ci_upp) - 1))
  add_case("ciprop", new_case(mkid(dn, "ciprop_multi_answered", o, m), c(expr, sprintf("confint(%s)", expr)), dn,
    analysis_json("ciprop", arr("reasons"), ci = m, denominator = "answered",
                  subset = list(var = "reasons", op = "answered", values = list())),
    rows, note = sprintf("share of the answering households selecting option %s; df = degf(%s) = %d", o, dexpr, dfv),
    tolerance_note = if (m == "logit") "svyglm IRLS fit" else if (m == "likelihood") "spline-interpolated profile" else NULL))
}
LOGIT_TOL <- max(1e-10, signif(10 * max(logit_diffs), 1))
LIK_TOL <- signif(2 * max(lik_diffs), 1)
for (k in seq_along(AREAS$ciprop)) {
  cs <- AREAS$ciprop[[k]]
  if (identical(cs$analysis$ci, "logit")) {
    cs$tolerance <- LOGIT_TOL
    cs$tolerance_note <- sprintf("%s; largest relative difference to xlogit over these cases %.2g", cs$tolerance_note, max(logit_diffs))
  }
  if (identical(cs$analysis$ci, "likelihood") && cs$reference == "survey") {
    cs$tolerance <- LIK_TOL
    cs$tolerance_note <- sprintf("%s; largest relative difference between R's limits and the exact roots over these cases %.2g", cs$tolerance_note, max(lik_diffs))
  }
  AREAS$ciprop[[k]] <- cs
}

# ------------------------------------------------------------------------------------------------
# quantiles.json: svyquantile (survey >= 4.1 API). Defaults: qrule = "math", interval.type =
# "mean" (Woodruff: a Wald interval, t with df, for the share below the estimate, mapped back
# through the same qrule), ci = TRUE, se = (upper - lower) / (2 qt(1 - alpha/2, df)), df = NULL
# meaning degf(design) -- evaluated AFTER na.rm drops the rows missing the variable, i.e. PSUs
# minus strata among the remaining rows, and inside svyby on the domain's subset design.
# interval.type "score" (ffullerCI) is left out: it finds its limits by uniroot with a loose
# tolerance and maps them through an unweighted mean, not a closed form worth matching.
# ------------------------------------------------------------------------------------------------
quant_rows <- function(q, dfv) {
  rows <- list()
  for (v in names(q)) {
    m <- q[[v]]
    for (i in seq_len(nrow(m))) {
      rows[[length(rows) + 1]] <- row_json(v, m[i, "quantile"], m[i, "se"], m[i, 2], m[i, 3], dfv,
                                           quantile = as.numeric(rownames(m)[i]))
    }
  }
  rows
}
quant_case <- function(area, dn, v, probs = c(0.25, 0.5, 0.75), qrule = NULL, itype = NULL, alpha = NULL,
                       na_rm = FALSE, idp = NULL) {
  pr <- paste0("c(", paste(probs, collapse = ", "), ")")
  if (length(probs) == 1) pr <- as.character(probs)
  expr <- sprintf("svyquantile(~%s, %s, quantiles = %s%s%s%s%s)", v, dn, pr,
                  if (is.null(qrule)) "" else sprintf(", qrule = \"%s\"", qrule),
                  if (is.null(itype)) "" else sprintf(", interval.type = \"%s\"", itype),
                  if (is.null(alpha)) "" else sprintf(", alpha = %s", alpha),
                  if (na_rm) ", na.rm = TRUE" else "")
  q <- run(expr)
  d <- get(dn)
  dfv <- if (na_rm) degf(d[!is.na(d$variables[[v]]), ]) else degf(d)
  add_case(area, new_case(mkid(idp, dn, "quantile", v, if (is.null(qrule)) "math" else qrule,
                              if (is.null(itype)) "mean" else itype, if (!is.null(alpha)) paste0("alpha", alpha), if (na_rm) "narm",
                              if (!identical(probs, c(0.25, 0.5, 0.75))) paste0("p", paste(probs, collapse = "_"))),
    arr(expr), dn,
    analysis_json("quantile", arr(v), ci = if (is.null(itype)) "mean" else itype,
                  ci_level = if (is.null(alpha)) 0.95 else 1 - alpha, na_rm = na_rm,
                  quantile = list(probs = arr(probs), qrule = if (is.null(qrule)) "math" else qrule,
                                  interval_type = if (is.null(itype)) "mean" else itype)),
    quant_rows(q, dfv),
    tolerance_note = "closed form, but a quantile is a step function of the cumulative weights: a cumulative share equal to p up to rounding can select the neighbouring value",
    note = if (na_rm) sprintf("df = degf of the design without the rows missing %s (svyquantile subsets before degf): %s", v, dfv) else NULL))
}
for (dn in DESIGN_NAMES_MAIN) {
  vs <- if (is_kobo(dn)) c("hh_size", "income") else c("api00", "enroll")
  for (v in vs) {
    nr <- v %in% c("income", "enroll")
    quant_case("quantiles", dn, v, na_rm = nr)
    for (qr in c("school", "hf7")) quant_case("quantiles", dn, v, qrule = qr, na_rm = nr)
  }
  v <- vs[1]
  for (it in c("beta", "xlogit", "asin")) quant_case("quantiles", dn, v, itype = it)
  quant_case("quantiles", dn, v, probs = 0.5, alpha = 0.1)
  quant_case("quantiles", dn, v, probs = c(0.1, 0.9), qrule = "school")
}
# domains: svyby(~v, ~by, design, svyquantile, ...) -- df per domain is degf of the domain subset
for (dn in c("dstrat", "dclus1", "dclus2", "dkobo", "dkobo_wr")) {
  v <- if (is_kobo(dn)) "hh_size" else "api00"
  byv <- if (is_kobo(dn)) "admin1" else if (dn == "dstrat") "stype" else "awards"
  for (qr in c("math", "school")) {
    extra <- sprintf(", quantiles = c(0.25, 0.5), qrule = \"%s\", ci = TRUE", qr)
    by_case("quantiles", dn, "svyquantile", v, byv, "none", "wald", type = "quantile", extra = extra,
      id = mkid(dn, "quantile_by", byv, v, qr),
      analysis_extra = list(ci = "mean", quantile = list(probs = arr(c(0.25, 0.5)), qrule = qr, interval_type = "mean")),
      note = "df of each row = degf() of the domain's subset design (svyquantile's default df = degf(design) is evaluated on the domain inside svyby); NaN limits (a share interval outside [0, 1]) are null",
      tolerance_note = "closed form, but a quantile is a step function of the cumulative weights")
    k <- length(AREAS$quantiles); cs <- AREAS$quantiles[[k]]
    d <- get(dn); bf <- d$variables[[byv]]
    for (r in seq_along(cs$rows)) {
      g <- cs$rows[[r]]$group[[byv]]
      cs$rows[[r]]$df <- r17(degf(d[bf == g, ]))
      cs$rows[[r]]$quantile <- as.numeric(sub(paste0("^", v, "[.]"), "", cs$rows[[r]]$term))
      cs$rows[[r]]$term <- v
    }
    AREAS$quantiles[[k]] <- cs
  }
}

# ------------------------------------------------------------------------------------------------
# domains.json: svyby with one and two crossed by-variables (mean, total), keep.var,
# vartype = c("se", "ci"), deff, t intervals with the whole design's degf, na.rm as a domain,
# empty domains (drop.empty.groups = FALSE gives NA rows), and a domain by subset().
# ------------------------------------------------------------------------------------------------
for (dn in c("dsrs", "dstrat", "dstrat_wr", "dclus1", "dclus1_wr", "dclus2", "dclus2_w", "dkobo", "dkobo_fpcw", "dkobo_wr")) {
  v <- if (is_kobo(dn)) "hh_size" else "api00"
  b1 <- if (is_kobo(dn)) "admin1" else if (grepl("strat", dn)) "stype" else "awards"
  b2 <- if (is_kobo(dn)) c("admin1", "sex") else if (grepl("strat", dn)) c("stype", "awards") else c("stype", "awards")
  for (fun in c("svymean", "svytotal")) for (ci in c("wald", "t")) for (deff in c("srswor", "replace")) {
    by_case("domains", dn, fun, v, b1, deff, ci)
    by_case("domains", dn, fun, v, b2, deff, ci)
  }
  by_case("domains", dn, "svymean", v, b2, "srswor", keep_var = FALSE)
  by_case("domains", dn, "svymean", c(v, if (is_kobo(dn)) "shelter" else "sch.wide"), b1, "none", "t", type = "mean")
  # a domain by subset() is the svyby row
  lev <- as.character(get(dn)$variables[[b1]][1])
  stat_case("domains", dn, "svymean", v, "srswor", "t", dexpr = sprintf("subset(%s, %s == \"%s\")", dn, b1, lev),
    id = mkid(dn, "mean", v, "subset", b1, lev, "t"), subset = list(var = b1, op = "==", values = arr(lev)),
    note = "subset() keeps the design: the same figures as the svyby row for this domain")
}
for (dn in c("dkobo", "dkobo_fpcw", "dkobo_wr")) for (ci in c("wald", "t")) {
  by_case("domains", dn, "svymean", "income", "admin1", "srswor", ci, na_rm = TRUE)
  by_case("domains", dn, "svytotal", "income", c("admin1", "sex"), "srswor", ci, na_rm = TRUE)
}
for (dn in c("dstrat", "dclus1", "dclus2")) by_case("domains", dn, "svymean", "enroll", "stype", "srswor", "t", na_rm = TRUE)
# empty domains: two-way crossings with cells without any row
by_case("domains", "dclus1", "svymean", "api00", c("awards", "sch.wide"), "srswor", "wald",
  extra = ", drop.empty.groups = FALSE", id = "dclus1_mean_api00_by_awards_sch.wide_keep_empty",
  note = "drop.empty.groups = FALSE: the empty cell (awards Yes, sch.wide No) is a row with null statistics")
by_case("domains", "dclus1", "svymean", "api00", c("awards", "sch.wide"), "srswor", "wald",
  id = "dclus1_mean_api00_by_awards_sch.wide_drop_empty", note = "default drop.empty.groups = TRUE: no row for the empty cell")
by_case("domains", "dkobo", "svymean", "hh_size", c("shelter", "stratum"), "srswor", "wald",
  extra = ", drop.empty.groups = FALSE", id = "dkobo_mean_hh_size_by_shelter_stratum_keep_empty",
  note = "drop.empty.groups = FALSE: shelter tent is absent from most strata; single-PSU domain cells have se computed with the padded zero PSUs")

# ------------------------------------------------------------------------------------------------
# lonely_psu.json: a stratum with a single PSU under each options(survey.lonely.psu = ...).
#  fail: R stops ("Stratum (H) has only one PSU at stage 1"), recorded in "error";
#  remove / certainty: the stratum adds no variance (identical in Taylor linearization);
#  adjust: the lonely PSU's deviation is taken from the grand mean (0 for the linearized totals)
#          instead of the stratum mean;
#  average: the variance is the sum over the other strata times n_strata / (n_strata - lonely).
# Then lonely PSUs inside a domain (whole design fine) with survey.adjust.domain.lonely FALSE / TRUE.
# ------------------------------------------------------------------------------------------------
def_design("dstrat_lonely", "apistrat_lonely",
  "svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat_lonely)",
  "1", strata = "stype", weights = "pw", fpc = "fpc", note = "stratum H has one PSU (one school)")
def_design("dstrat_lonely_wr", "apistrat_lonely",
  "svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat_lonely)",
  "1", strata = "stype", weights = "pw", note = "stratum H has one PSU; with replacement")
def_design("dkobo_lonely", "kobo_lonely",
  "svydesign(id = ~cluster + household, strata = ~stratum, fpc = ~N_clusters + N_households, weights = ~weight, nest = TRUE, data = kobo_lonely)",
  c("cluster", "household"), strata = "stratum", weights = "weight", fpc = c("N_clusters", "N_households"),
  nest = TRUE, note = "stratum east has one village (PSU); two stages with fpc")
def_design("dkobo_lonely_wr", "kobo_lonely",
  "svydesign(id = ~cluster, strata = ~stratum, weights = ~weight, nest = TRUE, data = kobo_lonely)",
  "cluster", strata = "stratum", weights = "weight", nest = TRUE, note = "stratum east has one village; with replacement")
lonely_case <- function(dn, opt, code, type, var, by = character(0), extra_id, ci = "wald", deff = "none",
                        adl = FALSE, quantile = NULL) {
  options(survey.lonely.psu = opt, survey.adjust.domain.lonely = adl)
  pre <- sprintf("options(survey.lonely.psu = \"%s\"%s)", opt, if (adl) ", survey.adjust.domain.lonely = TRUE" else "")
  res <- tryCatch(list(value = eval(parse(text = code), envir = globalenv())),
                  error = function(e) list(error = conditionMessage(e)))
  dfv <- degf(get(dn))
  rows <- list(); err <- NULL
  if (!is.null(res$error)) err <- list(message = res$error)
  else if (type == "quantile") rows <- quant_rows(res$value, dfv)
  else if (inherits(res$value, "svyby")) rows <- by_rows(res$value, by, var, ci, dfv)
  else rows <- stat_rows(res$value, var, ci, dfv)
  calls <- c(pre, code, if (type != "quantile" && is.null(err)) {
    if (ci == "t") sprintf("confint(%s, df = degf(%s))", code, dn)
    else if (inherits(res$value, "svyby")) NULL else sprintf("confint(%s)", code)
  })
  an <- analysis_json(type, arr(var), by = by, ci = if (type == "quantile") "mean" else ci, deff = deff, quantile = quantile)
  add_case("lonely_psu", new_case(mkid(dn, opt, if (adl) "domainlonely", extra_id, if (ci == "t") "t"), calls, dn, an, rows, error = err))
  options(survey.lonely.psu = "fail", survey.adjust.domain.lonely = FALSE)
}
for (dn in c("dstrat_lonely", "dstrat_lonely_wr", "dkobo_lonely", "dkobo_lonely_wr")) {
  kb <- is_kobo(dn)
  v <- if (kb) "hh_size" else "api00"; f <- if (kb) "shelter" else "awards"; byv <- if (kb) "sex" else "awards"
  num <- if (kb) "hh_size" else "api00"; den <- if (kb) "N_households" else "api99"
  for (opt in c("fail", "remove", "certainty", "adjust", "average")) {
    lonely_case(dn, opt, sprintf("svymean(~%s, %s, deff = TRUE)", v, dn), "mean", v, extra_id = mkid("mean", v), deff = "srswor")
    lonely_case(dn, opt, sprintf("svytotal(~%s, %s, deff = TRUE)", v, dn), "total", v, extra_id = mkid("total", v), deff = "srswor")
    lonely_case(dn, opt, sprintf("svymean(~%s, %s, deff = TRUE)", v, dn), "mean", v, extra_id = mkid("mean", v), deff = "srswor", ci = "t")
    lonely_case(dn, opt, sprintf("svyby(~%s, ~%s, %s, svymean, vartype = c(\"se\", \"ci\"))", v, byv, dn), "mean", v,
                by = byv, extra_id = mkid("mean", v, "by", byv), ci = "t")
    lonely_case(dn, opt, sprintf("svymean(~%s, %s)", f, dn), "prop", f, extra_id = mkid("prop", f))
    lonely_case(dn, opt, sprintf("svyby(~%s, ~%s, %s, svymean, vartype = c(\"se\", \"ci\"))", v, byv, dn), "mean", v,
                by = byv, extra_id = mkid("mean", v, "by", byv))
    lonely_case(dn, opt, sprintf("svyratio(~%s, ~%s, %s)", num, den, dn), "ratio", c(num, den), extra_id = mkid("ratio", num, den))
    lonely_case(dn, opt, sprintf("svyquantile(~%s, %s, quantiles = 0.5)", v, dn), "quantile", v,
                extra_id = mkid("median", v), quantile = list(probs = arr(0.5), qrule = "math", interval_type = "mean"))
  }
}
# lonely PSUs in a domain: shelter "tent" has one village in some strata of the full dkobo design
for (opt in c("fail", "remove", "certainty", "adjust", "average")) for (adl in c(FALSE, TRUE)) {
  for (dn in c("dkobo", "dkobo_wr")) {
    lonely_case(dn, opt, sprintf("svyby(~hh_size, ~shelter, %s, svymean, vartype = c(\"se\", \"ci\"))", dn), "mean", "hh_size",
                by = "shelter", extra_id = "mean_hh_size_by_shelter", adl = adl)
    lonely_case(dn, opt, sprintf("svymean(~hh_size, subset(%s, shelter == \"tent\"))", dn), "mean", "hh_size",
                extra_id = "mean_hh_size_tent", adl = adl)
    AREAS$lonely_psu[[length(AREAS$lonely_psu)]]$analysis$subset <- list(var = "shelter", op = "==", values = arr("tent"))
  }
}
# R's stage 2 treats each village as a stratum of households: a domain with a single household in
# a village is a lonely "PSU" there too, so with "average" and adjust.domain.lonely every such
# village's stage-2 term is NA and (no other stratum to average over) the variance is NA.
for (k in seq_along(AREAS$lonely_psu)) {
  cs <- AREAS$lonely_psu[[k]]
  if (cs$design$adjust_domain_lonely) cs$note <- paste0(
    "survey.adjust.domain.lonely = TRUE: a stratum with several PSUs of which only one holds domain rows is lonely in the domain ",
    "(adjust: deviation from 0 instead of the stratum mean; average: left out and the rest scaled by n_strata / n_ok)",
    if (cs$design$name == "dkobo") paste0("; at stage 2 each village is a stratum of households, a village with one domain household is lonely as well, ",
      "so with average R's variance is NA (null) wherever that happens") else "")
  AREAS$lonely_psu[[k]] <- cs
}

# ------------------------------------------------------------------------------------------------
# twostage.json: multistage designs, fpc at both stages (population sizes or sampling
# fractions), weights given or from the fpc, and with replacement; every estimator.
# ------------------------------------------------------------------------------------------------
apiclus2_fraction <- read.csv(file.path(data_dir, "apiclus2.csv"))
n_districts <- length(unique(apiclus2_fraction$dnum))
apiclus2_fraction$fpc1_fraction <- n_districts / apiclus2_fraction$fpc1
apiclus2_fraction$fpc2_fraction <- as.numeric(table(apiclus2_fraction$dnum)[as.character(apiclus2_fraction$dnum)]) / apiclus2_fraction$fpc2
write.csv(apiclus2_fraction, file.path(data_dir, "apiclus2_fraction.csv"), row.names = FALSE)
apiclus2_fraction <- as_factors(read.csv(file.path(data_dir, "apiclus2_fraction.csv")), api_factors)
def_design("dclus2_frac", "apiclus2_fraction",
  "svydesign(id = ~dnum + snum, fpc = ~fpc1_fraction + fpc2_fraction, data = apiclus2_fraction)",
  c("dnum", "snum"), fpc = c("fpc1_fraction", "fpc2_fraction"),
  note = "as dclus2 with the fpc given as sampling fractions (districts 40/fpc1, schools m_i/fpc2)")
# Certainty PSUs: every village of stratum east is sampled (N_clusters = n_clusters = 5), so stage
# 1 adds nothing for east ((N - n)/N = 0) and only its households' stage-2 variance remains.
kobo_certainty <- kobo_raw
kobo_certainty$N_clusters[kobo_certainty$stratum == "east"] <- length(unique(kobo_certainty$cluster[kobo_certainty$stratum == "east"]))
write.csv(kobo_certainty, file.path(data_dir, "kobo_certainty.csv"), row.names = FALSE, na = "")
kobo_certainty <- as_factors(read.csv(file.path(data_dir, "kobo_certainty.csv"), na.strings = ""), kobo_factors)
def_design("dkobo_cert", "kobo_certainty",
  "svydesign(id = ~cluster + household, strata = ~stratum, fpc = ~N_clusters + N_households, weights = ~weight, nest = TRUE, data = kobo_certainty)",
  c("cluster", "household"), strata = "stratum", weights = "weight", fpc = c("N_clusters", "N_households"),
  nest = TRUE, note = "as dkobo with every village of stratum east sampled (certainty PSUs: N_clusters = n_clusters = 5)")
for (dn in c("dclus2", "dclus2_w", "dclus2_wr", "dclus2_frac", "dkobo", "dkobo_fpcw", "dkobo_wr", "dkobo_cert")) {
  kb <- is_kobo(dn)
  v <- if (kb) "hh_size" else "api00"; f <- if (kb) "shelter" else "stype"
  byv <- if (kb) c("admin1", "sex") else c("stype", "awards")
  for (ci in c("wald", "t")) {
    stat_case("twostage", dn, "svymean", c(v, f), "srswor", ci)
    stat_case("twostage", dn, "svytotal", c(v, f), "replace", ci)
    by_case("twostage", dn, "svymean", v, byv, "srswor", ci)
    ratio_case(dn, if (kb) "income" else "api00", if (kb) "hh_size" else "api99", "srswor", ci, na_rm = kb, area = "twostage")
  }
  quant_case("twostage", dn, v)
  stat_case("twostage", dn, "svymean", if (kb) "income" else "enroll", "srswor", "t", na_rm = TRUE)
}

# Self-check against the textbook two-stage formula (Sarndal et al. 4.3): for the total of api00
# in dclus2, V = N1^2 (1 - n1/N1) s1^2 / n1 + (N1/n1) sum_i N2i^2 (1 - n2i/N2i) s2i^2 / n2i with
# s1^2 the variance of the estimated PSU totals and s2i^2 the variance of y inside PSU i.
local({
  d <- apiclus2; N1 <- d$fpc1[1]; n1 <- length(unique(d$dnum))
  by_psu <- split(d, d$dnum)
  t_i <- sapply(by_psu, function(p) p$fpc2[1] / nrow(p) * sum(p$api00))
  v2 <- sapply(by_psu, function(p) { n2 <- nrow(p); N2 <- p$fpc2[1]; if (n2 > 1) N2^2 * (1 - n2 / N2) * var(p$api00) / n2 else 0 })
  v <- N1^2 * (1 - n1 / N1) * var(t_i) / n1 + N1 / n1 * sum(v2)
  stopifnot(abs(sqrt(v) / SE(svytotal(~api00, dclus2)) - 1) < 1e-12)
})

# ------------------------------------------------------------------------------------------------
# deff.json: design effects. R: deff = TRUE compares with simple random sampling without
# replacement of the same size (var_srs = (1 - n / N_hat) s^2 / n for a mean, with
# N_hat = sum of weights and s^2 = svyvar), deff = "replace" with replacement (no (1 - n/N_hat));
# for a total var_srs is N_hat^2 times that. Kish's design effect of unequal weights
# n sum(w^2) / sum(w)^2 and effective sample size sum(w)^2 / sum(w^2) are formulas
# ("reference": "formula"), for the whole sample and per domain.
# ------------------------------------------------------------------------------------------------
for (dn in c(DESIGN_NAMES_MAIN, "dclus2_frac")) {
  kb <- is_kobo(dn)
  v <- if (kb) "hh_size" else "api00"; f <- if (kb) "remittances" else "awards"
  byv <- if (kb) "admin1" else "stype"
  for (deff in c("srswor", "replace")) {
    stat_case("deff", dn, "svymean", c(v, f), deff, "wald")
    stat_case("deff", dn, "svytotal", c(v, f), deff, "wald")
    by_case("deff", dn, "svymean", v, byv, deff, "wald")
    by_case("deff", dn, "svytotal", f, byv, deff, "wald")
    ratio_case(dn, if (kb) "income" else "api00", if (kb) "hh_size" else "api99", deff, "wald", na_rm = kb, area = "deff")
  }
  # Kish
  expr <- sprintf("w <- weights(%s); c(kish_deff = length(w) * sum(w^2) / sum(w)^2, kish_n_eff = sum(w)^2 / sum(w^2))", dn)
  k <- run(expr)
  add_case("deff", new_case(mkid(dn, "kish"), arr(expr), dn,
    analysis_json("kish", arr(character(0)), ci = "none"),
    list(row_json("kish_deff", k[["kish_deff"]]), row_json("kish_n_eff", k[["kish_n_eff"]])),
    reference = "formula", note = "Kish: deff = n sum(w^2) / sum(w)^2, n_eff = sum(w)^2 / sum(w^2), w = the design's weights"))
  d <- get(dn); bf <- as.character(d$variables[[byv]]); w <- weights(d)
  rows <- list()
  for (g in sort(unique(bf))) {
    wg <- w[bf == g]
    rows[[length(rows) + 1]] <- row_json("kish_deff", length(wg) * sum(wg^2) / sum(wg)^2, group = setNames(list(g), byv))
    rows[[length(rows) + 1]] <- row_json("kish_n_eff", sum(wg)^2 / sum(wg^2), group = setNames(list(g), byv))
  }
  add_case("deff", new_case(mkid(dn, "kish_by", byv), arr(sprintf("w <- weights(%s); tapply(w, %s$variables$%s, function(wg) c(length(wg) * sum(wg^2) / sum(wg)^2, sum(wg)^2 / sum(wg^2)))", dn, dn, byv)), dn,
    analysis_json("kish", arr(character(0)), by = byv, ci = "none"), rows,
    reference = "formula", note = "Kish per domain, over the domain's rows"))
}

write_area <- function(area) {
  obj <- list(area = area, generated_by = list(r = R_VERSION, survey = SURVEY_VERSION,
    script = "mtm-indicators/src/test/r/goldens.R"), cases = AREAS[[area]])
  writeLines(to_json(obj), file.path(out_dir, paste0(area, ".json")), useBytes = TRUE)
  cat(area, ":", length(AREAS[[area]]), "cases\n")
}

for (area in names(AREAS)) write_area(area)
