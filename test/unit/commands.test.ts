import {describe, expect, it} from 'vitest';
import {curlLines, graphVariable, powershellLines} from '../../source/present/commands.js';
import {shellString, terminalText} from '../../source/present/text-safety.js';
import type {LicensePlan, PlanItem} from '../../source/domain/plan.js';

const item = (upn: string, add: string[], remove: string[]): PlanItem => ({
	userId: upn,
	userPrincipalName: upn,
	displayName: upn,
	add,
	remove,
	skip: [],
	keptThroughGroups: {},
	dependents: {},
});

describe('equivalent commands', () => {
	const plan: LicensePlan = {
		items: [item("grace.o'connor@contoso.com", [], ['sku-1', 'sku-2']), item('alex.wilber@contoso.com', ['sku-3'], []), item('skipped@contoso.com', [], [])],
	};

	const oneLine = (p: LicensePlan) => powershellLines(p, Infinity).map(lines => lines.join(''));
	const curl = (p: LicensePlan) => curlLines(p, Infinity).map(lines => lines.join(''));

	it('one Set-MgUserLicense per user changed, with both lists', () => {
		expect(oneLine(plan)).toEqual([
			"Set-MgUserLicense -UserId 'grace.o''connor@contoso.com' -AddLicenses @() -RemoveLicenses @('sku-1', 'sku-2')",
			"Set-MgUserLicense -UserId 'alex.wilber@contoso.com' -AddLicenses @(@{SkuId = 'sku-3'}) -RemoveLicenses @()",
		]);
	});

	it('one assignLicense POST per user, UPN encoded in the path, addLicenses always present', () => {
		const [first, second] = curl(plan);
		expect(first).toContain('"$GRAPH/users/grace.o%27connor%40contoso.com/assignLicense"');
		expect(first).toContain(`-d '{"addLicenses": [], "removeLicenses": ["sku-1", "sku-2"]}'`);
		expect(second).toContain(`-d '{"addLicenses": [{"skuId": "sku-3", "disabledPlans": []}], "removeLicenses": []}'`);
		expect(curl(plan)).toHaveLength(2);
	});

	it('hostile UPNs: exact and printable in PowerShell, percent-encoded (or the id) in the URL', () => {
		const hostile: LicensePlan = {
			items: [item('evil\u202e\u2019@contoso.com', [], ['sku-1']), {...item('x\ud800@contoso.com', [], ['sku-1']), userId: 'id-1'}],
		};
		expect(oneLine(hostile)[0]).toBe(
			"Set-MgUserLicense -UserId ('evil' + [char]0x202E + '\u2019\u2019@contoso.com') -AddLicenses @() -RemoveLicenses @('sku-1')",
		);
		expect(curl(hostile).map(c => /"\$GRAPH([^"]+)"/.exec(c)![1])).toEqual([
			'/users/evil%E2%80%AE%E2%80%99%40contoso.com/assignLicense',
			'/users/id-1/assignLicense',
		]);
	});
});

describe('commands laid out to be copied from the terminal', () => {
	const guid = (n: number) => `${String(n).repeat(8)}-0000-0000-0000-000000000000`;
	const plan: LicensePlan = {
		items: [
			{
				...item('alex.wilber@contoso.com', [guid(1)], [guid(2), guid(3)]),
				update: [guid(4)],
				disabledPlans: {[guid(1)]: [guid(5)], [guid(4)]: [guid(6), guid(7)]},
			},
			item('a@b.c', [], ['s']),
		],
	};

	it('one line when it fits; else broken between arguments and after separators, no line wider than asked', async () => {
		const [[long], [short]] = [powershellLines(plan, 10_000), powershellLines(plan, 80).slice(1)];
		expect(short).toEqual(["Set-MgUserLicense -UserId 'a@b.c' -AddLicenses @() -RemoveLicenses @('s')"]);
		const broken = powershellLines(plan, 80)[0]!;
		expect(broken.length).toBeGreaterThan(1);
		for (const line of broken) expect(line.length).toBeLessThanOrEqual(80);
		// Between arguments a line ends with PowerShell's continuation; inside @( ) and @{ } it needs none.
		expect(broken[0]).toMatch(/ `$/);
		expect(broken.join('\n')).toMatch(/@\{\n\s+SkuId = '4{8}[^\n]*;\n\s+DisabledPlans = @\(/);
		// The same command, whichever way it is laid out.
		const squash = (text: string) => text.replace(/ `\n/g, ' ').replace(/\s+/g, '').replace(/;/g, '');
		expect(squash(broken.join('\n'))).toBe(squash(long!.join('\n')));
	});

	it('curl: the body breaks inside its quotes as valid JSON, continuation between arguments only', () => {
		expect(graphVariable('https://microsoftgraph.chinacloudapi.cn')).toBe("GRAPH='https://microsoftgraph.chinacloudapi.cn/v1.0'");
		const lines = curlLines(plan, 60)[0]!;
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
		const text = lines.join('\n');
		expect(text).toContain('"$GRAPH/users/alex.wilber%40contoso.com/assignLicense"');
		// Nothing in the address that a shell would act on inside double quotes.
		expect(curlLines({items: [item("o'neil!(x)*@b.c", [], ['s'])]}, 200)[0]![0]).toContain('"$GRAPH/users/o%27neil%21%28x%29%2A%40b.c/assignLicense"');
		expect(text).toContain('-H "Authorization: Bearer $GRAPH_TOKEN"');
		const body = /-d '([\s\S]*)'$/.exec(text)![1]!;
		expect(JSON.parse(body)).toEqual({
			addLicenses: [
				{skuId: guid(1), disabledPlans: [guid(5)]},
				{skuId: guid(4), disabledPlans: [guid(6), guid(7)]},
			],
			removeLicenses: [guid(2), guid(3)],
		});
		// Continuations end the lines before the body only.
		const bodyStart = lines.findIndex(line => line.includes("-d '"));
		lines.slice(0, bodyStart).forEach(line => expect(line).toMatch(/ \\$/));
		lines.slice(bodyStart).forEach(line => expect(line).not.toMatch(/\\$/));
	});

	it('shell words are exact and safe to cat: quotes closed and reopened, hidden characters through printf', () => {
		expect(shellString("o'connor")).toBe(`'o'\\''connor'`);
		expect(shellString('a\u202eb')).toBe(`'a'"$(printf '\\342\\200\\256')"'b'`);
		expect(terminalText(shellString('x\u001b]0;owned\u0007'))).toBe(shellString('x\u001b]0;owned\u0007'));
	});
});
