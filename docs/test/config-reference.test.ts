import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Keeps docs/configuration.md in sync with the code. Each reference table in the page follows a
 * marker comment `<!-- config: <surface> -->`; the option names in its first column must be
 * exactly the public names the code declares for that surface (no more, no fewer).
 */

const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const PAGE = read('docs/configuration.md');

const parse = (path: string) =>
  ts.createSourceFile(path, read(path), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

const nameOf = (name: ts.PropertyName, file: ts.SourceFile) =>
  ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText(file);

const isInternal = (node: ts.Node) =>
  ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'internal');

/** Interfaces and object-literal type aliases declared at the top level of a file. */
function declaredShapes(file: ts.SourceFile): Map<string, ts.NodeArray<ts.TypeElement>> {
  const shapes = new Map<string, ts.NodeArray<ts.TypeElement>>();
  for (const statement of file.statements) {
    if (ts.isInterfaceDeclaration(statement)) shapes.set(statement.name.text, statement.members);
    else if (ts.isTypeAliasDeclaration(statement) && ts.isTypeLiteralNode(statement.type)) {
      shapes.set(statement.name.text, statement.type.members);
    }
  }
  return shapes;
}

/**
 * The public property names of an interface, skipping `@internal` ones. A property whose type is
 * an inline object type, or an interface declared in the same file, is expanded one level
 * (`queue` → `queue.maxItems`), since those nested names are options too.
 */
function interfaceOptions(path: string, interfaceName: string): string[] {
  const file = parse(path);
  const shapes = declaredShapes(file);
  const members = shapes.get(interfaceName);
  if (!members) throw new Error(`${path}: no interface ${interfaceName}`);
  const names: string[] = [];
  const walk = (list: ts.NodeArray<ts.TypeElement>, prefix: string) => {
    for (const member of list) {
      if (!ts.isPropertySignature(member) || isInternal(member)) continue;
      const name = prefix + nameOf(member.name, file);
      names.push(name);
      if (prefix || !member.type) continue;
      const type = member.type;
      if (ts.isTypeLiteralNode(type)) walk(type.members, `${name}.`);
      else if (ts.isTypeReferenceNode(type) && !type.typeArguments) {
        const local = shapes.get(type.typeName.getText(file));
        if (local) walk(local, `${name}.`);
      }
    }
  };
  walk(members, '');
  return names;
}

