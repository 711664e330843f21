import { expect } from 'vitest';
import { expectPage } from '../../../../test/support/page-expectations.js';
import type { WebClient } from '../../../../test/support/web-client.js';

/**
 * Follows the "plan is not working" bring-forward prompt from the signed-in user's home page: the
 * home page says `homeShows` and carries the prompt's link, whose page opens and says `pageShows`.
 * Returns the day the prompt names, which the form posts back.
 */
export async function followPlanFailingPrompt(client: WebClient, expected: { homeShows: string; pageShows: string }): Promise<string> {
  const home = await client.get('/');
  expect(home.body).toContain(expected.homeShows);
  const href = /href="(\/plans\/[^"]+\/bring-forward\?trigger=plan-failing&amp;on=[0-9-]+)"/.exec(home.body)?.[1]?.replaceAll('&amp;', '&');
  expect(href).toBeDefined();
  expectPage(await client.get(href!), { status: 200, shows: [expected.pageShows] });
  return new URL(href!, 'http://x').searchParams.get('on')!;
}
