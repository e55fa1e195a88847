// Users > Active users: every user with their products, filtered (licensed, unlicensed, sign-in
// blocked, a product) and sorted (display name, username, licenses) as in the admin center. Enter
// opens one user's Licenses and apps; with two or more ticked, m opens Manage product licenses.
import {Box} from 'ink';
import {Text} from '../components/Text.js';
import {useEffect, useMemo, useRef, useState} from 'react';
import type {User} from '../../domain/model.js';
import {userSearchSteps} from '../../domain/user-search.js';
import {inTurns} from '../in-turns.js';
import {
	filterUsers,
	indexTenant,
	shortProductName,
	sortedUsers,
	usersIn,
	type UserFilter,
	type UserSort,
} from '../../domain/selectors.js';
import {useChrome} from '../chrome.js';
import {Row, userCells} from '../components/Row.js';
import {ChoiceList, type Choice} from '../components/ChoiceList.js';
import {fitColumns, widest} from '../components/columns.js';
import {FilterBar} from '../components/FilterBar.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {useChecklist} from '../components/use-checklist.js';
import {WindowedList, windowLabel} from '../components/WindowedList.js';
import {useAppState} from '../store-context.js';
import {strings} from '../../text/index.js';
import {deletionBlock} from '../../domain/rules.js';
import {DeletedUsersPanel} from './DeletedUsersPanel.js';
import {DeleteUserPanel} from './DeleteUserPanel.js';
import {ManagePanel} from './ManagePanel.js';
import {UserPanel} from './UserPanel.js';

type Mode =
	| {kind: 'list'}
	| {kind: 'user'; userId: string}
	| {kind: 'manage'; userIds: string[]}
	| {kind: 'delete'; userId: string}
	| {kind: 'deleted'}
	| {kind: 'filter'}
	| {kind: 'sort'};

const filterKey = (filter: UserFilter) => (filter.kind === 'product' ? `product:${filter.skuId}` : filter.kind);

/** The products a user holds, by the short names the list shows. */
function licensesText(user: User, names: ReadonlyMap<string, string>): string {
	const blocked = user.accountEnabled ? '' : `(${strings.product.disabled}) `;
	return blocked + (user.assignedLicenses.length === 0 ? strings.users.unlicensed : user.assignedLicenses.map(l => names.get(l.skuId) ?? l.skuId).join(', '));
}

