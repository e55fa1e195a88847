// The scriptable subcommands, run from the built bundle without a terminal, on a generated snapshot.
import {execFileSync, spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import {expectShape} from '../helpers/schema.js';
import {tempStateDir} from '../helpers/tenant.js';
import {bundle, hasTmux, requireBundle, TmuxSession} from '../helpers/tmux.js';

let snapshot: string;
let tenant: {
	users: Array<{
		id: string;
		userPrincipalName: string;
		assignedLicenses: Array<{skuId: string}>;
		licenseAssignmentStates: Array<{skuId: string; assignedByGroup: string | null}>;
	}>;
};
beforeAll(() => {
	snapshot = join(tempStateDir(), 'fabrikam.json');
	execFileSync(process.execPath, [fileURLToPath(new URL('../../source/tools/generate-snapshot.mjs', import.meta.url)), '400', snapshot, '--seed', '7']);
	tenant = JSON.parse(readFileSync(snapshot, 'utf8'));
});

function cli(args: string[], stateDir: string, input?: string) {
	requireBundle();
	const result = spawnSync(process.execPath, [bundle, ...args, '--tenant', snapshot, '--state-dir', stateDir], {encoding: 'utf8', input});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}
const json = (result: {stdout: string}) => JSON.parse(result.stdout);

const SPB = 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46';
const holdersOf = (skuId: string) => tenant.users.filter(u => u.licenseAssignmentStates.some(s => s.skuId === skuId && s.assignedByGroup === null));

describe('licenses', () => {
	it('--json: the documented shape, totals summed over subscriptions, exit 0', () => {
		const result = cli(['licenses', '--json'], tempStateDir());
		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
		const data = json(result);
		expectShape('licenses', data);
		expect(data.tenant.displayName).toBe('Fabrikam, Inc.');
		for (const product of data.products) {
			expect(product.total).toBe(product.subscriptions.reduce((sum: number, s: {totalLicenses: number}) => sum + s.totalLicenses, 0));
			expect(product.available).toBe(product.total - product.assigned);
		}
	});

	it('without --json: an aligned table', () => {
		const result = cli(['licenses'], tempStateDir());
		expect(result.stdout.split('\n')[0]).toMatch(/^Product\s+Part number\s+Assigned\s+Available\s+Total$/);
		// Product names as the app shows them, wrapped so every line fits 80 columns; nothing cut off.
		expect(result.stdout).toMatch(/Microsoft 365 Business\s+SPB\s+\d+\s+\d+\s+\d+\nPremium\n/);
		for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
	});
});

describe('users', () => {
	it('--product keeps the holders; licenses say direct or through which groups', () => {
		const result = cli(['users', '--product', 'Microsoft 365 Business Premium', '--json'], tempStateDir());
		expect(result.status).toBe(0);
		const data = json(result);
		expectShape('users', data);
		expect(data.users.length).toBe(tenant.users.filter(u => u.assignedLicenses.some(l => l.skuId === SPB)).length);
		const all = json(cli(['users', '--json'], tempStateDir()));
		expect(all.users).toHaveLength(400);
		const viaGroup = all.users
			.flatMap((u: {licenses: Array<{direct: boolean; viaGroups: string[]}>}) => u.licenses)
			.find((l: {viaGroups: string[]}) => l.viaGroups.length > 0);
		expect(viaGroup.viaGroups).toHaveLength(1);
	});
});

describe('on the demo, in plain text: product names, groups, a part of a name, 80 columns', () => {
	const demo = (args: string[]) => {
		requireBundle();
		const result = spawnSync(process.execPath, [bundle, ...args, '--state-dir', tempStateDir()], {encoding: 'utf8'});
		return {status: result.status, stdout: result.stdout, stderr: result.stderr};
	};
	const fits = (text: string) => text.split('\n').every(line => line.length <= 80);

	it('users: product names, each license on its line with the group that gives it; part of a name in any case', () => {
		const result = demo(['users', '--product', 'visio PLAN']);
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/grady\.archie@contoso\.com\s+Grady Archie\s+allowed\s+Office 365 E3\n\s+Visio Plan 2 \(via Visio\s*\n?\s*Users\)/);
		expect(result.stdout).not.toContain('VISIOCLIENT');
		expect(fits(result.stdout)).toBe(true);
	});

	it('--product matching several products or none lists the candidates, exit 2', () => {
		const several = demo(['users', '--product', 'business']);
		expect(several.status).toBe(2);
		expect(several.stderr).toContain(
			'--product "business" matches 2 products: Microsoft 365 Business Basic (O365_BUSINESS_ESSENTIALS); Microsoft 365 Business Premium (SPB). Give more of the name, or the part number.',
		);
		const none = demo(['unassign', '--product', 'teams essentials', '--users', 'a@b.c', '--dry-run']);
		expect(none.status).toBe(2);
		expect(none.stderr).toMatch(/unknown product "teams essentials": .* The products: Exchange Online \(Plan 1\) \(EXCHANGESTANDARD\);/);
	});

	it('unassign and audit fit 80 columns, reasons and groups whole', () => {
		const stateDir = tempStateDir();
		const run = (args: string[]) => spawnSync(process.execPath, [bundle, ...args, '--state-dir', stateDir], {encoding: 'utf8'});
		const result = run(['unassign', '--product', 'visio', '--users', 'grady.archie@contoso.com,lidia.holloway@contoso.com', '--yes']);
		expect(result.status).toBe(3);
		expect(fits(result.stdout)).toBe(true);
		expect(result.stdout.replace(/\s+/g, ' ')).toContain('grady.archie@contoso.com skipped licensed through Visio Users; remove them from the group instead');
		const audit = run(['audit']).stdout;
		expect(fits(audit)).toBe(true);
		expect(audit).toMatch(/unassign {2}removed {2}lidia\.holloway@contoso\.com\n {4}Visio Plan 2 · by megan\.bowen@contoso\.com/);
	});
});

