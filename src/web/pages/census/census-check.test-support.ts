import { expect } from 'vitest';

/**
 * The census check runs in the background: its page is read again until it has finished, and
 * while it runs it must say how far it has got. The last page read is returned.
 */
export async function finishedCensusCheck<R extends { body: string }>(read: () => Promise<R>): Promise<R> {
  let shown = await read();
  for (let tries = 0; tries < 600 && shown.body.includes('See how far it has got'); tries++) {
    expect(shown.body).toMatch(/Reading the year’s records|\d+ of \d+ children checked/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    shown = await read();
  }
  return shown;
}
