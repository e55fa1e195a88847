// The equivalent commands saved by `c`: scripts a shell and PowerShell read as the app's change.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {planChanges, planUnassign} from '../../source/domain/plan.js';
import {commandFiles} from '../../source/ui/components/commands-text.js';
import {demoTenant, sku, userByName} from '../helpers/tenant.js';

describe('the saved .sh and .ps1', () => {
	const tenant = demoTenant();
	const [alex, adele] = [userByName(tenant, 'Alex Wilber'), userByName(tenant, 'Adele Vance')];
	const teams = '57ff2da0-773e-42df-b2af-ffb7a2317929';
	const plan = {
		items: [
			...planUnassign(tenant, [alex.id], [sku.businessPremium]).items,
			...planChanges(tenant, [{user: adele.id, add: [], remove: [], apps: {[sku.e3]: [teams]}}]).items,
		],
	};
	const files = commandFiles(plan, 'https://microsoftgraph.chinacloudapi.cn', 'Contoso\nrm -rf /', new Date('2026-11-25T12:00:00Z'));

	it('the shell script runs each call as the app would send it: one per user, its body valid JSON', () => {
		const dir = mkdtempSync(join(tmpdir(), 'm365-commands-'));
		const script = join(dir, 'commands.sh');
		// curl replaced by one that prints what it was given, a line per argument, and a marker per call.
		writeFileSync(script, files.sh.replace('#!/bin/sh\n', "#!/bin/sh\ncurl() { printf 'CALL\\n'; printf '%s\\n' \"$@\"; printf 'END\\n'; }\n"));
		const out = execFileSync('sh', [script], {env: {PATH: process.env['PATH'], GRAPH_TOKEN: 't0ken'}, encoding: 'utf8'});
		const calls = out
			.split('CALL\n')
			.slice(1)
			.map(call => call.slice(0, call.indexOf('END\n')).split('\n').slice(0, -1));
		expect(calls).toHaveLength(2);
		expect(calls[0]).toContain('https://microsoftgraph.chinacloudapi.cn/v1.0/users/alex.wilber%40contoso.com/assignLicense');
		expect(calls[0]).toContain('Authorization: Bearer t0ken');
		const body = (call: string[]) => JSON.parse(call.slice(call.indexOf('-d') + 1).join('\n'));
		expect(body(calls[0]!)).toEqual({addLicenses: [], removeLicenses: [sku.businessPremium]});
		expect(body(calls[1]!)).toEqual({addLicenses: [{skuId: sku.e3, disabledPlans: [teams]}], removeLicenses: []});
		// Without a token it stops before calling anything.
		expect(() => execFileSync('sh', [script], {env: {PATH: process.env['PATH']}, stdio: 'pipe'})).toThrow(/GRAPH_TOKEN/);
	});

	it('a line break in the tenant name stays inside the comment; lines fit 80 columns', () => {
		for (const text of [files.sh, files.ps1]) {
			expect(text).not.toMatch(/^rm -rf/m);
			expect(text).toContain('Contoso\\u000arm -rf /');
			for (const line of text.split('\n').filter(line => !line.startsWith('#'))) expect(line.length).toBeLessThanOrEqual(80);
		}
		expect(files.ps1).toContain(`Set-MgUserLicense -UserId 'adele.vance@contoso.com'`);
		expect(files.ps1).toContain(`DisabledPlans = @('${teams}')`);
	});
});
