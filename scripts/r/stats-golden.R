# Computes the expected ("golden") values for the statistics in src/mirror/stats/
# from the fixed datasets in test/fixtures/stats/, with R as the independent
# source, and writes them to test/fixtures/stats/expected.json.
#
#   Rscript scripts/r/stats-golden.R
#
# Base R only (stats package); the JSON is written by hand. Numbers are written
# with 15 significant digits; NA, NaN and infinite values are written as null.
#
# Inputs:
#   tables.csv    two groups per row: x1 of n1 versus x2 of n2, and a
#                 confidence level for the intervals
#   pvalues.csv   one column p, with ties and one NA
#   persons.csv, separated.csv, quasi.csv, collinear.csv
#                 person-level data for logistic regression (made by
#                 scripts/r/stats-datasets.R)

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
root <- normalizePath(file.path(dirname(script), "..", ".."))
dir <- file.path(root, "test", "fixtures", "stats")

# JSON writing -----------------------------------------------------------------
num <- function(x) {
  if (length(x) != 1) stop("num() takes one value")
  if (is.na(x) || !is.finite(x)) "null" else sprintf("%.15g", x)
}
str <- function(s) {
  s <- gsub("\\\\", "\\\\\\\\", s)
  s <- gsub("\"", "\\\\\"", s)
  paste0("\"", s, "\"")
}
arr <- function(values, f = num) paste0("[", paste(vapply(values, f, ""), collapse = ", "), "]")
obj <- function(...) {
  fields <- list(...)
  paste0("{", paste(paste0(str(names(fields)), ": ", unlist(fields)), collapse = ", "), "}")
}
bool <- function(b) if (isTRUE(b)) "true" else "false"

# Collects warnings instead of printing them, so they can be written out.
with_warnings <- function(expr) {
  msgs <- character(0)
  value <- withCallingHandlers(expr, warning = function(w) {
    msgs <<- c(msgs, conditionMessage(w))
    invokeRestart("muffleWarning")
  })
  list(value = value, warnings = msgs)
}

# 2x2 tables -------------------------------------------------------------------
# Wilson score interval without continuity correction, written out:
#   (p + z^2/(2n) +- z * sqrt(p(1-p)/n + z^2/(4n^2))) / (1 + z^2/n)
wilson <- function(x, n, level) {
  z <- qnorm(1 - (1 - level) / 2)
  p <- x / n
  centre <- p + z^2 / (2 * n)
  half <- z * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))
  denom <- 1 + z^2 / n
  c(estimate = p, lower = (centre - half) / denom, upper = (centre + half) / denom)
}

# Katz log interval for the ratio of two proportions. Decision shared with
# src/mirror/stats/ratio.ts: no interval (NA) when x1 or x2 is 0; no ratio (NA)
# when x2 is 0.
katz <- function(x1, n1, x2, n2, level) {
  z <- qnorm(1 - (1 - level) / 2)
  rr <- if (x2 == 0) NA else (x1 / n1) / (x2 / n2)
  if (x1 == 0 || x2 == 0) return(c(ratio = rr, lower = NA, upper = NA))
  se <- sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2)
  c(ratio = rr, lower = exp(log(rr) - z * se), upper = exp(log(rr) + z * se))
}

# Newcombe (1998) method 10: hybrid score interval from the two Wilson intervals.
newcombe <- function(x1, n1, x2, n2, level) {
  w1 <- wilson(x1, n1, level)
  w2 <- wilson(x2, n2, level)
  d <- w1[["estimate"]] - w2[["estimate"]]
  c(difference = d,
    lower = d - sqrt((w1[["estimate"]] - w1[["lower"]])^2 + (w2[["upper"]] - w2[["estimate"]])^2),
    upper = d + sqrt((w1[["upper"]] - w1[["estimate"]])^2 + (w2[["estimate"]] - w2[["lower"]])^2))
}

