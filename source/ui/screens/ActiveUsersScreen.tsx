// Users > Active users: every user with their products, filtered (licensed, unlicensed, sign-in
// blocked, a product) and sorted (display name, username, licenses) as in the admin center. Enter
// opens one user's Licenses and apps; with two or more ticked, m opens Manage product licenses. The
// order, the filter and what is on top are a reducer (active-users-state.ts); this is its view.
import {Box} from 'ink';
import {Text} from '../components/Text.js';
import {useEffect, useMemo, useReducer, useRef, type Dispatch} from 'react';
import type {Tenant, User} from '../../domain/model.js';
import type {ActionId} from '../keys.js';
import {userSearchSteps} from '../../domain/user-search.js';
import {inTurns} from '../in-turns.js';
import {filterUsers, indexTenant, productNameOf, shortProductName, sortedUsers, usersIn} from '../../domain/selectors.js';
import {useChrome} from '../chrome.js';
import {Row, userCells} from '../components/Row.js';
import {ChoiceList, type Choice} from '../components/ChoiceList.js';
import {fitColumns, widest} from '../components/columns.js';
import {FilterBar} from '../components/FilterBar.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {useChecklist, type Checklist} from '../components/use-checklist.js';
import {WindowedList, windowLabel} from '../components/WindowedList.js';
import {useAppState} from '../store-context.js';
import {strings} from '../../text/index.js';
import {deletionBlock} from '../../domain/rules.js';
import {DeletedUsersPanel} from './DeletedUsersPanel.js';
import {DeleteUserPanel} from './DeleteUserPanel.js';
import {ManagePanel} from './ManagePanel.js';
import {UserPanel} from './UserPanel.js';
import {activeUsers, filterKey, initialActiveUsers, type ActiveUsersEvent, type ActiveUsersState} from './active-users-state.js';

/** The products a user holds, by the short names the list shows. */
function licensesText(user: User, names: ReadonlyMap<string, string>): string {
	const blocked = user.accountEnabled ? '' : `(${strings.product.disabled}) `;
	return blocked + (user.assignedLicenses.length === 0 ? strings.users.unlicensed : user.assignedLicenses.map(l => names.get(l.skuId) ?? l.skuId).join(', '));
}

export function ActiveUsersScreen() {
	const {tenant} = useAppState();
	const chrome = useChrome();
	const [state, dispatch] = useReducer(activeUsers, initialActiveUsers);
	const {sort, filter: shownFilter, onTop} = state;
	// Sorted once per tenant and order, filtered once per filter: never on a key that only moves. The
	// screen is mounted hidden when the app opens: it sorts when first shown, not before the first frame.
	const shownOnce = useRef(false);
	if (chrome.active) shownOnce.current = true;
	const shownFilterKey = filterKey(shownFilter);
	const users = useMemo(
		() => (shownOnce.current ? usersIn(sortedUsers(tenant, sort), shownFilter) : tenant.users),
		// The filter by its key (a new object with the same words filters alike); shownOnce is read as it is at render.
		// eslint-disable-next-line react-hooks/exhaustive-deps -- see above
		[tenant, sort, shownFilterKey, shownOnce.current],
	);
	// After the first frame, while no one looks: the list sorted and its search index made, so the
	// first visit and the first letter typed into / find that work done.
	useEffect(() => {
		let shown: readonly User[] = [];
		return inTurns([() => void (shown = usersIn(sortedUsers(tenant, sort), shownFilter)), ...userSearchSteps(() => shown)]);
		// eslint-disable-next-line react-hooks/exhaustive-deps -- the filter by its key, as above
	}, [tenant, sort, shownFilterKey]);
	// Title, column headings, filter line.
	const listHeight = Math.max(1, chrome.bodyRows - 3);
	// Here, not in the list's view: ticks, cursor and filter stay under a panel.
	const checklist = useChecklist(
		users,
		user => user.id,
		(list, query) => filterUsers(tenant, list, query),
		listHeight,
	);

	const close = () => dispatch({type: 'close'});
	switch (onTop.kind) {
		case 'user':
			return <UserPanel userId={onTop.userId} onClose={close} />;
		case 'delete':
			return <DeleteUserPanel userId={onTop.userId} onClose={close} />;
		case 'deleted':
			return <DeletedUsersPanel onClose={close} />;
		case 'manage': {
			const done = () => {
				checklist.clearTicks();
				close();
			};
			return <ManagePanel userIds={onTop.userIds} onCancel={close} onDone={done} />;
		}
		case 'filter':
		case 'sort':
			return <ShownChoice state={state} dispatch={dispatch} />;
		case 'list':
			return <UsersList state={state} dispatch={dispatch} checklist={checklist} height={listHeight} />;
	}
}

/** f and o: the filter, or the order, to show the list in. */
function ShownChoice({state, dispatch}: {state: ActiveUsersState; dispatch: Dispatch<ActiveUsersEvent>}) {
	const {tenant} = useAppState();
	const chrome = useChrome();
	const byFilter = state.onTop.kind === 'filter';
	const choices: Array<Choice<ActiveUsersEvent>> = byFilter
		? [
				...(['all', 'licensed', 'unlicensed', 'blocked'] as const).map(kind => ({
					key: kind,
					label: strings.users.filters[kind],
					value: {type: 'filter' as const, filter: {kind}},
				})),
				...indexTenant(tenant).products.map(p => ({
					key: p.skuId,
					label: strings.users.productFilter(p.name),
					value: {type: 'filter' as const, filter: {kind: 'product' as const, skuId: p.skuId}},
				})),
			]
		: (['displayName', 'userPrincipalName', 'licenses'] as const).map(by => ({
				key: by,
				label: strings.users.sorts[by],
				value: {type: 'sort' as const, sort: by},
			}));
	const current = byFilter ? filterKey(state.filter) : state.sort;
	return (
		<ScreenFrame contexts={['choice']} handlers={{back: () => dispatch({type: 'close'})}}>
			<Text bold>{byFilter ? strings.users.filterTitle : strings.users.sortTitle}</Text>
			<ChoiceList
				choices={choices}
				focused={chrome.active}
				initial={Math.max(
					0,
					choices.findIndex(c => c.key === current),
				)}
				limit={Math.max(1, chrome.bodyRows - 1)}
				onChoose={dispatch}
			/>
		</ScreenFrame>
	);
}

