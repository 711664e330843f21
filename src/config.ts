import path from 'node:path';
import { z } from 'zod';
import { PACK_IDS } from './domain/packs/pack-id.js';

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
    CONVENE_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    SMTP_FROM: z.string().regex(/^[^<>]*<?[^\s@<>]+@[^\s@<>]+>?$/, 'must be an address like "Convene <conferences@council.gov.uk>"').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    CONVENE_TEMPLATE_WATCH: z.enum(['0', '1', 'false', 'true'], { message: 'must be 1 or 0' }).default('0'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required when NODE_ENV=production' });
    }
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
  smtpUrl: string | null;
  /** The From of every email; set it to the authority's secure mailbox. */
  smtpFrom: string;
  logLevel: string;
  production: boolean;
  /** Re-read templates on every render (a developer editing them); otherwise compiled once. */
  templateWatch: boolean;
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
    smtpUrl: e.SMTP_URL ?? null,
    smtpFrom: e.SMTP_FROM ?? 'Convene conferences <conferences@convene.invalid>',
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    templateWatch: e.CONVENE_TEMPLATE_WATCH === '1' || e.CONVENE_TEMPLATE_WATCH === 'true',
  };
}
