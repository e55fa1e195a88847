// Reclaim: the licenses that can go, in three sections (redundant, sign-in blocked, not signed in for
// N days), each with its count and the licenses it would free. Tick candidates (a: the whole section
// shown), u unassigns them through the usual confirmation with the consequences panel.
import {Box} from 'ink';
import {Text} from '../components/Text.js';
import {useMemo, useReducer, useRef} from 'react';
import type {Tenant} from '../../domain/model.js';
import {plannedRemovals} from '../../domain/plan.js';
import {candidateConsequences, defaultInactiveDays, findReclaim, offeredSkus, reclaimPlan, reclaimTotals, type Candidate, type ReclaimSection} from '../../domain/reclaim.js';
import {queryNarrows, shortProductName} from '../../domain/selectors.js';
import {useChrome} from '../chrome.js';
import {Row, userCells} from '../components/Row.js';
import {ConfirmPanel} from '../components/ConfirmPanel.js';
import {FilterBar} from '../components/FilterBar.js';
import {NextStepsPanel} from '../components/NextStepsPanel.js';
import {ResultPanel} from '../components/ResultPanel.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {useChecklist, type Checklist} from '../components/use-checklist.js';
import {WindowedList, windowLabel} from '../components/WindowedList.js';
import {wrapText} from '../components/wrap-text.js';
import {useAppState} from '../store-context.js';
import {consequencePhrases, mailboxAdvice, notOfferedWords, reclaimReason, strings} from '../../text/index.js';
import {namesOf, useApply} from '../use-apply.js';
import {initialReclaimView, reclaimView} from './reclaim-state.js';

const nameWidth = 20;
const upnWidth = 27;
/** Title, section tabs, the section's summary; two rows saying more of the row under the cursor; the filter line. */
const fixedRows = 6;

const candidateId = (c: Candidate) => `${c.section}|${c.user.id}|${c.licenses.map(l => l.skuId).join(',')}`;

/** The / filter: a name, a username or a product, case-insensitive. */
function filterCandidates(tenant: Tenant, candidates: readonly Candidate[], query: string): readonly Candidate[] {
	const needle = query.trim().toLowerCase();
	if (needle === '') return candidates;
	const names = namesOf(tenant);
	return candidates.filter(
		c =>
			c.user.displayName.toLowerCase().includes(needle) ||
			c.user.userPrincipalName.toLowerCase().includes(needle) ||
			c.licenses.some(l => names.product(l.skuId).toLowerCase().includes(needle)),
	);
}

function useSectionChecklist(tenant: Tenant, section: ReclaimSection, height: number): Checklist<Candidate> {
	return useChecklist(section.candidates, candidateId, (items, query) => filterCandidates(tenant, items, query), height, queryNarrows);
}

/** A section as its tab says it: the name and how many it lists (– when there is nothing to go on). */
function tabLabel(section: ReclaimSection, days: number): string {
	const n = section.candidates.length;
	if (section.id === 'inactive') return strings.reclaim.tab.inactive(section.unavailable ? null : n, days);
	return strings.reclaim.tab[section.id](n);
}

/** What the row under the cursor means: why it is listed, what is not offered, and what the user would lose. */
function detail(tenant: Tenant, candidate: Candidate, now: Date): string {
	const names = namesOf(tenant);
	const notOffered = candidate.licenses.flatMap(l => {
		const words = notOfferedWords(l, candidate, names);
		return words ? [`${shortProductName(names.product(l.skuId))}: ${words}`] : [];
	});
	const lose =
		candidate.section === 'redundant' || offeredSkus(candidate).length === 0
			? []
			: (() => {
					// The way to keep a leaver's mail first: the rest is in the confirmation too.
					const consequences = candidateConsequences(tenant, candidate, now);
					const advice = mailboxAdvice(consequences);
					return [...(advice ? [advice] : []), ...consequencePhrases(consequences, names.product)];
				})();
	return [reclaimReason(tenant, candidate, now), ...notOffered, ...lose].join(' · ');
}

