import type { Role } from '../domain/roles.js';
import type { OidcSettings } from '../oidc-settings.js';

/** Who someone is in Kansenspiegel, read from the identity provider's claims. */
export interface MappedIdentity {
  username: string;
  displayName: string;
  role: Role;
  /** The team's name as the provider sends it; null when the claim is absent. */
  teamName: string | null;
}

export type MappingResult =
  { ok: true; identity: MappedIdentity } | { ok: false; reason: 'geen-rol' | 'meer-rollen' | 'geen-naam' };

/** The value at a dotted path in the claims (realm_access.roles), or undefined. */
export function claimAt(claims: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');

/**
 * Maps the claims to a role through OIDC_ROLE_MAP. Values the map does not know are ignored;
 * no known value refuses the log-in, and so do values that lead to two different roles (the
 * provider's groups must say one thing: Kansenspiegel does not guess which role was meant).
 */
export function mapClaims(claims: Readonly<Record<string, unknown>>, settings: OidcSettings): MappingResult {
  const roles = new Set(
    strings(claimAt(claims, settings.roleClaim))
      .map((v) => settings.roleMap[v])
      .filter(Boolean),
  );
  if (roles.size === 0) return { ok: false, reason: 'geen-rol' };
  if (roles.size > 1) return { ok: false, reason: 'meer-rollen' };
  const username = strings(claimAt(claims, settings.usernameClaim))[0]?.trim().toLowerCase();
  if (!username) return { ok: false, reason: 'geen-naam' };
  const displayName = strings(claimAt(claims, settings.nameClaim))[0]?.trim() ?? username;
  const teamName = strings(claimAt(claims, settings.teamClaim))[0]?.trim() ?? null;
  return {
    ok: true,
    identity: {
      username: username.slice(0, 100),
      displayName: displayName.slice(0, 100),
      role: [...roles][0],
      teamName,
    },
  };
}
