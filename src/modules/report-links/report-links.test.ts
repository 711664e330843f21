import { and, eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents, invitations, outboxMessages, professionals, reportAccessLinks, reports, users } from '../../db/schema/index.js';
import { REPORT_CODE_ATTEMPTS } from '../../domain/invitations/report-link.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { createUser } from '../../../test/support/factories.js';
import { buildChecklist } from '../invitations/build-checklist.js';
import { confirmAllSuggestions, confirmInvitation } from '../invitations/confirm-invitations.js';
import { CONFERENCE_START, contextFor, createBookedConference, NOW } from '../invitations/invitation-fixture.test-support.js';
import { sendInvitations } from '../invitations/send-invitations.js';
import { conferenceForReports } from '../reports/conference-access.js';
import { loadReport } from '../reports/report-common.js';
import { startReport } from '../reports/save-report.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { acceptReportCode } from './accept-report-code.js';
import { sendNewReportLink } from './send-new-report-link.js';
import { loadReportLinkActor } from './load-report-link-actor.js';
import { openReportLink } from './open-report-link.js';

const TOKEN = /\/report-access\/([A-Za-z0-9_-]{43})/;
const anonymous = (now = NOW): ActionContext => ({ actor: null, requestId: null, address: '192.0.2.7', now });
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

