// Tenant files as people make them: with a BOM, in UTF-16, compressed, empty, absurdly nested, with
// ids in upper case. Each is either read as the tenant it is or refused in one line naming the file.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {LocalTenant} from '../../source/backends/local-tenant.js';
import {normaliseTenant} from '../../source/domain/ids.js';
import {adminPermission} from '../../source/domain/rules.js';
import {productRows} from '../../source/domain/selectors.js';
import {demoTenantPath} from '../../source/paths.js';
import {demoTenant, tempStateDir} from '../helpers/tenant.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const demoText = () => readFileSync(demoTenantPath, 'utf8');

function file(content: string | Buffer): string {
	const path = join(tempStateDir(), 'tenant.json');
	writeFileSync(path, content);
	return path;
}

async function refusal(path: string): Promise<string> {
	const error = await new LocalTenant(path, 'snapshot').load().then(
		() => {
			throw new Error('the file was accepted');
		},
		(e: Error) => e,
	);
	expect(error.message.startsWith(`Tenant file ${path}: `)).toBe(true);
	expect(error.message).not.toContain('\n');
	return error.message.slice(`Tenant file ${path}: `.length);
}

describe('tenant file encodings and kinds', () => {
	it('accepts a UTF-8 BOM', async () => {
		const tenant = await new LocalTenant(file(`\ufeff${demoText()}`), 'snapshot').load();
		expect(tenant.organization.displayName).toBe('Contoso Ltd');
	});

	it.each<[string, () => Buffer | string, RegExp]>([
		[
			'UTF-16 LE with a BOM (Windows PowerShell)',
			() => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(demoText(), 'utf16le')]),
			/^is UTF-16 LE text, not UTF-8: save it as UTF-8/,
		],
		['UTF-16 BE with a BOM', () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(demoText(), 'utf16le').swap16()]), /^is UTF-16 BE text/],
		['UTF-16 LE without a BOM', () => Buffer.from(demoText(), 'utf16le'), /^is UTF-16 LE text/],
		['UTF-32', () => Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]), /^is UTF-32 text/],
		[
			'Windows-1252',
			() => Buffer.from(demoText().replace('Contoso Ltd', 'Contoso Sønderborg'), 'latin1'),
			/^is not UTF-8 text \(line \d+\), perhaps Windows-1252/,
		],
		['gzip-compressed', () => gzipSync(demoText()), /^is gzip-compressed/],
		['a ZIP archive', () => Buffer.from('PK\u0003\u0004rest', 'latin1'), /^is a ZIP archive/],
		['binary', () => Buffer.from([0x7b, 0, 1, 2, 0, 0, 0xff]), /^is a binary file \(it holds NUL bytes\), not text$/],
		['empty', () => '\ufeff  \n', /^is empty$/],
		['not JSON, with escapes in it', () => '\u001b]0;title\u0007{', /^is not valid JSON/],
	])('refuses %s, naming the encoding or kind', async (_case, content, expected) => {
		expect(await refusal(file(content()))).toMatch(expected);
	});

	it('refuses a directory, a missing file and /dev/zero (at once, not when memory runs out)', async () => {
		const dir = tempStateDir();
		mkdirSync(join(dir, 'sub'));
		expect(await refusal(join(dir, 'sub'))).toBe('cannot read it: it is a directory');
		expect(await refusal(join(dir, 'nope.json'))).toBe('cannot read it: no such file');
		expect(await refusal('/dev/zero')).toMatch(/^is a binary file/);
	});

	it('refuses deep nesting with the path where it happens, instead of overflowing the stack', async () => {
		const tenant: Json = JSON.parse(demoText());
		const depth = 100_000;
		const text = JSON.stringify({...tenant, organization: {...tenant['organization'], extra: 0}}).replace(
			'"extra":0',
			`"extra":${'['.repeat(depth)}1${']'.repeat(depth)}`,
		);
		expect(await refusal(file(text))).toBe('organization.extra[0][0][0][0][0][0]…: nests more than 64 levels deep, which no tenant does');
	});
});

describe('ids in any case', () => {
	/** The demo with some ids in upper case, where Graph would have them in lower case. */
	function shouted(): Json {
		const tenant: Json = JSON.parse(demoText());
		for (const sku of tenant['subscribedSkus']) sku.skuId = sku.skuId.toUpperCase();
		for (const user of tenant['users'].slice(0, 10)) {
			user.id = user.id.toUpperCase();
			for (const license of user.assignedLicenses) license.skuId = license.skuId.toUpperCase();
		}
		for (const role of tenant['directoryRoles']) role.members = role.members.map((m: string) => m.toUpperCase());
		for (const group of tenant['groups']) group.id = group.id.toUpperCase();
		return tenant;
	}

	it('a snapshot with upper-case ids shows the same products, holders and admin as the demo', async () => {
		const tenant = await new LocalTenant(file(JSON.stringify(shouted())), 'snapshot').load();
		const demo = demoTenant();
		expect(productRows(tenant).map(p => [p.skuId, p.name, p.assigned, p.available])).toEqual(
			productRows(demo).map(p => [p.skuId, p.name, p.assigned, p.available]),
		);
		expect(adminPermission(tenant, tenant.signedInUser)).toEqual(adminPermission(demo, demo.signedInUser));
		expect(tenant).toEqual(demo);
	});

	it('ids that differ only in case are one id: a repeat is refused', async () => {
		const tenant = shouted();
		tenant['users'][12].id = tenant['users'][11].id.toUpperCase();
		expect(await refusal(file(JSON.stringify(tenant)))).toMatch(/^users\[12\]\.id: duplicates an earlier one/);
	});

	it('leaves ids that are not GUIDs as they are', () => {
		const tenant = normaliseTenant({...demoTenant(), users: [{...demoTenant().users[0]!, id: 'User-A'}]});
		expect(tenant.users[0]!.id).toBe('User-A');
	});
});
