// Every command the README and docs/ show in a block marked runnable (```sh runnable) is run, as
// written, against the built bundle on the demo tenant, each block in a fresh HOME: it must exit 0,
// and when a ```text output block follows it, print that (spaces and tabs between columns aside).
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {freshHome} from '../helpers/home.js';
import {bundle, requireBundle} from '../helpers/tmux.js';

const root = new URL('../..', import.meta.url).pathname;
const documents = [
	'README.md',
	...readdirSync(join(root, 'docs'))
		.filter(name => name.endsWith('.md'))
		.map(name => `docs/${name}`),
];

interface Block {
	file: string;
	line: number;
	script: string;
	output: string | null;
}

/** The fenced blocks of a Markdown file, indented ones (in a list) included, with their info string. */
function fences(text: string): Array<{info: string; body: string; line: number}> {
	const found: Array<{info: string; body: string; line: number}> = [];
	const lines = text.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const open = /^(\s*)```(.*)$/.exec(lines[i]!);
		if (!open) continue;
		const indent = open[1]!.length;
		const body: string[] = [];
		let j = i + 1;
		for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.slice(indent));
		found.push({info: open[2]!.trim(), body: body.join('\n'), line: i + 1});
		i = j;
	}
	return found;
}

function runnable(file: string): Block[] {
	const blocks = fences(readFileSync(join(root, file), 'utf8'));
	return blocks.flatMap((block, i) =>
		block.info === 'sh runnable'
			? [{file, line: block.line, script: block.body, output: blocks[i + 1]?.info === 'text output' ? blocks[i + 1]!.body : null}]
			: [],
	);
}

const blocks = documents.flatMap(runnable);
const columns = (text: string) =>
	text
		.trim()
		.split('\n')
		.map(line => line.trim().split(/\s+/).join(' '));

/** A folder to run a block in: the repository's demo-data beside it, m365-licenses on the PATH as the bundle. */
function workspace(): {cwd: string; bin: string} {
	const cwd = mkdtempSync(join(tmpdir(), 'm365-licenses-docs-'));
	symlinkSync(join(root, 'demo-data'), join(cwd, 'demo-data'));
	const bin = join(cwd, '.bin');
	mkdirSync(bin);
	writeFileSync(join(bin, 'm365-licenses'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(bundle)} "$@"\n`);
	chmodSync(join(bin, 'm365-licenses'), 0o755);
	return {cwd, bin};
}

describe('the commands in the README and docs/', () => {
	it("are found: the README's tour and the scripting page have some, and their output is shown", () => {
		expect(blocks.filter(block => block.file === 'README.md').length).toBeGreaterThanOrEqual(2);
		expect(blocks.filter(block => block.file === 'docs/scripting.md').length).toBeGreaterThanOrEqual(4);
		expect(blocks.filter(block => block.output !== null).length).toBeGreaterThanOrEqual(3);
	});

	it.each(blocks.map(block => [`${block.file}:${block.line}`, block] as const))('%s runs, exit 0, printing what is shown', (_, block) => {
		requireBundle();
		const {cwd, bin} = workspace();
		const home = freshHome();
		const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', block.script], {
			cwd,
			encoding: 'utf8',
			env: {PATH: `${bin}:${process.env['PATH']}`, ...home.env, M365_LICENSES_LANG: 'en', LANG: 'C.UTF-8'},
		});
		expect(result.stderr).not.toMatch(/command not found|Usage:/);
		expect(result.status, result.stderr).toBe(0);
		if (block.output !== null) expect(columns(result.stdout)).toEqual(columns(block.output));
	});
});
