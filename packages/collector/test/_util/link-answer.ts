import { expect } from 'vitest';
import { secretRequest } from './fixtures';

type Handler = (request: Request) => Promise<Response>;

/**
 * Owes `raterId` a rating for `interactionId` with links, then opens the link for `score` as a
 * rendering browser does (the page, then its stylesheet: the fetch that stores the answer, which
 * link scanners do not make). Resolves `revise`, the page's form, to change the answer later.
 */
export async function answerByLink(
  handler: Handler,
  secretKey: string,
  raterId: string,
  interactionId: string,
  score: number,
): Promise<{ revise(score: number, comment?: string): Promise<void> }> {
  const owed = await handler(
    secretRequest('/v1/owed', secretKey, { raterId, interactionId, links: true }),
  );
  expect(owed.status).toBe(201);
  const { links } = (await owed.json()) as {
    links: { sms: string; scores: Array<{ score: number; url: string }> };
  };
  const link = links.scores.find((s) => s.score === score);
  if (!link) throw new Error(`no link for score ${score}`);
  const page = await (await handler(new Request(link.url))).text();
  const css = /<link rel="stylesheet" href="([^"]+)"/.exec(page)![1]!;
  const visit = /name="visit" value="([^"]+)"/.exec(page)![1]!;
  const action = new URL(/<form[^>]* action="([^"]+)"/.exec(page)![1]!, links.sms).href;
  await handler(
    new Request(`http://collector.test${css}`, {
      headers: { 'sec-fetch-dest': 'style', 'sec-fetch-mode': 'no-cors', accept: 'text/css' },
    }),
  );
  return {
    async revise(newScore, comment = '') {
      const res = await handler(
        new Request(action, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ visit, score: String(newScore), comment }),
        }),
      );
      expect(await res.text()).toContain('Thank you');
    },
  };
}