tables <- read.csv(file.path(dir, "tables.csv"), stringsAsFactors = FALSE)
table_json <- character(0)
for (i in seq_len(nrow(tables))) {
  t <- tables[i, ]
  m <- matrix(c(t$x1, t$n1 - t$x1, t$x2, t$n2 - t$x2), nrow = 2, byrow = TRUE)
  chi <- with_warnings(chisq.test(m, correct = FALSE))$value
  w1 <- wilson(t$x1, t$n1, t$level)
  w2 <- wilson(t$x2, t$n2, t$level)
  rr <- katz(t$x1, t$n1, t$x2, t$n2, t$level)
  rd <- newcombe(t$x1, t$n1, t$x2, t$n2, t$level)
  table_json <- c(table_json, obj(
    id = str(t$id), x1 = num(t$x1), n1 = num(t$n1), x2 = num(t$x2), n2 = num(t$n2),
    level = num(t$level),
    wilson1 = obj(estimate = num(w1[["estimate"]]), lower = num(w1[["lower"]]), upper = num(w1[["upper"]])),
    wilson2 = obj(estimate = num(w2[["estimate"]]), lower = num(w2[["lower"]]), upper = num(w2[["upper"]])),
    riskRatio = obj(ratio = num(rr[["ratio"]]), lower = num(rr[["lower"]]), upper = num(rr[["upper"]])),
    riskDifference = obj(difference = num(rd[["difference"]]), lower = num(rd[["lower"]]), upper = num(rd[["upper"]])),
    chiSquare = obj(statistic = num(unname(chi$statistic)), p = num(chi$p.value),
                    expected = arr(as.vector(t(chi$expected)))),
    fisherP = num(fisher.test(m)$p.value)
  ))
}

# Benjamini-Hochberg -------------------------------------------------------------
p <- read.csv(file.path(dir, "pvalues.csv"))$p
bh <- obj(p = arr(p), adjusted = arr(p.adjust(p, method = "BH")))

# Logistic regression --------------------------------------------------------------
fit_json <- function(f, warnings) {
  s <- summary(f)$coefficients
  ci <- exp(confint.default(f))
  coefs <- character(0)
  for (name in rownames(s)) {
    coefs <- c(coefs, obj(
      name = str(name), estimate = num(s[name, 1]), standardError = num(s[name, 2]),
      z = num(s[name, 3]), p = num(s[name, 4]), oddsRatio = num(exp(s[name, 1])),
      lower = num(ci[name, 1]), upper = num(ci[name, 2])
    ))
  }
  obj(
    coefficients = paste0("[", paste(coefs, collapse = ", "), "]"),
    aliased = arr(names(coef(f))[is.na(coef(f))], str),
    deviance = num(f$deviance), nullDeviance = num(f$null.deviance),
    iterations = num(f$iter), converged = bool(f$converged),
    minFitted = num(min(fitted(f))), maxFitted = num(max(fitted(f))),
    warnings = arr(warnings, str)
  )
}

glm_with_warnings <- function(formula, data, ...) {
  r <- with_warnings(glm(formula, family = binomial, data = data, ...))
  fit_json(r$value, r$warnings)
}

# Reference levels: ground A, ageband 27-44, education midden, health 0. The
# other levels keep R's sorted order, as in the TypeScript design matrix.
prepare <- function(d) {
  if (!is.null(d$ground)) d$ground <- relevel(factor(d$ground), ref = "A")
  if (!is.null(d$ageband)) d$ageband <- relevel(factor(d$ageband), ref = "27-44")
  if (!is.null(d$education)) d$education <- relevel(factor(d$education), ref = "midden")
  if (!is.null(d$health)) d$health <- factor(d$health, levels = c(0, 1))
  if (!is.null(d$region)) d$region <- relevel(factor(d$region), ref = "noord")
  d
}

