import { escapeTeams } from './escape';
import type { Summary } from './summary';

/**
 * A Microsoft Teams incoming-webhook (or Workflows) message carrying an Adaptive Card: the
 * title, a FactSet of the fields and a button to the follow-up.
 */
export function teamsMessage(summary: Summary): string {
  const card = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [
      {
        type: 'TextBlock',
        text: escapeTeams(summary.title),
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
      },
      {
        type: 'FactSet',
        facts: summary.fields.map((f) => ({ title: f.label, value: escapeTeams(f.value) })),
      },
    ],
    ...(summary.link
      ? { actions: [{ type: 'Action.OpenUrl', title: summary.link.label, url: summary.link.url }] }
      : {}),
  };
  return JSON.stringify({
    type: 'message',
    attachments: [
      { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card },
    ],
  });
}
