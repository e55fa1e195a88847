// Users > Active users: every user with their products. Enter opens one user's Licenses and apps;
// with two or more ticked, m opens Manage product licenses.
import {Box} from 'ink';
import {Text} from '../components/Text.js';
import {useState} from 'react';
import {filterUsers, indexTenant, shortProductName} from '../../domain/selectors.js';
import {useChrome} from '../chrome.js';
import {Cell} from '../components/Cell.js';
import {FilterBar} from '../components/FilterBar.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {useChecklist} from '../components/use-checklist.js';
import {WindowedList, windowLabel} from '../components/WindowedList.js';
import {useAppState} from '../store-context.js';
import {strings} from '../strings.js';
import {deletionBlock} from '../../domain/rules.js';
import {DeletedUsersPanel} from './DeletedUsersPanel.js';
import {DeleteUserPanel} from './DeleteUserPanel.js';
import {ManagePanel} from './ManagePanel.js';
import {UserPanel} from './UserPanel.js';

const nameWidth = 22;
const upnWidth = 30;

type Mode =
	| {kind: 'list'}
	| {kind: 'user'; userId: string}
	| {kind: 'manage'; userIds: string[]}
	| {kind: 'delete'; userId: string}
	| {kind: 'deleted'};

export function ActiveUsersScreen() {
	const {tenant, admin} = useAppState();
	const chrome = useChrome();
	const [mode, setMode] = useState<Mode>({kind: 'list'});
	const {products} = indexTenant(tenant);
	const names = new Map(products.map(p => [p.skuId, shortProductName(p.name)]));
	// Title, column headings, filter line.
	const listHeight = Math.max(1, chrome.bodyRows - 3);
	const checklist = useChecklist(tenant.users, user => user.id, (users, query) => filterUsers(tenant, users, query), listHeight);
	const {filter, list, shown, isTicked, tickCount, tickedItems} = checklist;
	const width = chrome.size.columns - 1;

	const toList = () => setMode({kind: 'list'});
	if (mode.kind === 'user') return <UserPanel userId={mode.userId} onClose={toList} />;
	if (mode.kind === 'delete') return <DeleteUserPanel userId={mode.userId} onClose={toList} />;
	if (mode.kind === 'deleted') return <DeletedUsersPanel onClose={toList} />;
	if (mode.kind === 'manage') {
		return (
			<ManagePanel
				userIds={mode.userIds}
				onCancel={() => setMode({kind: 'list'})}
				onDone={() => {
					checklist.clearTicks();
					setMode({kind: 'list'});
				}}
			/>
		);
	}

	return (
		<ScreenFrame
			contexts={['users', 'checklist', 'list']}
			text={filter.field}
			disabled={new Set(tickedItems.length < 2 ? ['manage'] : [])}
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
				manage: () => {
					if (tickedItems.length < 2) return chrome.setStatus(strings.users.manageNeedsTwo);
					setMode({kind: 'manage', userIds: tickedItems.map(user => user.id)});
				},
			}}
		>
			<Box justifyContent="space-between" width={width + 1}>
				<Text bold>
					{strings.screens.users} <Text dimColor>({strings.users.count(tenant.users.length)})</Text>
					{tickCount > 0 ? <Text> · {strings.product.selected(tickCount)}</Text> : null}
				</Text>
				<Text dimColor>{windowLabel(list.state, listHeight, shown.length)}</Text>
			</Box>
			<Box width={width} marginLeft={1}>
				<Cell width={4}> </Cell>
				<Cell width={nameWidth} bold>
					{strings.users.name}
				</Cell>
				<Cell width={upnWidth} bold>
					{strings.users.upn}
				</Cell>
				<Cell bold>{strings.users.licenses}</Cell>
			</Box>
			<WindowedList
				items={shown}
				state={list.state}
				height={listHeight}
				empty={strings.product.noMatch(filter.query)}
				rowKey={user => user.id}
				renderRow={(user, selected, index) => (
					<Box width={width}>
						<Cell width={4}>{isTicked(index) ? '[x]' : '[ ]'}</Cell>
						<Cell width={nameWidth} inverse={selected}>
							{user.displayName}
						</Cell>
						<Cell width={upnWidth} dim>
							{user.userPrincipalName}
						</Cell>
						<Cell>
							{!user.accountEnabled ? `(${strings.product.disabled}) ` : ''}
							{user.assignedLicenses.length === 0
								? strings.users.unlicensed
								: user.assignedLicenses.map(l => names.get(l.skuId) ?? l.skuId).join(', ')}
						</Cell>
					</Box>
				)}
			/>
			<FilterBar filter={filter} hint={strings.filter.usersHint} />
		</ScreenFrame>
	);
}
