import {readFileSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {englishOn} from '../helpers/english.js';
import {tempStateDir} from '../helpers/tenant.js';
import {requireBundle, requireTmux, TmuxSession} from '../helpers/tmux.js';

const run = requireTmux();
let session: TmuxSession | undefined;
afterEach(() => session?.kill());

// What the guide says in each language, on screen and in its report; a Danish one says no English word.
const say = {
	en: {
		step1: 'Step 1 of 4: choose a product',
		choose: 'enter Choose',
		step2: 'Step 2 of 4: choose users',
		step3: 'Step 3 of 4: read what happens',
		intro: 'You are about to remove Microsoft 365 Business Premium from Alex Wilber.',
		loses: /Alex Wilber will lose their mailbox, their archive mailbox, OneDrive, Office\s+apps and Teams\./,
		step4: 'Step 4 of 4: confirm',
		finished: 'Finished',
		saved: /Report saved:\s+(\S+)/,
		leaving: /Guided unassign report: (\S+)/,
		report: [
			'# Guided unassign report',
			'| alex.wilber@contoso.com | Microsoft 365 Business Premium | Unassigned |  |',
			'Email is kept for 30 days',
			'The archive mailbox goes with the license that gave it.',
		],
	},
	da: {
		step1: 'Trin 1 af 4: vælg et produkt',
		choose: 'enter Vælg',
		step2: 'Trin 2 af 4: vælg brugere',
		step3: 'Trin 3 af 4: læs, hvad der sker',
		intro: 'Du er ved at fjerne Microsoft 365 Business Premium fra Alex Wilber.',
		loses: /Alex Wilber mister sin postkasse, sin arkivpostkasse, OneDrive, Office-apps\s+og\s+Teams\./,
		step4: 'Trin 4 af 4: bekræft',
		finished: 'Færdig',
		saved: /Rapporten er gemt:\s+(\S+)/,
		leaving: /Rapport over guidet fjernelse: (\S+)/,
		report: [
			'# Rapport over guidet fjernelse',
			'| alex.wilber@contoso.com | Microsoft 365 Business Premium | Fjernet |  |',
			'Mails bevares i en respitperiode på 30 dage, til ',
			'Arkivpostkassen følger den licens, der gav den.',
		],
	},
};

describe.runIf(run)('m365-licenses guide, by keys at 80×24', () => {
	it.each(['en', 'da'] as const)('a guided unassign from the first step to the report file (%s)', async lang => {
		requireBundle();
		const words = say[lang];
		const stateDir = tempStateDir();
		const seen: string[] = [];
		const waitFor = async (text: string | RegExp) => {
			const screen = await session!.waitFor(text);
			seen.push(screen);
			return screen;
		};
		session = new TmuxSession(['guide', '--state-dir', stateDir], lang === 'da' ? {M365_LICENSES_LANG: '', LANG: 'da_DK.UTF-8'} : {});
		let screen = await waitFor(words.step1);
		expect(screen).toContain(words.choose);

		// Exchange Online (Plan 1), its Archiving add-on, Business Basic, Business Premium.
		session.keys('j', 'j', 'j', 'Enter');
		await waitFor(words.step2);
		session.keys('Space', 'Enter');
		screen = await waitFor(words.step3);
		expect(screen).toContain(words.intro);
		expect(screen).toMatch(words.loses);
		session.keys('Enter');
		await waitFor(words.step4);
		session.keys('y');
		screen = await waitFor(words.finished);
		const path = words.saved.exec(screen)?.[1];
		expect(path).toBeDefined();

		session.keys('q');
		expect(await session.exitStatus()).toBe(0);
		const printed = words.leaving.exec(session.joinedScreen())?.[1];
		expect(printed).toBe(path);
		expect(printed).toMatch(new RegExp(`^${stateDir}/reports/guided-unassign-\\d{8}-\\d{6}\\.md$`));
		const report = readFileSync(printed!, 'utf8');
		for (const line of words.report) expect(report).toContain(line);
		if (lang === 'da') expect([...seen, report].flatMap(screen => englishOn(screen))).toEqual([]);
	});
});
