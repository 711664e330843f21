import { describe, expect, it } from 'vitest';
import { agencyLimitWarning } from './api_client.js';

describe('api-client create: a key limit its agency limit makes unreachable', () => {
  it('says nothing when the key’s limit is within the agency’s', () => {
    expect(agencyLimitWarning(60, 120)).toBeNull();
    expect(agencyLimitWarning(120, 120)).toBeNull();
  });

  it('warns, with both figures, when the key could never use its own limit', () => {
    expect(agencyLimitWarning(500, 120)).toMatch(/500 requests a minute.*shares 120 a minute.*refused above 120/);
  });
});
