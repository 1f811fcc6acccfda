/**
 * Escaping rater text for each format a message can take. Raters write what they like; a
 * comment must never become a mention, a link, a card expression or markup in the receiver.
 */

/** Slack: `&`, `<`, `>` are the control characters (`<!channel>`, `<url|text>`), per Slack's docs. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Teams Adaptive Card TextBlocks render a Markdown subset and evaluate `{{DATE(…)}}` /
 * `{{TIME(…)}}`: backslash-escape the Markdown characters and break up `{{`. HTML is not
 * rendered in a TextBlock, but `<`/`>` are escaped too so a client that does never sees a tag.
 */
export function escapeTeams(text: string): string {
  return text
    .replace(/[\\`*_[\]()#+\-.!>~|]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/\{\{/g, '{\u200b{');
}

/** HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A header line (e-mail subject): no line breaks or other controls, bounded length. */
export function headerText(text: string, max = 200): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing controls is the point
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