describeEachEngine('report links for partner practitioners without an account (issue 17)', (engine) => {
  const { db } = suiteDatabase(engine);

  /** A conference whose invitations went out; the police officer has no account, the health visitor has one. */
  async function sent() {
    const f = await createBookedConference(db());
    const ctx = contextFor(f.support);
    const [hana] = await db().select().from(professionals).where(eq(professionals.secureEmail, `hana-${f.tag}@health.example`));
    const hanaUser = await createUser(db(), { roles: ['agency-practitioner'], organisationId: hana!.organisationId, username: `hana-${f.tag}` });
    await db().update(professionals).set({ userId: hanaUser.id }).where(eq(professionals.id, hana!.id));
    await buildChecklist(db(), ctx, f.conferenceId);
    const list = await db().select().from(invitations).where(eq(invitations.conferenceId, f.conferenceId));
    for (const i of list.filter((r) => r.channel === 'secure-email' && !r.email)) {
      await confirmInvitation(db(), ctx, f.conferenceId, i.id, { name: i.name, role: i.role, organisationName: i.organisationName, channel: 'secure-email', email: `inbox-${i.id.slice(0, 4)}@agency.example`, postalAddress: null }, i.version);
    }
    await confirmAllSuggestions(db(), ctx, f.conferenceId);
    await sendInvitations(db(), ctx, f.conferenceId, { siteAddress: 'https://convene.example' });
    const all = await db().select().from(invitations).where(eq(invitations.conferenceId, f.conferenceId));
    const police = all.find((i) => i.role === 'Police')!;
    const [email] = await db().select().from(outboxMessages).where(and(eq(outboxMessages.relatedType, 'invitation'), eq(outboxMessages.relatedId, police.id)));
    const token = TOKEN.exec(email!.bodyText)?.[1];
    if (!token) throw new Error(`no report link in ${email!.bodyText}`);
    return { f, all, police, token, email: email!, hanaUser };
  }

  async function codeSentFor(linkInvitationId: string): Promise<string> {
    const [link] = await db().select().from(reportAccessLinks).where(eq(reportAccessLinks.invitationId, linkInvitationId));
    const codes = await db().select().from(outboxMessages).where(and(eq(outboxMessages.relatedType, 'report-link'), eq(outboxMessages.relatedId, link!.id)));
    const code = /\b(\d{6})\b/.exec(codes.at(-1)!.bodyText)?.[1];
    if (!code) throw new Error('no code sent');
    return code;
  }

  async function auditOf(action: string, recordId?: string) {
    const rows = await db().select().from(auditEvents).where(eq(auditEvents.action, action));
    return recordId ? rows.filter((r) => r.recordId === recordId) : rows;
  }

  it('the invitation of a professional without an account carries a link whose token is kept only as a hash; others get none', async () => {
    const { all, police, token, email } = await sent();
    expect(email.bodyText).toContain(`https://convene.example/report-access/${token}`);
    const [link] = await db().select().from(reportAccessLinks).where(eq(reportAccessLinks.invitationId, police.id));
    expect(link!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(link)).not.toContain(token);
    // A week after the conference (see REPORT_LINK_DAYS_AFTER_CONFERENCE).
    expect(link!.expiresAt.toISOString()).toBe('2026-03-12T10:00:00.000Z');
    const linked = await db().select({ invitationId: reportAccessLinks.invitationId }).from(reportAccessLinks).where(inArray(reportAccessLinks.invitationId, all.map((i) => i.id)));
    const linkedIds = new Set(linked.map((l) => l.invitationId));
    for (const i of all.filter((x) => x.state === 'sent')) {
      const staff = i.userId !== null;
      const family = i.inviteeKind !== 'professional';
      if (staff || family || i.channel !== 'secure-email') expect(linkedIds.has(i.id), `${i.role} should get no link`).toBe(false);
    }
    const health = all.find((i) => i.role === 'Health visitor');
    if (health) expect(linkedIds.has(health.id)).toBe(false); // her professional record has an account
    expect(linkedIds.has(police.id)).toBe(true);
  });

  it('opening the link sends one code to the invited address only, masks it, and audits the opening and the sending', async () => {
    const { police, token } = await sent();
    const opened = await openReportLink(db(), anonymous(), token);
    expect(opened).toEqual({ standing: 'open', maskedEmail: expect.stringMatching(/^p\*\*\*@police\.example$/), codeSent: true });
    const again = await openReportLink(db(), anonymous(minutes(2)), token);
    expect(again).toMatchObject({ standing: 'open', codeSent: false });
    const [link] = await db().select().from(reportAccessLinks).where(eq(reportAccessLinks.invitationId, police.id));
    const codes = await db().select().from(outboxMessages).where(and(eq(outboxMessages.relatedType, 'report-link'), eq(outboxMessages.relatedId, link!.id)));
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatchObject({ channel: 'email', toAddress: police.email, conferenceId: police.conferenceId });
    expect(link!.codeHash).not.toContain(await codeSentFor(police.id));
    expect(await auditOf('report-link-opened', link!.id)).toHaveLength(2);
    expect(await auditOf('report-code-sent', link!.id)).toHaveLength(1);
    // Once the code has expired, opening the link sends a new one.
    expect(await openReportLink(db(), anonymous(minutes(11)), token)).toMatchObject({ standing: 'open', codeSent: true });
  });

  it('20 wrong codes at once: exactly 5 are counted and compared, the link locks, and the right code no longer opens it', async () => {
    const { police, token } = await sent();
    await openReportLink(db(), anonymous(), token);
    const right = await codeSentFor(police.id);
    const wrong = right === '000000' ? '111111' : '000000';
    const answers = await Promise.all(Array.from({ length: 20 }, () => acceptReportCode(db(), anonymous(minutes(1)), token, wrong)));
    expect(answers.every((a) => !a.ok)).toBe(true);
    expect(answers.filter((a) => !a.ok && a.standing === 'wrong')).toHaveLength(REPORT_CODE_ATTEMPTS - 1);
    const [link] = await db().select().from(reportAccessLinks).where(eq(reportAccessLinks.invitationId, police.id));
    expect(link!.attempts).toBe(REPORT_CODE_ATTEMPTS);
    expect(await acceptReportCode(db(), anonymous(minutes(2)), token, right)).toEqual({ ok: false, standing: 'locked' });
    expect(await openReportLink(db(), anonymous(minutes(3)), token)).toEqual({ standing: 'locked' });
    expect((await auditOf('report-code-refused', link!.id)).length).toBe(21);
  });

  it('the right code opens the link once: a replay is refused, and the holder writes only their own conference’s agency report', async () => {
    const { f, police, token } = await sent();
    await openReportLink(db(), anonymous(), token);
    const code = await codeSentFor(police.id);
    expect(await acceptReportCode(db(), anonymous(minutes(1)), token, 'abc')).toMatchObject({ ok: false, standing: 'wrong', attemptsLeft: 4 });
    const answer = await acceptReportCode(db(), anonymous(minutes(1)), token, ` ${code.slice(0, 3)} ${code.slice(3)} `);
    expect(answer).toMatchObject({ ok: true, conferenceId: f.conferenceId, invitationId: police.id });
    if (!answer.ok) throw new Error('refused');
    expect(await acceptReportCode(db(), anonymous(minutes(2)), token, code)).toEqual({ ok: false, standing: 'used' });
    expect(await openReportLink(db(), anonymous(minutes(2)), token)).toEqual({ standing: 'used' });
    expect(await auditOf('report-code-accepted', answer.linkId)).toHaveLength(1);

    const actor = await loadReportLinkActor(db(), answer.linkId);
    expect(actor).toMatchObject({ roles: [], reportLink: { invitationId: police.id, conferenceId: f.conferenceId } });
    const [holder] = await db().select().from(users).where(eq(users.id, actor!.id));
    expect(holder).toMatchObject({ active: false, roles: [], email: police.email });
    const ctx: ActionContext = { actor, requestId: null, address: '192.0.2.7', now: minutes(3) };
    const reportId = await startReport(db(), ctx, f.conferenceId, { kind: 'agency', childId: null, familyMember: null, content: { sections: [{ heading: 'Concerns', text: 'Seen at the station (synthetic).', marking: 'fact', secondHand: false }], confidential: null } });
    const [report] = await db().select().from(reports).where(eq(reports.id, reportId));
    expect(report).toMatchObject({ invitationId: police.id, authorId: actor!.id, kind: 'agency' });
    expect(report!.authorDetails.organisation).toBe(police.organisationName ?? expect.any(String));
    expect((await loadReport(db(), actor, reportId)).report.id).toBe(reportId);
    // Another conference, even one this person's agency is invited to, is not theirs through this link.
    const other = await createBookedConference(db());
    await expect(conferenceForReports(db(), actor, other.conferenceId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(startReport(db(), ctx, other.conferenceId, { kind: 'agency', childId: null, familyMember: null, content: { sections: [], confidential: null } })).rejects.toBeInstanceOf(NotFoundError);
    // The social work report of their own conference is not theirs either.
    await expect(startReport(db(), ctx, f.conferenceId, { kind: 'social-work', childId: f.alpha.id, familyMember: null, content: { sections: [], confidential: null } })).rejects.toThrow();

    // Removing the invitation ends what the link opened, at the holder's next request.
    await db().update(invitations).set({ state: 'removed', removalReason: 'Police no longer involved (synthetic)' }).where(eq(invitations.id, police.id));
    expect(await loadReportLinkActor(db(), answer.linkId)).toBeNull();
  });

  it('an expired or unknown link opens nothing and says so, audited', async () => {
    const { police, token } = await sent();
    const afterExpiry = new Date(CONFERENCE_START.getTime() + 8 * 24 * 60 * 60_000);
    expect(await openReportLink(db(), anonymous(afterExpiry), token)).toEqual({ standing: 'expired' });
    expect(await acceptReportCode(db(), anonymous(afterExpiry), token, '123456')).toEqual({ ok: false, standing: 'expired' });
    const [link] = await db().select().from(reportAccessLinks).where(eq(reportAccessLinks.invitationId, police.id));
    expect((await auditOf('report-link-opened', link!.id)).map((a) => [a.outcome, a.reason])).toEqual([['denied', 'expired']]);
    expect(link!.attempts).toBe(0);
    const unknown = 'A'.repeat(43);
    const before = (await auditOf('report-link-opened')).filter((a) => a.reason === 'unknown').length;
    expect(await openReportLink(db(), anonymous(), unknown)).toEqual({ standing: 'unknown' });
    expect(await openReportLink(db(), anonymous(), 'short')).toEqual({ standing: 'unknown' });
    expect((await auditOf('report-link-opened')).filter((a) => a.reason === 'unknown')).toHaveLength(before + 2);
  });

  it('the organiser sends a new link: the old unused one stops working, the new one works; not for someone with an account, and only by those who manage invitations', async () => {
    const { f, all, police, token, hanaUser } = await sent();
    await sendNewReportLink(db(), contextFor(f.support, minutes(5)), f.conferenceId, police.id, { siteAddress: 'https://convene.example' });
    expect(await openReportLink(db(), anonymous(minutes(6)), token)).toEqual({ standing: 'expired' });
    const [email] = await db().select().from(outboxMessages).where(and(eq(outboxMessages.relatedType, 'invitation-report-link'), eq(outboxMessages.relatedId, police.id)));
    expect(email).toMatchObject({ toAddress: police.email, channel: 'email' });
    const fresh = TOKEN.exec(email!.bodyText)![1]!;
    expect(fresh).not.toBe(token);
    expect(await openReportLink(db(), anonymous(minutes(6)), fresh)).toMatchObject({ standing: 'open', codeSent: true });
    expect(await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'report-link-sent'), eq(auditEvents.recordId, police.id)))).toHaveLength(2); // one per subject child

    await expect(sendNewReportLink(db(), contextFor(f.socialWorker), f.conferenceId, police.id)).rejects.toBeInstanceOf(ForbiddenError);
    // A directory professional who has an account since (the school's lead, given Hana's account here) signs in instead.
    const school = all.find((i) => i.professionalId !== null && i.id !== police.id && i.state === 'sent' && i.email);
    expect(school).toBeDefined();
    await db().update(professionals).set({ userId: hanaUser.id }).where(eq(professionals.id, school!.professionalId!));
    await expect(sendNewReportLink(db(), contextFor(f.support), f.conferenceId, school!.id)).rejects.toThrow(/has an account/);
    const staff = all.find((i) => i.userId !== null && i.state === 'sent');
    expect(staff).toBeDefined();
    await expect(sendNewReportLink(db(), contextFor(f.support), f.conferenceId, staff!.id)).rejects.toBeInstanceOf(ConflictError);
  });
});