persons <- prepare(read.csv(file.path(dir, "persons.csv"), stringsAsFactors = FALSE))
separated <- prepare(read.csv(file.path(dir, "separated.csv"), stringsAsFactors = FALSE))
quasi <- prepare(read.csv(file.path(dir, "quasi.csv"), stringsAsFactors = FALSE))
collinear <- prepare(read.csv(file.path(dir, "collinear.csv"), stringsAsFactors = FALSE))
# An education level that nobody has. glm() would drop the unused level by
# itself, so the design matrix is made first (model.matrix keeps the level as a
# column of zeros) and given to glm() whole; "X" is taken off the names again.
empty_level <- persons
empty_level$education <- factor(as.character(empty_level$education),
                                levels = c("midden", "hoog", "laag", "onbekend"))
empty_level_x <- model.matrix(~ ground + ageband + education + health, empty_level)
empty_level_fit <- with_warnings(glm(empty_level$y ~ 0 + empty_level_x, family = binomial))
names(empty_level_fit$value$coefficients) <- sub("^empty_level_x", "",
                                                 names(empty_level_fit$value$coefficients))

# Complete separation on a numeric column, where no group is all-the-same:
# y is 1 exactly when x > 0.
sep_x <- c(-4.5, -3, -2.2, -1.5, -0.8, -0.3, 0.4, 0.9, 1.6, 2.1, 3.3, 4.2)
sep_y <- as.integer(sep_x > 0)
numeric_separated <- with_warnings(glm(sep_y ~ sep_x, family = binomial))

logistic <- obj(
  persons = glm_with_warnings(y ~ ground + ageband + education + health, persons),
  notConverged = glm_with_warnings(y ~ ground + ageband + education + health, persons,
                                   control = glm.control(maxit = 2)),
  separated = glm_with_warnings(y ~ ground + ageband + health, separated),
  quasi = glm_with_warnings(y ~ ground + ageband, quasi),
  collinear = glm_with_warnings(y ~ ground + ageband + education + health + region, collinear),
  emptyLevel = fit_json(empty_level_fit$value, empty_level_fit$warnings),
  numericSeparated = obj(x = arr(sep_x), y = arr(sep_y),
                         fit = fit_json(numeric_separated$value, numeric_separated$warnings))
)

# Normal distribution: tail areas far out and quantiles ----------------------------
tail_z <- c(0, 0.5, 1, 1.959963984540054, 3, 5, 8, 12, 20, 30, 37)
quantile_p <- c(0.5, 0.8, 0.9, 0.95, 0.975, 0.995, 0.9995)
chisq_x <- c(0.001, 0.5, 3.84, 26, 100, 1000, 1400)
normal <- obj(
  z = arr(tail_z), upperTail = arr(pnorm(tail_z, lower.tail = FALSE)),
  p = arr(quantile_p), quantile = arr(qnorm(quantile_p)),
  chiSquareX = arr(chisq_x), chiSquareUpperTail = arr(pchisq(chisq_x, df = 1, lower.tail = FALSE)),
  logFactorialN = arr(c(0, 1, 5, 19, 20, 21, 100, 1000, 270880)),
  logFactorial = arr(lfactorial(c(0, 1, 5, 19, 20, 21, 100, 1000, 270880)))
)

# Output --------------------------------------------------------------------------
json <- paste0(
  "{\n",
  "  \"source\": ", str("scripts/r/stats-golden.R"), ",\n",
  "  \"r\": ", str(R.version.string), ",\n",
  "  \"z975\": ", num(qnorm(0.975)), ",\n",
  "  \"tables\": [\n    ", paste(table_json, collapse = ",\n    "), "\n  ],\n",
  "  \"benjaminiHochberg\": ", bh, ",\n",
  "  \"logistic\": ", logistic, ",\n",
  "  \"normal\": ", normal, "\n",
  "}\n"
)
out <- Sys.getenv("GOLDEN_OUT", file.path(dir, "expected.json"))
writeLines(json, out, sep = "")
cat("wrote", out, "\n")
