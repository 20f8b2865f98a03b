# Computes the expected ("golden") values for the paired tests in
# src/mirror/stats/paired.ts with R as the independent source, and writes the
# input data and R's answers to test/fixtures/paired/expected.json.
#
#   Rscript scripts/r/paired-golden.R
#
# Base R only (stats package); the JSON is written by hand. Numbers are written
# with 15 significant digits; NA and NaN are written as null. The datasets are
# made here with a fixed seed and written out, so the test reads the very same
# numbers R used.
#
#   mcnemar.test(matrix(c(a, c, b, d), 2))         (correct = TRUE, R's default)
#   wilcox.test(x, y, paired = TRUE)                (two-sided, exact = NULL, correct = TRUE)
#   wilcox.test(x, y)                               (rank-sum / Mann-Whitney, same defaults)

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
root <- normalizePath(file.path(dirname(script), "..", ".."))
out <- Sys.getenv("GOLDEN_OUT", file.path(root, "test", "fixtures", "paired", "expected.json"))

num <- function(x) {
  if (length(x) != 1) stop("num() takes one value")
  if (is.na(x) || !is.finite(x)) "null" else sprintf("%.15g", x)
}
str <- function(s) paste0("\"", s, "\"")
arr <- function(values) paste0("[", paste(vapply(values, num, ""), collapse = ", "), "]")
obj <- function(...) {
  fields <- list(...)
  paste0("{", paste(paste0(str(names(fields)), ": ", unlist(fields)), collapse = ", "), "}")
}
quiet <- function(expr) suppressWarnings(expr)

# McNemar ----------------------------------------------------------------------
# a = yes/yes, b = yes/no, c = no/yes, d = no/no (before/after)
mc_cases <- list(
  list(id = "verbeterd", a = 30, b = 4, c = 12, d = 20),
  list(id = "verslechterd", a = 51, b = 17, c = 6, d = 40),
  list(id = "gelijk", a = 5, b = 3, c = 3, d = 9),
  list(id = "een-kant", a = 8, b = 0, c = 7, d = 11),
  list(id = "verschil-een", a = 10, b = 5, c = 4, d = 10),
  list(id = "groot", a = 1200, b = 310, c = 402, d = 900),
  list(id = "geen-wisselaars", a = 10, b = 0, c = 0, d = 10)
)
mc <- vapply(mc_cases, function(k) {
  t <- quiet(mcnemar.test(matrix(c(k$a, k$c, k$b, k$d), 2)))
  obj(id = str(k$id), a = num(k$a), b = num(k$b), c = num(k$c), d = num(k$d),
      statistic = num(unname(t$statistic)), p = num(t$p.value))
}, "")

# Data sets ----------------------------------------------------------------------
set.seed(20260101)
grades0 <- sample(3:9, 40, replace = TRUE)
grades1 <- pmin(10, pmax(1, grades0 + sample(-2:3, 40, replace = TRUE)))
big0 <- sample(1:10, 400, replace = TRUE, prob = c(1, 1, 2, 4, 8, 10, 8, 5, 2, 1))
big1 <- pmin(10, pmax(1, big0 + sample(-2:2, 400, replace = TRUE, prob = c(1, 2, 4, 3, 2))))
cont0 <- round(rnorm(60, 5, 2), 6)
cont1 <- round(cont0 + rnorm(60, 0.4, 1), 6)
hours0 <- sample(0:6, 120, replace = TRUE)
hours1 <- pmax(0, hours0 + sample(-2:3, 120, replace = TRUE))

sr_cases <- list(
  list(id = "r-voorbeeld-exact", x = c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30),
       y = c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)),
  list(id = "exact-klein-positief", x = c(7, 8, 9, 10, 11), y = c(6.9, 7.7, 8.6, 9.5, 10.4)),
  list(id = "cijfers-met-gelijke-en-nullen", x = grades1, y = grades0),
  list(id = "groot-cijfers", x = big1, y = big0),
  list(id = "continu-n60", x = cont1, y = cont0),
  list(id = "uren", x = hours1, y = hours0),
  list(id = "een-verschil", x = c(5, 5, 5, 6), y = c(5, 5, 5, 5)),
  list(id = "klein-met-nul", x = c(6, 7, 5, 8, 9, 4), y = c(5, 7, 3, 6, 6, 5))
)
sr <- vapply(sr_cases, function(k) {
  t <- quiet(wilcox.test(k$x, k$y, paired = TRUE))
  obj(id = str(k$id), x = arr(k$x), y = arr(k$y),
      statistic = num(unname(t$statistic)), p = num(t$p.value),
      exact = if (grepl("exact", t$method)) "true" else "false")
}, "")

change_a <- grades1[1:40] - grades0[1:40]
change_b <- big1[1:35] - big0[1:35]
rs_cases <- list(
  list(id = "r-voorbeeld-exact", x = c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46),
       y = c(1.15, 0.88, 0.90, 0.74, 1.21)),
  list(id = "verschilscores-met-gelijke", x = change_a, y = change_b),
  list(id = "continu-groot", x = round(rnorm(60, 0, 1), 6), y = round(rnorm(70, 0.3, 1), 6)),
  list(id = "exact-ongelijk", x = c(1.1, 2.2, 3.3, 4.4), y = c(5.5, 6.6, 7.7, 8.8, 9.9, 0.5)),
  list(id = "groot-cijfers", x = big1[1:200] - big0[1:200], y = big1[201:400] - big0[201:400])
)
rs <- vapply(rs_cases, function(k) {
  t <- quiet(wilcox.test(k$x, k$y))
  obj(id = str(k$id), x = arr(k$x), y = arr(k$y),
      statistic = num(unname(t$statistic)), p = num(t$p.value),
      exact = if (grepl("exact", t$method)) "true" else "false")
}, "")

json <- paste0("{\n  \"r\": ", str(paste(R.version$major, R.version$minor, sep = ".")), ",\n",
  "  \"mcnemar\": [\n    ", paste(mc, collapse = ",\n    "), "\n  ],\n",
  "  \"signedRank\": [\n    ", paste(sr, collapse = ",\n    "), "\n  ],\n",
  "  \"rankSum\": [\n    ", paste(rs, collapse = ",\n    "), "\n  ]\n}\n")
writeLines(json, out, sep = "")
cat("written:", out, "\n")
