import { choiceSet } from '../choices.js';

export const { labels: RESPONSE_LABELS, values: RESPONSES } = choiceSet({
  'attending-in-person': 'Attending in person',
  'attending-virtual': 'Attending online',
  apologies: 'Sends apologies',
  delegate: 'Sends a colleague',
});
export type InvitationResponse = (typeof RESPONSES)[number];

export interface ResponseInput {
  response: InvitationResponse;
  delegateName?: string | null | undefined;
  reportPromised: boolean;
}

export interface ResponseCheck {
  errors: { field: 'delegateName' | 'reportPromised'; message: string }[];
  /** What the co-ordinator should still chase; shown beside the response, not a refusal. */
  prompts: string[];
}

/**
 * IN4: a professional who cannot come sends a colleague who has been briefed, tells the
 * co-ordinator (this response is that message) and sends a written report anyway. A colleague
 * must be named; a missing report is chased rather than refused, because apologies still count.
 */
export function checkResponse(inviteeKind: string, input: ResponseInput): ResponseCheck {
  const errors: ResponseCheck['errors'] = [];
  const prompts: string[] = [];
  if (input.response === 'delegate' && !input.delegateName?.trim()) {
    errors.push({ field: 'delegateName', message: 'Enter the name of the colleague coming instead' });
  }
  const professional = inviteeKind === 'professional';
  if (professional && (input.response === 'apologies' || input.response === 'delegate') && !input.reportPromised) {
    prompts.push('Ask for a written report: a professional who cannot attend still sends one.');
  }
  if (professional && input.response === 'apologies') {
    prompts.push('Ask whether a briefed colleague can attend instead.');
  }
  return { errors, prompts };
}
