import { z } from 'zod';
import { isRoleId, type RoleId } from './policies/roles.js';

/**
 * The settings for signing in with the authority's identity provider (OpenID Connect). All are
 * optional; when the issuer is set the client's id, secret and redirect URL must be too, so a
 * half-configured provider stops Convene at start rather than failing at someone's sign-in.
 */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUrl: URL;
  /** The claim naming the Convene user: `email` is matched to the user's email, anything else to the username. */
  userClaim: string;
  /** What the sign-in page's button says after "Sign in with". */
  displayName: string;
  /** When set, each sign-in gives the user exactly the roles their groups map to. */
  groups: { claim: string; roles: Record<string, RoleId[]> } | null;
}

export const CALLBACK_PATH = '/sign-in/oidc/callback';

// Plain http only on this machine (a provider under test, a developer's); anything else must be https.
const httpsOrLoopback = (what: string) =>
  z.url({ message: `must be a URL (${what})`, abort: true }).refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
  }, 'must be an https:// URL (plain http is allowed only on 127.0.0.1 or localhost)');

export const oidcSettingsShape = {
  OIDC_ISSUER: httpsOrLoopback('the identity provider\'s issuer, e.g. https://login.council.gov.uk/realms/staff').optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  OIDC_REDIRECT_URL: httpsOrLoopback(`Convene's own address followed by ${CALLBACK_PATH}`)
    .refine((value) => new URL(value).pathname === CALLBACK_PATH, `must end with ${CALLBACK_PATH}, where Convene receives the answer`)
    .optional(),
  OIDC_USER_CLAIM: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'must be a claim name such as email or preferred_username').default('email'),
  OIDC_DISPLAY_NAME: z.string().min(1).max(60, 'must be 60 characters or fewer').optional(),
  OIDC_GROUPS_CLAIM: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'must be a claim name such as groups').optional(),
  OIDC_GROUP_ROLES: z.string().superRefine((value, ctx) => {
    const problem = groupRolesProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }).optional(),
};

type OidcEnv = z.infer<z.ZodObject<typeof oidcSettingsShape>>;

/** Cross-field checks: the named variables and what is wrong with each. */
export function oidcProblems(env: OidcEnv): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const core = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL'] as const;
  if (core.some((name) => env[name] !== undefined)) {
    for (const name of core) {
      if (env[name] === undefined) problems.push({ path: name, message: `is required when any of ${core.join(', ')} is set` });
    }
  }
  if ((env.OIDC_GROUPS_CLAIM === undefined) !== (env.OIDC_GROUP_ROLES === undefined)) {
    const missing = env.OIDC_GROUPS_CLAIM === undefined ? 'OIDC_GROUPS_CLAIM' : 'OIDC_GROUP_ROLES';
    problems.push({ path: missing, message: 'is required when the other of OIDC_GROUPS_CLAIM and OIDC_GROUP_ROLES is set' });
  }
  return problems;
}

export function toOidcSettings(env: OidcEnv): OidcSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET || !env.OIDC_REDIRECT_URL) return null;
  return {
    issuer: new URL(env.OIDC_ISSUER),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    redirectUrl: new URL(env.OIDC_REDIRECT_URL),
    userClaim: env.OIDC_USER_CLAIM,
    displayName: env.OIDC_DISPLAY_NAME ?? 'your organisation account',
    groups: env.OIDC_GROUPS_CLAIM && env.OIDC_GROUP_ROLES ? { claim: env.OIDC_GROUPS_CLAIM, roles: parseGroupRoles(env.OIDC_GROUP_ROLES) } : null,
  };
}

/** `{"group": "role"}` or `{"group": ["role", …]}`; roles by the ids of src/policies/roles.ts. */
function parseGroupRoles(value: string): Record<string, RoleId[]> {
  const parsed = JSON.parse(value) as Record<string, string | string[]>;
  return Object.fromEntries(Object.entries(parsed).map(([group, roles]) => [group, [roles].flat().filter(isRoleId)]));
}

function groupRolesProblem(value: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return 'must be JSON such as {"cp-chairs": "chair", "cp-admins": ["administrator", "auditor"]}';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.keys(parsed).length === 0) {
    return 'must be a JSON object from group names to a role or a list of roles';
  }
  for (const [group, roles] of Object.entries(parsed)) {
    const list: unknown[] = Array.isArray(roles) ? roles : [roles];
    if (list.length === 0) return `gives the group "${group}" no role`;
    const unknown = list.find((role) => typeof role !== 'string' || !isRoleId(role));
    if (unknown !== undefined) return `names "${String(unknown)}" for the group "${group}", which is not a role (roles: see README, Demo users)`;
  }
  return null;
}
