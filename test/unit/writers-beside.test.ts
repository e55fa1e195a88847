// Two processes on one state directory, as the app and a command run beside it: the writer lock is
// held only while a change is written, and each change is planned on what the other saved.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {openTenant} from '../../source/open-tenant.js';
import {planAssign, planUnassign} from '../../source/domain/plan.js';
import {lockHolder} from '../../source/store/writer-lock.js';
import {sku, tempStateDir, userByName} from '../helpers/tenant.js';

const open = (stateDir: string, writer: string) => openTenant({stateDir, reset: false}, {}, () => {}, {writer});
const holds = (tenant: ReturnType<Awaited<ReturnType<typeof open>>['store']['getState']>['tenant'], name: string) =>
	userByName(tenant, name).assignedLicenses.some(l => l.skuId === sku.businessPremium);

describe('the app and a command beside it', () => {
	it('the open app holds no lock: a second writer changes the same directory', async () => {
		const stateDir = tempStateDir();
		const app = await open(stateDir, 'app');
		expect(lockHolder(stateDir)).toBeNull();
		const command = await open(stateDir, 'unassign');
		const tenant = command.store.getState().tenant;
		const outcomes = await command.store.apply(planUnassign(tenant, [userByName(tenant, 'Alex Wilber').id], [sku.businessPremium]));
		expect(outcomes.map(o => o.outcome)).toEqual(['removed']);
		expect(lockHolder(stateDir)).toBeNull();
		app.release();
	});

	it('a change to a user another saved since is refused, naming them, and the tenant shown is brought up to date', async () => {
		const stateDir = tempStateDir();
		const app = await open(stateDir, 'app');
		const shown = app.store.getState().tenant;
		const alex = userByName(shown, 'Alex Wilber').id;
		const command = await open(stateDir, 'unassign');
		await command.store.apply(planUnassign(command.store.getState().tenant, [alex], [sku.businessPremium]));

		// Planned on what the app showed before the command ran.
		await expect(app.store.apply(planUnassign(shown, [alex], [sku.businessPremium]))).rejects.toThrow(
			/^Alex Wilber was changed by another m365-licenses since this was shown, so nothing was sent/,
		);
		expect(holds(app.store.getState().tenant, 'Alex Wilber')).toBe(false);
		// Another user's change goes on, after the command's, and both are saved.
		const now = app.store.getState().tenant;
		const outcomes = await app.store.apply(planUnassign(now, [userByName(now, 'Diego Siciliani').id], [sku.businessPremium]));
		expect(outcomes.map(o => o.outcome)).toEqual(['removed']);
		const journal = readFileSync(join(stateDir, 'journal.jsonl'), 'utf8')
			.trim()
			.split('\n')
			.map(line => JSON.parse(line) as {type: string; seq: number});
		expect(journal.filter(r => r.type === 'commit')).toHaveLength(2);
		expect(journal.map(r => r.seq)).toEqual([1, 2, 3, 4]);
		const reopened = await open(stateDir, 'app');
		expect(holds(reopened.store.getState().tenant, 'Alex Wilber')).toBe(false);
		expect(holds(reopened.store.getState().tenant, 'Diego Siciliani')).toBe(false);
		expect(readdirSync(stateDir).filter(name => /^writer\.lock\.\d+$/.test(name))).toEqual([]);
	});

	it('an assignment planned before another took the last licenses is refused, naming the product', async () => {
		const stateDir = tempStateDir();
		const app = await open(stateDir, 'app');
		const shown = app.store.getState().tenant;
		const command = await open(stateDir, 'unassign');
		const now = command.store.getState().tenant;
		// Business Premium has 2 available: the command assigns both.
		const taken = await command.store.apply(
			planAssign(
				now,
				['Megan Bowen', 'Adele Vance'].map(name => userByName(now, name).id),
				sku.businessPremium,
			),
		);
		expect(taken.map(o => o.outcome)).toEqual(['assigned', 'assigned']);
		await expect(app.store.apply(planAssign(shown, [userByName(shown, 'Lee Gu').id], sku.businessPremium))).rejects.toThrow(
			/^Another m365-licenses assigned Microsoft 365 Business Premium since this was shown and too few licenses are left, so nothing was sent/,
		);
		expect(holds(app.store.getState().tenant, 'Lee Gu')).toBe(false);
		expect(holds(app.store.getState().tenant, 'Megan Bowen')).toBe(true);
	});
});
