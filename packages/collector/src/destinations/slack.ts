import { escapeSlack } from './escape';
import type { Summary } from './summary';

/** A Slack incoming-webhook message: Block Kit sections plus a plain `text` fallback. */
export function slackMessage(summary: Summary): string {
  const fields = summary.fields.map((f) => `*${f.label}:* ${escapeSlack(f.value)}`);
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: summary.title.slice(0, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: fields.join('\n').slice(0, 3000) } },
  ];
  if (summary.link) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: summary.link.label },
          url: summary.link.url,
        },
      ],
    });
  }
  const text = [escapeSlack(summary.title), ...fields].join('\n');
  return JSON.stringify({ text, blocks });
}