describe('unassign', () => {
	it('--dry-run says what would happen and changes nothing, writes no audit entry', () => {
		const stateDir = tempStateDir();
		const [a, b] = holdersOf(SPB);
		const result = cli(['unassign', '--product', 'spb', '--users', `${a!.userPrincipalName},${b!.id}`, '--dry-run', '--json'], stateDir);
		expect(result.status).toBe(0);
		const data = json(result);
		expectShape('unassign', data);
		expect(data.dryRun).toBe(true);
		expect(data.results.map((r: {outcome: string}) => r.outcome)).toEqual(['would-remove', 'would-remove']);
		expect(data.results[0].consequences.map((c: {kind: string; effect: string}) => `${c.kind} ${c.effect}`)).toEqual([
			'mailbox lost',
			'archive lost',
			'onedrive lost',
			'office-apps lost',
			'teams lost',
		]);
		expect(data.results[0].consequences[0].text).toMatch(/^loses the mailbox: mail deleted on \d{4}-\d{2}-\d{2} unless a license is assigned again$/);
		expect(data.results[0].alsoRemoves).toEqual([]);
		expect(data.summary).toEqual({removed: 0, wouldRemove: 2, skipped: 0, failed: 0, notSent: 0, unknown: 0});
		expect(json(cli(['audit', '--json'], stateDir)).entries).toEqual([]);
		const spb = json(cli(['licenses', '--json'], stateDir)).products.find((p: {skuId: string}) => p.skuId === SPB);
		expect(spb.assigned).toBe(tenant.users.filter(u => u.assignedLicenses.some(l => l.skuId === SPB)).length);
	});

	it('a script: unassign --json, then licenses --json shows the counts moved, and the audit log says so', () => {
		const stateDir = tempStateDir();
		const before = json(cli(['licenses', '--json'], stateDir)).products.find((p: {skuId: string}) => p.skuId === SPB);
		const chosen = holdersOf(SPB).slice(0, 3);
		const result = cli(['unassign', '--product', SPB, '--users', chosen.map(u => u.userPrincipalName).join(','), '--yes', '--json'], stateDir);
		expect(result.status).toBe(0);
		const data = json(result);
		expectShape('unassign', data);
		expect(data.summary).toEqual({removed: 3, wouldRemove: 0, skipped: 0, failed: 0, notSent: 0, unknown: 0});

		const after = json(cli(['licenses', '--json'], stateDir)).products.find((p: {skuId: string}) => p.skuId === SPB);
		expect(after.assigned).toBe(before.assigned - 3);
		expect(after.available).toBe(before.available + 3);

		const audit = json(cli(['audit', '--json'], stateDir));
		expectShape('audit', audit);
		expect(
			audit.entries.map((e: {userPrincipalName: string; action: string; outcome: string; skuPartNumber: string}) => [
				e.userPrincipalName,
				e.action,
				e.outcome,
				e.skuPartNumber,
			]),
		).toEqual(chosen.map(u => [u.userPrincipalName, 'unassign', 'removed', 'SPB']));
		// The snapshot file itself is never changed.
		expect(JSON.parse(readFileSync(snapshot, 'utf8'))).toEqual(tenant);

		// Reading and dry runs never discard anything: --reset is refused there, and nothing is lost.
		for (const args of [['licenses', '--json'], ['audit'], ['unassign', '--product', 'SPB', '--users', chosen[0]!.userPrincipalName, '--dry-run']]) {
			const refused = cli([...args, '--reset'], stateDir);
			expect(refused.status).toBe(2);
			expect(refused.stderr).toMatch(/--reset discards saved changes, so it does not go with/);
		}
		expect(json(cli(['licenses', '--json'], stateDir)).products.find((p: {skuId: string}) => p.skuId === SPB).assigned).toBe(before.assigned - 3);

		// A change with --reset discards the saved changes for this tenant first, says so, and audits it.
		const reset = cli(['unassign', '--product', 'SPB', '--users', chosen[0]!.userPrincipalName, '--yes', '--json', '--reset'], stateDir);
		expect(reset.status).toBe(0);
		expect(reset.stderr).toContain('--reset discarded 3 saved changes to 3 users of');
		expect(json(cli(['licenses', '--json'], stateDir)).products.find((p: {skuId: string}) => p.skuId === SPB).assigned).toBe(before.assigned - 1);
		const audited = json(cli(['audit', '--json'], stateDir));
		expectShape('audit', audited);
		expect(
			audited.entries
				.filter((e: {action: string}) => e.action === 'reset')
				.map((e: {userPrincipalName: string; outcome: string; reason: string}) => [e.userPrincipalName, e.outcome, e.reason]),
		).toEqual(chosen.map(u => [u.userPrincipalName, 'discarded', 'removed']));
	});

	it('skipped users give exit 3, with every user reported', () => {
		const stateDir = tempStateDir();
		const [holder] = holdersOf(SPB);
		const lacking = tenant.users.find(u => !u.assignedLicenses.some(l => l.skuId === SPB))!;
		const result = cli(
			['unassign', '--product', 'SPB', '--users', `${holder!.userPrincipalName},${lacking.userPrincipalName},ghost@fabrikam.example`, '--yes', '--json'],
			stateDir,
		);
		expect(result.status).toBe(3);
		const data = json(result);
		expect(data.results.map((r: {outcome: string; reason: string | null}) => [r.outcome, r.reason])).toEqual([
			['removed', null],
			['skipped', 'not-assigned'],
			['skipped', 'user-not-found'],
		]);
		expect(data.results[2].id).toBeNull();
		expect(data.summary).toEqual({removed: 1, wouldRemove: 0, skipped: 2, failed: 0, notSent: 0, unknown: 0});
	});

	it('a license held only through a group is skipped with group-assigned', () => {
		const visio = 'c5928f49-12ba-48f7-ada3-0d743a3601d5';
		const groupOnly = tenant.users.find(
			u => u.licenseAssignmentStates.some(s => s.skuId === visio) && u.licenseAssignmentStates.filter(s => s.skuId === visio).every(s => s.assignedByGroup),
		)!;
		const result = cli(['unassign', '--product', 'VISIOCLIENT', '--users', groupOnly.userPrincipalName, '--yes', '--json'], tempStateDir());
		expect(result.status).toBe(3);
		expect(json(result).results[0]).toMatchObject({outcome: 'skipped', reason: 'group-assigned'});
	});

	it('--users-file: one a line with comments, or a CSV with a userPrincipalName column', () => {
		const dir = tempStateDir();
		const [a, b] = holdersOf(SPB);
		const lines = join(dir, 'users.txt');
		writeFileSync(lines, `# leavers\n${a!.userPrincipalName}\n\n${b!.userPrincipalName}\n`);
		expect(json(cli(['unassign', '--product', 'SPB', '--users-file', lines, '--dry-run', '--json'], dir)).summary.wouldRemove).toBe(2);
		const csv = join(dir, 'users.csv');
		writeFileSync(csv, `displayName,userPrincipalName\n"Somebody, Else",${a!.userPrincipalName}\nX,${b!.userPrincipalName}\n`);
		expect(json(cli(['unassign', '--product', 'SPB', '--users-file', csv, '--dry-run', '--json'], dir)).summary.wouldRemove).toBe(2);
	});

	it('without --yes and without a terminal: refuses, exit 2, names --yes, changes nothing', () => {
		const stateDir = tempStateDir();
		const [a] = holdersOf(SPB);
		const result = cli(['unassign', '--product', 'SPB', '--users', a!.userPrincipalName], stateDir, 'y\n');
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toContain('--yes');
		expect(json(cli(['audit', '--json'], stateDir)).entries).toEqual([]);
	});

	it('an admin without a license role: exit 1, naming the roles', () => {
		const stateDir = tempStateDir();
		const notAdmin = tenant.users[5]!.userPrincipalName;
		const result = cli(['unassign', '--product', 'SPB', '--users', holdersOf(SPB)[0]!.userPrincipalName, '--yes', '--as', notAdmin], stateDir);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('Global Administrator, License Administrator, User Administrator');
	});
});

