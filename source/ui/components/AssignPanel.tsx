// Assign licenses (+ on a product page): tick users who do not have the product, then assign.
// The way back within the mailbox's 30-day window, and the next step after unassigning.
import {Text} from './Text.js';
import {useMemo, useState} from 'react';
import {allWentThrough, planAssign, type LicensePlan, type UserOutcome} from '../../domain/plan.js';
import {assignmentSources, filterUsers, productBySku, sortedUsers} from '../../domain/selectors.js';
import {useChrome} from '../chrome.js';
import {ConfirmPanel} from './ConfirmPanel.js';
import {ResultPanel} from './ResultPanel.js';
import {ScreenFrame} from './ScreenFrame.js';
import {useChecklist} from './use-checklist.js';
import {UserChecklist} from './UserChecklist.js';
import {useAppState} from '../store-context.js';
import {strings} from '../../text/index.js';
import {useApply} from '../use-apply.js';

export function AssignPanel({skuId, onClose}: {skuId: string; onClose: () => void}) {
	const {tenant, busy} = useAppState();
	const chrome = useChrome();
	const apply = useApply();
	const [confirming, setConfirming] = useState<LicensePlan | null>(null);
	const [results, setResults] = useState<UserOutcome[] | null>(null);
	const product = productBySku(tenant, skuId);
	// Users who hold the product in no way (through a group they already have it), by display name as every list of users.
	const candidates = useMemo(
		() =>
			sortedUsers(tenant, 'displayName').filter(user => {
				const sources = assignmentSources(user, skuId);
				return !sources.direct && sources.groupIds.length === 0;
			}),
		[tenant, skuId],
	);
	// Title, count line, filter line.
	const listHeight = Math.max(1, chrome.bodyRows - 3);
	const checklist = useChecklist(
		candidates,
		user => user.id,
		(users, query) => filterUsers(tenant, users, query),
		listHeight,
	);
	const {filter, tickedItems} = checklist;
	const width = chrome.size.columns - 1;
	if (!product) return null;

	if (results) return <ResultPanel title={strings.assign.resultsTitle} outcomes={results} onDone={onClose} />;

	if (confirming) {
		return (
			<ConfirmPanel
				title={strings.assign.title}
				question={strings.assign.question(product.name, confirming.items.filter(i => i.add.length > 0).length)}
				plan={confirming}
				byProduct
				confirmLabel={strings.assign.confirm}
				onCancel={() => setConfirming(null)}
				onConfirm={async () => {
					setConfirming(null);
					const outcomes = await apply(confirming, product);
					if (!outcomes) return;
					// Users who were skipped or failed are each shown, beside the ones that went through.
					if (allWentThrough(outcomes)) onClose();
					else setResults(outcomes);
				}}
			/>
		);
	}

	return (
		<ScreenFrame
			contexts={['assign', 'checklist', 'list']}
			text={filter.field}
			handlers={{
				...checklist.handlers,
				back: filter.query ? filter.clear : onClose,
				save: () => {
					if (busy) return;
					if (tickedItems.length === 0) return chrome.setStatus(strings.assign.nothingTicked);
					if (tickedItems.length > product.available) {
						return chrome.setStatus(strings.assign.tooMany(tickedItems.length, product.available));
					}
					setConfirming(
						planAssign(
							tenant,
							tickedItems.map(user => user.id),
							skuId,
						),
					);
				},
			}}
		>
			<Text bold wrap="truncate-end">
				{strings.assign.heading(product.name, product.available)}
			</Text>
			<UserChecklist
				checklist={checklist}
				heading={strings.assign.candidates(candidates.length)}
				empty={strings.assign.noCandidates}
				height={listHeight}
				width={width}
				note={user => (user.accountEnabled ? '' : strings.product.disabled)}
			/>
		</ScreenFrame>
	);
}
