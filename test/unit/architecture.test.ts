// The rules of docs/architecture.md, read from the code: which part may import which, no file
// circle, React and Ink only under ui/, and no private API of a dependency.
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const source = fileURLToPath(new URL('../../source', import.meta.url));
const files = (dir: string): string[] =>
	readdirSync(dir, {withFileTypes: true}).flatMap(entry =>
		entry.isDirectory() ? files(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
	);
const app = files(source).filter(file => !relative(source, file).startsWith('tools/'));

/** The part a file belongs to: its top folder under source/, or its own name for a file at the top. */
function partOf(file: string): string {
	const [top, ...rest] = relative(source, file).split('/');
	return rest.length === 0 ? top!.replace(/\.tsx?$/, '') : top!;
}

/** What each part may import, as docs/architecture.md draws it: every arrow points down. */
const mayImport: Record<string, readonly string[]> = {
	domain: [],
	'json-schema': [],
	paths: [],
	text: ['domain'],
	present: ['domain', 'text'],
	errors: ['text'],
	fs: ['errors', 'text'],
	backends: ['domain', 'errors', 'fs', 'json-schema', 'paths', 'text'],
	store: ['backends', 'domain', 'errors', 'fs', 'json-schema', 'paths', 'text'],
	'open-tenant': ['backends', 'domain', 'errors', 'paths', 'store', 'text'],
	'open-tenants': ['domain', 'errors', 'open-tenant', 'store', 'text'],
	commands: ['backends', 'domain', 'errors', 'fs', 'json-schema', 'open-tenant', 'open-tenants', 'paths', 'present', 'store', 'text'],
	ui: ['domain', 'errors', 'present', 'store', 'text'],
	tui: ['domain', 'errors', 'open-tenant', 'open-tenants', 'paths', 'present', 'store', 'text', 'ui'],
	'exit-after-output': [],
	cli: ['commands', 'domain', 'errors', 'exit-after-output', 'paths', 'present', 'store', 'text', 'tui'],
};

function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	return [...text.matchAll(/(?:^import|^export)[^'"]*from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)].map(m => (m[1] ?? m[2])!);
}

const local = (file: string, specifier: string) => join(dirname(file), specifier).replace(/\.js$/, '');
const fileOf = (path: string) => [`${path}.ts`, `${path}.tsx`].find(candidate => app.includes(candidate));

describe('the layout of source/ (docs/architecture.md)', () => {
	it('knows every part', () => {
		expect([...new Set(app.map(partOf))].filter(part => !(part in mayImport))).toEqual([]);
	});

	it('each part imports only the parts below it', () => {
		const wrong: string[] = [];
		for (const file of app) {
			for (const specifier of importsOf(file).filter(s => s.startsWith('.'))) {
				const target = local(file, specifier);
				if (relative(source, target).startsWith('..')) continue; // package.json, for the version
				const [from, to] = [partOf(file), partOf(target)];
				if (from !== to && !mayImport[from]!.includes(to)) wrong.push(`${relative(source, file)} → ${specifier}`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('no file imports itself back through others', () => {
		const graph = new Map(
			app.map(file => [
				file,
				importsOf(file)
					.filter(s => s.startsWith('.'))
					.flatMap(s => fileOf(local(file, s)) ?? []),
			]),
		);
		const done = new Set<string>();
		const circles: string[] = [];
		const visit = (file: string, path: string[]) => {
			if (path.includes(file)) return void circles.push([...path.slice(path.indexOf(file)), file].map(f => relative(source, f)).join(' → '));
			if (done.has(file)) return;
			for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
			done.add(file);
		};
		for (const file of app) visit(file, []);
		expect(circles).toEqual([]);
	});

	it('React and Ink only in the TUI', () => {
		const outside = app.filter(file => !['ui', 'tui'].includes(partOf(file)) && importsOf(file).some(s => /^(react|ink)(-|\/|$)/.test(s)));
		expect(outside.map(file => relative(source, file))).toEqual([]);
	});

	it('no private API of a dependency (internal_*, unstable_*)', () => {
		const users = files(source).filter(file => /\b(internal|unstable)_\w+/.test(readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')));
		expect(users.map(file => relative(source, file))).toEqual([]);
	});
});
