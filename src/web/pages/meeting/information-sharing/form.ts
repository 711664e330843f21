import { z } from 'zod';
import { optionalText } from '../../../form-fields.js';

const yesNoOrUnset = z.string().optional().transform((v) => (v === 'yes' ? true : v === 'no' ? false : null));

/**
 * RC6: the conference's information-sharing decision. Whether a refusal has a share-anyway decision
 * and reasons, and whether sharing without consent was done with the police, is checked by the
 * domain rule, whose messages come back against the same fields.
 */
export const informationSharingForm = z.object({
  withPolice: optionalText(5000),
  withFamily: optionalText(5000),
  withheld: optionalText(5000),
  consent: z.string().optional().transform((v) => v || null),
  consentFrom: optionalText(500),
  shareAnyway: yesNoOrUnset,
  shareAnywayReasons: optionalText(5000),
  policeConsulted: yesNoOrUnset,
  version: z.coerce.number({ error: 'Reload the page and try again' }).int().min(0).max(1_000_000),
});
