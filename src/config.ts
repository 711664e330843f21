import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_AGENCY_PER_MINUTE } from './domain/enquiry/api-key.js';
import { PACK_IDS } from './domain/packs/pack-id.js';
import { oidcProblems, oidcSettingsShape, toOidcSettings, type OidcSettings } from './config-oidc.js';

/**
 * Settings come from the environment once, at start. A bad value stops the process with a
 * message naming the variable, so a misconfigured deployment never half-starts.
 */
const settingsSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    CONVENE_DATA_DIR: z.string().min(1).default('./data'),
    CONVENE_PACK: z.enum(PACK_IDS).default('national'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    CONVENE_DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    CONVENE_ENCRYPTION_KEY: z
      .string()
      .refine((v) => decodeKey(v) !== null, 'must be 32 random bytes as 64 hex characters or base64 (e.g. `openssl rand -hex 32`)')
      .optional(),
    CONVENE_AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, 'must be false, true, a number of proxy hops, or comma-separated proxy addresses/CIDRs')
      .default('false'),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    SMTP_FROM: z.string().regex(/^[^<>]*<?[^\s@<>]+@[^\s@<>]+>?$/, 'must be an address like "Convene <conferences@council.gov.uk>"').optional(),
    CONVENE_PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'must be the address people open Convene at, like https://convene.council.gov.uk' }).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    CONVENE_NOW: z.iso.datetime({ offset: true, message: 'must be an instant like 2026-12-24T00:30:00Z or 2026-07-01T09:00:00+01:00' }).optional(),
    CONVENE_TEMPLATE_WATCH: z.enum(['0', '1', 'false', 'true'], { message: 'must be 1 or 0' }).default('0'),
    METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
    // The OpenTelemetry names, so a collector's usual setting works unchanged: the base URL (traces go to /v1/traces under it) or the traces URL itself.
    OTEL_EXPORTER_OTLP_ENDPOINT: z.string().regex(/^https?:\/\/[^\s]+$/, 'must be a URL starting with http:// or https://, e.g. http://collector:4318').optional(),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().regex(/^https?:\/\/[^\s]+$/, 'must be a URL starting with http:// or https://, e.g. http://collector:4318/v1/traces').optional(),
    CONVENE_SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(10),
    CONVENE_API_AGENCY_PER_MINUTE: z.coerce.number().int('must be a whole number').min(1).max(100_000).default(DEFAULT_AGENCY_PER_MINUTE),
    ...oidcSettingsShape,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required when NODE_ENV=production' });
    }
    if (env.NODE_ENV === 'production' && env.CONVENE_NOW) {
      ctx.addIssue({ code: 'custom', path: ['CONVENE_NOW'], message: 'must not be set when NODE_ENV=production: deadlines follow the real clock' });
    }
    if (env.NODE_ENV === 'production' && !env.CONVENE_ENCRYPTION_KEY) {
      ctx.addIssue({ code: 'custom', path: ['CONVENE_ENCRYPTION_KEY'], message: 'is required when NODE_ENV=production' });
    }
    for (const problem of oidcProblems(env)) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });

export type Settings = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  pack: (typeof PACK_IDS)[number];
  sessionSecret: string | null;
  demoPassword: string | null;
  /** 32 bytes that seal secrets at rest (TOTP); null means: a development key kept in the data folder. */
  encryptionKey: Buffer | null;
  /** Fastify's trustProxy: whether (and which) proxies' X-Forwarded-For to believe for the client address. */
  trustProxy: boolean | number | string;
  /** When set, the latest audit hash is appended here at start and every 24 hours. */
  auditAnchorFile: string | null;
  smtpUrl: string | null;
  /** The From of every email; set it to the authority's secure mailbox. */
  smtpFrom: string;
  /** Where people open Convene, for links in emails (a partner's report link, issue 17); null: emails carry the path only. */
  publicUrl: string | null;
  logLevel: string;
  production: boolean;
  /** CONVENE_NOW: the instant the clock starts at, for tests and rehearsals; null is the real clock. */
  now: Date | null;
  /** Re-read templates on every render (a developer editing them); otherwise compiled once. */
  templateWatch: boolean;
  /** The bearer token a Prometheus scraper sends to read /metrics; null hides /metrics (404). */
  metricsToken: string | null;
  /** Where request and job spans go over OTLP/HTTP (JSON); null: no tracing, and its packages are never loaded. */
  tracesUrl: string | null;
  /** How long a stopping process waits for requests in flight before it exits anyway. */
  shutdownTimeoutMs: number;
  /** Enquiry API requests a minute one agency may make across all its keys (each key also has its own limit). */
  apiAgencyPerMinute: number;
  /** Sign-in with the authority's identity provider (OpenID Connect); null offers local accounts only. */
  oidc: OidcSettings | null;
};

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Convene cannot start: bad settings.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

/** Reads settings from an environment object; empty strings count as unset. */
export function loadSettings(source: NodeJS.ProcessEnv = process.env): Settings {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = settingsSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new SettingsError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: path.resolve(e.CONVENE_DATA_DIR),
    pack: e.CONVENE_PACK,
    sessionSecret: e.SESSION_SECRET ?? null,
    demoPassword: e.CONVENE_DEMO_PASSWORD ?? null,
    encryptionKey: e.CONVENE_ENCRYPTION_KEY ? decodeKey(e.CONVENE_ENCRYPTION_KEY) : null,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    auditAnchorFile: e.CONVENE_AUDIT_ANCHOR_FILE ? path.resolve(e.CONVENE_AUDIT_ANCHOR_FILE) : null,
    smtpUrl: e.SMTP_URL ?? null,
    smtpFrom: e.SMTP_FROM ?? 'Convene conferences <conferences@convene.invalid>',
    publicUrl: e.CONVENE_PUBLIC_URL ? e.CONVENE_PUBLIC_URL.replace(/\/+$/, '') : null,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    now: e.CONVENE_NOW ? new Date(e.CONVENE_NOW) : null,
    templateWatch: e.CONVENE_TEMPLATE_WATCH === '1' || e.CONVENE_TEMPLATE_WATCH === 'true',
    metricsToken: e.METRICS_TOKEN ?? null,
    tracesUrl: e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (e.OTEL_EXPORTER_OTLP_ENDPOINT ? `${e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces` : null),
    shutdownTimeoutMs: Math.round(e.CONVENE_SHUTDOWN_TIMEOUT_SECONDS * 1000),
    apiAgencyPerMinute: e.CONVENE_API_AGENCY_PER_MINUTE,
    oidc: toOidcSettings(e),
  };
}

/** A 32-byte key from 64 hex characters or base64 (standard or URL-safe); null if it is not one. */
export function decodeKey(value: string): Buffer | null {
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return bytes.length === 32 ? bytes : null;
  }
  return null;
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((v) => v.trim()).join(',');
}
