// A product opened from Licenses: its subscriptions, and the users who hold it, to tick and unassign.
import {Box, Text} from 'ink';
import {useState} from 'react';
import type {User} from '../../domain/model.js';
import {planUnassign, plannedRemovals, type UnassignPlan, type UserOutcome} from '../../domain/plan.js';
import {assignmentSources, filterUsers, holdersOf, indexTenant, productBySku} from '../../domain/selectors.js';
import {useChrome} from '../chrome.js';
import {ConfirmDialog} from '../components/ConfirmDialog.js';
import {initialConfirmFocus, nextConfirmFocus, type ConfirmFocus} from '../components/confirm-state.js';
import {FilterBar} from '../components/FilterBar.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {useFilter} from '../components/use-filter.js';
import {listHandlers} from '../components/list-handlers.js';
import {useList} from '../components/use-list.js';
import {WindowedList, windowLabel} from '../components/WindowedList.js';
import type {ActionId} from '../keys.js';
import {useAppState, useStore} from '../store-context.js';
import {strings} from '../strings.js';
import {toggleTick, tickAll} from '../components/ticks.js';

export function outcomeSummary(outcomes: readonly UserOutcome[], productName: string): string {
	const count = (kind: UserOutcome['outcome']) => outcomes.filter(o => o.outcome === kind).length;
	const removed = count('removed');
	const skipped = count('skipped');
	const failed = count('failed');
	return (
		strings.unassign.done(removed, productName) +
		(skipped > 0 ? strings.unassign.skipped(skipped) : '') +
		(failed > 0 ? strings.unassign.failed(failed) : '')
	);
}

