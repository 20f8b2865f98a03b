# Generates the person-level test datasets in test/fixtures/stats/ once, from a
# fixed seed. The CSV files are committed; they are the source of truth, so this
# script only needs to run again when a dataset is deliberately changed.
#
#   Rscript scripts/r/stats-datasets.R
#
# Base R only. Writes:
#   persons.csv    800 people: 0/1 outcome y, ground (A/B/C), ageband
#                  (18-26/27-44/45+), education (laag/midden/hoog), health (0/1)
#   separated.csv  80 people whose outcome is fully determined by ground and
#                  health (complete separation)
#   quasi.csv      60 people; everyone in ground C has outcome 0, the other
#                  groups are mixed (quasi-complete separation)
#   collinear.csv  persons.csv plus a column region that is a merge of ground
#                  (A and B are "noord", C is "zuid"), so region adds nothing

set.seed(20240517, kind = "Mersenne-Twister", normal.kind = "Inversion",
         sample.kind = "Rejection")

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
root <- normalizePath(file.path(dirname(script), "..", ".."))
out <- file.path(root, "test", "fixtures", "stats")

write_rows <- function(df, name) {
  write.csv(df, file.path(out, name), row.names = FALSE, quote = FALSE)
}

# persons.csv -----------------------------------------------------------------
n <- 800
ground <- sample(c("A", "B", "C"), n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
ageband <- sample(c("18-26", "27-44", "45+"), n, replace = TRUE, prob = c(0.25, 0.45, 0.30))
education <- sample(c("laag", "midden", "hoog"), n, replace = TRUE, prob = c(0.35, 0.40, 0.25))
health <- rbinom(n, 1, 0.2)
eta <- -0.4 +
  c(A = 0, B = -0.5, C = -0.8)[ground] +
  c("18-26" = 0.3, "27-44" = 0, "45+" = -0.6)[ageband] +
  c(laag = -0.4, midden = 0, hoog = 0.5)[education] +
  -0.7 * health
y <- rbinom(n, 1, plogis(eta))
persons <- data.frame(y = y, ground = ground, ageband = ageband,
                      education = education, health = health)
write_rows(persons, "persons.csv")

# separated.csv ---------------------------------------------------------------
m <- 80
sep <- data.frame(
  ground = rep(c("A", "B", "C", "A"), each = 20),
  ageband = sample(c("18-26", "27-44", "45+"), m, replace = TRUE),
  health = rep(0:1, m / 2)
)
sep$y <- as.integer(sep$ground == "B" & sep$health == 1)
write_rows(sep[, c("y", "ground", "ageband", "health")], "separated.csv")

# quasi.csv -------------------------------------------------------------------
k <- 60
quasi <- data.frame(
  ground = rep(c("A", "B", "C"), each = 20),
  ageband = sample(c("18-26", "27-44", "45+"), k, replace = TRUE)
)
quasi$y <- ifelse(quasi$ground == "C", 0L, rbinom(k, 1, 0.5))
write_rows(quasi[, c("y", "ground", "ageband")], "quasi.csv")

# collinear.csv ---------------------------------------------------------------
collinear <- persons
collinear$region <- ifelse(collinear$ground == "C", "zuid", "noord")
write_rows(collinear, "collinear.csv")
