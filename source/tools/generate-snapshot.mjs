#!/usr/bin/env node
// Generates a tenant snapshot of any size, in the demo's format, from the demo's products: for tests
// that must not run on a hand-written file, and for the benchmark at 100,000 users.
// Usage: npm run gen -- --users N [--out FILE] [--seed S] [--sign-ins]
//        node source/tools/generate-snapshot.mjs N [FILE] [--seed S] [--sign-ins]
// The same arguments give the same file. Without --out, the tenant goes to stdout.
// --sign-ins: each user with signInActivity and createdDateTime, as Graph gives them (for Reclaim).
import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';

const usage = 'usage: npm run gen -- --users N [--out FILE] [--seed S] [--sign-ins]   (N at least 10)';
let parsed;
try {
	parsed = parseArgs({
		options: {users: {type: 'string'}, out: {type: 'string'}, seed: {type: 'string'}, 'sign-ins': {type: 'boolean'}},
		allowPositionals: true,
	});
} catch (error) {
	console.error(`generate-snapshot: ${error.message}\n${usage}`);
	process.exit(2);
}
const {values, positionals} = parsed;
const count = Number(values.users ?? positionals[0]);
const out = values.out ?? positionals[1];
let seed = Number(values.seed ?? 42);
if (!Number.isInteger(count) || count < 10 || !Number.isInteger(seed)) {
	console.error(usage);
	process.exit(2);
}

// A small deterministic generator (mulberry32): the same arguments give the same file.
const random = () => {
	seed = (seed + 0x6d2b79f5) | 0;
	let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
	t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = list => list[Math.floor(random() * list.length)];
const guid = () =>
	'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, c => {
		const r = Math.floor(random() * 16);
		return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
	});

const demo = JSON.parse(readFileSync(fileURLToPath(new URL('../../demo-data/contoso.json', import.meta.url)), 'utf8'));
const orgId = guid();
const first = [
	'Ada',
	'Bo',
	'Chen',
	'Dana',
	'Eli',
	'Fay',
	'Gus',
	'Hana',
	'Ivo',
	'Jun',
	'Kai',
	'Lea',
	'Mo',
	'Nia',
	'Oskar',
	'Pia',
	'Quinn',
	'Rui',
	'Sol',
	'Tove',
];
const last = [
	'Berg',
	'Costa',
	'Dahl',
	'Eze',
	'Fox',
	'Gray',
	'Holm',
	'Ito',
	'Jensen',
	'Khan',
	'Lund',
	'Moreau',
	'Novak',
	'Okoro',
	'Park',
	'Quist',
	'Rossi',
	'Sato',
	'Toth',
	'Ueda',
];

// Products: the demo's, without its self-service purchase, with room for the users who hold them.
const skus = demo.subscribedSkus.filter(s => s.skuPartNumber !== 'POWER_BI_PRO');
const base = skus.filter(s => ['SPB', 'ENTERPRISEPACK', 'O365_BUSINESS_ESSENTIALS'].includes(s.skuPartNumber));
const extras = skus.filter(s => ['EXCHANGESTANDARD', 'VISIOCLIENT'].includes(s.skuPartNumber));
const group = {id: guid(), displayName: 'Visio Users', description: 'Visio Plan 2 through group-based licensing', assignedLicenses: [], members: []};
const visio = skus.find(s => s.skuPartNumber === 'VISIOCLIENT');
group.assignedLicenses.push({skuId: visio.skuId, disabledPlans: []});

const users = [];
const consumed = new Map(skus.map(s => [s.skuId, 0]));
const state = (skuId, assignedByGroup) => ({skuId, assignedByGroup, state: 'Active', error: 'None', disabledPlans: []});
for (let i = 0; i < count; i++) {
	const given = pick(first);
	const family = pick(last);
	const user = {
		id: guid(),
		displayName: `${given} ${family}`,
		userPrincipalName: `${given}.${family}.${i}@fabrikam.example`.toLowerCase(),
		accountEnabled: random() > 0.05,
		usageLocation: pick(['US', 'GB', 'DK', 'DE', 'FR']),
		assignedLicenses: [],
		licenseAssignmentStates: [],
	};
	const add = (skuId, groupId = null) => {
		if (!user.assignedLicenses.some(l => l.skuId === skuId)) {
			user.assignedLicenses.push({skuId, disabledPlans: []});
			consumed.set(skuId, consumed.get(skuId) + 1);
		}
		user.licenseAssignmentStates.push(state(skuId, groupId));
	};
	if (random() > 0.08) add(pick(base).skuId);
	if (random() > 0.85) add(pick(extras).skuId);
	if (random() > 0.9) {
		group.members.push(user.id);
		add(visio.skuId, group.id);
	}
	users.push(user);
}
users[0].accountEnabled = true;
const admin = users[0];

// When each user was created and last signed in, as Graph's signInActivity gives it, for Reclaim:
// most within three weeks of 20 November 2026, one in twelve three months to a year before, a few
// never. From the user's place, not the random stream, so the rest of the file is as it was.
const day = 24 * 60 * 60 * 1000;
const reference = Date.parse('2026-11-20T09:00:00Z');
if (values['sign-ins'])
	users.forEach((user, i) => {
		user.createdDateTime = new Date(reference - (400 + (i % 700)) * day).toISOString().replace('.000', '');
		const spread = (i * 7919) % 1000;
		const ago = spread < 920 ? spread % 21 : 91 + (spread % 270);
		const last = new Date(reference - ago * day - (i % 1440) * 60_000).toISOString().replace('.000', '');
		user.signInActivity = i % 53 === 7 ? null : {lastSignInDateTime: last, lastNonInteractiveSignInDateTime: last, lastSuccessfulSignInDateTime: last};
	});

const subscriptions = [];
const subscribedSkus = skus.map(sku => {
	const used = consumed.get(sku.skuId);
	// Two subscriptions a product, with some licenses to spare.
	const total = used + Math.max(2, Math.ceil(used * 0.1));
	const split = Math.floor(total / 3);
	const ids = [split, total - split].map(size => {
		const id = guid();
		subscriptions.push({
			id,
			commerceSubscriptionId: guid(),
			skuId: sku.skuId,
			skuPartNumber: sku.skuPartNumber,
			status: 'Enabled',
			totalLicenses: size,
			isTrial: false,
			createdDateTime: '2025-01-15T10:00:00Z',
			nextLifecycleDateTime: '2027-01-15T10:00:00Z',
			ownerType: 'Company',
			ownerId: null,
		});
		return id;
	});
	return {
		...sku,
		id: `${orgId}_${sku.skuId}`,
		consumedUnits: used,
		prepaidUnits: {enabled: total, suspended: 0, warning: 0, lockedOut: 0},
		subscriptionIds: ids,
	};
});

const tenant = {
	organization: {id: orgId, displayName: 'Fabrikam, Inc.', verifiedDomains: [{name: 'fabrikam.example', isDefault: true}]},
	subscribedSkus,
	subscriptions,
	users,
	groups: [group],
	directoryRoles: [{id: guid(), roleTemplateId: '62e90394-69f5-4237-9190-012177145e10', displayName: 'Global Administrator', members: [admin.id]}],
	signedInUser: admin.userPrincipalName,
	'x-local': {mailboxHolds: {}, licenseRemovals: {}},
};
const text = `${JSON.stringify(tenant, null, count > 5000 ? 0 : 2)}\n`;
if (out) writeFileSync(out, text);
else process.stdout.write(text);
