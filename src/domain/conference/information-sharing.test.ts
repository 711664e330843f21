import { describe, expect, it } from 'vitest';
import { informationSharingBlocksApproval, informationSharingProblems, type InformationSharingInput } from './information-sharing.js';

const given: InformationSharingInput = {
  withPolice: 'The outline plan and the decision.', withFamily: 'That a man known to police for offences against children visits the home.', withheld: 'The details of the current investigation.',
  consent: 'given', consentFrom: 'The police (DC Test) and the mother', shareAnyway: null, shareAnywayReasons: '', policeConsulted: null,
};

describe('RC6: information sharing decided and recorded', () => {
  it('refuses a decision with a missing part, a refusal without a share-anyway decision and reasons, and sharing anyway without the police', () => {
    const table: [Partial<InformationSharingInput>, string[]][] = [
      [{}, []],
      [{ withPolice: ' ' }, ['withPolice']],
      [{ withFamily: '' }, ['withFamily']],
      [{ consent: null }, ['consent']],
      [{ consent: 'maybe' }, ['consent']],
      [{ consentFrom: '' }, ['consentFrom']],
      [{ consent: 'not-needed', consentFrom: '' }, []],
      [{ consent: 'refused' }, ['shareAnyway', 'shareAnywayReasons']],
      [{ consent: 'refused', shareAnyway: false }, ['shareAnywayReasons']],
      [{ consent: 'refused', shareAnyway: false, shareAnywayReasons: 'The risk is managed by the plan without it.' }, []],
      [{ consent: 'refused', shareAnyway: true, shareAnywayReasons: 'The children are at risk if the mother does not know.' }, ['policeConsulted']],
      [{ consent: 'refused', shareAnyway: true, shareAnywayReasons: 'The children are at risk if the mother does not know.', policeConsulted: true }, []],
      [{ consent: 'given', shareAnyway: true }, ['shareAnyway']],
      [{ consent: 'not-needed', shareAnyway: false }, ['shareAnyway']],
    ];
    for (const [change, fields] of table) expect(informationSharingProblems({ ...given, ...change }).map((p) => p.field), JSON.stringify(change)).toEqual(fields);
  });

  it('blocks approving the record only where the police took part and nothing is recorded', () => {
    expect(informationSharingBlocksApproval({ policeTookPart: true, recorded: false })).toBe(true);
    expect(informationSharingBlocksApproval({ policeTookPart: true, recorded: true })).toBe(false);
    expect(informationSharingBlocksApproval({ policeTookPart: false, recorded: false })).toBe(false);
  });
});
