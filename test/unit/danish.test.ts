// Danish as a Danish admin reads it: each class of grammar the text module gets right in one place,
// tested through that place and through the sentences that use it.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {LocalTenant} from '../../source/backends/local-tenant.js';
import {endpointsOf} from '../../source/open-tenant.js';
import {readUsersFile} from '../../source/commands/users-file.js';
import type {Consequence, UserConsequences} from '../../source/domain/consequences.js';
import {jsonErrorPlace} from '../../source/domain/json-place.js';
import {planUnassign, type OutcomeCounts} from '../../source/domain/plan.js';
import {da, ejefald} from '../../source/text/da.js';
import {setLanguage, strings} from '../../source/text/index.js';
import {commandFiles} from '../../source/ui/components/commands-text.js';
import {guideReport} from '../../source/ui/guide-text.js';
import {helpLines} from '../../source/ui/screens/HelpScreen.js';
import {namesOf} from '../../source/ui/use-apply.js';
import {texts} from '../helpers/english.js';
import {demoTenant, sku, tempStateDir, userByName} from '../helpers/tenant.js';

afterEach(() => setLanguage('en'));

describe('the genitive of a name', () => {
	it('takes s, or after s, x or z only an apostrophe', () => {
		expect(ejefald('Adele Vance')).toBe('Adele Vances');
		expect(ejefald('Søren Kierkegaard')).toBe('Søren Kierkegaards');
		expect(ejefald('Ben Walters')).toBe("Ben Walters'");
		expect(ejefald('Agnès')).toBe("Agnès'");
		expect(ejefald('Max')).toBe("Max'");
		expect(ejefald('Felix')).toBe("Felix'");
		expect(ejefald('Fritz')).toBe("Fritz'");
		expect(ejefald('LUIS')).toBe("LUIS's");
	});

	it("takes 's after an address, an abbreviation in capitals or a number", () => {
		expect(ejefald('lee.gu@contoso.com')).toBe("lee.gu@contoso.com's");
		expect(ejefald('HR')).toBe("HR's");
		expect(ejefald('Team 7')).toBe("Team 7's");
		expect(ejefald('J. Smith')).toBe('J. Smiths');
	});

	it('is what every sentence with a name in the genitive uses', () => {
		expect(da.guide.aloud.hold('Ben Walters')).toMatch(/^Ben Walters' postkasse /);
		expect(da.guide.aloud.hold('Alex Wilber')).toMatch(/^Alex Wilbers postkasse /);
		expect(da.product.selfServiceBeside('Max')).toContain("Max' selvbetjeningskøb");
		// No genitive made by hand: a name followed by a bare s.
		const source = readFileSync(new URL('../../source/text/da.ts', import.meta.url), 'utf8').replace(/export function ejefald[\s\S]*?\n\}\n/, '');
		expect(source).toContain('ejefald(name)');
		expect(source.match(/\$\{[^}]+\}s\b/g) ?? []).toEqual([]);
	});
});

describe("the terms of Microsoft's Danish article and admin center", () => {
	it('roles as the Danish admin center names them, whatever name Graph gives', () => {
		expect(da.readOnly.banner('lee.gu@contoso.com', ['Helpdesk Administrator'])).toBe(
			'Kun læseadgang: lee.gu@contoso.com er Helpdesk-administrator; licensændringer kræver rollen Global administrator, Licensadministrator eller Brugeradministrator.',
		);
		expect(
			da.cli.mayNot('lee.gu@contoso.com', ['Helpdesk Administrator', 'Attack Simulation Administrator'], 'unassign', [
				'Global Administrator',
				'License Administrator',
				'User Administrator',
			]),
		).toBe(
			'lee.gu@contoso.com (Helpdesk-administrator, Attack Simulation Administrator) må ikke fjerne tildeling af licenser: det kræver rollen Global administrator, Licensadministrator eller Brugeradministrator.',
		);
	});

	it('one word for each thing: Brugernavn, Opdater, kun læseadgang, permanent, licenser til, Hvad sker der?', () => {
		expect(da.users.upn).toBe('Brugernavn');
		expect(da.cli.usersHeader[0]).toBe('Brugernavn');
		expect(da.keys.labels.refresh).toBe('Opdater');
		expect(da.readOnly.badge).toBe('kun læseadgang');
		expect(da.consequences.title).toBe('Hvad sker der?');
		expect(da.guide.aloud.mailbox('2026-12-25')).toBe(
			'Mails bevares i en respitperiode på 30 dage, til 25.12.2026, og slettes derefter permanent. Tildeles en licens igen inden for respitperioden, kommer de tilbage.',
		);
		expect(da.nextSteps.freed(3, 'Microsoft 365 Business Premium', 5)).toBe('3 licenser til Microsoft 365 Business Premium er nu ledige (5 tilgængelige).');
		expect(da.nextSteps.billing(true)).toContain('annulleringsvindue og tilbagevendende fakturering');
		expect(da.cli.help.exitCodes.change).toMatch(/^Afslutningskoder:/);
		expect(da.cli.help.exitCodes.read).toMatch(/^Afslutningskoder:/);
	});
});