interface ListProps {
	state: ActiveUsersState;
	dispatch: Dispatch<ActiveUsersEvent>;
	checklist: Checklist<User>;
	height: number;
}

/** Why m, or D on the user under the cursor, would be refused now: said when pressed, and by ?. */
function usersRefusals(checklist: Checklist<User>, tenant: Tenant, admin: string): Map<ActionId, string> {
	const user = checklist.shown[checklist.list.state.cursor];
	const block = user ? deletionBlock(tenant, admin, user) : null;
	return new Map([
		...(checklist.tickCount < 2 ? [['manage', strings.users.manageNeedsTwo] as const] : []),
		...(block ? [['deleteUser', strings.deleteUser.blocked[block]] as const] : []),
	]);
}

/** The keys of the list: each opens what it names over the list. */
function useUsersKeys({dispatch, checklist}: ListProps) {
	const {shown, list} = checklist;
	const atCursor = () => shown[list.state.cursor];
	return {
		...checklist.handlers,
		open: () => {
			const user = atCursor();
			if (user) dispatch({type: 'open', onTop: {kind: 'user', userId: user.id}});
		},
		deleteUser: () => {
			const user = atCursor();
			if (user) dispatch({type: 'open', onTop: {kind: 'delete', userId: user.id}});
		},
		deletedUsers: () => dispatch({type: 'open', onTop: {kind: 'deleted'}}),
		filterUsers: () => dispatch({type: 'open', onTop: {kind: 'filter'}}),
		sortUsers: () => dispatch({type: 'open', onTop: {kind: 'sort'}}),
		manage: () => {
			dispatch({type: 'open', onTop: {kind: 'manage', userIds: checklist.tickedItems.map(user => user.id)}});
		},
	};
}

function UsersList(props: ListProps) {
	const {state, checklist, height: listHeight} = props;
	const {sort, filter: shownFilter} = state;
	const {tenant, admin} = useAppState();
	const chrome = useChrome();
	const handlers = useUsersKeys(props);
	const {filter, list, shown, isTicked, tickCount} = checklist;
	const names = new Map(indexTenant(tenant).products.map(p => [p.skuId, shortProductName(p.name)]));
	const width = chrome.size.columns - 1;
	// Names and usernames as wide as the rows on screen need: they say who someone is. The licenses
	// give way first (to 20 columns), then a narrow terminal cuts usernames, then names.
	const visible = shown.slice(list.state.offset, list.state.offset + listHeight);
	const [nameWidth, upnWidth] = fitColumns(
		[
			{want: widest([strings.users.name, ...visible.map(u => u.displayName)]) + 1, min: 14},
			{want: widest([strings.users.upn, ...visible.map(u => u.userPrincipalName)]) + 1, min: 16},
			{want: widest([strings.users.licenses, ...visible.map(u => licensesText(u, names))]), min: 20},
		],
		width - 4,
		[2, 1, 0],
	);
	const filtered = shown.length !== tenant.users.length;
	const describe = [
		...(shownFilter.kind === 'all'
			? []
			: [shownFilter.kind === 'product' ? strings.users.productFilter(productNameOf(tenant, shownFilter.skuId)) : strings.users.filters[shownFilter.kind]]),
		...(sort === 'displayName' ? [] : [strings.users.sortedBy(strings.users.sorts[sort])]),
	];

	return (
		<ScreenFrame contexts={['users', 'checklist', 'list']} text={filter.field} disabled={usersRefusals(checklist, tenant, admin)} handlers={handlers}>
			<Box justifyContent="space-between" width={width + 1}>
				<Box flexShrink={1}>
					<Text bold wrap="truncate-end">
						{strings.screens.users}{' '}
						<Text dimColor>({filtered ? strings.users.countOf(shown.length, tenant.users.length) : strings.users.count(tenant.users.length)})</Text>
						{tickCount > 0 ? <Text> · {strings.product.selected(tickCount)}</Text> : null}
						{describe.length > 0 ? <Text dimColor> · {describe.join(' · ')}</Text> : null}
					</Text>
				</Box>
				<Box flexShrink={0}>
					<Text dimColor>{windowLabel(list.state, listHeight, shown.length)}</Text>
				</Box>
			</Box>
			<Box marginLeft={1}>
				<Row
					width={width}
					cells={[
						{text: '', width: 4},
						{text: strings.users.name, width: nameWidth, bold: true},
						{text: strings.users.upn, width: upnWidth, bold: true},
						{text: strings.users.licenses, bold: true},
					]}
				/>
			</Box>
			<WindowedList
				items={shown}
				state={list.state}
				height={listHeight}
				empty={filter.query ? strings.product.noMatch(filter.query) : strings.users.noneShown}
				renderRow={(user, selected, index) => (
					<Row
						width={width}
						cells={[{text: isTicked(index) ? '[x]' : '[ ]', width: 4}, ...userCells(user, selected, nameWidth, upnWidth), {text: licensesText(user, names)}]}
					/>
				)}
			/>
			<FilterBar filter={filter} hint={strings.filter.usersHint} />
		</ScreenFrame>
	);
}