describe('unassign on the demo: Tomás Herrera and his archive', () => {
	const demo = (args: string[]) => {
		requireBundle();
		const result = spawnSync(process.execPath, [bundle, ...args, '--state-dir', tempStateDir()], {encoding: 'utf8'});
		return {status: result.status, stdout: result.stdout};
	};

	it('--dry-run of Exchange Online Archiving from a Plan 1 user says the archive shrinks, both ends in words', () => {
		const result = demo(['unassign', '--product', 'EXCHANGEARCHIVE_ADDON', '--users', 'tomas.herrera@contoso.com', '--dry-run']);
		expect(result.status).toBe(0);
		expect(result.stdout.replace(/\s+/g, ' ')).toContain(
			'tomas.herrera@contoso.com would-remove archive reduced from auto-expanding (up to 1.5 TB) to 50 GB: litigation hold and inactive-mailbox eligibility are lost',
		);
		expect(result.stdout).not.toContain('loses the archive mailbox');
	});

	it('--json of Exchange Online Archiving: effect reduced, with the levels it goes from and to', () => {
		const data = json(demo(['unassign', '--product', 'EXCHANGEARCHIVE_ADDON', '--users', 'tomas.herrera@contoso.com', '--dry-run', '--json']));
		expectShape('unassign', data);
		expect(data.results[0].consequences).toEqual([expect.objectContaining({kind: 'archive', effect: 'reduced', from: 'auto-expanding', to: '50gb'})]);
	});

	it('--json of Exchange Online (Plan 1): the add-on in alsoRemoves, each consequence with its effect', () => {
		const result = demo(['unassign', '--product', 'EXCHANGESTANDARD', '--users', 'tomas.herrera@contoso.com', '--dry-run', '--json']);
		const data = json(result);
		expectShape('unassign', data);
		expect(data.results[0].alsoRemoves).toEqual([
			{skuId: 'ee02fd1b-340e-4a4b-b355-4a514e4c8943', skuPartNumber: 'EXCHANGEARCHIVE_ADDON', productName: 'Exchange Online Archiving for Exchange Online'},
		]);
		expect(data.results[0].consequences.map((c: {kind: string; effect: string; from: string; to: string}) => [c.kind, c.effect, c.from, c.to])).toEqual([
			['mailbox', 'lost', '50gb', 'none'],
			['archive', 'lost', 'auto-expanding', 'none'],
		]);
		expect(data.results[0].message).toBe('also removes Exchange Online Archiving for Exchange Online, which depends on it');
	});
});

