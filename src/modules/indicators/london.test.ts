import { describe, expect, it } from 'vitest';
import { londonDateTimeOf } from '../../domain/calendar/london-time.js';
import { london } from './load-indicators.js';

describe('London wall-clock time for the indicators', () => {
  it.each(['2026-01-15T09:30:00Z', '2026-03-29T00:59:00Z', '2026-03-29T01:00:00Z', '2026-07-01T23:30:00Z', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z'])('%s agrees with londonDateTimeOf', (iso) => {
    expect(london(new Date(iso))).toBe(londonDateTimeOf(new Date(iso)).toString().slice(0, 16));
  });
});