export function ReclaimScreen() {
	const {tenant: current, busy} = useAppState();
	const chrome = useChrome();
	// Hidden (it is made before it is first opened), the screen keeps the tenant it was made with: a
	// change elsewhere does not make it look at every user at once. App finds the candidates after
	// each change while no one looks, so showing it again finds them ready.
	const made = useRef(current);
	if (chrome.active) made.current = current;
	const tenant = made.current;
	const apply = useApply();
	const [view, dispatch] = useReducer(reclaimView, initialReclaimView);
	const days = defaultInactiveDays;
	// Once per tenant: a change gives a new one, and every count follows.
	const now = useMemo(() => new Date(), [tenant]);
	const sections = useMemo(() => findReclaim(tenant, {now, inactiveDays: days}), [tenant, now]);
	const listHeight = Math.max(1, chrome.bodyRows - fixedRows);
	const [redundant, blocked, inactive] = sections as [ReclaimSection, ReclaimSection, ReclaimSection];
	const checklists = {
		redundant: useSectionChecklist(tenant, redundant, listHeight),
		blocked: useSectionChecklist(tenant, blocked, listHeight),
		inactive: useSectionChecklist(tenant, inactive, listHeight),
	};
	const ticked = useMemo(
		() => [...checklists.redundant.tickedItems, ...checklists.blocked.tickedItems, ...checklists.inactive.tickedItems],
		[checklists.redundant.tickedItems, checklists.blocked.tickedItems, checklists.inactive.tickedItems],
	);
	const totals = useMemo(() => reclaimTotals(ticked), [ticked]);
	const section = sections.find(s => s.id === view.section)!;
	const checklist = checklists[view.section];
	const {filter, list, shown, isTicked} = checklist;
	const cursor = shown[list.state.cursor];
	const names = namesOf(tenant);
	const width = chrome.size.columns - 1;
	const explained = useMemo(() => (cursor ? wrapText(detail(tenant, cursor, now), width) : []), [tenant, cursor, now, width]);
	// The detail has two rows, and the rows the list leaves empty below its last candidate: a long one
	// (a language's longer words, a leaver's mailbox advice) is cut only when the list is full.
	const spare = listHeight - Math.min(listHeight, Math.max(1, shown.length));
	const detailRows = Math.max(2, Math.min(explained.length, 2 + spare));

	if (view.step.kind === 'confirm') {
		const {plan} = view.step;
		const users = plan.items.filter(item => item.remove.length > 0).length;
		return (
			<ConfirmPanel
				title={strings.screens.reclaim}
				question={strings.reclaim.question(plannedRemovals(plan), users)}
				plan={plan}
				confirmLabel={strings.unassign.confirm}
				onCancel={() => dispatch({type: 'cancel'})}
				onConfirm={async () => {
					dispatch({type: 'sending'});
					const outcomes = await apply(plan);
					if (outcomes) for (const each of Object.values(checklists)) each.clearTicks();
					dispatch({type: 'applied', outcomes});
				}}
			/>
		);
	}
	if (view.step.kind === 'sending') {
		return (
			<ScreenFrame contexts={[]} handlers={{}}>
				<Text>{strings.dialog.working}</Text>
			</ScreenFrame>
		);
	}
	if (view.step.kind === 'results') {
		return <ResultPanel title={strings.reclaim.resultsTitle} outcomes={view.step.outcomes} onDone={() => dispatch({type: 'done'})} />;
	}
	if (view.step.kind === 'next') {
		return <NextStepsPanel outcomes={view.step.outcomes} onDone={() => dispatch({type: 'done'})} />;
	}

	const freed = [...section.freed].map(([skuId, n]) => strings.reclaim.freed(n, shortProductName(names.product(skuId))));
	const empty = section.unavailable
		? section.unavailable.source === 'graph'
			? strings.reclaim.unavailable.graph(section.unavailable.message)
			: strings.reclaim.unavailable.snapshot
		: section.id === 'inactive'
			? strings.reclaim.empty.inactive(days)
			: strings.reclaim.empty[section.id];

	return (
		<ScreenFrame
			contexts={['reclaim', 'checklist', 'list']}
			text={filter.field}
			disabled={new Set(totals.licenses === 0 ? (['unassign'] as const) : [])}
			handlers={{
				...checklist.handlers,
				tick: () => {
					if (cursor && offeredSkus(cursor).length === 0) {
						return chrome.setStatus(cursor.licenses.map(l => notOfferedWords(l, cursor, names)).find(Boolean) ?? null);
					}
					checklist.handlers.tick?.();
				},
				focusNext: () => dispatch({type: 'section', by: 1}),
				previous: () => dispatch({type: 'section', by: -1}),
				unassign: () => {
					if (busy) return;
					const plan = reclaimPlan(tenant, ticked);
					if (plannedRemovals(plan) === 0) return chrome.setStatus(strings.reclaim.nothingTicked);
					dispatch({type: 'confirm', plan});
				},
			}}
		>
			<Box justifyContent="space-between" width={width + 1}>
				<Text bold>
					{strings.screens.reclaim}
					{totals.licenses > 0 ? <Text> · {strings.reclaim.ticked(totals.licenses, totals.users)}</Text> : null}
				</Text>
				<Text dimColor>{windowLabel(list.state, listHeight, shown.length)}</Text>
			</Box>
			<Box gap={1} height={1} overflow="hidden">
				{sections.map(s => (
					// The section in front is bracketed as well as inverse, so it shows without colour. A tab
					// keeps its width: where the row is short of room, the last is cut, not squeezed into the others.
					<Box key={s.id} flexShrink={0}>
						<Text inverse={s.id === section.id} bold={s.id === section.id}>
							{s.id === section.id ? `[${tabLabel(s, days)}]` : ` ${tabLabel(s, days)} `}
						</Text>
					</Box>
				))}
			</Box>
			<Text wrap="truncate-end" dimColor>
				{section.unavailable ? ' ' : strings.reclaim.summary(section.offered, section.users, freed)}
			</Text>
			{section.candidates.length === 0 ? (
				<Box height={listHeight + 2} flexDirection="column">
					{wrapText(empty, width).map((line, i) => (
						<Text key={i} dimColor>
							{line}
						</Text>
					))}
				</Box>
			) : (
				<>
					<Box height={listHeight - (detailRows - 2)} flexDirection="column">
						<WindowedList
							items={shown}
							state={list.state}
							height={listHeight}
							empty={strings.product.noMatch(filter.query)}
							renderRow={(candidate, selected, index) => (
								<Row
									width={width}
									cells={[
										{text: offeredSkus(candidate).length === 0 ? '[-]' : isTicked(index) ? '[x]' : '[ ]', width: 4},
										...userCells(candidate.user, selected, nameWidth, upnWidth),
										{text: candidate.licenses.map(l => shortProductName(names.product(l.skuId))).join(', ')},
									]}
								/>
							)}
						/>
					</Box>
					<Box height={detailRows} flexDirection="column">
						{explained.slice(0, detailRows).map((line, i) => (
							<Text key={i} dimColor wrap="truncate-end">
								{i === detailRows - 1 && explained.length > detailRows ? `${line.slice(0, Math.max(0, width - 1))}…` : line}
							</Text>
						))}
					</Box>
				</>
			)}
			<FilterBar filter={filter} />
		</ScreenFrame>
	);
}
