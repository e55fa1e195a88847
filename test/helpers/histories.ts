// Histories the app could have saved for the demo tenant, for property tests of what replays them.
import fc from 'fast-check';
import type {Change} from '../../source/domain/changes.js';
import {demoTenant} from './tenant.js';

const tenant = demoTenant();
// Some users of every kind, group members among them (leaving a group takes their licenses).
const groupMembers = tenant.users.filter(u => u.licenseAssignmentStates.some(s => s.assignedByGroup !== null)).slice(0, 4);
const userIds = [...new Set([...tenant.users.slice(0, 6), ...groupMembers].map(u => u.id))];
const skuIds = tenant.subscribedSkus.map(s => s.skuId);
const groupIds = tenant.groups.map(g => g.id);
export const times = Array.from({length: 50}, (_, i) => new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString());

/** A history the app could have saved: a user is deleted only while there, and restored only while deleted. */
export const histories = fc
	.array(
		fc.record({
			kind: fc.constantFrom('licenses', 'licenses', 'licenses', 'delete', 'restore', 'leave-group'),
			user: fc.constantFrom(...userIds),
			add: fc.subarray(skuIds, {maxLength: 2}),
			remove: fc.subarray(skuIds, {maxLength: 2}),
			group: fc.constantFrom(...groupIds),
			// Some assignments turn apps off: a plan id of the product, or none.
			apps: fc.subarray(['p1', 'p2'], {maxLength: 2}),
		}),
		{maxLength: 40},
	)
	.map(steps => {
		const deleted = new Set<string>();
		const changes: Change[] = [];
		for (const [i, step] of steps.entries()) {
			const time = times[i]!;
			if (step.kind === 'delete') {
				// The store deletes only a user it shows (store.deleteUser).
				if (deleted.has(step.user)) continue;
				deleted.add(step.user);
				changes.push({type: 'delete', time, userId: step.user});
			} else if (step.kind === 'restore') {
				if (!deleted.delete(step.user)) continue;
				changes.push({type: 'restore', time, userId: step.user});
			} else if (step.kind === 'leave-group') {
				changes.push({type: 'leave-group', time, userId: step.user, groupId: step.group});
			} else {
				const disabledPlans = step.apps.length > 0 && step.add.length > 0 ? {[step.add[0]!]: step.apps} : undefined;
				changes.push({time, userId: step.user, add: step.add, remove: step.remove, ...(disabledPlans ? {disabledPlans} : {})});
			}
		}
		return changes;
	});
