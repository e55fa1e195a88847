// m365-licenses remove-from-group through the built bundle: on a snapshot (kept in the state directory
// and replayed), and on a live tenant, where GroupMember.ReadWrite.All is asked for when first used and
// every request is DELETE /groups/{id}/members/{userId}/$ref.
import {describe, expect, it} from 'vitest';
import {cli} from '../helpers/graph.js';
import {dynamicGroup, groupTenant, groupTenantFile, staffGroup} from '../helpers/group-tenant.js';
import {expectShape} from '../helpers/schema.js';
import {liveSignIn} from '../helpers/sign-in.js';
import {sku, tempStateDir} from '../helpers/tenant.js';

describe('remove-from-group on a snapshot', () => {
	it('--dry-run shows what each user loses; --yes removes them, kept and audited; a dynamic group is skipped', async () => {
		const file = groupTenantFile();
		const stateDir = tempStateDir();
		const run = (...args: string[]) => cli([...args, '--tenant', file, '--state-dir', stateDir]);
		const users = 'pradeep.gupta@contoso.com,NESTOR.WILKE@contoso.com,adele.vance@contoso.com';
		const dry = await run('remove-from-group', '--group', 'e3 staff', '--users', users, '--dry-run', '--json');
		expect(dry.stderr).toBe('');
		expect(dry.status).toBe(3);
		const plan = JSON.parse(dry.stdout);
		expectShape('remove-from-group', plan);
		expect(plan.group).toEqual({id: staffGroup, displayName: 'E3 Staff', dynamicMembership: false});
		expect(plan.results.map((r: {outcome: string; reason: string | null}) => [r.outcome, r.reason])).toEqual([
			['would-remove', null],
			['would-remove', null],
			['skipped', 'not-a-member'],
		]);
		expect(plan.results[0].products.map((p: {skuPartNumber: string; kept: boolean}) => [p.skuPartNumber, p.kept])).toEqual([
			['ENTERPRISEPACK', false],
			['POWER_BI_PRO', false],
		]);
		expect(plan.results[0].consequences.map((c: {kind: string; effect: string}) => `${c.kind}:${c.effect}`)).toContain('mailbox:lost');
		// Nestor keeps Exchange Online (Plan 1): his mailbox stays, at its 50 GB.
		expect(plan.results[1].consequences.map((c: {kind: string; effect: string}) => `${c.kind}:${c.effect}`)).toContain('mailbox:reduced');
		expect(plan.results[1].consequences.map((c: {kind: string; effect: string}) => `${c.kind}:${c.effect}`)).not.toContain('mailbox:lost');

		// Without --yes and without a terminal: refused, nothing changed.
		const refused = await run('remove-from-group', '--group', 'E3 Staff', '--users', users);
		expect(refused.status).toBe(2);
		expect(refused.stderr).toContain('pass --yes');

		const done = await run('remove-from-group', '--group', staffGroup, '--users', users, '--yes');
		expect(done.status).toBe(3);
		expect(done.stdout).toContain('2 users removed from E3 Staff; 1 user skipped, 0 failed.');
		expect(done.stdout).toMatch(/pradeep\.gupta@contoso\.com\s+removed\n\s+− Office 365 E3\n\s+− Power BI Pro/);
		const holders = JSON.parse((await run('users', '--product', 'ENTERPRISEPACK', '--json')).stdout).users.map(
			(u: {userPrincipalName: string}) => u.userPrincipalName,
		);
		expect(holders).not.toContain('pradeep.gupta@contoso.com');
		expect(holders).not.toContain('nestor.wilke@contoso.com');
		const audit = JSON.parse((await run('audit', '--json')).stdout);
		expectShape('audit', audit);
		expect(audit.entries.filter((e: {action: string}) => e.action === 'remove-from-group')).toHaveLength(4);

		const dynamic = await run('remove-from-group', '--group', 'Sales (dynamic)', '--users', 'diego.siciliani@contoso.com', '--yes', '--json');
		expect(dynamic.status).toBe(3);
		const result = JSON.parse(dynamic.stdout);
		expect(result.group).toMatchObject({id: dynamicGroup, dynamicMembership: true});
		expect(result.results[0]).toMatchObject({outcome: 'skipped', reason: 'dynamic-membership'});

		const unknown = await run('remove-from-group', '--group', 'Nobody', '--users', 'diego.siciliani@contoso.com', '--yes');
		expect(unknown.status).toBe(2);
		expect(unknown.stderr).toContain('unknown group "Nobody"');
	});
});

describe('remove-from-group on a live tenant', () => {
	it('asks for GroupMember.ReadWrite.All when first used, then sends DELETE …/members/{id}/$ref', async () => {
		const live = await liveSignIn({tenant: groupTenant()});
		const result = await live.run(
			'remove-from-group',
			'--group',
			'E3 Staff',
			'--users',
			'pradeep.gupta@contoso.com,nestor.wilke@contoso.com',
			'--yes',
			'--json',
		);
		expect(result.status).toBe(0);
		const prompts = result.stderr.trim().split('\n');
		// The first sign-in, for reading and licensing; then the one this change needs.
		expect(prompts).toHaveLength(2);
		expect(prompts[1]).toMatch(
			/^This needs a permission not granted yet \(GroupMember\.ReadWrite\.All\)\. To sign in, open https:\/\/microsoft\.com\/devicelogin/,
		);
		expect(JSON.parse(result.stdout).summary).toEqual({removed: 2, wouldRemove: 0, skipped: 0, failed: 0, notSent: 0, unknown: 0});
		const ids = ['pradeep.gupta@contoso.com', 'nestor.wilke@contoso.com'].map(upn => live.graph.tenant.users.find(u => u.userPrincipalName === upn)!.id);
		expect(live.graph.stats.log.filter(line => line.startsWith('DELETE'))).toEqual(ids.map(id => `DELETE /groups/${staffGroup}/members/${id}/$ref`));
		expect(live.graph.stats.memberDeletesWithoutRef).toBe(0);
		const pradeep = live.graph.tenant.users.find(u => u.userPrincipalName === 'pradeep.gupta@contoso.com')!;
		expect(pradeep.assignedLicenses).toEqual([]);
		// Nestor keeps Exchange Online (Plan 1), which he holds directly.
		expect(live.graph.tenant.users.find(u => u.userPrincipalName === 'nestor.wilke@contoso.com')!.assignedLicenses.map(l => l.skuId)).toEqual([
			sku.exchangePlan1,
		]);

		// Graph says which groups have dynamic membership: their members are skipped, nothing is sent.
		const dynamic = await live.run('remove-from-group', '--group', 'Sales (dynamic)', '--users', 'diego.siciliani@contoso.com', '--yes', '--json');
		expect(dynamic.status).toBe(3);
		expect(JSON.parse(dynamic.stdout).results[0]).toMatchObject({outcome: 'skipped', reason: 'dynamic-membership'});
		expect(live.graph.stats.log.filter(line => line.startsWith('DELETE'))).toHaveLength(2);
	});
});
