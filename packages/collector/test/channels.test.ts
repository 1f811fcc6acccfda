import type { RatingsResponse } from '@raaye/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collector,
  envelope,
  getRequest,
  postRequest,
  raterToken,
  rating,
  secretRequest,
  site,
} from './_util/fixtures';
import { type StoreHandle, storeCases } from './_util/stores';

interface Links {
  sms: string;
  scores: Array<{ score: number; url: string }>;
  email: string;
}

const at = (url: string, init: RequestInit = {}) => new Request(url, init);
/** What a rendering browser sends for the page's stylesheet. */
const STYLE = {
  'sec-fetch-dest': 'style',
  'sec-fetch-mode': 'no-cors',
  accept: 'text/css,*/*;q=0.1',
};

describe.each(storeCases)('rating links on $name', (storeCase) => {
  let handle: StoreHandle;
  beforeAll(async () => {
    handle = await storeCase.create();
  });
  afterAll(() => handle.cleanup());

  async function setup(extra: Record<string, unknown> = {}) {
    const s = site();
    const handler = collector(handle.store, [s]);
    const res = await handler(
      secretRequest('/v1/owed', s.secretKey, {
        raterId: 'rider-9',
        interactionId: 'ride-1',
        interactionType: 'ride',
        prompt: 'How was your ride with Ali?',
        tags: { low: ['Late', 'Rude'], high: ['Clean car', 'Friendly'] },
        links: true,
        ...extra,
      }),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { owed: { id: string }; links: Links };
    const owedNow = async () =>
      (await (
        await handler(
          getRequest(
            `/v1/owed?raterId=rider-9&siteKey=${s.siteKey}&token=${raterToken('rider-9')}`,
          ),
        )
      ).json()) as { owed: Array<{ interactionId: string }>; closed: string[] };
    return { s, handler, ...body, owedNow };
  }

  /** Opens a score link like a browser: the page, then its confirmation stylesheet. */
  /** rider-9's 5-star answer for ride-1 from the widget, verified: only those settle debts (issue 11). */
  const widgetAnswer = (siteKey: string) =>
    postRequest(
      envelope(
        [
          rating({
            raterId: 'rider-9',
            interactionId: 'ride-1',
            score: 5,
            channel: 'widget',
            token: raterToken('rider-9'),
          } as never),
        ],
        { siteKey },
      ),
    );

  async function clickAndRender(handler: ReturnType<typeof collector>, url: string) {
    const page = await handler(at(url));
    const text = await page.text();
    const css = /<link rel="stylesheet" href="([^"]+)"/.exec(text)?.[1];
    expect(css).toBeDefined();
    const visit = /name="visit" value="([^"]+)"/.exec(text)![1]!;
    const confirm = await handler(at(`http://collector.test${css}`, { headers: STYLE }));
    expect(confirm.headers.get('content-type')).toMatch(/text\/css/);
    return { text, visit, css: css! };
  }

  it('issues short, signed links with no personal data and a localised e-mail fragment', async () => {
    const { s, handler, owed, links } = await setup({ locale: 'ur' });
    expect(links.scores.map((l) => l.score)).toEqual([1, 2, 3, 4, 5]);
    const path = new URL(links.sms).pathname;
    // 160-character SMS: the prompt, a space and a link on an ordinary domain must fit.
    expect(
      `How was your ride with Ali? Rate it: https://rate.example.com${path}`.length,
    ).toBeLessThan(100);
    for (const url of [links.sms, ...links.scores.map((l) => l.url)]) {
      expect(url).not.toMatch(/rider|ride-1|Ali/);
    }
    const fragment = await handler(secretRequest(`/v1/owed/${owed.id}/email`, s.secretKey));
    expect(fragment.status).toBe(200);
    const html = await fragment.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('lang="ur"');
    expect(html).toContain('٥ ستارے'.slice(2)); // the widget's Urdu star names
    expect(html.match(/<a href=/g)).toHaveLength(5);
    expect(html).not.toMatch(/<script|<style/);
    // Needs the secret key.
    expect((await handler(getRequest(`/v1/owed/${owed.id}/email`))).status).toBe(401);
  });

  it('scanners never vote: HEAD, prefetch, plain GET and a crawl of the stylesheet', async () => {
    const { handler, links, owedNow } = await setup();
    const url = links.scores[0]!.url;
    expect((await handler(at(url, { method: 'HEAD' }))).status).toBe(200);
    const prefetch = await handler(at(url, { headers: { 'sec-purpose': 'prefetch' } }));
    expect(await prefetch.text()).not.toContain('rel="stylesheet"');
    await handler(at(url, { headers: { purpose: 'prefetch' } }));
    const plain = await (await handler(at(url))).text();
    const css = /<link rel="stylesheet" href="([^"]+)"/.exec(plain)![1]!;
    // A link checker that follows every URL in the page fetches it as a document.
    await handler(at(`http://collector.test${css}`, { headers: { 'sec-fetch-dest': 'document' } }));
    await handler(at(`http://collector.test${css}`));
    await handler(
      at(`http://collector.test${css}`, {
        headers: { ...STYLE, 'sec-purpose': 'prefetch;prerender' },
      }),
    );
    await handler(at(links.sms));
    expect((await owedNow()).owed.map((o) => o.interactionId)).toEqual(['ride-1']);
  });

  it('a click that renders gives the score; the form revises it; other channels then stop', async () => {
    const { s, handler, links, owedNow } = await setup();
    const { visit } = await clickAndRender(handler, links.scores[1]!.url);
    const after = await owedNow();
    expect(after.owed).toEqual([]);
    expect(after.closed).toEqual(['ride-1']);
    let [stored] = await handle.store.listRatings(s.id, {}, '0', 10);
    expect(stored).toMatchObject({ score: 2, channel: 'email', raterId: 'rider-9', low: true });

    const form = new URLSearchParams({ visit, score: '4', comment: 'Nice  ' });
    form.append('tag', 'Friendly');
    form.append('tag', 'Late'); // offered only for low scores: dropped
    form.append('tag', '<b>x</b>'); // never offered: dropped
    const submit = await handler(
      at(new URL(links.sms).href.replace(/\/r\/s/, '/r/s'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      }),
    );
    // The form posts to the link it came from (the e-mail token); the SMS token is another
    // link for the same entry, and both reach the same ledger entry.
    expect(await submit.text()).toContain('Thank you for your feedback!');
    [stored] = await handle.store.listRatings(s.id, {}, '0', 10);
    expect(stored).toMatchObject({ score: 4, tags: ['Friendly'], comment: 'Nice', low: false });

    // A later click on any of its links: already rated, and nothing new is stored.
    const again = await handler(at(links.scores[4]!.url));
    expect(await again.text()).toContain('You already rated this');
    expect(await handle.store.listRatings(s.id, {}, '0', 10)).toHaveLength(1);

    // A widget answer for the same debt is a duplicate: the link's answer came first.
    const widget = await handler(widgetAnswer(s.siteKey));
    expect(((await widget.json()) as RatingsResponse).results[0]!.status).toBe('duplicate');
  });

  it('a widget answer first: the links say "already rated"; coverage counts it by channel', async () => {
    const { s, handler, links } = await setup();
    await handler(widgetAnswer(s.siteKey));
    const page = await clickAndRender(handler, links.sms.replace(/$/, '')).catch(() => undefined);
    expect(page).toBeUndefined(); // the SMS page of a settled entry has no form at all
    expect(await (await handler(at(links.scores[0]!.url))).text()).toContain('You already rated');
    const [stored] = await handle.store.listRatings(s.id, {}, '0', 10);
    expect(stored).toMatchObject({ score: 5, channel: 'widget' });

    const stats = (await (await handler(getRequest('/v1/stats', s.secretKey))).json()) as {
      coverage: { owed: number; answered: number; responseRate: number; byChannel: object };
    };
    expect(stats.coverage).toMatchObject({ owed: 1, answered: 1, responseRate: 100 });
    expect(stats.coverage.byChannel).toMatchObject({ widget: { answered: 1 } });
  });

  it('cancellation and expiry work on every channel; forged links are refused', async () => {
    const { s, handler, owed, links, owedNow } = await setup();
    const del = await handler(
      secretRequest(`/v1/owed/${owed.id}`, s.secretKey, undefined, 'DELETE'),
    );
    expect(del.status).toBe(200);
    expect(await del.json()).toMatchObject({ owed: { state: 'cancelled' } });
    expect((await owedNow()).closed).toEqual(['ride-1']);
    const page = await handler(at(links.scores[3]!.url));
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('no longer needed');

    const forged = links.sms.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await handler(at(forged))).status).toBe(404);
    expect(
      (await handler(secretRequest('/v1/owed/99999999', s.secretKey, undefined, 'DELETE'))).status,
    ).toBe(404);

    const later = collector(handle.store, [s], { now: () => Date.now() + 8 * 86_400_000 });
    const fresh = await setup();
    const late = collector(handle.store, [fresh.s], { now: () => Date.now() + 8 * 86_400_000 });
    const expired = await late(at(fresh.links.scores[0]!.url));
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('expired');
    expect(later).toBeTypeOf('function');
  });

  it('the landing page is strict: no script, hashed style, no referrer, no caching', async () => {
    const { handler, links } = await setup({ locale: 'ur-PK' });
    const res = await handler(at(links.scores[2]!.url));
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|script-src/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).toContain('<html lang="ur" dir="rtl">');
    expect(text).toMatch(/value="3" class="hi" checked|value="3" class="lo" checked/);
    expect(text).not.toMatch(/<script|style="/);
  });
});
