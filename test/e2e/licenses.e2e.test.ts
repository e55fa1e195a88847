import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {englishOn} from '../helpers/english.js';
import {tempStateDir} from '../helpers/tenant.js';
import {requireBundle, requireTmux, TmuxSession} from '../helpers/tmux.js';

const run = requireTmux();
let session: TmuxSession | undefined;
afterEach(() => session?.kill());

function businessPremiumRow(screen: string): number[] {
	const line = screen.split('\n').find(l => l.includes('Microsoft 365 Business Premium'))!;
	return line
		.replace(/.*Microsoft 365 Business Premium/, '')
		.trim()
		.split(/\s+/)
		.map(Number);
}

describe.runIf(run)('the built app in a terminal at 80×24', () => {
	// The same flow in each language: what the screens say, and that a Danish one says no English word.
	const say = {
		en: {
			help: '? Help',
			product: 'Licenses › Microsoft 365 Business Premium',
			selected: '2 selected',
			question: 'Unassign Microsoft 365 Business Premium from 2 users?',
			cancel: '[ Cancel ]',
			done: '2 licenses of Microsoft 365 Business Premium unassigned.',
			next: 'Next steps',
			after: 'Assigned 9 · Available 4 · Total 13',
		},
		da: {
			help: '? Hjælp',
			product: 'Licenser › Microsoft 365 Business Premium',
			selected: '2 valgt',
			question: 'Fjern tildeling af Microsoft 365 Business Premium fra 2 brugere?',
			cancel: '[ Annuller ]',
			done: '2 licenser til Microsoft 365 Business Premium fjernet.',
			next: 'Næste trin',
			after: 'Tildelt 9 · Tilgængelige 4 · I alt 13',
		},
	};
	it.each(['en', 'da'] as const)('unassigns two Business Premium licenses by keys, and the change survives a restart (%s)', async lang => {
		requireBundle();
		const words = say[lang];
		const stateDir = tempStateDir();
		const seen: string[] = [];
		const open = (...args: string[]) =>
			new TmuxSession(['--state-dir', stateDir, '--lang', lang, ...args], {}, {record: join(tempStateDir(), 'terminal.bytes')});
		// A screen with every one of the texts: one caught while the app is still drawing its frame has
		// the first lines and not the last (under load, tmux shows such a screen).
		const waitFor = async (...texts: string[]) => {
			const screen = await session!.waitFor(shown => texts.every(text => shown.includes(text)));
			seen.push(screen);
			return screen;
		};
		session = open();
		let screen = await waitFor('Microsoft 365 Business Premium');
		expect(businessPremiumRow(screen)).toEqual([11, 2, 13]);
		// Every line the app drew fits in 80 columns (the rule under the header takes them all), and the footer is on screen.
		expect(session.widestLine()).toBe(80);
		expect(screen).toContain(words.help);
		// The product names keep their room: the number columns are as wide as their headings need.
		expect(screen).toContain('Exchange Online Archiving for Exchange Online ');

		session.keys('j', 'j', 'j', 'Enter');
		await waitFor(words.product);
		session.keys('Space', 'j', 'Space');
		await waitFor(words.selected);
		session.keys('u');
		screen = await waitFor(words.question, words.cancel);
		expect(screen).toContain(words.cancel);
		session.keys('y');
		screen = await waitFor(words.done, words.next);
		expect(screen).toContain(words.next);
		session.keys('Enter');
		await waitFor(words.after);
		if (lang === 'da') expect(seen.flatMap(screen => englishOn(screen))).toEqual([]);

		session.keys('q');
		expect(await session.exitStatus()).toBe(0);
		session.kill();

		session = open();
		screen = await session.waitFor('Microsoft 365 Business Premium');
		expect(businessPremiumRow(screen)).toEqual([9, 4, 13]);
		session.keys('q');
		expect(await session.exitStatus()).toBe(0);
		session.kill();

		// --reset brings the demo back.
		session = open('--reset');
		screen = await session.waitFor('Microsoft 365 Business Premium');
		expect(businessPremiumRow(screen)).toEqual([11, 2, 13]);
	});

	it('draws every frame even where CI is set: Ink would draw only the last one', async () => {
		requireBundle();
		session = new TmuxSession(['--state-dir', tempStateDir()], {CI: 'true', CONTINUOUS_INTEGRATION: '1'});
		await session.waitFor('Microsoft 365 Business Premium');
		session.keys('j', 'j', 'j', 'Enter');
		await session.waitFor('Licenses › Microsoft 365 Business Premium');
	});

	it('acts on keys typed while it starts, enter included', async () => {
		requireBundle();
		session = new TmuxSession(['--state-dir', tempStateDir()]);
		// Typed at once, before the first frame: the terminal is still in line mode.
		session.keys('j', 'j', 'j', 'Enter');
		await session.waitFor('Licenses › Microsoft 365 Business Premium');
	});

	it('follows a terminal resize', async () => {
		requireBundle();
		session = new TmuxSession(['--state-dir', tempStateDir()]);
		await session.waitFor('Microsoft 365 Business Premium');
		session.resize(100, 30);
		// The rule under the header spans the new width: "── Contoso Ltd " and 85 more.
		const screen = await session.waitFor(/── Contoso Ltd ─{85}$/m);
		expect(screen).toContain('Microsoft 365 Business Premium');
	});
});
