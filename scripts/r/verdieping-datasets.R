# Makes the fixed input datasets in test/fixtures/verdieping/ for the mirror's second step
# (adjusted comparison with age in years, aliased and separated covariates; time to a step).
# Run once; the CSV files are committed and scripts/r/verdieping-golden.R reads them.
#
#   Rscript scripts/r/verdieping-datasets.R
#
# sex2.csv is not made here: it is the `sex2` data of R's logistf package (Heinze & Ploner;
# urinary tract infection, 239 women), written out as CSV.

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
dir <- file.path(normalizePath(file.path(dirname(script), "..", "..")), "test", "fixtures", "verdieping")
set.seed(20261130, kind = "Mersenne-Twister", normal.kind = "Inversion", sample.kind = "Rejection")

# Persons: ground A/B/C, age in years, education; y depends on ground and age.
n <- 400
ground <- sample(c("A", "B", "C"), n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
age <- sample(18:66, n, replace = TRUE)
education <- sample(c("laag", "midden", "hoog"), n, replace = TRUE)
eta <- -0.4 + 0.5 * (ground == "B") - 0.6 * (ground == "C") - 0.03 * (age - 40) + 0.4 * (education == "hoog")
y <- rbinom(n, 1, plogis(eta))
# team: follows from the ground (A -> noord, B and C -> zuid), so it is aliased with ground.
team <- ifelse(ground == "A", "noord", "zuid")
# separated: a small extra education level "geen" in which everyone reached the stage
extra <- 12
ground <- c(ground, rep(c("A", "B", "C"), 4))
age <- c(age, sample(18:66, extra, replace = TRUE))
education <- c(education, rep("geen", extra))
y <- c(y, rep(1, extra))
team <- c(team, ifelse(tail(ground, extra) == "A", "noord", "zuid"))
write.csv(data.frame(y = y, ground = ground, age = age, education = education, team = team),
          file.path(dir, "ages.csv"), row.names = FALSE, quote = FALSE)

# Time to a step: three groups, follow-up in days with ties and censoring.
m <- 90
group <- rep(c("jong", "midden", "oud"), each = m / 3)
rate <- c(jong = 1 / 120, midden = 1 / 150, oud = 1 / 260)[group]
event_time <- ceiling(rexp(m, rate) / 7) * 7
censor_time <- ceiling(runif(m, 60, 540) / 7) * 7
time <- pmin(event_time, censor_time)
event <- as.integer(event_time <= censor_time)
write.csv(data.frame(time = time, event = event, group = group),
          file.path(dir, "times.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", dir, "\n")