const counts = (over: Partial<OutcomeCounts>): OutcomeCounts => ({
	removed: 0,
	assigned: 0,
	updated: 0,
	addOns: 0,
	users: 0,
	skipped: 0,
	failed: 0,
	notSent: 0,
	unknown: 0,
	asked: null,
	...over,
});

describe('grammar, by class, everywhere it occurs', () => {
	const all = texts(da);

	it('people do not fail: a change failed for them', () => {
		expect(all.length).toBeGreaterThan(300);
		expect(all.filter(text => /\d+ (brugere? )?mislykkedes/.test(text))).toEqual([]);
		setLanguage('da');
		expect(strings.outcome.summary(counts({removed: 3, users: 3, failed: 2}), 'Office 365 E3')).toBe(
			'3 licenser til Office 365 E3 fjernet, mislykkedes for 2 brugere.',
		);
		expect(strings.outcome.summary(counts({failed: 2, asked: 'remove'}), 'Office 365 E3')).toBe(
			'Tildelingen af Office 365 E3 er ikke fjernet: mislykkedes for 2 brugere.',
		);
		expect(da.unassign.commandSummary(false, 'Office 365 E3', {wouldRemove: 0, removed: 3, skipped: 1, failed: 2, notSent: 1, unknown: 0})).toBe(
			'Tildelingen af Office 365 E3 er fjernet fra 3 brugere; 1 bruger sprunget over, mislykkedes for 2 brugere, ikke sendt for 1 bruger.',
		);
	});

	it('one user is "brugeren", never "dem"; what an admin does to someone else is not "sin"', () => {
		expect(all.filter(text => /fjern dem fra/.test(text))).toEqual([]);
		expect(da.user.groupReason('Visio Users')).toBe('licenseret via Visio Users; fjern brugeren fra gruppen i stedet');
		expect(da.reclaim.notOffered['group-assigned']('Visio Users')).toBe('via Visio Users: fjern brugeren fra gruppen i stedet');
		expect(da.deleted.question('Ben Walters')).toBe('Gendan Ben Walters med brugerens licenser?');
		// An imperative or a question to the admin never says "sin" or "sine" of the user.
		expect(all.filter(text => /^(Gendan|Fjern|Tildel|Erstat|Gem)\b.*\bsine?\b.*\?$/.test(text))).toEqual([]);
	});

	it('what a user keeps or loses is theirs: the definite form', () => {
		expect(da.consequences.keeps(da.consequences.kind.mailbox, 'Office 365 E1')).toBe('beholder postkassen (Office 365 E1)');
		expect(da.reclaim.reason.notWith('Office 365 E3', 'postkassen og plads i OneDrive')).toBe(
			'ikke sammen med Office 365 E3: fjernes begge, mister brugeren postkassen og plads i OneDrive',
		);
	});

	it('no calque: sentences as a Danish admin writes them', () => {
		const calques = [
			/Hvad det tager/,
			/licenser af /,
			/\bpå på\b/,
			/ingen holdt/,
			/for altid/,
			/tjenesteplan forbliver licenseret/,
			/reduceres til skrivebeskyttet/,
			/for hvilket produkt igen/,
			/Det sendte bliver besvaret/,
			/brugere, der endnu ikke er sendt/,
			/følger med\.$/,
		];
		expect(all.filter(text => calques.some(calque => calque.test(text)))).toEqual([]);
		expect(da.group.takes('Visio Users')).toBe('Det mister brugeren ved at forlade Visio Users:');
		expect(da.group.done('Lidia Holloway', 'Visio Users', 1)).toBe('Lidia Holloway er fjernet fra Visio Users og har dermed mistet 1 licens.');
		expect(da.consequences.explain.teams).toBe('Teams: brugeren har ikke længere licens til Microsoft Teams.');
		expect(da.nextSteps.chooseProduct).toMatch(/^Hvilket produkts frigjorte licenser vil du tildele\?/);
	});

	it('a mailbox on hold: what is deleted, when, what undoes it, and what is kept, each said once', () => {
		const user = {mailboxDeletedOn: '2027-01-06', oneDriveArchivedOn: '2027-03-10', hold: 'litigation-hold', holdsVisible: true} as unknown as UserConsequences;
		const lost = (kind: Consequence['kind']) => da.consequences.phrase(user, {kind, effect: 'lost', from: 'desktop', to: null} as unknown as Consequence);
		expect(lost('mailbox')).toBe(
			'mister postkassen: mails slettes permanent 06.01.2027, medmindre en licens tildeles igen inden da; det, tilbageholdelsen dækker, bevares dog',
		);
		expect(lost('onedrive')).toBe(
			'mister OneDrive: filerne slettes ikke; de arkiveres 10.03.2027, medmindre en licens tildeles igen inden da (ikke i EDU-, GCC- eller DoD-lejere)',
		);
		expect(all.filter(text => /medmindre.*medmindre|undtagen.*medmindre/.test(text))).toEqual([]);
	});

	it('a result says what was done, then the product, then why', () => {
		expect(da.outcome.line('Fjernet', 'Office 365 E3', '')).toBe('Fjernet: Office 365 E3');
		expect(da.outcome.line('Sprunget over', 'Power BI Pro', 'har ikke denne licens')).toBe('Sprunget over: Power BI Pro – har ikke denne licens');
		expect(da.outcome.line('', 'Power BI Pro', 'Ikke sendt: stoppet.')).toBe('Power BI Pro – Ikke sendt: stoppet.');
	});
});

