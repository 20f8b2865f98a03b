-- User management and log-in through the municipality's identity provider (OpenID Connect).

-- After a reset by the administrator the user must choose a new password before anything else.
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- A user who logs in through OpenID Connect: "issuer|subject" of the identity provider. Such a
-- user may have no local password (password_hash NULL: a local log-in always fails).
ALTER TABLE app_user ADD COLUMN oidc_subject text;
ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL;
CREATE UNIQUE INDEX app_user_oidc_subject ON app_user (oidc_subject) WHERE oidc_subject IS NOT NULL;

-- One OpenID Connect log-in under way: state (hashed), nonce and PKCE verifier, used once.
CREATE TABLE oidc_login (
  state_hash     text PRIMARY KEY,
  nonce          text NOT NULL,
  code_verifier  text NOT NULL,
  expires_at     timestamptz NOT NULL
);
