import { describe, expect, it } from 'vitest';
import { holdsReportLink, mayWriteThroughReportLink, reportLinkReaches } from './report-link.js';
import { mayViewConferenceReports, mayWriteReports, mayWriteSocialWorkReport, maySeeAllReports, mayShareReports, mayListOwnConferences } from './reports.js';
import type { Actor } from './roles.js';

const holder: Actor = { id: 'h', username: 'report-link-i', displayName: 'Pat', organisationId: 'org', teamId: null, roles: [], reportLink: { linkId: 'l', invitationId: 'i', conferenceId: 'c1' } };
const practitioner: Actor = { id: 'p', username: 'p', displayName: 'P', organisationId: 'org', teamId: null, roles: ['agency-practitioner'] };

describe('report link policies (issue 17)', () => {
  it('the holder writes reports for their invitation’s conference only', () => {
    expect(holdsReportLink(holder)).toBe(true);
    expect(holdsReportLink(practitioner)).toBe(false);
    expect(mayWriteThroughReportLink(holder, 'c1')).toBe(true);
    expect(mayWriteThroughReportLink(holder, 'c2')).toBe(false);
    expect(mayWriteThroughReportLink(practitioner, 'c1')).toBe(false);
  });

  it('forms reach the invitation’s conference and no other record', () => {
    expect(reportLinkReaches(holder, { kind: 'conferences', id: 'c1' })).toBe(true);
    expect(reportLinkReaches(holder, { kind: 'conferences', id: 'c2' })).toBe(false);
    expect(reportLinkReaches(holder, { kind: 'cases', id: 'c1' })).toBe(false);
    expect(reportLinkReaches(practitioner, { kind: 'conferences', id: 'c1' })).toBe(false);
  });

  it('the report pages let the holder in (the conference is checked on the data); nothing the staff do', () => {
    expect(mayViewConferenceReports(holder)).toBe(true);
    expect(mayWriteReports(holder)).toBe(true);
    expect(mayWriteSocialWorkReport(holder)).toBe(false);
    expect(maySeeAllReports(holder)).toBe(false);
    expect(mayShareReports(holder)).toBe(false);
    expect(mayListOwnConferences(holder)).toBe(false);
  });
});
