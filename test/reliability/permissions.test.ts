// Everything the app writes is the user's alone: files 0600, the folders it makes 0700 (a state
// directory someone else made is left as it was, and doctor says so). A state directory that cannot
// be written refuses a change in one line, and can still be read.
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {openTenant} from '../../source/open-tenant.js';
import {planUnassign} from '../../source/domain/plan.js';
import {demoStore, sku, tempStateDir, userByName} from '../helpers/tenant.js';
import {bundle, requireBundle} from '../helpers/tmux.js';
import {expectOneLine, tally, withFault, type SeamCall} from './faults.js';

const counts = tally('permissions and unwritable directories');
const mode = (path: string) => statSync(path).mode & 0o777;
const cli = (args: string[], env: Record<string, string> = {}) =>
	spawnSync(process.execPath, [bundle, ...args], {encoding: 'utf8', env: {...process.env, ...env}});

/** Every file and folder under `dir`, with its mode. */
function modes(dir: string): Record<string, number> {
	const found: Record<string, number> = {};
	for (const name of readdirSync(dir, {recursive: true}) as string[]) found[name] = mode(join(dir, name));
	return found;
}

describe('permissions', () => {
	it('a state directory the app makes is 0700, and every file and folder in it 0600 / 0700', async () => {
		const dir = join(tempStateDir(), 'new', 'state');
		const {store, stateFile} = await demoStore(dir);
		const tenant = store.getState().tenant;
		await store.apply(planUnassign(tenant, [userByName(tenant, 'Alex Wilber').id], [sku.businessPremium]));
		stateFile.saveReport('guide.md', '# report\n');
		stateFile.compact({force: true});
		expect(mode(dir)).toBe(0o700);
		const found = modes(dir);
		expect(Object.keys(found).sort()).toEqual(['audit.jsonl', 'journal.jsonl', 'reports', 'reports/guide.md', 'state.json']);
		for (const [name, bits] of Object.entries(found)) expect([name, bits]).toEqual([name, name === 'reports' ? 0o700 : 0o600]);
	});

	it('the per-user default directory is tightened to 0700; a --state-dir someone made is left as it was, and doctor says so', () => {
		requireBundle();
		const stateHome = tempStateDir();
		const own = join(stateHome, 'm365-licenses');
		mkdirSync(own, {mode: 0o755});
		chmodSync(own, 0o755);
		expect(
			cli(['unassign', '--product', 'SPB', '--users', 'alex.wilber@contoso.com', '--yes'], {
				XDG_STATE_HOME: stateHome,
				XDG_CONFIG_HOME: tempStateDir(),
				XDG_CACHE_HOME: tempStateDir(),
				M365_LICENSES_STATE_DIR: '',
			}).status,
		).toBe(0);
		expect(mode(own)).toBe(0o700);
		for (const bits of Object.values(modes(own))) expect(bits).toBe(0o600);

		const shared = tempStateDir();
		chmodSync(shared, 0o755);
		expect(cli(['unassign', '--product', 'SPB', '--users', 'alex.wilber@contoso.com', '--yes', '--state-dir', shared]).status).toBe(0);
		expect(mode(shared)).toBe(0o755);
		for (const bits of Object.values(modes(shared))) expect(bits).toBe(0o600);
		const doctor = cli(['doctor', '--state-dir', shared]);
		expect(doctor.stdout).toMatch(/state directory mode\s+0755 \(others can look into it; the app's files in it are\s+0600\)/);
		expect(JSON.parse(cli(['doctor', '--json', '--state-dir', shared]).stdout).stateDirectoryMode).toBe('0755');
	});
});

describe('files an older version left readable by others', () => {
	it('are made 0600 by the next writer, which says so once', () => {
		requireBundle();
		const dir = tempStateDir();
		const unassign = (upn: string) => cli(['unassign', '--product', 'SPB', '--users', upn, '--yes', '--state-dir', dir]);
		expect(unassign('alex.wilber@contoso.com').status).toBe(0);
		mkdirSync(join(dir, 'reports'), {mode: 0o755});
		writeFileSync(join(dir, 'reports', 'old.md'), '# report\n', {mode: 0o644});
		for (const name of ['audit.jsonl', 'journal.jsonl', 'reports', 'reports/old.md']) chmodSync(join(dir, name), name === 'reports' ? 0o755 : 0o644);
		const tightened = unassign('diego.siciliani@contoso.com');
		counts.faults++;
		expect(tightened.status).toBe(0);
		const said = tightened.stderr.split('\n').filter(line => line.includes('Made readable by you alone'));
		expect(said).toHaveLength(1);
		for (const name of ['audit.jsonl', 'journal.jsonl', 'reports', 'reports/old.md']) expect(said[0]).toContain(name);
		expect(modes(dir)).toMatchObject({'audit.jsonl': 0o600, 'journal.jsonl': 0o600, reports: 0o700, 'reports/old.md': 0o600});
		expect(unassign('lee.gu@contoso.com').stderr).not.toContain('Made readable');
	});
});

describe('a state directory that cannot be written', () => {
	it.each<[SeamCall, string]>([
		['mkdirSync', 'EROFS'],
		['openSync', 'EROFS'],
		['openSync', 'EACCES'],
		['linkSync', 'EROFS'],
		['openSync', 'ENOSPC'],
	])('%s failing with %s: a writer is refused in one line, a reader reads', async (call, code) => {
		const dir = join(tempStateDir(), 'state');
		const {fired, result} = await withFault({call, nth: 1, code}, () => openTenant({stateDir: dir, reset: false}, {}, () => {}, {writer: 'unassign'}));
		counts.faults++;
		expect(fired).toBe(true);
		expect(result.status).toBe('rejected');
		expectOneLine((result as PromiseRejectedResult).reason, code);
		const reader = await openTenant({stateDir: dir, reset: false}, {});
		expect(reader.store.getState().tenant.users.length).toBeGreaterThan(0);
	});

	it('a reader that finds a change to settle, and cannot write, still reads', async () => {
		const dir = tempStateDir();
		const {stateFile, store} = await demoStore(dir);
		const tenant = store.getState().tenant;
		const alex = userByName(tenant, 'Alex Wilber');
		stateFile.begin({
			id: 'cut-off',
			time: 't',
			actor: tenant.signedInUser,
			tenantId: tenant.organization.id,
			items: [{userId: alex.id, userPrincipalName: alex.userPrincipalName, add: [], remove: [sku.businessPremium]}],
		});
		const {fired, result} = await withFault({call: 'openSync', nth: 1, code: 'EROFS'}, () => openTenant({stateDir: dir, reset: false}, {}));
		counts.faults++;
		expect(fired).toBe(true);
		expect(result.status).toBe('fulfilled');
		expect((result as PromiseFulfilledResult<Awaited<ReturnType<typeof openTenant>>>).value.store.getState().recovered).toBeNull();
	});

	it('the command line: one line, exit 1, no stack trace; reading still works', () => {
		requireBundle();
		for (const [dir, code] of [
			['/proc/m365-licenses-state', 'ENOENT'],
			['/etc/hostname/m365-licenses-state', 'ENOTDIR'],
		]) {
			const result = cli(['unassign', '--product', 'SPB', '--users', 'alex.wilber@contoso.com', '--yes', '--state-dir', dir!]);
			counts.faults++;
			expect(result.status).toBe(1);
			expect(result.stderr).toMatch(new RegExp(`^m365-licenses: Cannot write /\\S+: .+ \\(${code}\\)\\. Nothing saved was lost\\.\\n$`));
			expect(cli(['licenses', '--state-dir', dir!]).status).toBe(0);
		}
	});
});
