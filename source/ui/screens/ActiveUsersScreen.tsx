// Users > Active users. For now a list to look through; managing licenses from it comes next.
import {Box, Text} from 'ink';
import {filterUsers, indexTenant} from '../../domain/selectors.js';
import {useChrome} from '../chrome.js';
import {Cell} from '../components/Cell.js';
import {FilterBar} from '../components/FilterBar.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {useFilter} from '../components/use-filter.js';
import {listHandlers} from '../components/list-handlers.js';
import {useList} from '../components/use-list.js';
import {WindowedList, windowLabel} from '../components/WindowedList.js';
import {useAppState} from '../store-context.js';
import {strings} from '../strings.js';

const nameWidth = 24;
const upnWidth = 31;

export function ActiveUsersScreen() {
	const {tenant} = useAppState();
	const chrome = useChrome();
	const filter = useFilter();
	const users = filterUsers(tenant.users, filter.query);
	const {products} = indexTenant(tenant);
	const names = new Map(products.map(p => [p.skuId, p.name]));
	// Title, placeholder note, column headings, filter line.
	const listHeight = Math.max(1, chrome.bodyRows - 4);
	const list = useList(users.length, listHeight);
	const width = chrome.size.columns - 1;

	return (
		<ScreenFrame
			contexts={['users', 'list']}
			text={filter.field}
			handlers={{
				...listHandlers(list, filter),
			}}
		>
			<Box justifyContent="space-between" width={width + 1}>
				<Text bold>
					{strings.screens.users} <Text dimColor>({strings.users.count(tenant.users.length)})</Text>
				</Text>
				<Text dimColor>{windowLabel(list.state, listHeight, users.length)}</Text>
			</Box>
			<Text dimColor wrap="truncate-end">
				{strings.users.placeholder}
			</Text>
			<Box width={width} marginLeft={1}>
				<Cell width={nameWidth} bold>
					{strings.users.name}
				</Cell>
				<Cell width={upnWidth} bold>
					{strings.users.upn}
				</Cell>
				<Cell bold>{strings.users.licenses}</Cell>
			</Box>
			<WindowedList
				items={users}
				state={list.state}
				height={listHeight}
				empty={strings.product.noMatch(filter.query)}
				rowKey={user => user.id}
				renderRow={(user, selected) => (
					<Box width={width}>
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
			<FilterBar filter={filter} />
		</ScreenFrame>
	);
}
