// Reclaim: the licenses that can go, in three sections (redundant, sign-in blocked, not signed in for
// N days), each with its count and the licenses it would free. Tick candidates (a: the whole section
// shown), u unassigns them through the usual confirmation with the consequences panel.
import {Box} from 'ink';
import {Text} from '../components/Text.js';
import {useMemo, useReducer, useRef, type Dispatch} from 'react';
import type {Tenant} from '../../domain/model.js';
import {plannedRemovals} from '../../domain/plan.js';
import {
	candidateConsequences,
	defaultInactiveDays,
	findReclaim,
	offeredSkus,
	reclaimPlan,
	reclaimTotals,
	type Candidate,
	type ReclaimSection,
	type SectionId,
} from '../../domain/reclaim.js';
import {queryNarrows, shortProductName} from '../../domain/selectors.js';
import {useChrome} from '../chrome.js';
import {Row, userCells} from '../components/Row.js';
import {ConfirmPanel} from '../components/ConfirmPanel.js';
import {FilterBar} from '../components/FilterBar.js';
import {NextStepsPanel} from '../components/NextStepsPanel.js';
import {ResultPanel} from '../components/ResultPanel.js';
import {SavingFrame, ScreenFrame} from '../components/ScreenFrame.js';
import {useChecklist, type Checklist} from '../components/use-checklist.js';
import {WindowedList, windowLabel} from '../components/WindowedList.js';
import {wrapText} from '../components/wrap-text.js';
import {useAppState} from '../store-context.js';
import {consequencePhrases, mailboxAdvice, notOfferedWords, reclaimReason, strings} from '../../text/index.js';
import {namesOf, useApply} from '../use-apply.js';
import {initialReclaimView, reclaimView, type ReclaimAction} from './reclaim-state.js';
import {fitColumns, widest} from '../components/columns.js';
import type {ListState} from '../components/list-state.js';

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
		return words ? [`${names.product(l.skuId)}: ${words}`] : [];
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

/** The three sections' checklists, and what is ticked across them. */
function useReclaimChecklists(tenant: Tenant, sections: readonly ReclaimSection[], height: number) {
	const [redundant, blocked, inactive] = sections as [ReclaimSection, ReclaimSection, ReclaimSection];
	const checklists = {
		redundant: useSectionChecklist(tenant, redundant, height),
		blocked: useSectionChecklist(tenant, blocked, height),
		inactive: useSectionChecklist(tenant, inactive, height),
	};
	const ticked = useMemo(
		() => [...checklists.redundant.tickedItems, ...checklists.blocked.tickedItems, ...checklists.inactive.tickedItems],
		[checklists.redundant.tickedItems, checklists.blocked.tickedItems, checklists.inactive.tickedItems],
	);
	const clearTicks = () => {
		for (const each of Object.values(checklists)) each.clearTicks();
	};
	return {checklists, ticked, clearTicks};
}

export function ReclaimScreen() {
	const {tenant: current} = useAppState();
	const chrome = useChrome();
	// Hidden (it is made before it is first opened), the screen keeps the tenant it was made with: a
	// change elsewhere does not make it look at every user at once. App finds the candidates after
	// each change while no one looks, so showing it again finds them ready.
	const made = useRef(current);
	if (chrome.active) made.current = current;
	const tenant = made.current;
	const apply = useApply();
	const [view, dispatch] = useReducer(reclaimView, initialReclaimView);
	// Once per tenant: a change gives a new one, and every count follows.
	// eslint-disable-next-line react-hooks/exhaustive-deps -- a new time for each tenant value, on purpose
	const now = useMemo(() => new Date(), [tenant]);
	const sections = useMemo(() => findReclaim(tenant, {now, inactiveDays: defaultInactiveDays}), [tenant, now]);
	const listHeight = Math.max(1, chrome.bodyRows - fixedRows);
	const {checklists, ticked, clearTicks} = useReclaimChecklists(tenant, sections, listHeight);
	const done = () => dispatch({type: 'done'});

	switch (view.step.kind) {
		case 'confirm': {
			const {plan} = view.step;
			return (
				<ConfirmPanel
					title={strings.screens.reclaim}
					question={strings.reclaim.question(plannedRemovals(plan), plan.items.filter(item => item.remove.length > 0).length)}
					plan={plan}
					confirmLabel={strings.unassign.confirm}
					onCancel={() => dispatch({type: 'cancel'})}
					onConfirm={async () => {
						dispatch({type: 'sending'});
						const outcomes = await apply(plan);
						if (outcomes) clearTicks();
						dispatch({type: 'applied', outcomes});
					}}
				/>
			);
		}
		case 'sending':
			return <SavingFrame />;
		case 'results':
			return <ResultPanel title={strings.reclaim.resultsTitle} outcomes={view.step.outcomes} onDone={done} />;
		case 'next':
			return <NextStepsPanel outcomes={view.step.outcomes} onDone={done} />;
		case 'list':
			return (
				<ReclaimList
					tenant={tenant}
					now={now}
					sections={sections}
					section={view.section}
					checklist={checklists[view.section]}
					ticked={ticked}
					listHeight={listHeight}
					dispatch={dispatch}
				/>
			);
	}
}

interface ListProps {
	tenant: Tenant;
	now: Date;
	sections: readonly ReclaimSection[];
	section: SectionId;
	checklist: Checklist<Candidate>;
	ticked: readonly Candidate[];
	/** The rows for the list and its two rows of detail. */
	listHeight: number;
	dispatch: Dispatch<ReclaimAction>;
}

