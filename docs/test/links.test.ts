import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Checks every link in the project's Markdown: relative links must point at an existing file or
 * folder, and `#anchors` at a heading (GitHub-style slug) or an HTML `id`/`name` in the target.
 * External links are not fetched (CI has no internet); they only have to be well-formed URLs.
 */

const ROOT = join(import.meta.dirname, '..', '..');

function markdownFiles(): string[] {
  const files = ['README.md'];
  const add = (dir: string, name: (entry: string) => string | undefined) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = name(entry.isDirectory() ? `${entry.name}/` : entry.name);
      if (path && existsSync(join(ROOT, dir, path))) files.push(join(dir, path));
    }
  };
  add('docs', (e) => (e.endsWith('.md') ? e : undefined));
  add('packages', (e) => (e.endsWith('/') ? `${e}README.md` : undefined));
  add('examples', (e) => (e.endsWith('/') ? `${e}README.md` : undefined));
  return files;
}

/** The lines of a Markdown text with fenced code blocks blanked (line numbers kept). */
function withoutFences(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split('\n').map((line) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      return '';
    }
    if (marker) {
      fence = marker;
      return '';
    }
    return line;
  });
}

/** Also blanks inline code spans: a link shown as code is not a link. */
const withoutCode = (markdown: string) =>
  withoutFences(markdown).map((line) =>
    line.replace(/(`+)(?:(?!\1).)+?\1/g, (span) => ' '.repeat(span.length)),
  );

/** GitHub's heading slug: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images keep their text
    .replace(/<[^>]+>/g, '') // inline HTML
    .replace(/`/g, '')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|\s)[*_](\S.*?\S|\S)[*_](?=\s|$)/g, '$1$2')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

const anchorCache = new Map<string, Set<string>>();

/** Every anchor a Markdown file offers: heading slugs (deduplicated as GitHub does) and HTML ids. */
function anchorsOf(file: string): Set<string> {
  const cached = anchorCache.get(file);
  if (cached) return cached;
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  for (const line of withoutFences(readFileSync(file, 'utf8'))) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading !== undefined) {
      const base = slug(heading);
      const n = counts.get(base) ?? 0;
      counts.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const match of line.matchAll(/<a\s[^>]*(?:id|name)="([^"]+)"/g)) anchors.add(match[1]!);
  }
  anchorCache.set(file, anchors);
  return anchors;
}

interface Link {
  file: string;
  line: number;
  target: string;
}

/** Inline links and images `[text](target "title")`, autolinks `<https://…>` and definitions. */
function linksOf(file: string): Link[] {
  const links: Link[] = [];
  withoutCode(readFileSync(join(ROOT, file), 'utf8')).forEach((line, i) => {
    const push = (target: string) => links.push({ file, line: i + 1, target: target.trim() });
    for (const m of line.matchAll(
      /!?\[(?:[^\]]|\\\])*\]\(\s*(<[^>]*>|[^\s)]*)(?:\s+"[^"]*")?\s*\)/g,
    ))
      push(m[1]!.replace(/^<|>$/g, ''));
    for (const m of line.matchAll(/<((?:https?|mailto):[^>\s]+)>/g)) push(m[1]!);
    const definition = /^\s{0,3}\[[^\]]+\]:\s*(\S+)/.exec(line);
    if (definition) push(definition[1]!.replace(/^<|>$/g, ''));
  });
  return links;
}

/** Why a link is broken, or undefined when it is fine. */
function problem(link: Link): string | undefined {
  const { target } = link;
  if (target === '') return 'empty link';
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    if (/^mailto:[^@\s]+@[^@\s]+$/i.test(target)) return undefined;
    if (!/^https?:\/\//i.test(target)) return 'only http(s) and mailto links are allowed';
    try {
      const url = new URL(target);
      return url.hostname.includes('.') ||
        url.hostname === 'localhost' ||
        /^[\d.]+$/.test(url.hostname)
        ? undefined
        : 'URL without a proper host';
    } catch {
      return 'malformed URL';
    }
  }
  if (target.startsWith('//')) return 'protocol-relative URL';
  const hash = target.indexOf('#');
  const pathPart = hash === -1 ? target : target.slice(0, hash);
  const anchor = hash === -1 ? undefined : target.slice(hash + 1);
  let path: string;
  try {
    path = decodeURIComponent(pathPart.split('?')[0]!);
  } catch {
    return 'bad percent-encoding';
  }
  const from = join(ROOT, link.file);
  const absolute =
    path === '' ? from : path.startsWith('/') ? join(ROOT, path) : resolve(dirname(from), path);
  if (relative(ROOT, absolute).startsWith('..')) return 'points outside the repository';
  if (!existsSync(absolute)) return `no such file: ${relative(ROOT, absolute)}`;
  if (anchor === undefined) return undefined;
  if (anchor === '') return 'empty #anchor';
  if (statSync(absolute).isDirectory() || !absolute.endsWith('.md')) {
    return 'an #anchor needs a Markdown file';
  }
  let wanted: string;
  try {
    wanted = decodeURIComponent(anchor);
  } catch {
    return 'bad percent-encoding in #anchor';
  }
  return anchorsOf(absolute).has(wanted)
    ? undefined
    : `no heading #${wanted} in ${relative(ROOT, absolute)}`;
}

describe('Markdown links', () => {
  const files = markdownFiles();

  it('covers the docs, the root README and every package and example README', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'docs/README.md',
        'docs/configuration.md',
        'packages/core/README.md',
        'examples/webview/README.md',
      ]),
    );
  });

  it('slugs headings the way GitHub does', () => {
    expect(slug('SDK: `createClient(options)`')).toBe('sdk-createclientoptions');
    expect(slug('Script tag: `data-*` attributes and commands')).toBe(
      'script-tag-data--attributes-and-commands',
    );
    expect(slug('`GET /v1/owed`')).toBe('get-v1owed');
    expect(slug('1. Paste the snippet')).toBe('1-paste-the-snippet');
    expect(slug('`invalid_option`')).toBe('invalid_option');
    expect(slug('Raaye (رائے)')).toBe('raaye-رائے');
  });

  for (const file of files) {
    it(`${file}: every relative link and #anchor resolves, every URL is well-formed`, () => {
      const broken = linksOf(file)
        .map((link) => ({ link, why: problem(link) }))
        .filter((x) => x.why !== undefined)
        .map(({ link, why }) => `${link.file}:${link.line} ${link.target} → ${why}`);
      expect(broken).toEqual([]);
    });
  }

  it('docs/README.md links to every page in docs/', () => {
    const index = linksOf('docs/README.md').map((l) => l.target.split('#')[0]);
    const pages = readdirSync(join(ROOT, 'docs')).filter(
      (f) => f.endsWith('.md') && f !== 'README.md',
    );
    expect(pages.filter((page) => !index.includes(page))).toEqual([]);
  });
});
