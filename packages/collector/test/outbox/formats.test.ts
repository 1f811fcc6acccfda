import { startSmtp } from '@raaye/test-utils/smtp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteStore } from '../../src/store/pglite';
import type { Store } from '../../src/store/types';
import { collector, envelope, postRequest, rating, site } from '../_util/fixtures';
import { startReceiver, until } from '../_util/receiver';

// Rater text that would be a mention, a link, markup or a card expression if not escaped.
const HOSTILE =
  '<!channel> <https://evil.example|click> *bold* [x](https://evil.example) {{DATE(2017-02-14T06:08:39Z, SHORT)}} <script>alert(1)</script> & done';

describe('Slack, Teams and e-mail messages', () => {
  let store: Store;
  beforeAll(async () => {
    store = await pgliteStore();
  });
  afterAll(() => store.close());

  it('are readable, escaped for their format, filtered, and link to the follow-up', async () => {
    const receiver = await startReceiver();
    const smtp = await startSmtp();
    const s = site({
      destinations: [
        { id: 'slack', kind: 'slack', url: `${receiver.url}/slack` },
        { id: 'teams', kind: 'teams', url: `${receiver.url}/teams`, filter: { tags: ['rude'] } },
        { id: 'mail', kind: 'email', to: ['lead@example.com'], filter: { scales: ['stars5'] } },
        {
          id: 'other-type',
          kind: 'slack',
          url: `${receiver.url}/never`,
          filter: { interactionTypes: ['delivery'] },
        },
        {
          id: 'nps-only',
          kind: 'slack',
          url: `${receiver.url}/never`,
          filter: { scales: ['nps'], scores: [0, 1] },
        },
      ],
    });
    const handler = collector(store, [s], {
      delivery: { pollMs: 50 },
      mail: { smtp: smtp.url, from: 'Raaye <alerts@example.com>' },
      publicUrl: 'https://raaye.example.com/base',
    });
    const low = rating({ score: 1, tags: ['rude'], comment: HOSTILE, interactionType: 'ride' });
    await handler(postRequest(envelope([low], { siteKey: s.siteKey })));
    await until(() => receiver.received.length >= 2 && smtp.mails.length >= 1, 'three messages');
    await new Promise((r) => setTimeout(r, 300)); // nothing else may arrive
    await handler.close();

    expect(receiver.received.map((r) => r.path).sort()).toEqual(['/slack', '/teams']);
    const link = `https://raaye.example.com/base/dashboard/?followUp=${low.id}`;

    const slack = JSON.parse(receiver.received.find((r) => r.path === '/slack')!.body);
    const slackText = JSON.stringify(slack);
    expect(slack.text).toContain('Low rating: 1 of 5');
    expect(slack.text).toContain('&lt;!channel&gt; &lt;https://evil.example|click&gt;');
    expect(slackText).not.toMatch(/<!channel>|<https:\/\/evil/);
    expect(slackText).toContain(link);

    const teams = JSON.parse(receiver.received.find((r) => r.path === '/teams')!.body);
    const card = teams.attachments[0].content;
    expect(teams.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    const comment = card.body[1].facts.find((f: { title: string }) => f.title === 'Comment').value;
    expect(comment).toContain('\\*bold\\*');
    expect(comment).toContain('\\[x\\]\\(https://evil\\.example\\)');
    expect(comment).not.toContain('{{DATE');
    expect(comment).not.toContain('<script>');
    expect(card.actions[0]).toMatchObject({ type: 'Action.OpenUrl', url: link });

    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(['lead@example.com']);
    expect(mail.decoded).toMatch(/Subject: Low rating: 1 of 5 \(stars5\)/);
    expect(mail.decoded).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.decoded).not.toContain('<script>alert(1)</script></td>');
    expect(mail.decoded).toContain(`<a href="${link}">`);
    await receiver.close();
    await smtp.close();
  });
});
