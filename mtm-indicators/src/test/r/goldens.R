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
run <- function(code) eval(parse(text = code), envir = globalenv())

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

# Level of a term of a factor variable: R names it variable + level (stypeE -> E).
term_level <- function(term, var) if (startsWith(term, var) && term != var) substring(term, nchar(var) + 1) else NULL

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
    opt <- if (!is.null(option_of)) option_of[[term]] else NULL
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
        nm <- if (length(stats) == 1 && !(paste0(prefix, ".", s) %in% names(b))) prefix else paste0(prefix, ".", s)
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
      opt <- if (!is.null(option_of)) option_of[[s]] else NULL
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
                      type = NULL, note = NULL) {
  f <- paste0("~", paste(vars, collapse = " + "))
  expr <- sprintf("%s(%s, %s%s%s)", fun, f, dn, if (na_rm) ", na.rm = TRUE" else "", deff_arg(deff))
  x <- run(expr)
  dfv <- degf(get(dn))
  if (is.null(type)) type <- sub("^svy", "", fun)
  if (is.null(id)) id <- mkid(dn, type, vars, deff, ci, if (na_rm) "narm")
  add_case(area, new_case(id, c(expr, ci_call(expr, ci, dn)), dn,
    analysis_json(type, arr(vars), ci = ci, deff = deff, na_rm = na_rm),
    stat_rows(x, vars, ci, dfv), note = note))
}

# A svyby case.
by_case <- function(area, dn, fun, vars, byvars, deff = "none", ci = "wald", na_rm = FALSE,
                    extra = "", type = NULL, id = NULL, note = NULL, keep_var = TRUE) {
  f <- paste0("~", paste(vars, collapse = " + "))
  bf <- paste0("~", paste(byvars, collapse = " + "))
  vt <- if (keep_var) ", vartype = c(\"se\", \"ci\")" else ", keep.var = FALSE"
  expr <- sprintf("svyby(%s, %s, %s, %s%s%s%s%s)", f, bf, dn, fun, deff_arg(deff),
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
      row_json(vars[1], b[["statistic"]][g], deff = if ("DEff" %in% names(b)) b[["DEff"]][g] else NA, group = grp)
    })
  }
  add_case(area, new_case(id, calls, dn,
    analysis_json(type, arr(vars), by = byvars, ci = if (keep_var) ci else "none", deff = deff, na_rm = na_rm),
    rows, note = note))
}

source_part <- function(f) sys.source(file.path(dirname(normalizePath(script_file)), f), envir = globalenv())

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

write_area <- function(area) {
  obj <- list(area = area, generated_by = list(r = R_VERSION, survey = SURVEY_VERSION,
    script = "mtm-indicators/src/test/r/goldens.R"), cases = AREAS[[area]])
  writeLines(to_json(obj), file.path(out_dir, paste0(area, ".json")), useBytes = TRUE)
  cat(area, ":", length(AREAS[[area]]), "cases\n")
}
write_area("means_totals")

write_area("proportions")
