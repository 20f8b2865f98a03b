import { ROLES, type Role } from './domain/roles.js';

/**
 * Log-in through the municipality's identity provider (OpenID Connect), from OIDC_* environment
 * variables (documented in README.md). Without OIDC_ISSUER only local accounts log in.
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Empty for a public client: then PKCE alone protects the code exchange. */
  clientSecret: string | undefined;
  /** Where the provider sends the browser back: https://<host>/api/v1/oidc/terugkeer */
  redirectUri: string;
  scopes: string;
  /** The claim with the user's groups or roles; a dotted path reaches nested claims (realm_access.roles). */
  roleClaim: string;
  /** Value of the role claim → Kansenspiegel role (OIDC_ROLE_MAP "group=role,group=role"). */
  roleMap: Readonly<Record<string, Role>>;
  /** The claim with the team's name (as in Beheer); needed for klantmanagers and teamleiders. */
  teamClaim: string;
  usernameClaim: string;
  nameClaim: string;
  /** The municipality (code) the users belong to; empty when the database has one municipality. */
  municipalityCode: string | undefined;
}

/** OIDC_ROLE_MAP: "KS-Klantmanager=consultant, KS-Beheer=beheerder"; every role must exist. */
export function parseRoleMap(value: string): Record<string, Role> {
  const map: Record<string, Role> = {};
  for (const pair of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const claim = pair.slice(0, at).trim();
    const role = pair.slice(at + 1).trim();
    if (at <= 0 || !claim) throw new Error(`OIDC_ROLE_MAP: "${pair}" is not "value=role".`);
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new Error(`OIDC_ROLE_MAP: "${role}" is not a role (${ROLES.join(', ')}).`);
    }
    map[claim] = role as Role;
  }
  return map;
}

export function loadOidcSettings(env: NodeJS.ProcessEnv): OidcSettings | null {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const missing = ['OIDC_CLIENT_ID', 'OIDC_REDIRECT_URI', 'OIDC_ROLE_MAP'].filter((name) => !env[name]?.trim());
  if (missing.length > 0) throw new Error(`OIDC_ISSUER is set, so ${missing.join(', ')} must be set too.`);
  const roleMap = parseRoleMap(env.OIDC_ROLE_MAP!);
  if (Object.keys(roleMap).length === 0) throw new Error('OIDC_ROLE_MAP maps no value to a role.');
  return {
    issuer,
    clientId: env.OIDC_CLIENT_ID!.trim(),
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    redirectUri: env.OIDC_REDIRECT_URI!.trim(),
    scopes: env.OIDC_SCOPES?.trim() || 'openid profile',
    roleClaim: env.OIDC_ROLE_CLAIM?.trim() || 'roles',
    roleMap,
    teamClaim: env.OIDC_TEAM_CLAIM?.trim() || 'team',
    usernameClaim: env.OIDC_USERNAME_CLAIM?.trim() || 'preferred_username',
    nameClaim: env.OIDC_NAME_CLAIM?.trim() || 'name',
    municipalityCode: env.OIDC_MUNICIPALITY?.trim() || undefined,
  };
}