export function ProductScreen({skuId}: {skuId: string}) {
	const {tenant, busy} = useAppState();
	const store = useStore();
	const chrome = useChrome();
	const filter = useFilter();
	const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
	const [confirming, setConfirming] = useState<UnassignPlan | null>(null);
	const [focus, setFocus] = useState<ConfirmFocus>(initialConfirmFocus);

	const product = productBySku(tenant, skuId);
	const holders = holdersOf(tenant, skuId);
	const shown = filterUsers(holders, filter.query);
	const {groupsById, usersById} = indexTenant(tenant);
	const subscriptions = product?.subscriptions ?? [];
	const owner = product?.selfServiceOwnerId ? usersById.get(product.selfServiceOwnerId) : undefined;
	// Title, counts, subscription heading and rows, a blank, users heading, the filter line.
	const fixedRows = 4 + subscriptions.length + 2 + (product?.selfServiceOwnerId ? 1 : 0);
	const listHeight = Math.max(1, chrome.bodyRows - fixedRows);
	const list = useList(shown.length, listHeight);
	const width = chrome.size.columns - 1;

	if (!product) return null;

	const tickedHolders = (set: ReadonlySet<string>) => holders.filter(user => set.has(user.id));
	const disabled = new Set<ActionId>(tickedHolders(ticked).length === 0 ? ['unassign'] : []);

	const groupNames = (ids: string[]) => ids.map(id => groupsById.get(id)?.displayName ?? id).join(', ');

	const unassign = async (plan: UnassignPlan) => {
		setConfirming(null);
		chrome.setStatus(strings.unassign.working);
		try {
			const outcomes = await store.unassign(plan);
			setTicked(new Set());
			chrome.setStatus(outcomeSummary(outcomes, product.name));
		} catch (error) {
			chrome.setStatus(strings.unassign.error((error as Error).message));
		}
	};

	if (confirming) {
		const removing = confirming.items.filter(item => item.remove.length > 0);
		const skipping = confirming.items.filter(item => item.skip.length > 0);
		// Question, a blank, then the users; the skipped ones after; border, title and buttons take 5.
		const room = Math.max(1, chrome.bodyRows - 7 - (skipping.length > 0 ? skipping.length + 1 : 0));
		const listed = removing.slice(0, removing.length > room ? room - 1 : room);
		const cancel = () => {
			setConfirming(null);
			setFocus(initialConfirmFocus);
		};
		const confirm = () => {
			setFocus(initialConfirmFocus);
			void unassign(confirming);
		};
		return (
			<ScreenFrame
				contexts={['dialog']}
				handlers={{
					confirm,
					cancel,
					back: cancel,
					focusNext: () => setFocus(nextConfirmFocus),
					press: focus === 'confirm' ? confirm : cancel,
				}}
			>
				<ConfirmDialog
					title={strings.unassign.title}
					focus={focus}
					cancelLabel={strings.unassign.cancel}
					confirmLabel={strings.unassign.confirm}
				>
					<Text wrap="truncate-end">{strings.unassign.question(plannedRemovals(confirming), product.name)}</Text>
					<Text> </Text>
					{listed.map(item => (
						<Text key={item.userId} wrap="truncate-end">
							{'  '}
							{item.displayName} <Text dimColor>{item.userPrincipalName}</Text>
							{item.keptThroughGroups[skuId] ? (
								<Text dimColor>{` (${strings.product.alsoGroup(groupNames(item.keptThroughGroups[skuId]))})`}</Text>
							) : null}
						</Text>
					))}
					{listed.length < removing.length ? <Text dimColor>{strings.unassign.more(removing.length - listed.length)}</Text> : null}
					{skipping.length > 0 ? <Text>{strings.unassign.willSkip(skipping.length)}</Text> : null}
					{skipping.map(item => (
						<Text key={item.userId} wrap="truncate-end" dimColor>
							{'  '}
							{item.displayName}: {item.skip.map(skip => strings.unassign.skippedReason[skip.reason]).join('; ')}
						</Text>
					))}
				</ConfirmDialog>
			</ScreenFrame>
		);
	}

	return (
		<ScreenFrame
			contexts={['product', 'checklist', 'list']}
			text={filter.field}
			disabled={disabled}
			handlers={{
				...listHandlers(list),
				filter: filter.start,
				back: filter.query ? filter.clear : undefined,
				tick: () => {
					const current: User | undefined = shown[list.state.cursor];
					if (current) setTicked(previous => toggleTick(previous, current.id));
				},
				tickAll: () => setTicked(previous => tickAll(previous, shown.map(user => user.id))),
				unassign: () => {
					if (busy) return;
					const users = tickedHolders(ticked);
					if (users.length === 0) {
						chrome.setStatus(strings.unassign.nothingTicked);
						return;
					}
					setFocus(initialConfirmFocus);
					setConfirming(planUnassign(tenant, users.map(user => user.id), [skuId]));
				},
			}}
		>
			<Text bold wrap="truncate-end">
				{strings.screens.licenses} › {product.name}
			</Text>
			<Text>
				{strings.licenses.assigned} {product.assigned} · {strings.licenses.available} {product.available} ·{' '}
				{strings.licenses.total} {product.total}
			</Text>
			{owner || product.selfServiceOwnerId ? (
				<Text wrap="truncate-end">{strings.product.selfService(owner?.displayName ?? product.selfServiceOwnerId ?? '')}</Text>
			) : null}
			<Box>
				<Box width={40}>
					<Text bold>{strings.product.subscription}</Text>
				</Box>
				<Box width={12}>
					<Text bold>{strings.product.status}</Text>
				</Box>
				<Text bold>{strings.product.licenses}</Text>
			</Box>
			{subscriptions.map(subscription => (
				<Box key={subscription.id}>
					<Box width={40}>
						<Text>{subscription.id}</Text>
					</Box>
					<Box width={12}>
						<Text>{subscription.status}</Text>
					</Box>
					<Text>{subscription.totalLicenses}</Text>
				</Box>
			))}
			<Text> </Text>
			<Box justifyContent="space-between" width={width + 1}>
				<Text bold>
					{strings.product.users(holders.length)}
					{ticked.size > 0 ? <Text> · {strings.product.selected(tickedHolders(ticked).length)}</Text> : null}
				</Text>
				<Text dimColor>{windowLabel(list.state, listHeight, shown.length)}</Text>
			</Box>
			<WindowedList
				items={shown}
				state={list.state}
				height={listHeight}
				empty={filter.query ? strings.product.noMatch(filter.query) : strings.product.noUsers}
				rowKey={user => user.id}
				renderRow={(user, selected) => {
					const sources = assignmentSources(user, skuId);
					const via = sources.groupIds.length > 0 ? groupNames(sources.groupIds) : '';
					return (
						<Box width={width}>
							<Text>{ticked.has(user.id) ? ' [x] ' : ' [ ] '}</Text>
							<Box width={24}>
								<Text wrap="truncate-end" inverse={selected}>
									{user.displayName}
								</Text>
							</Box>
							<Box flexGrow={1} flexShrink={1}>
								<Text wrap="truncate-end" dimColor>
									{user.userPrincipalName}
								</Text>
							</Box>
							<Text wrap="truncate-end">
								{!user.accountEnabled ? ` ${strings.product.disabled}` : ''}
								{via ? ` ${sources.direct ? strings.product.alsoGroup(via) : strings.product.groupOnly(via)}` : ''}
							</Text>
						</Box>
					);
				}}
			/>
			<FilterBar filter={filter} />
		</ScreenFrame>
	);
}