describe('moments as a Danish admin reads them: 07.12.2026 kl. 02:24 (UTC), never ISO', () => {
	it('in the guide report and the saved commands files', () => {
		setLanguage('da');
		const tenant = demoTenant();
		const alex = userByName(tenant, 'Alex Wilber');
		const report = guideReport({
			tenant,
			admin: tenant.signedInUser,
			product: {skuId: sku.businessPremium, skuPartNumber: 'SPB', name: 'Microsoft 365 Business Premium'},
			startedAt: new Date('2026-12-07T02:24:07.917Z'),
			finishedAt: new Date('2026-12-07T02:25:41.002Z'),
			shown: [],
			outcomes: [
				{
					userId: alex.id,
					userPrincipalName: alex.userPrincipalName,
					skuId: sku.businessPremium,
					requested: 'remove',
					outcome: 'removed',
					reason: null,
					message: null,
				},
			],
			names: namesOf(tenant),
		});
		expect(report).toContain('- Startet: 07.12.2026 kl. 02:24 (UTC)\n- Afsluttet: 07.12.2026 kl. 02:25 (UTC)\n');
		const files = commandFiles(
			planUnassign(tenant, [alex.id], [sku.businessPremium]),
			'https://graph.microsoft.com',
			'Contoso',
			new Date('2026-12-07T02:24:07.917Z'),
		);
		for (const file of [files.sh, files.ps1]) expect(file).toContain('07.12.2026 kl. 02:24 (UTC)');
		for (const text of [report, files.sh, files.ps1]) expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d/);
	});

	it('who holds the state directory, and a change settled at start-up', () => {
		expect(da.cli.lockHolder('unassign', 4242, 'vm', '2026-12-07T05:21:24.181Z')).toBe(
			'm365-licenses unassign (pid 4242 på vm, siden 07.12.2026 kl. 05:21 (UTC))',
		);
		expect(da.recovered({time: '2026-12-07T02:24:07.917Z', done: 3, notDone: 1})).toMatch(
			/^En ændring, der blev afbrudt 07\.12\.2026 kl\. 02:24 \(UTC\), er afklaret/,
		);
	});
});

