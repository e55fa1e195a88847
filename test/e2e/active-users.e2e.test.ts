import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {englishOn} from '../helpers/english.js';
import {tempStateDir} from '../helpers/tenant.js';
import {requireBundle, requireTmux, TmuxSession} from '../helpers/tmux.js';

const run = requireTmux();
let session: TmuxSession | undefined;
afterEach(() => session?.kill());

/** The built app on a state directory, at 80×24, on Active users. */
async function openActiveUsers(stateDir: string, lang: 'en' | 'da' = 'en'): Promise<TmuxSession> {
	requireBundle();
	const app = new TmuxSession(['--state-dir', stateDir, '--lang', lang], {}, {record: join(tempStateDir(), 'terminal.bytes')});
	await app.waitFor('Microsoft 365 Business Premium');
	app.keys('2');
	await app.waitFor(say[lang].users);
	return app;
}

// What the screens say in each language; a Danish screen says no English word.
const say = {
	en: {
		users: 'Active users (47 users)',
		user: 'Active users › Nestor Wilke',
		removed: '* will be removed',
		question: 'Save these changes for Nestor Wilke?',
		keeps: 'Nestor Wilke: mailbox reduced from 100 GB to 50 GB;',
		change: '− Unassign Office 365 E3',
		done: '1 license unassigned from Nestor Wilke.',
		next: 'Next steps',
		after: /\[ \] Office 365 E3\s+8 available/,
		filtered: 'Active users (1 of 47 users)',
	},
	da: {
		users: 'Aktive brugere (47 brugere)',
		user: 'Aktive brugere › Nestor Wilke',
		removed: '* fjernes',
		question: 'Gem disse ændringer for Nestor Wilke?',
		keeps: 'Nestor Wilke: postkassen reduceres fra 100 GB til 50 GB;',
		change: '− Fjern tildeling af Office 365 E3',
		done: '1 licens fjernet fra Nestor Wilke.',
		next: 'Næste trin',
		after: /\[ \] Office 365 E3\s+8 tilgængelige/,
		filtered: 'Aktive brugere (1 af 47 brugere)',
	},
};

describe.runIf(run)('Active users in a terminal at 80×24', () => {
	it.each(['en', 'da'] as const)("one user's Licenses and apps: untick, Save changes, y; still so after a restart (%s)", async lang => {
		const words = say[lang];
		const stateDir = tempStateDir();
		const seen: string[] = [];
		session = await openActiveUsers(stateDir, lang);
		const waitFor = async (text: string | RegExp) => {
			const screen = await session!.waitFor(text);
			seen.push(screen);
			return screen;
		};
		session.keys('/', 'nestor', 'Enter');
		await waitFor('filter: nestor');
		session.keys('Enter');
		let screen = await waitFor(words.user);
		expect(screen).toMatch(/\[x\] Office 365 E3/);
		expect(session.widestLine()).toBe(80);

		// Exchange Online (Plan 1), its Archiving add-on, Business Basic, Business Premium, then Office 365 E3.
		session.keys('j', 'j', 'j', 'j', 'Space');
		await waitFor(words.removed);
		session.keys('s');
		screen = await waitFor(words.question);
		// What happens first: at 80 columns the sentence wraps, the mailbox is kept at Plan 1's size.
		expect(screen).toContain(words.keeps);
		// Scroll to the changes.
		session.keys('j', 'j', 'j');
		expect(await waitFor(words.change)).toContain(words.change);
		session.keys('y');
		await waitFor(words.done);
		await waitFor(words.next);
		session.keys('Enter');
		await waitFor(words.after);
		if (lang === 'da') expect(seen.flatMap(screen => englishOn(screen))).toEqual([]);
		session.keys('q');
		expect(await session.exitStatus()).toBe(0);
		session.kill();

		session = new TmuxSession(['--state-dir', stateDir, '--lang', lang]);
		screen = await session.waitFor('Microsoft 365 Business Premium');
		expect(screen).toMatch(/Office 365 E3\s+17\s+8\s+25/);
		session.keys('2');
		await session.waitFor(words.users);
		session.keys('/', 'nestor', 'Enter');
		screen = await session.waitFor(words.filtered);
		const nestor = screen.split('\n').find(line => line.includes('nestor.wilke@contoso.com'))!;
		expect(nestor).toContain('Exchange Online');
		expect(nestor).not.toContain('E3');
	});

	it('filters and sorts by keys, turns an app off through the confirmation, and waits out a terminal too small', async () => {
		session = await openActiveUsers(tempStateDir());
		// f: the filters, the keys coming together as tmux sends them.
		session.keys('f');
		await session.waitFor('Filter: which users to show');
		session.keys('j', 'j', 'Enter');
		await session.waitFor('Active users (3 of 47 users) · Unlicensed users');
		session.keys('f', 'k', 'k', 'Enter');
		await session.waitFor('Active users (47 users)');
		session.keys('o', 'j', 'Enter');
		let screen = await session.waitFor('sorted by username');
		expect(screen).toMatch(/›\[ \] Adele Vance\s+adele\.vance@contoso\.com/);

		// Adele Vance: Office 365 E3's Teams turned off.
		session.keys('Enter');
		await session.waitFor('Active users › Adele Vance');
		session.keys('j', 'j', 'j', 'j', 'Right');
		screen = await session.waitFor('Apps: space turns one off or on');
		// Down the product's apps, a key at a time (each move read), to Microsoft Teams.
		const cursorLine = (text: string) => text.split('\n').find(line => line.startsWith('›')) ?? '';
		for (let step = 0; !/\] Microsoft Teams\s*$/.test(cursorLine(screen)) && step < 60; step++) {
			const before = cursorLine(screen);
			session.keys('j');
			screen = await session.waitFor(now => cursorLine(now) !== before);
		}
		session.keys('Space', 's');
		screen = await session.waitFor('Save these changes for Adele Vance?');
		expect(screen).toContain('1 user loses Teams');
		session.keys('y');
		await session.waitFor('Apps changed in 1 license of Adele Vance.');

		// Too small, then as before.
		session.resize(40, 12);
		screen = await session.waitFor('Terminal too small');
		expect(screen.replace(/\s+/g, ' ')).toContain('needs 60×16, now 40×12');
		session.resize(80, 24);
		screen = await session.waitFor('Active users › Adele Vance');
		expect(screen).toMatch(/\[ \] Microsoft Teams/);
		session.keys('q');
		expect(await session.exitStatus()).toBe(0);
	});
});