describe('usage errors: exit 2, nothing on stdout', () => {
	it.each([
		[['unassign', '--users', 'a@b.c', '--yes'], /unassign needs --product/],
		[['unassign', '--product', 'SPB', '--yes'], /unassign needs --users or --users-file/],
		[['unassign', '--product', 'NOPE', '--users', 'a@b.c', '--yes'], /unknown product "NOPE"/],
		[['licenses', '--product', 'SPB'], /--product does not go with the licenses command/],
		[['licenses', '--bogus'], /Unknown option '--bogus'/],
		[['users', '--product'], /--product/],
		[['frobnicate'], /unknown command "frobnicate"/],
		[['unassign', '--product', 'SPB', '--users-file', '/nonexistent/users.txt', '--yes'], /--users-file \/nonexistent\/users.txt: cannot read it/],
	])('%j', (args, message) => {
		const result = cli(args, tempStateDir());
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(message);
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});
});

describe('audit and doctor', () => {
	it('doctor says what a support person needs, and no TTY', () => {
		const stateDir = tempStateDir();
		const result = cli(['doctor', '--json'], stateDir);
		expect(result.status).toBe(0);
		const data = json(result);
		expectShape('doctor', data);
		expect(data).toMatchObject({backend: 'snapshot', stateDirectory: stateDir, stdinIsTTY: false, stdoutIsTTY: false});
		expect(data.tenant.source).toBe(snapshot);
		expect(cli(['doctor'], stateDir).stdout).toMatch(/^version\s+\d+\.\d+\.\d+/);
	});

	it('an invalid snapshot is refused with exit 1, the file and the JSON path named', () => {
		const bad = join(tempStateDir(), 'bad.json');
		const broken = structuredClone(tenant) as typeof tenant;
		broken.users[3]!.assignedLicenses.push({skuId: '00000000-0000-0000-0000-000000000000'});
		writeFileSync(bad, JSON.stringify(broken));
		const result = spawnSync(process.execPath, [bundle, 'licenses', '--tenant', bad, '--state-dir', tempStateDir()], {encoding: 'utf8'});
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(new RegExp(`Tenant file ${bad}: users\\[3\\]\\.assignedLicenses\\[\\d+\\]\\.skuId: no such product in subscribedSkus`));
	});
});

describe.runIf(hasTmux)('unassign in a terminal without --yes', () => {
	it('prints the plan with consequences and asks y/N; y unassigns', async () => {
		requireBundle();
		const stateDir = tempStateDir();
		const [a] = holdersOf(SPB);
		const session = new TmuxSession(['unassign', '--product', 'SPB', '--users', a!.userPrincipalName, '--tenant', snapshot, '--state-dir', stateDir]);
		try {
			await session.waitFor('[y/N]');
			const screen = session.joinedScreen();
			expect(screen).toMatch(/would-remove\s+loses the mailbox: mail deleted on \d{4}-\d{2}-\d{2}/);
			expect(screen).toContain('loses the archive mailbox');
			expect(screen).toContain('Unassign Microsoft 365 Business Premium from 1 user?');
			session.keys('y', 'Enter');
			expect(await session.exitStatus()).toBe(0);
			expect(session.screen()).toMatch(/removed/);
		} finally {
			session.kill();
		}
		expect(json(cli(['audit', '--json'], stateDir)).entries).toHaveLength(1);
	});
});
