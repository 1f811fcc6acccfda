import type { Scale } from '@raaye/protocol';
import { html } from '../landing/html';
import type { PageLocale } from '../landing/locale';
import { scaleChoices, scaleEnds } from '../landing/scale-choices';

// Mail clients ignore <style> and CSS variables inconsistently: everything is inline, in tables.
// Every text sits on a background set next to it, so clients that recolour for dark mode recolour
// both together (never dark text on a dark canvas); no images, so nothing is blocked.
const FONT = `font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif`;
const CARD = `border-collapse:separate;background-color:#ffffff;color:#1b1b1f;border:1px solid #d5d5dc;border-radius:12px;${FONT}`;
const LINK = `display:block;min-width:40px;padding:10px 6px;border:1px solid #8a8a93;border-radius:8px;background-color:#ffffff;color:#0b57d0;text-decoration:none;text-align:center;${FONT}`;

export interface FragmentEntry {
  scale: Scale;
  title: string;
  /** Per-score link, in score order. */
  urls: Map<number, string>;
}

/**
 * A ready HTML e-mail fragment for the site's own template: the question and one link per score,
 * in the entry's language and direction. Each link's text names its score in words ("4 stars",
 * "Good"), so it reads correctly aloud and when the glyphs are not shown.
 */
export function emailFragment(locale: PageLocale, entry: FragmentEntry): string {
  const choices = scaleChoices(entry.scale, locale);
  const ends = scaleEnds(entry.scale, locale);
  const align = locale.dir === 'rtl' ? 'right' : 'left';
  const glyphs = choices.some((c) => c.glyph !== c.name);
  const cells = choices.map(
    (c) =>
      html`<td style="padding:3px" align="center"><a href="${entry.urls.get(c.value) ?? ''}" style="${LINK}">${
        glyphs
          ? html`<span style="display:block;font-size:24px;line-height:28px;color:#b06000" aria-hidden="true">${c.glyph}</span><span style="display:block;font-size:12px;line-height:16px;color:#1b1b1f">${c.name}</span>`
          : html`<span style="font-size:16px;line-height:20px">${c.name}</span>`
      }</a></td>`,
  );
  const endRow =
    ends &&
    html`<tr><td style="padding:4px 16px 0;font-size:13px;color:#4f4f57;background-color:#ffffff" align="${align}"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="font-size:13px;color:#4f4f57;${FONT}" align="${align}">${ends[0]}</td><td style="font-size:13px;color:#4f4f57;${FONT}" align="${locale.dir === 'rtl' ? 'left' : 'right'}">${ends[1]}</td></tr></table></td></tr>`;
  return html`<table role="presentation" lang="${locale.code}" dir="${locale.dir}" cellpadding="0" cellspacing="0" border="0" style="${CARD}">
<tr><td style="padding:16px 16px 8px;font-size:18px;line-height:24px;font-weight:600;color:#1b1b1f;background-color:#ffffff;${FONT}" align="${align}">${entry.title}</td></tr>
<tr><td style="padding:0 13px;background-color:#ffffff"><table role="presentation" cellpadding="0" cellspacing="0" border="0" dir="${locale.dir}"><tr>${cells}</tr></table></td></tr>${endRow}
<tr><td style="padding:8px 16px 16px;font-size:13px;line-height:18px;color:#4f4f57;background-color:#ffffff;${FONT}" align="${align}">${locale.link.emailHint}</td></tr>
</table>`.text;
}
