// What a backend stopped part-way gives back for the users it never sent: for test backends that
// stand in for a live tenant stopped by esc or Ctrl-C.
import type {PlanItem, UserOutcome} from '../../source/domain/plan.js';

/** Every removal of `items` not sent, in the words a live tenant uses after a stop. */
export function notSentAfterStop(items: readonly PlanItem[]): UserOutcome[] {
	return items.flatMap(item =>
		item.remove.map(skuId => ({
			userId: item.userId,
			userPrincipalName: item.userPrincipalName,
			skuId,
			requested: 'remove' as const,
			outcome: 'not-sent' as const,
			reason: null,
			message: 'Not sent: stopped (esc or Ctrl-C). Nothing was changed for this user.',
		})),
	);
}