/** The keys of a section's list: tick (what is not offered says why), the sections, unassign. */
function useReclaimKeys({tenant, checklist, ticked, dispatch}: ListProps) {
	const {busy} = useAppState();
	const chrome = useChrome();
	const cursor = checklist.shown[checklist.list.state.cursor];
	const names = namesOf(tenant);
	return {
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
	};
}

/**
 * How the rows are shared between the list and the detail of the row under the cursor: the detail
 * takes the lines it needs, down to a third of the rows for the list (one at least: the cursor's), and
 * only below that is it cut.
 */
function shareRows(listHeight: number, candidates: number, detail: number): {listRows: number; detailRows: number} {
	const listMin = Math.min(Math.max(1, candidates), Math.max(1, Math.floor(listHeight / 3)));
	const detailRows = Math.max(2, Math.min(detail, listHeight + 2 - listMin));
	return {listRows: Math.max(1, listHeight + 2 - detailRows), detailRows};
}

/** The window over the list that keeps the cursor in sight when the detail has taken rows from it. */
function windowWithCursor(state: ListState, rows: number): ListState {
	return {...state, offset: Math.max(state.offset, state.cursor - rows + 1)};
}

/** Name, username and the products: the products keep their room longest (they say what goes), then names. */
function reclaimColumns(visible: readonly Candidate[], products: (c: Candidate) => string, width: number): [number, number] {
	const [name, upn] = fitColumns(
		[
			{want: widest(visible.map(c => c.user.displayName)) + 1, min: 12},
			{want: widest(visible.map(c => c.user.userPrincipalName)) + 1, min: 12},
			{want: widest(visible.map(products)), min: 24},
		],
		width - 4,
		[1, 0, 2],
	);
	return [name!, upn!];
}

function ReclaimList(props: ListProps) {
	const {tenant, now, sections, checklist, ticked, listHeight} = props;
	const chrome = useChrome();
	const handlers = useReclaimKeys(props);
	const section = sections.find(s => s.id === props.section)!;
	const totals = useMemo(() => reclaimTotals(ticked), [ticked]);
	const {filter, list, shown, isTicked} = checklist;
	const cursor = shown[list.state.cursor];
	const names = namesOf(tenant);
	const width = chrome.size.columns - 1;
	const explained = useMemo(() => (cursor ? wrapText(detail(tenant, cursor, now), width) : []), [tenant, cursor, now, width]);
	const {listRows, detailRows} = shareRows(listHeight, shown.length, explained.length);
	const window = windowWithCursor(list.state, listRows);
	const products = (c: Candidate) => c.licenses.map(l => shortProductName(names.product(l.skuId))).join(', ');
	const [nameWidth, upnWidth] = reclaimColumns(shown.slice(window.offset, window.offset + listRows), products, width);

	return (
		<ScreenFrame
			contexts={['reclaim', 'checklist', 'list']}
			text={filter.field}
			disabled={new Map(totals.licenses === 0 ? [['unassign', strings.reclaim.nothingTicked] as const] : [])}
			handlers={handlers}
		>
			<Box justifyContent="space-between" width={width + 1}>
				<Text bold>
					{strings.screens.reclaim}
					{totals.licenses > 0 ? <Text> · {strings.reclaim.ticked(totals.licenses, totals.users)}</Text> : null}
				</Text>
				<Text dimColor>{windowLabel(window, listRows, shown.length)}</Text>
			</Box>
			<SectionTabs sections={sections} section={section} />
			<Text wrap="truncate-end" dimColor>
				{section.unavailable
					? ' '
					: strings.reclaim.summary(
							section.offered,
							section.users,
							[...section.freed].map(([skuId, n]) => strings.reclaim.freed(n, shortProductName(names.product(skuId)))),
						)}
			</Text>
			{section.candidates.length === 0 ? (
				<Box height={listHeight + 2} flexDirection="column">
					{wrapText(emptyText(section), width).map((line, i) => (
						<Text key={i} dimColor>
							{line}
						</Text>
					))}
				</Box>
			) : (
				<>
					<Box height={listRows} flexDirection="column">
						<WindowedList
							items={shown}
							state={window}
							height={listRows}
							empty={strings.product.noMatch(filter.query)}
							renderRow={(candidate, selected, index) => (
								<Row
									width={width}
									cells={[
										{text: offeredSkus(candidate).length === 0 ? '[-]' : isTicked(index) ? '[x]' : '[ ]', width: 4},
										...userCells(candidate.user, selected, nameWidth, upnWidth),
										{text: products(candidate)},
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

/** What an empty section says: why there is nothing, or why it cannot tell. */
function emptyText(section: ReclaimSection): string {
	if (section.unavailable) {
		return section.unavailable.source === 'graph' ? strings.reclaim.unavailable.graph(section.unavailable.message) : strings.reclaim.unavailable.snapshot;
	}
	return section.id === 'inactive' ? strings.reclaim.empty.inactive(defaultInactiveDays) : strings.reclaim.empty[section.id];
}

/** The sections as tabs, the one in front bracketed as well as inverse, so it shows without colour. */
function SectionTabs({sections, section}: {sections: readonly ReclaimSection[]; section: ReclaimSection}) {
	return (
		<Box gap={1} height={1} overflow="hidden">
			{sections.map(s => (
				// A tab keeps its width: where the row is short of room, the last is cut, not squeezed into the others.
				<Box key={s.id} flexShrink={0}>
					<Text inverse={s.id === section.id} bold={s.id === section.id}>
						{s.id === section.id ? `[${tabLabel(s, defaultInactiveDays)}]` : ` ${tabLabel(s, defaultInactiveDays)} `}
					</Text>
				</Box>
			))}
		</Box>
	);
}
