-- A learning team (issue: dilemma cases, reflection, the team's mirror of its habits).
--
-- Dilemma cases ("Kopkrakers"): a realistic client case with two or more approaches. A case can
-- be a variant of another that differs on one feature only (name, age or background); each
-- consultant sees one version of such a set, so the team can see whether choices shift.
CREATE TABLE dilemma_case (
  id              serial PRIMARY KEY,
  municipality_id integer NOT NULL REFERENCES municipality(id),
  team_id         integer REFERENCES team(id),          -- the team that wrote it; the library is shared
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  situation       text NOT NULL CHECK (length(situation) BETWEEN 1 AND 4000),
  question        text NOT NULL DEFAULT 'Welke werkwijze zou u kiezen bij deze klant?',
  tags            text[] NOT NULL DEFAULT '{}',
  source          text NOT NULL DEFAULT 'eigen' CHECK (source IN ('eigen', 'intervisie')),
  variant_of      integer REFERENCES dilemma_case(id) ON DELETE CASCADE,
  varied_feature  text CHECK (varied_feature IN ('naam', 'leeftijd', 'achtergrond')),
  created_by      integer REFERENCES app_user(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((variant_of IS NULL) = (varied_feature IS NULL))
);
CREATE INDEX dilemma_case_variant_idx ON dilemma_case (variant_of);

CREATE TABLE dilemma_option (
  id        serial PRIMARY KEY,
  case_id   integer NOT NULL REFERENCES dilemma_case(id) ON DELETE CASCADE,
  position  smallint NOT NULL,
  label     text NOT NULL CHECK (length(label) BETWEEN 1 AND 300),
  UNIQUE (case_id, position)
);

-- One vote per person per case. Votes are never shown with a name: only as counts and as
-- anonymised, shuffled reasons.
CREATE TABLE dilemma_vote (
  case_id    integer NOT NULL REFERENCES dilemma_case(id) ON DELETE CASCADE,
  user_id    integer NOT NULL REFERENCES app_user(id),
  option_id  integer NOT NULL REFERENCES dilemma_option(id) ON DELETE CASCADE,
  reason     text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
  voted_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, user_id)
);

-- What the team said about a case in its meeting: kept for new colleagues in the case library.
CREATE TABLE dilemma_discussion (
  id         serial PRIMARY KEY,
  case_id    integer NOT NULL REFERENCES dilemma_case(id) ON DELETE CASCADE,
  team_id    integer REFERENCES team(id),
  held_on    date NOT NULL,
  note       text NOT NULL CHECK (length(note) BETWEEN 1 AND 4000),
  created_by integer REFERENCES app_user(id)
);
CREATE INDEX dilemma_discussion_case_idx ON dilemma_discussion (case_id);

-- A consultant's own short reflection after a conversation. Seen per person only by that
-- person; the team sees it only in aggregate, above the disclosure threshold.
CREATE TABLE conversation_reflection (
  conversation_id          integer PRIMARY KEY REFERENCES conversation(id) ON DELETE CASCADE,
  consultant_id            integer NOT NULL REFERENCES app_user(id),
  logic                    text NOT NULL CHECK (logic IN ('procedureel', 'relationeel', 'zorgend', 'versterkend')),
  discrimination_discussed boolean NOT NULL,
  client_wish              text NOT NULL DEFAULT '' CHECK (length(client_wish) <= 500),
  reflected_on             date NOT NULL
);
CREATE INDEX conversation_reflection_consultant_idx ON conversation_reflection (consultant_id, reflected_on);
