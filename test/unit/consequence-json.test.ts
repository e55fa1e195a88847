// --json's consequences against their public contract (source/commands/output.schema.ts): every
// level the engine can report is one the schema names, and what real license mixes give validates.
import {describe, expect, it} from 'vitest';
import {capabilityKinds, levelNames} from '../../source/domain/capabilities.js';
import {consequencesOf} from '../../source/domain/consequences.js';
import {planUnassign} from '../../source/domain/plan.js';
import {consequenceList} from '../../source/commands/unassign.js';
import {consequences} from '../../source/commands/output-validators.js';
import {Output} from '../../source/commands/output.schema.js';
import {catalogTenant, skuOf} from '../helpers/catalog-tenant.js';
import {errorsText} from '../helpers/schema.js';

const validate = consequences;
const now = new Date('2026-11-25T12:00:00.000Z');

/** Products whose mixes reach every level: Plan 2, Plan 1, Kiosk, undocumented sizes, the archive add-ons, OneDrive and Office variants. */
const products = [
	'ENTERPRISEPACK',
	'STANDARDPACK',
	'SPB',
	'O365_BUSINESS_ESSENTIALS',
	'EXCHANGESTANDARD',
	'EXCHANGEARCHIVE_ADDON',
	'EXCHANGEARCHIVE',
	'EXCHANGEDESKLESS',
	'EXCHANGE_S_ESSENTIALS',
	'SPE_F1',
	'M365_F1_COMM',
	'VISIOCLIENT',
	'WACONEDRIVEENTERPRISE',
];

describe('--json consequences', () => {
	it('the schema names every level of every kind', () => {
		const levels = new Set(capabilityKinds.flatMap(kind => levelNames[kind]));
		expect(new Set(Output.definitions.level.enum)).toEqual(levels);
	});

	it('every pair of real products, either one removed: validates, and a reduction names both ends', () => {
		let reduced = 0;
		for (const a of products) {
			for (const b of products) {
				if (a >= b) continue;
				const tenant = catalogTenant({'Kim Akers': [{sku: a}, {sku: b}]});
				for (const removed of [a, b]) {
					const [item] = planUnassign(tenant, ['user-1'], [skuOf(removed)]).items;
					const list = consequenceList(consequencesOf(tenant, item!, now));
					if (!validate(list)) throw new Error(`${a} + ${b}, ${removed} removed: ${errorsText(validate.errors)} in ${JSON.stringify(list)}`);
					for (const entry of list.filter(e => e.effect === 'reduced')) {
						expect(entry.from).not.toBe(entry.to);
						reduced++;
					}
				}
			}
		}
		expect(reduced).toBeGreaterThan(20);
	});

	it('a level the contract does not allow for the kind is refused', () => {
		expect(validate([{kind: 'archive', effect: 'reduced', from: 'auto-expanding', to: 'kiosk', text: 'x'}])).toBe(false);
		expect(validate([{kind: 'mailbox', effect: 'reduced', text: 'x'}])).toBe(false);
	});
});
