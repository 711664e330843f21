import type { RoleId } from '../../../policies/roles.js';

/**
 * What each role's "my work" page will list, and what an empty list means. Later areas
 * fill these sections from deadlines computed on read; until then each shows its empty state.
 */
export interface WorkSection {
  id: string;
  heading: string;
  empty: string;
}

/** The register officer and the administrator share the retention review (RC7), so it reads the same to both. */
const RETENTION_REVIEW: WorkSection = { id: 'retention', heading: 'Records due for retention review', empty: 'No closed case is due for review under the retention schedule, and no disposal is waiting for your approval.' };

export const WORK_SECTIONS: Record<RoleId, WorkSection[]> = {
  'social-worker': [
    { id: 'enquiries', heading: 'Enquiries about your children', empty: 'No police, health or out-of-hours enquiry has been made about a child you lead in the last 14 days.' },
    { id: 'section-47-sharing', heading: 'Section 47 outcomes to share with the family', empty: 'Every section 47 outcome on your cases has reached the parents, and the child where old enough to understand it.' },
    { id: 'reports-due', heading: 'Decisions and assessments due', empty: 'No referral decisions or core assessments are waiting for you.' },
    { id: 'core-groups', heading: 'Reviews due for children you lead', empty: 'No child protection plan you lead has a review coming due.' },
    { id: 'bring-forward', heading: 'Reviews to consider bringing forward', empty: 'Nothing on the plans you lead suggests holding a review sooner.' },
    { id: 'unborn', heading: 'Unborn babies: the birth, the core group and going home', empty: 'No unborn baby on your cases is past the expected date of delivery, and every plan made before a birth has its core group and discharge-home plan.' },
    { id: 'reports-to-share', heading: 'Reports to share with the family', empty: 'No social work report is waiting to be shared with a family before a conference.' },
    { id: 'risk-notifications', heading: 'Risk notifications', empty: 'No notification of a person who may pose a risk has reached you in the last 28 days.' },
    { id: 'plan-gaps', heading: 'Plans to complete: identity and family', empty: 'Every plan you lead says how the child’s culture, language, faith and birth-family contact are met, and whether a family group conference was considered.' },
    { id: 'child-voice', heading: 'Children’s requests and parents’ advocates', empty: 'No child is waiting to be told why a request was not followed, and no parent’s advocate is waiting to be considered or followed up.' },
    { id: 'visits-due', heading: 'Visits due', empty: 'No visits are due. Statutory visits to children on a plan will appear here, most urgent first.' },
  ],
  'team-manager': [
    { id: 'authorisations', heading: 'Waiting for your authorisation', empty: 'Nothing is waiting for you to authorise: conference requests, reports and visit-frequency changes will appear here.' },
    { id: 'breaches', heading: 'Breaches in your team', empty: 'No missed visits or late core groups in your team.' },
    { id: 'legal-advice', heading: 'Legal advice after designated reviews', empty: 'No designated review in your team is waiting for legal advice to be recorded.' },
    { id: 'reports-to-check', heading: 'Social work reports to check', empty: 'No social work report in your team is waiting for your check before it is shared.' },
    { id: 'break-glass', heading: 'Break-glass access to check', empty: 'Nobody has opened the record of a child in your team without a working relationship in the last four weeks.' },
    { id: 'worker-changes', heading: 'Requests for a change of social worker', empty: 'No family in your team is waiting for an answer to a request for a different social worker.' },
  ],
  'service-manager': [
    { id: 'out-of-timescale', heading: 'Out-of-timescale requests', empty: 'No conference is waiting for an out-of-timescale authorisation.' },
    { id: 'plans-to-end', heading: 'Plans to end without a conference', empty: 'No plan is waiting to be ended (18th birthday, death or leaving the UK).' },
    { id: 'escalations', heading: 'Escalations', empty: 'No professional dissent or complaint is waiting for you.' },
    { id: 'overrules', heading: 'Conferences the chair overruled', empty: 'No conference overruled by its chair is waiting for the senior managers’ review.' },
    { id: 'legal-action', heading: 'Recommendations of legal action to agree', empty: 'No social work report is waiting for you to agree a recommendation of legal action.' },
    { id: 'designated-reviews', heading: 'Plans kept by a designated review', empty: 'No plan kept by a designated review is waiting for its briefing note or legal advice.' },
  ],
  chair: [
    { id: 'conferences', heading: 'Your conferences', empty: 'You have no conferences booked.' },
    { id: 'records-to-approve', heading: 'Records to approve', empty: 'No conference records are waiting for your approval.' },
    { id: 'dissent', heading: 'Dissent and practice concerns', empty: 'Nothing is open.' },
    { id: 'core-groups', heading: 'Core groups to challenge', empty: 'No core group on a plan you chaired is overdue or due soon.' },
    { id: 'briefing-notes', heading: 'Briefing notes to write', empty: 'No designated review you chaired is waiting for a briefing note.' },
    { id: 'bring-forward', heading: 'Reviews to consider bringing forward', empty: 'Nothing on the plans you chaired suggests holding a review sooner.' },
    { id: 'exclusion-letters', heading: 'Exclusion letters to send', empty: 'Every family member you excluded from a conference has been sent their letter.' },
    { id: 'recording-requests', heading: 'Requests for a conference recording', empty: 'Nobody is waiting for a copy of the recording of a conference you chaired.' },
  ],
  'business-support': [
    { id: 'to-book', heading: 'Conferences to book', empty: 'No requests to book. New requests appear here with their due date, most urgent first.' },
    { id: 'invitations', heading: 'Invitations to send', empty: 'No invitations are waiting to be sent.' },
    { id: 'records-to-distribute', heading: 'Records to distribute', empty: 'No decisions or records are waiting to go out.' },
    { id: 'exclusion-letters', heading: 'Exclusion letters to send', empty: 'No letter to a family member excluded from a conference is waiting to go.' },
    { id: 'interpreters', heading: 'Interpreters to arrange', empty: 'Every family member whose language we have no letters in has an interpreter recorded.' },
  ],
  'agency-practitioner': [
    { id: 'invitations', heading: 'Conferences you are invited to', empty: 'You have no conference invitations.' },
    { id: 'reports-due', heading: 'Reports due', empty: 'No reports are due from you.' },
  ],
  'register-officer': [
    { id: 'enquiries', heading: 'Enquiries today, and any to check', empty: 'No enquiries have been taken today, and none in the last week needs checking.' },
    { id: 'transfers', heading: 'Moves to handle', empty: 'No children moving in or out are waiting for action.' },
    { id: 'risk-notifications', heading: 'Risk notifications to send', empty: 'No notification of a person who may pose a risk is waiting to be linked to a household.' },
    { id: 'centre-lists', heading: 'Children’s centre lists due', empty: 'No children’s centre list is due this quarter.' },
    RETENTION_REVIEW,
  ],
  enquirer: [
    { id: 'enquiry', heading: 'Your enquiries today', empty: 'You have taken no enquiries today. Start one with “Take an enquiry”.' },
  ],
  administrator: [
    { id: 'accounts', heading: 'Accounts', empty: 'Manage users, teams and roles from the Users and Teams pages.' },
    RETENTION_REVIEW,
  ],
  auditor: [
    { id: 'audit', heading: 'Audit trail', empty: 'Search the audit trail from the Audit page.' },
    { id: 'break-glass', heading: 'Break-glass access to check', empty: 'Nobody has opened a child’s record without a working relationship in the last four weeks.' },
    { id: 'subject-access', heading: 'Subject access requests', empty: 'No subject access request is waiting for you. Record a new one from Subject access.' },
  ],
};
