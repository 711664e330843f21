import { censusCategory, type CensusChild, type CensusEpisode, type CensusYear } from './census-model.js';

/**
 * The census file: `Message/Header/Children/Child/…` with the groups of an episode in the order
 * CENSUS.md gives (referral facts, assessments, CIN plan dates, section 47s, ReferralNFA, plans
 * with their reviews). Pure: the caller gives the header facts and the moment.
 */
export interface CensusHeader {
  laCode: string;
  softwareVersion: string;
  serialNo: number;
  generatedAt: string; // ISO date-time, as the header carries it
}

const escape = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const el = (name: string, value: string | number | null | undefined, pad: string) => (value === null || value === undefined || value === '' ? '' : `${pad}<${name}>${escape(String(value))}</${name}>\n`);
const bool = (v: boolean) => (v ? 'true' : 'false');

function episodeXml(e: CensusEpisode, pad: string): string {
  const p2 = `${pad}  `;
  let out = `${pad}<CINdetails>\n`;
  out += el('CINreferralDate', e.referralDate, p2) + el('ReferralSource', e.referralSource, p2) + el('PrimaryNeedCode', e.primaryNeedCode, p2);
  out += el('CINclosureDate', e.closureDate, p2) + el('ReasonForClosure', e.reasonForClosure, p2) + el('DateOfInitialCPC', e.dateOfInitialCpc, p2);
  for (const a of e.assessments) {
    out += `${p2}<Assessments>\n${el('AssessmentActualStartDate', a.startDate, `${p2}  `)}${el('AssessmentAuthorisationDate', a.authorisationDate, `${p2}  `)}`;
    if (a.factors.length) out += `${p2}  <FactorsIdentifiedAtAssessment>\n${a.factors.map((f) => el('AssessmentFactors', f, `${p2}    `)).join('')}${p2}  </FactorsIdentifiedAtAssessment>\n`;
    out += `${p2}</Assessments>\n`;
  }
  for (const c of e.cinPlans) {
    out += `${p2}<CINPlanDates>\n${el('CINPlanStartDate', c.startDate, `${p2}  `)}${el('CINPlanEndDate', c.endDate, `${p2}  `)}${p2}</CINPlanDates>\n`;
  }
  for (const s of e.section47s) {
    const p3 = `${p2}  `;
    out += `${p2}<Section47>\n${el('S47ActualStartDate', s.startDate, p3)}${el('InitialCPCtarget', s.initialCpcTarget, p3)}${el('DateOfInitialCPC', s.dateOfInitialCpc, p3)}${el('ICPCnotRequired', bool(s.icpcNotRequired), p3)}${p2}</Section47>\n`;
  }
  out += el('ReferralNFA', bool(e.referralNfa), p2);
  for (const p of e.plans) {
    const p3 = `${p2}  `;
    out += `${p2}<ChildProtectionPlans>\n${el('CPPstartDate', p.startDate, p3)}${el('CPPendDate', p.endDate, p3)}`;
    out += el('InitialCategoryOfAbuse', censusCategory(p.initialCategories), p3) + el('LatestCategoryOfAbuse', censusCategory(p.latestCategories), p3);
    out += el('NumberOfPreviousCPP', p.numberOfPreviousCpp, p3);
    if (p.reviewDates.length) out += `${p3}<Reviews>\n${p.reviewDates.map((r) => el('CPPreviewDate', r, `${p3}  `)).join('')}${p3}</Reviews>\n`;
    out += `${p2}</ChildProtectionPlans>\n`;
  }
  return `${out}${pad}</CINdetails>\n`;
}

export function censusXml(children: readonly CensusChild[], year: CensusYear, header: CensusHeader): string {
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n  <Header>\n    <CollectionDetails>\n';
  out += el('Collection', 'CIN', '      ') + el('Year', year.year, '      ') + el('ReferenceDate', year.referenceDate, '      ');
  out += '    </CollectionDetails>\n    <Source>\n';
  out += el('SourceLevel', 'L', '      ') + el('LEA', header.laCode, '      ') + el('SoftwareCode', 'Convene', '      ') + el('Release', header.softwareVersion, '      ');
  out += el('SerialNo', header.serialNo, '      ') + el('DateTime', header.generatedAt, '      ');
  out += '    </Source>\n  </Header>\n  <Children>\n';
  for (const c of children) {
    out += '    <Child>\n      <ChildIdentifiers>\n';
    out += el('LAchildID', c.laChildId, '        ') + el('PersonBirthDate', c.personBirthDate, '        ') + el('ExpectedPersonBirthDate', c.expectedPersonBirthDate, '        ');
    out += el('Sex', c.sex, '        ') + el('PersonDeathDate', c.personDeathDate, '        ');
    out += '      </ChildIdentifiers>\n      <ChildCharacteristics>\n' + el('Ethnicity', c.ethnicity, '        ');
    if (c.disabilities.length) out += `        <Disabilities>\n${c.disabilities.map((d) => el('Disability', d, '          ')).join('')}        </Disabilities>\n`;
    out += '      </ChildCharacteristics>\n';
    for (const e of c.episodes) out += episodeXml(e, '      ');
    out += '    </Child>\n';
  }
  return `${out}  </Children>\n</Message>\n`;
}