describe('what a library says in English is said in Danish, with what was wrong and where', () => {
	const file = (name: string, text: string) => {
		const path = join(tempStateDir(), name);
		writeFileSync(path, text);
		return path;
	};

	it('JSON.parse: the line and column it stopped at', async () => {
		expect(jsonErrorPlace('{"a":1,}', 'Expected double-quoted property name in JSON at position 7')).toEqual({line: 1, column: 8, end: false});
		expect(jsonErrorPlace('{\n  "a": 1\n  "b": 2\n}', "Expected ',' or '}' after property value in JSON at position 13 (line 3 column 3)")).toEqual({
			line: 3,
			column: 3,
			end: false,
		});
		expect(jsonErrorPlace('{"a": [1,\n', 'Unexpected end of JSON input')).toEqual({line: 1, column: 10, end: true});
		// An unexpected token: found by the ten characters V8 quotes on either side of it, wherever it is.
		for (const text of [
			'{"a": x}',
			'{"a": 1, "b": x, "c": 3, "d": 4}',
			'{"organization": {"id": "x"}, "users": [x]}',
			'{"a": [\n1,\n,2]}',
			'[x, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]',
		]) {
			const message = (() => {
				try {
					JSON.parse(text);
				} catch (error) {
					return (error as Error).message;
				}
				throw new Error(`${text} parsed`);
			})();
			const place = jsonErrorPlace(text, message);
			expect(place, message).not.toBeNull();
			const offset =
				text
					.split('\n')
					.slice(0, place!.line - 1)
					.join('\n').length +
				(place!.line > 1 ? 1 : 0) +
				place!.column -
				1;
			expect(text[offset], message).toMatch(/[x,]/);
		}
		expect(jsonErrorPlace('{"a": x}', 'Unexpected token')).toBeNull();
		setLanguage('da');
		const bad = file('tenant.json', '{\n  "organization": {},\n  "users": [,]\n}');
		await expect(new LocalTenant(bad, 'snapshot').load()).rejects.toThrow(`Lejerfilen ${bad}: er ikke gyldig JSON (linje 3, kolonne 13)`);
		const cut = file('cut.json', '{"organization": {"id": "x"');
		await expect(new LocalTenant(cut, 'snapshot').load()).rejects.toThrow(`Lejerfilen ${cut}: er ikke gyldig JSON: filen slutter midt i den (linje 1)`);
	});

	it('csv-parse: the problem by its code', () => {
		setLanguage('da');
		const users = file('users.csv', 'userPrincipalName\n"alex.wilber@contoso.com\n');
		expect(() => readUsersFile(users)).toThrow(`--users-file ${users}: er ikke en gyldig CSV (linje 2): et anførselstegn lukkes aldrig`);
	});

	it('a Graph address that is not one (new URL said "Invalid URL")', () => {
		setLanguage('da');
		expect(() => endpointsOf({graph: true, reset: false, graphEndpoint: 'foo'})).toThrow(
			'--graph-endpoint foo: angiv en webadresse som https://graph.example.com. Se m365-licenses --help.',
		);
		expect(endpointsOf({graph: true, reset: false, graphEndpoint: 'http://127.0.0.1:8080/'}).graph).toBe('http://127.0.0.1:8080');
	});
});

describe('help: a label longer than its column goes on under its keys', () => {
	it('in Danish at 80 columns (two columns of 38), nothing cut', () => {
		setLanguage('da');
		const lines = helpLines({contexts: ['licenses', 'list'], handlers: {}}, 38);
		const at = lines.findIndex(line => line.kind === 'key' && line.keys === 'ctrl+c');
		expect(lines.slice(at, at + 3)).toEqual([
			{kind: 'key', keys: 'ctrl+c', label: 'Afslut (stopper og gemmer'},
			{kind: 'key', keys: '', label: 'først en ændring, der'},
			{kind: 'key', keys: '', label: 'sendes)'},
		]);
		expect(lines.filter(line => line.kind === 'key' && line.label.length > 39 - 12)).toEqual([]);
	});
});
