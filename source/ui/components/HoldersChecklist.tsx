// A product's holders to tick: on the product's page, and in the guided session's second step.
import type {Tenant, User} from '../../domain/model.js';
import {assignmentSources, filterUsers, holdersOf} from '../../domain/selectors.js';
import {strings} from '../../text/index.js';
import {namesOf} from '../use-apply.js';
import type {Names} from '../../domain/selectors.js';
import {useChecklist, type Checklist} from './use-checklist.js';
import {UserChecklist} from './UserChecklist.js';

/** What a holder's row says beside the name: a blocked sign-in, and the groups that license them. */
function holderNote(user: User, skuId: string, names: Names): string {
	const sources = assignmentSources(user, skuId);
	const via = sources.groupIds.length > 0 ? names.groups(sources.groupIds) : '';
	return [user.accountEnabled ? '' : strings.product.disabled, via ? (sources.direct ? strings.product.alsoGroup(via) : strings.product.groupOnly(via)) : '']
		.filter(Boolean)
		.join(' · ');
}

/** Holders filtered by name or username (every one of them holds the product, so not by product). */
export function useHoldersChecklist(tenant: Tenant, skuId: string, height: number): Checklist<User> {
	const filter = (users: readonly User[], query: string) => filterUsers(tenant, users, query, {byProduct: false});
	return useChecklist(holdersOf(tenant, skuId), user => user.id, filter, height);
}

interface Props {
	tenant: Tenant;
	skuId: string;
	checklist: Checklist<User>;
	height: number;
	width: number;
}

export function HoldersChecklist({tenant, skuId, checklist, height, width}: Props) {
	const names = namesOf(tenant);
	return (
		<UserChecklist
			checklist={checklist}
			heading={strings.product.users(holdersOf(tenant, skuId).length)}
			empty={strings.product.noUsers}
			height={height}
			width={width}
			note={user => holderNote(user, skuId, names)}
		/>
	);
}
