import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from './config.js';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadSettings(env);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  return [];
}

describe('settings', () => {
  it('uses the documented defaults', () => {
    const s = loadSettings({});
    expect(s.port).toBe(3000);
    expect(s.host).toBe('127.0.0.1');
    expect(s.databaseUrl).toBeNull();
    expect(s.pack).toBe('national');
    expect(s.dataDir.endsWith('/data')).toBe(true);
  });
  it('names a bad PORT', () => {
    expect(problems({ PORT: 'eighty' }).join()).toMatch(/^PORT /);
    expect(problems({ PORT: '70000' }).join()).toMatch(/^PORT /);
  });
  it('takes the email From from SMTP_FROM, and names a value that is not an address', () => {
    expect(loadSettings({}).smtpFrom).toBe('Convene conferences <conferences@convene.invalid>');
    expect(loadSettings({ SMTP_FROM: 'Demoshire conferences <cp.conferences@demoshire.example>' }).smtpFrom).toBe('Demoshire conferences <cp.conferences@demoshire.example>');
    expect(problems({ SMTP_FROM: 'nobody' }).join()).toMatch(/^SMTP_FROM /);
  });
  it('takes the address in emailed links from CONVENE_PUBLIC_URL, without a trailing slash, and names one that is not a web address', () => {
    expect(loadSettings({}).publicUrl).toBeNull();
    expect(loadSettings({ CONVENE_PUBLIC_URL: 'https://convene.demoshire.example/' }).publicUrl).toBe('https://convene.demoshire.example');
    expect(problems({ CONVENE_PUBLIC_URL: 'convene.demoshire.example' }).join()).toMatch(/^CONVENE_PUBLIC_URL /);
    expect(problems({ CONVENE_PUBLIC_URL: 'ftp://convene.demoshire.example' }).join()).toMatch(/^CONVENE_PUBLIC_URL /);
  });
  it('names an unknown pack', () => {
    expect(problems({ CONVENE_PACK: 'narnia' }).join()).toMatch(/^CONVENE_PACK /);
  });
  it('rejects a DATABASE_URL that is not PostgreSQL', () => {
    expect(problems({ DATABASE_URL: 'mysql://x' }).join()).toMatch(/^DATABASE_URL must start with postgres/);
  });
  it('requires SESSION_SECRET and CONVENE_ENCRYPTION_KEY in production', () => {
    expect(problems({ NODE_ENV: 'production' })).toContain('SESSION_SECRET is required when NODE_ENV=production');
    expect(problems({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) })).toEqual(['CONVENE_ENCRYPTION_KEY is required when NODE_ENV=production']);
    expect(problems({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), CONVENE_ENCRYPTION_KEY: 'ab'.repeat(32) })).toEqual([]);
  });
  it('takes a 32-byte encryption key as hex or base64 and names anything else', () => {
    expect(loadSettings({ CONVENE_ENCRYPTION_KEY: 'ab'.repeat(32) }).encryptionKey).toEqual(Buffer.alloc(32, 0xab));
    expect(loadSettings({ CONVENE_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') }).encryptionKey).toEqual(Buffer.alloc(32, 1));
    expect(loadSettings({}).encryptionKey).toBeNull();
    for (const bad of ['short', 'ab'.repeat(31), Buffer.alloc(16, 1).toString('base64')]) {
      expect(problems({ CONVENE_ENCRYPTION_KEY: bad }).join()).toMatch(/^CONVENE_ENCRYPTION_KEY /);
    }
  });
  it('anchors the audit trail only when CONVENE_AUDIT_ANCHOR_FILE is set', () => {
    expect(loadSettings({}).auditAnchorFile).toBeNull();
    expect(loadSettings({ CONVENE_AUDIT_ANCHOR_FILE: '/srv/anchors/convene' }).auditAnchorFile).toBe('/srv/anchors/convene');
  });
  it('trusts no proxy unless TRUST_PROXY says which', () => {
    expect(loadSettings({}).trustProxy).toBe(false);
    expect(loadSettings({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadSettings({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadSettings({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).trustProxy).toBe('10.0.0.1,10.1.0.0/16');
    expect(problems({ TRUST_PROXY: 'yes please' }).join()).toMatch(/^TRUST_PROXY /);
  });
  it('rejects a short demo password and a bad SMTP_URL', () => {
    const p = problems({ CONVENE_DEMO_PASSWORD: 'short', SMTP_URL: 'http://mail' });
    expect(p.some((x) => x.startsWith('CONVENE_DEMO_PASSWORD'))).toBe(true);
    expect(p.some((x) => x.startsWith('SMTP_URL'))).toBe(true);
  });
  it('starts the clock at CONVENE_NOW, names a value that is not an instant, and refuses it in production', () => {
    expect(loadSettings({}).now).toBeNull();
    expect(loadSettings({ CONVENE_NOW: '2026-12-24T00:30:00Z' }).now?.toISOString()).toBe('2026-12-24T00:30:00.000Z');
    expect(loadSettings({ CONVENE_NOW: '2026-07-01T09:00:00+01:00' }).now?.toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(problems({ CONVENE_NOW: '24/12/2026' }).join()).toMatch(/^CONVENE_NOW must be an instant/);
    expect(problems({ CONVENE_NOW: '2026-12-24' }).join()).toMatch(/^CONVENE_NOW /);
    expect(problems({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), CONVENE_NOW: '2026-12-24T00:30:00Z' })).toContain('CONVENE_NOW must not be set when NODE_ENV=production: deadlines follow the real clock');
  });
  it('needs a demo password of at least 12 characters, as the password rule does', () => {
    expect(problems({ CONVENE_DEMO_PASSWORD: 'elevenchars' }).join()).toMatch(/^CONVENE_DEMO_PASSWORD must be at least 12/);
    expect(problems({ CONVENE_DEMO_PASSWORD: 'twelve chars' })).toEqual([]);
  });
  it('treats empty variables as unset', () => {
    expect(loadSettings({ PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });
  it('hides /metrics unless METRICS_TOKEN is set, and wants a token of at least 32 characters', () => {
    expect(loadSettings({}).metricsToken).toBeNull();
    expect(loadSettings({ METRICS_TOKEN: 'm'.repeat(32) }).metricsToken).toBe('m'.repeat(32));
    expect(problems({ METRICS_TOKEN: 'short-token' }).join()).toMatch(/^METRICS_TOKEN must be at least 32 characters/);
  });
  it('traces nothing unless an OTLP endpoint is set; the base endpoint gets /v1/traces, the traces endpoint is used as it is', () => {
    expect(loadSettings({}).tracesUrl).toBeNull();
    expect(loadSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracesUrl).toBe('http://collector:4318/v1/traces');
    expect(loadSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/otlp' }).tracesUrl).toBe('https://traces.example/otlp');
    expect(problems({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }).join()).toMatch(/^OTEL_EXPORTER_OTLP_ENDPOINT must be a URL/);
  });
  it('waits 10 seconds for requests in flight at shutdown unless CONVENE_SHUTDOWN_TIMEOUT_SECONDS says otherwise', () => {
    expect(loadSettings({}).shutdownTimeoutMs).toBe(10_000);
    expect(loadSettings({ CONVENE_SHUTDOWN_TIMEOUT_SECONDS: '2.5' }).shutdownTimeoutMs).toBe(2500);
    expect(problems({ CONVENE_SHUTDOWN_TIMEOUT_SECONDS: '0' }).join()).toMatch(/^CONVENE_SHUTDOWN_TIMEOUT_SECONDS /);
    expect(problems({ CONVENE_SHUTDOWN_TIMEOUT_SECONDS: 'soon' }).join()).toMatch(/^CONVENE_SHUTDOWN_TIMEOUT_SECONDS /);
  });
  it('shares 120 enquiry API requests a minute among an agency’s keys unless CONVENE_API_AGENCY_PER_MINUTE says otherwise', () => {
    expect(loadSettings({}).apiAgencyPerMinute).toBe(120);
    expect(loadSettings({ CONVENE_API_AGENCY_PER_MINUTE: '30' }).apiAgencyPerMinute).toBe(30);
    expect(problems({ CONVENE_API_AGENCY_PER_MINUTE: '0' }).join()).toMatch(/^CONVENE_API_AGENCY_PER_MINUTE /);
    expect(problems({ CONVENE_API_AGENCY_PER_MINUTE: '2.5' }).join()).toMatch(/^CONVENE_API_AGENCY_PER_MINUTE /);
  });
  describe('sign-in with the authority\'s identity provider', () => {
    const provider = {
      OIDC_ISSUER: 'https://login.demoshire.example/realms/staff',
      OIDC_CLIENT_ID: 'convene',
      OIDC_CLIENT_SECRET: 'a-client-secret',
      OIDC_REDIRECT_URL: 'https://convene.demoshire.example/sign-in/oidc/callback',
    };
    it('is off unless configured, and on with the four core settings and the documented defaults', () => {
      expect(loadSettings({}).oidc).toBeNull();
      const oidc = loadSettings(provider).oidc;
      expect(oidc?.issuer.href).toBe('https://login.demoshire.example/realms/staff');
      expect(oidc?.userClaim).toBe('email');
      expect(oidc?.displayName).toBe('your organisation account');
      expect(oidc?.groups).toBeNull();
    });
    it('names each core setting missing when another is set', () => {
      expect(problems({ OIDC_ISSUER: provider.OIDC_ISSUER }).sort()).toEqual([
        'OIDC_CLIENT_ID is required when any of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL is set',
        'OIDC_CLIENT_SECRET is required when any of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL is set',
        'OIDC_REDIRECT_URL is required when any of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL is set',
      ]);
    });
    it('wants https, except on this machine, and the redirect to Convene\'s callback', () => {
      expect(problems({ ...provider, OIDC_ISSUER: 'http://login.demoshire.example' }).join()).toMatch(/^OIDC_ISSUER must be an https:\/\/ URL/);
      expect(problems({ ...provider, OIDC_ISSUER: 'not a url' }).join()).toMatch(/^OIDC_ISSUER must be a URL/);
      expect(problems({ ...provider, OIDC_ISSUER: 'http://127.0.0.1:4000' })).toEqual([]);
      expect(problems({ ...provider, OIDC_REDIRECT_URL: 'https://convene.demoshire.example/callback' }).join()).toMatch(/^OIDC_REDIRECT_URL must end with \/sign-in\/oidc\/callback/);
    });
    it('maps groups to roles from JSON, naming a bad map or an unknown role', () => {
      const groups = { OIDC_GROUPS_CLAIM: 'groups', OIDC_GROUP_ROLES: '{"cp-chairs": "chair", "cp-admin": ["administrator", "auditor"]}' };
      expect(loadSettings({ ...provider, ...groups }).oidc?.groups).toEqual({ claim: 'groups', roles: { 'cp-chairs': ['chair'], 'cp-admin': ['administrator', 'auditor'] } });
      expect(problems({ ...provider, ...groups, OIDC_GROUP_ROLES: '{chair}' }).join()).toMatch(/^OIDC_GROUP_ROLES must be JSON/);
      expect(problems({ ...provider, ...groups, OIDC_GROUP_ROLES: '["chair"]' }).join()).toMatch(/^OIDC_GROUP_ROLES must be a JSON object/);
      expect(problems({ ...provider, ...groups, OIDC_GROUP_ROLES: '{"cp-chairs": "king"}' }).join()).toMatch(/^OIDC_GROUP_ROLES names "king" for the group "cp-chairs", which is not a role/);
      expect(problems({ ...provider, OIDC_GROUP_ROLES: groups.OIDC_GROUP_ROLES }).join()).toMatch(/^OIDC_GROUPS_CLAIM is required/);
    });
  });
});
