// Every text field (the / filter, the username typed to delete a user, the guide's search) is one
// component with a shell's line keys: Ctrl-U, Ctrl-W, Ctrl-A, Ctrl-E, Ctrl-K, Alt-B, Alt-F.
import {afterEach, describe, expect, it} from 'vitest';
import {keys, openDemo} from '../helpers/ink.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const ctrl = (letter: string) => String.fromCodePoint(letter.codePointAt(0)! - 96);
const alt = (letter: string) => `\u001B${letter}`;

async function start() {
	const app = await openDemo({columns: 80, rows: 24});
	cleanup = app.unmount;
	return app;
}

/** The field's line, the cursor's cell taken out (it is drawn inverse: the frame shows its character). */
const fieldLine = (frame: string, prompt: string) => frame.split('\n').find(line => line.includes(prompt)) ?? '';

describe('text fields take the line keys of a shell', () => {
	it('in the / filter: Ctrl-W, Ctrl-U, Ctrl-A, Ctrl-E, Ctrl-K, Alt-B and Alt-F edit, not type letters', async () => {
		const app = await start();
		await app.press('2', '/', ...'megan bowen');
		await app.waitFor('Filter: megan bowen');
		await app.press(ctrl('w'));
		await app.waitFor(frame => fieldLine(frame, 'Filter:').includes('Filter: megan  ') && !fieldLine(frame, 'Filter:').includes('bowen'));
		await app.press(ctrl('u'));
		await app.waitFor(frame => !fieldLine(frame, 'Filter:').includes('megan'));
		expect(fieldLine(app.frame(), 'Filter:')).not.toMatch(/Filter: \S/);
		// Typed at the start after Ctrl-A; Ctrl-E back to the end.
		await app.press(...'bowen', ctrl('a'), ...'megan ', ctrl('e'), '!');
		await app.waitFor('Filter: megan bowen!');
		// Alt-B twice to the start of "megan", Alt-F to its end, Ctrl-K the rest.
		await app.press(alt('b'), alt('b'), alt('f'), ctrl('k'));
		await app.waitFor(frame => fieldLine(frame, 'Filter:').includes('Filter: megan ') && !fieldLine(frame, 'Filter:').includes('bowen'));
		await app.press(keys.enter);
		await app.waitFor('Megan Bowen');
	});

	it('in Delete user, the username typed to confirm', async () => {
		const app = await start();
		await app.press('2', 'j', 'D');
		await app.waitFor('Username:');
		await app.press(...'aiko.tanaka@contoso.com', ctrl('w'));
		await app.waitFor(frame => !frame.includes('Username: aiko.tanaka@contoso.com'));
		await app.press(ctrl('u'));
		await app.waitFor(frame => !/Username: \S/.test(frame));
	});
});