/** `--flag` (and `-x` short) names from the `parseArgs({ options: { … } })` call in a file. */
function cliFlags(path: string): string[] {
  const file = parse(path);
  const flags: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      node.expression.getText(file) === 'parseArgs' &&
      node.arguments[0] &&
      ts.isObjectLiteralExpression(node.arguments[0])
    ) {
      const options = node.arguments[0].properties.find(
        (p): p is ts.PropertyAssignment =>
          ts.isPropertyAssignment(p) && nameOf(p.name, file) === 'options',
      );
      if (options && ts.isObjectLiteralExpression(options.initializer)) {
        for (const option of options.initializer.properties) {
          if (!ts.isPropertyAssignment(option) || !option.name) continue;
          flags.push(`--${nameOf(option.name, file)}`);
          if (!ts.isObjectLiteralExpression(option.initializer)) continue;
          for (const setting of option.initializer.properties) {
            if (
              ts.isPropertyAssignment(setting) &&
              nameOf(setting.name, file) === 'short' &&
              ts.isStringLiteral(setting.initializer)
            ) {
              flags.push(`-${setting.initializer.text}`);
            }
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return flags;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => relative(ROOT, join(ROOT, dir, f)));
}

/** Environment variables read anywhere under a folder (`env.NAME`, `process.env.NAME`). */
function envVars(dir: string): string[] {
  const names = new Set<string>();
  for (const path of sourceFiles(dir)) {
    for (const match of read(path).matchAll(/\benv\.([A-Z][A-Z0-9_]*)\b/g)) names.add(match[1]!);
  }
  return [...names];
}

const kebab = (camel: string) => camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const COMMAND_QUEUE = 'packages/widget/src/script/command-queue.ts';

/** `data-*` attributes the script tag reads (`script.dataset.x`, read as `d.x`). */
function dataAttributes(): string[] {
  const text = read(COMMAND_QUEUE);
  const names = new Set<string>();
  for (const match of text.matchAll(/\bd\.([a-zA-Z]+)\b/g)) names.add(`data-${kebab(match[1]!)}`);
  return [...names];
}

/** Commands `window.raaye(command, …)` understands. */
function commands(): string[] {
  const text = read(COMMAND_QUEUE);
  const names = new Set<string>();
  for (const match of text.matchAll(/command === '([a-z-]+)'|case '([a-z-]+)':/g)) {
    names.add((match[1] ?? match[2])!);
  }
  return [...names];
}

/** Option names in the first column of the table after `<!-- config: <surface> -->`. */
function documentedNames(markdown: string, surface: string): string[] {
  const marker = `<!-- config: ${surface} -->`;
  const at = markdown.indexOf(marker);
  if (at === -1) throw new Error(`docs/configuration.md has no ${marker}`);
  if (markdown.indexOf(marker, at + marker.length) !== -1) {
    throw new Error(`docs/configuration.md has ${marker} twice`);
  }
  const lines = markdown.slice(at + marker.length).split('\n');
  const names: string[] = [];
  let rows = 0;
  for (const line of lines) {
    const isRow = line.trimStart().startsWith('|');
    if (!isRow) {
      if (rows > 0) break;
      if (line.trim() === '') continue;
      throw new Error(`${marker} must be followed by a table, found: ${line}`);
    }
    // Row 1 is the header, row 2 the |---| separator.
    if (++rows <= 2) continue;
    const firstCell = line.trim().slice(1).split('|')[0] ?? '';
    for (const match of firstCell.matchAll(/`([^`]+)`/g)) names.push(match[1]!);
  }
  return names;
}

const surfaces: Array<[surface: string, fromCode: () => string[]]> = [
  ['ClientOptions', () => interfaceOptions('packages/core/src/types.ts', 'ClientOptions')],
  ['MountOptions', () => interfaceOptions('packages/widget/src/types.ts', 'MountOptions')],
  ['PromptConfig', () => interfaceOptions('packages/widget/src/types.ts', 'PromptConfig')],
  ['script data attributes', dataAttributes],
  ['script commands', commands],
  [
    'CollectorConfig',
    () => interfaceOptions('packages/collector/src/collector.ts', 'CollectorConfig'),
  ],
  [
    'DeliveryOptions',
    () => interfaceOptions('packages/collector/src/outbox/worker.ts', 'DeliveryOptions'),
  ],
  ['SiteInput', () => interfaceOptions('packages/collector/src/config/types.ts', 'SiteInput')],
  ['FileConfig', () => interfaceOptions('packages/collector/src/config/load.ts', 'FileConfig')],
  [
    'PostgresStoreOptions',
    () => interfaceOptions('packages/collector/src/store/postgres.ts', 'PostgresStoreOptions'),
  ],
  ['CLI flags', () => cliFlags('packages/collector/src/cli/args.ts')],
  ['environment variables', () => envVars('packages/collector/src')],
];

describe('docs/configuration.md matches the code', () => {
  it('reads real option names out of the sources (the parsers are not silently empty)', () => {
    expect(interfaceOptions('packages/core/src/types.ts', 'ClientOptions')).toEqual(
      expect.arrayContaining(['siteKey', 'endpoint', 'queue.maxItems', 'retry.capMs']),
    );
    // `locks` is marked @internal.
    expect(interfaceOptions('packages/core/src/types.ts', 'ClientOptions')).not.toContain('locks');
    expect(interfaceOptions('packages/widget/src/types.ts', 'PromptConfig')).toContain('tags.low');
    expect(cliFlags('packages/collector/src/cli/args.ts')).toEqual(
      expect.arrayContaining(['--port', '--data-dir', '--help', '-h']),
    );
    expect(envVars('packages/collector/src')).toEqual(
      expect.arrayContaining(['PORT', 'RAAYE_SITES', 'RAAYE_LOG_LEVEL']),
    );
    expect(dataAttributes()).toEqual(expect.arrayContaining(['data-site-key', 'data-endpoint']));
    expect(commands()).toEqual(expect.arrayContaining(['init', 'ask', 'locale']));
  });

  for (const [surface, fromCode] of surfaces) {
    it(`${surface}: every option is documented, and nothing else`, () => {
      const code = [...new Set(fromCode())].sort();
      const documented = documentedNames(PAGE, surface);
      const duplicates = documented.filter((name, i) => documented.indexOf(name) !== i);
      expect(duplicates, `documented twice under ${surface}`).toEqual([]);
      expect(
        code.filter((name) => !documented.includes(name)),
        `in the code but missing from docs/configuration.md (${surface})`,
      ).toEqual([]);
      expect(
        documented.filter((name) => !code.includes(name)),
        `in docs/configuration.md but not in the code (${surface})`,
      ).toEqual([]);
    });
  }
});
