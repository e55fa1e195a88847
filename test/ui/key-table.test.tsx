// The key table is data: each binding's keys say both what it matches and what the footer and help
// show. Read through Ink's own input parsing, every key shown matches, and every key that matches is
// shown, for every binding.
import {useInput, type Key} from 'ink';
import {render} from 'ink-testing-library';
import {beforeAll, describe, expect, it} from 'vitest';
import {helpLines} from '../../source/ui/screens/HelpScreen.js';
import {isPressed, keysText, keyText, keyTable, matches, type KeySpec} from '../../source/ui/keys.js';
import {waitForFrame} from '../helpers/ink.js';

/** What the terminal sends for each key the table can name. */
const sent: Record<string, string> = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	return: '\r',
	escape: '\u001B',
	tab: '\t',
	space: ' ',
};
const printable = Array.from({length: 0x7e - 0x21 + 1}, (_, i) => String.fromCodePoint(0x21 + i));
const ctrlLetters = [...'abcdefghklnopqrstuvwxyz'];

/** Every key the terminal can send that the table could mean, and some it must not: [as shown, as sent]. */
const universe: Array<[shown: string | null, sequence: string]> = [
	...Object.entries(sent).map(([name, sequence]): [string, string] => [keyText({key: name}), sequence]),
	...printable.map((char): [string, string] => [keyText({key: char}), char]),
	...ctrlLetters.map((letter): [string, string] => [keyText({key: letter, ctrl: true}), String.fromCodePoint(letter.codePointAt(0)! - 96)]),
	// Not in the table, so matched by nothing: shift+tab, alt+j, alt+↓, ctrl+↑, shift+→, backspace, delete, F1.
	...['\u001B[Z', '\u001Bj', '\u001B\u001B[B', '\u001B[1;5A', '\u001B[1;2C', '\u007F', '\u001B[3~', '\u001BOP'].map((sequence): [null, string] => [
		null,
		sequence,
	]),
];

/** Each sequence as Ink reports it to its listeners. */
const heard = new Map<string, {input: string; key: Key}>();

function Listener({onKey}: {onKey: (input: string, key: Key) => void}) {
	useInput(onKey);
	return null;
}

beforeAll(async () => {
	let last: {input: string; key: Key} | null = null;
	const app = render(<Listener onKey={(input, key) => (last = {input, key})} />);
	for (const [, sequence] of universe) {
		last = null;
		app.stdin.write(sequence);
		await waitForFrame(
			() => (last ? 'heard' : ''),
			frame => frame === 'heard',
			`Ink to hear ${JSON.stringify(sequence)}`,
		);
		heard.set(sequence, last!);
	}
	app.unmount();
});

const typed = (spec: KeySpec) => spec.key === 'typed';

describe('the key table', () => {
	it('every key shown matches its binding', () => {
		for (const binding of keyTable) {
			for (const spec of binding.keys.filter(spec => !typed(spec))) {
				const entry = universe.find(([shown]) => shown === keyText(spec));
				expect(entry, `${binding.context}.${binding.id}: ${keyText(spec)} is a key the terminal sends`).toBeDefined();
				const {input, key} = heard.get(entry![1])!;
				expect(isPressed(spec, input, key), `${binding.context}.${binding.id}: ${keyText(spec)}`).toBe(true);
			}
		}
	});

	it('every key that matches a binding is shown with it (a text field takes every key: abc…)', () => {
		for (const binding of keyTable.filter(binding => !binding.keys.some(typed))) {
			const shown = binding.keys.map(keyText);
			const matched = universe.filter(([, sequence]) => matches(binding, heard.get(sequence)!.input, heard.get(sequence)!.key));
			for (const [name, sequence] of matched) expect(shown, `${binding.context}.${binding.id} matches ${name ?? JSON.stringify(sequence)}`).toContain(name);
			expect(matched.length, `${binding.context}.${binding.id}`).toBe(shown.length);
		}
	});

	it('help shows every binding with its keys as the table says them', () => {
		const lines = helpLines({contexts: [], handlers: {}}, 80);
		for (const binding of keyTable)
			expect(lines, `${binding.context}.${binding.id}`).toContainEqual(expect.objectContaining({kind: 'key', keys: keysText(binding)}));
	});
});