export function ActiveUsersScreen() {
	const {tenant, admin} = useAppState();
	const chrome = useChrome();
	const [mode, setMode] = useState<Mode>({kind: 'list'});
	const [sort, setSort] = useState<UserSort>('displayName');
	const [shownFilter, setShownFilter] = useState<UserFilter>({kind: 'all'});
	const {products} = indexTenant(tenant);
	const names = new Map(products.map(p => [p.skuId, shortProductName(p.name)]));
	// Sorted once per tenant and order, filtered once per filter: never on a key that only moves. The
	// screen is mounted hidden when the app opens: it sorts when first shown, not before the first frame.
	const shownOnce = useRef(false);
	if (chrome.active) shownOnce.current = true;
	const users = useMemo(
		() => (shownOnce.current ? usersIn(sortedUsers(tenant, sort), shownFilter) : tenant.users),
		[tenant, sort, filterKey(shownFilter), shownOnce.current],
	);
	// After the first frame, while no one looks: the list sorted and its search index made, so the
	// first visit and the first letter typed into / find that work done.
	useEffect(() => {
		let shown: readonly User[] = [];
		return inTurns([() => void (shown = usersIn(sortedUsers(tenant, sort), shownFilter)), ...userSearchSteps(() => shown)]);
	}, [tenant, sort, filterKey(shownFilter)]);
	// Title, column headings, filter line.
	const listHeight = Math.max(1, chrome.bodyRows - 3);
	const checklist = useChecklist(users, user => user.id, (list, query) => filterUsers(tenant, list, query), listHeight);
	const {filter, list, shown, isTicked, tickCount} = checklist;
	const width = chrome.size.columns - 1;

	const toList = () => setMode({kind: 'list'});
	if (mode.kind === 'user') return <UserPanel userId={mode.userId} onClose={toList} />;
	if (mode.kind === 'delete') return <DeleteUserPanel userId={mode.userId} onClose={toList} />;
	if (mode.kind === 'deleted') return <DeletedUsersPanel onClose={toList} />;
	if (mode.kind === 'manage') {
		return (
			<ManagePanel
				userIds={mode.userIds}
				onCancel={toList}
				onDone={() => {
					checklist.clearTicks();
					toList();
				}}
			/>
		);
	}
	if (mode.kind === 'filter' || mode.kind === 'sort') {
		const choices: Array<Choice<() => void>> =
			mode.kind === 'filter'
				? [
						...(['all', 'licensed', 'unlicensed', 'blocked'] as const).map(kind => ({
							key: kind,
							label: strings.users.filters[kind],
							value: () => setShownFilter({kind}),
						})),
						...products.map(p => ({
							key: p.skuId,
							label: strings.users.productFilter(p.name),
							value: () => setShownFilter({kind: 'product', skuId: p.skuId}),
						})),
					]
				: (['displayName', 'userPrincipalName', 'licenses'] as const).map(by => ({key: by, label: strings.users.sorts[by], value: () => setSort(by)}));
		const current = mode.kind === 'filter' ? filterKey(shownFilter) : sort;
		return (
			<ScreenFrame contexts={['choice']} handlers={{back: toList}}>
				<Text bold>{mode.kind === 'filter' ? strings.users.filterTitle : strings.users.sortTitle}</Text>
				<ChoiceList
					choices={choices}
					focused={chrome.active}
					initial={Math.max(0, choices.findIndex(c => c.key === current))}
					limit={Math.max(1, chrome.bodyRows - 1)}
					onChoose={choose => {
						choose();
						toList();
					}}
				/>
			</ScreenFrame>
		);
	}

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
		...(shownFilter.kind === 'all' ? [] : [shownFilter.kind === 'product' ? strings.users.productFilter(names.get(shownFilter.skuId) ?? '') : strings.users.filters[shownFilter.kind]]),
		...(sort === 'displayName' ? [] : [strings.users.sortedBy(strings.users.sorts[sort])]),
	];

	return (
		<ScreenFrame
			contexts={['users', 'checklist', 'list']}
			text={filter.field}
			disabled={new Set(tickCount < 2 ? ['manage'] : [])}
			handlers={{
				...checklist.handlers,
				open: () => {
					const user = shown[list.state.cursor];
					if (user) setMode({kind: 'user', userId: user.id});
				},
				deleteUser: () => {
					const user = shown[list.state.cursor];
					if (!user) return;
					const block = deletionBlock(tenant, admin, user);
					if (block) return chrome.setStatus(strings.deleteUser.blocked[block]);
					setMode({kind: 'delete', userId: user.id});
				},
				deletedUsers: () => setMode({kind: 'deleted'}),
				filterUsers: () => setMode({kind: 'filter'}),
				sortUsers: () => setMode({kind: 'sort'}),
				manage: () => {
					if (tickCount < 2) return chrome.setStatus(strings.users.manageNeedsTwo);
					setMode({kind: 'manage', userIds: checklist.tickedItems.map(user => user.id)});
				},
			}}
		>
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
				rowKey={user => user.id}
				renderRow={(user, selected, index) => (
					<Row
						width={width}
						cells={[
							{text: isTicked(index) ? '[x]' : '[ ]', width: 4},
							...userCells(user, selected, nameWidth, upnWidth),
							{text: licensesText(user, names)},
						]}
					/>
				)}
			/>
			<FilterBar filter={filter} hint={strings.filter.usersHint} />
		</ScreenFrame>
	);
}
