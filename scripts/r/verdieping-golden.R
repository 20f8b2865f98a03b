# Expected ("golden") values for the mirror's second step, computed in R from the fixed
# datasets in test/fixtures/verdieping/, written to test/fixtures/verdieping/expected.json.
#
#   Rscript scripts/r/verdieping-golden.R
#
# Needs Debian's r-cran-survival and r-cran-brglm2. brglm2's type = "AS_mean" is Firth's
# bias-reduced logistic regression (the same estimates as logistf, which is not packaged).

suppressPackageStartupMessages({
  library(survival)
  library(brglm2)
})
args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
root <- normalizePath(file.path(dirname(script), "..", ".."))
dir <- file.path(root, "test", "fixtures", "verdieping")

num <- function(x) {
  if (length(x) != 1) stop("num() takes one value")
  if (is.na(x) || !is.finite(x)) "null" else sprintf("%.15g", x)
}
str <- function(s) paste0("\"", gsub("\"", "\\\\\"", s), "\"")
arr <- function(values, f = num) paste0("[", paste(vapply(values, f, ""), collapse = ", "), "]")
obj <- function(...) {
  fields <- list(...)
  paste0("{", paste(paste0(str(names(fields)), ": ", unlist(fields)), collapse = ", "), "}")
}

fit_json <- function(f) {
  s <- summary(f)$coefficients
  ci <- confint.default(f)
  coefs <- character(0)
  for (name in rownames(s)) {
    coefs <- c(coefs, obj(
      name = str(name), estimate = num(s[name, 1]), standardError = num(s[name, 2]),
      z = num(s[name, 3]), p = num(s[name, 4]),
      lower = num(exp(ci[name, 1])), upper = num(exp(ci[name, 2]))
    ))
  }
  obj(coefficients = paste0("[", paste(coefs, collapse = ", "), "]"),
      aliased = arr(names(coef(f))[is.na(coef(f))], str))
}

ages <- read.csv(file.path(dir, "ages.csv"), stringsAsFactors = FALSE)
ages$ground <- relevel(factor(ages$ground), ref = "A")
ages$team <- relevel(factor(ages$team), ref = "noord")
plain <- ages[ages$education != "geen", ]
plain$education <- factor(plain$education, levels = c("midden", "hoog", "laag"))
ages$education <- factor(ages$education, levels = c("midden", "geen", "hoog", "laag"))
sex2 <- read.csv(file.path(dir, "sex2.csv"))

logistic <- obj(
  numeric = fit_json(glm(y ~ ground + age + education, family = binomial, data = plain)),
  aliased = fit_json(glm(y ~ ground + age + team, family = binomial, data = plain)),
  firthSeparated = fit_json(glm(y ~ ground + age + education, family = binomial, data = ages,
                                method = "brglmFit", type = "AS_mean", epsilon = 1e-12, maxit = 500)),
  firthSex2 = fit_json(glm(case ~ age + oc + vic + vicl + vis + dia, family = binomial, data = sex2,
                           method = "brglmFit", type = "AS_mean", epsilon = 1e-12, maxit = 500))
)

# power.prop.test: the p2 detected with 80% power, to full precision (tol 1e-12).
power_cases <- list(c(50, 0.3), c(200, 0.1), c(1000, 0.25), c(30, 0.5), c(72, 0.3), c(72, 0.7), c(3, 0.5))
power <- vapply(power_cases, function(cs) {
  p2 <- tryCatch(power.prop.test(n = cs[1], p1 = cs[2], power = 0.8, tol = 1e-12)$p2,
                 error = function(e) NA, warning = function(w) NA)
  if (!is.na(p2) && p2 > 1) p2 <- NA
  obj(n = num(cs[1]), p1 = num(cs[2]), p2 = num(p2))
}, "")

times <- read.csv(file.path(dir, "times.csv"), stringsAsFactors = FALSE)
curve_json <- function(d) {
  f <- survfit(Surv(time, event) ~ 1, data = d)
  t <- summary(f)$table
  obj(time = arr(f$time), atRisk = arr(f$n.risk), events = arr(f$n.event), censored = arr(f$n.censor),
      survival = arr(f$surv), seLog = arr(f$std.err), lower = arr(f$lower), upper = arr(f$upper),
      median = num(t[["median"]]), medianLower = num(t[["0.95LCL"]]), medianUpper = num(t[["0.95UCL"]]))
}
survdiff_json <- function(d) {
  s <- survdiff(Surv(time, event) ~ group, data = d)
  df <- length(s$n) - 1
  obj(groups = arr(sub("^group=", "", names(s$n)), str), observed = arr(s$obs), expected = arr(s$exp),
      chiSquare = num(s$chisq), df = num(df), p = num(pchisq(s$chisq, df, lower.tail = FALSE)))
}
groups <- sort(unique(times$group))
survival_json <- obj(
  curves = paste0("{", paste(vapply(groups, function(g) paste0(str(g), ": ", curve_json(times[times$group == g, ])), ""),
                            collapse = ", "), "}"),
  logRank = survdiff_json(times),
  logRankTwo = survdiff_json(times[times$group != "midden", ])
)

json <- paste0(
  "{\n",
  "  \"source\": ", str("scripts/r/verdieping-golden.R"), ",\n",
  "  \"logistic\": ", logistic, ",\n",
  "  \"power\": ", arr(power, identity), ",\n",
  "  \"survival\": ", survival_json, "\n",
  "}\n"
)
out <- Sys.getenv("GOLDEN_OUT", file.path(dir, "expected.json"))
writeLines(json, out, sep = "")
cat("wrote", out, "\n")
