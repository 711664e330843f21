import { describe, expect, it } from 'vitest';
import { demoPasswordNotice } from './demo-password-notice.js';

describe('demo password notice', () => {
  it('says where the password is and never contains it', () => {
    const notice = demoPasswordNotice('/srv/convene/data/DEMO-PASSWORD');
    expect(notice).toContain('/srv/convene/data/DEMO-PASSWORD');
    expect(notice).not.toMatch(/: [A-Za-z0-9-]{12,}$/);
  });
  it('names the setting when the password came from the environment', () => {
    expect(demoPasswordNotice(null)).toContain('CONVENE_DEMO_PASSWORD');
  });
});
