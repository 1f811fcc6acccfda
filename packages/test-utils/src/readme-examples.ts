/** A ```ts block of a README, with the declarations it assumes (see `examplesOf`). */
export interface Example {
  line: number;
  code: string;
}

const DIRECTIVE = /^<!--\s*ts-check:\s*([\s\S]*?)\s*-->$/;

/**
 * The TypeScript examples of a README, to type-check as a user would paste them. A block may be
 * preceded by `<!-- ts-check: skip <reason> -->` (e.g. it needs a library we do not ship) or by
 * `<!-- ts-check: <declarations> -->` naming what the snippet takes from its surroundings
 * (`declare const order: { id: string }`), which is prepended, hidden from readers.
 */
export function examplesOf(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```tsx?\s*$/.test(lines[i]!)) continue;
    let j = i - 1;
    while (j >= 0 && lines[j]!.trim() === '') j--;
    const directive = DIRECTIVE.exec(lines[j]?.trim() ?? '')?.[1];
    const end = lines.indexOf('```', i + 1);
    if (end < 0) throw new Error(`README: unclosed code block at line ${i + 1}`);
    const body = lines.slice(i + 1, end).join('\n');
    const line = i + 1;
    i = end;
    if (directive?.startsWith('skip')) continue;
    examples.push({ line, code: `${directive ? `${directive}\n` : ''}${body}\nexport {};\n` });
  }
  return examples;
}
