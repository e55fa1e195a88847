// After a bulk change: each user's outcome, then Done.
import {Box} from 'ink';
import {Text} from './Text.js';
import {useMemo} from 'react';
import type {Tenant} from '../../domain/model.js';
import {countOutcomes, type UserOutcome} from '../../domain/plan.js';
import {useChrome} from '../chrome.js';
import {useAppState} from '../store-context.js';
import {namesOf} from '../use-apply.js';
import {outcomeWhy, strings} from '../../text/index.js';
import type {Names} from '../../domain/selectors.js';
import {ScreenFrame} from './ScreenFrame.js';
import {useScroll} from './use-scroll.js';
import {dialogWidth} from './ConfirmPanel.js';
import {wrapText} from './wrap-text.js';

interface Props {
	title: string;
	outcomes: readonly UserOutcome[];
	onDone: () => void;
}

/** Each user, then a line per product: what was done, or why not; wrapped, so no reason is cut off. */
function outcomeLines(tenant: Tenant, outcomes: readonly UserOutcome[], names: Names, width: number): string[] {
	const byUser = new Map<string, UserOutcome[]>();
	for (const outcome of outcomes) byUser.set(outcome.userPrincipalName, [...(byUser.get(outcome.userPrincipalName) ?? []), outcome]);
	return [...byUser].flatMap(([upn, list]) => [
		...wrapText(upn, width),
		...list.flatMap(o => {
			const unsure = o.outcome === 'not-sent' || o.outcome === 'unknown';
			const why = o.outcome === 'failed' || unsure || o.reason ? outcomeWhy(tenant, o) : '';
			// A refusal says what was not done, by what was asked ("Apps not changed in …", "Not unassigned
			// …"); not sent and unknown say so in their own words, after the product.
			const verb = o.outcome === 'failed' ? strings.outcome.notDoneVerb[o.requested] : unsure ? '' : strings.outcome.verb[o.outcome];
			const line = wrapText(strings.outcome.line(verb, names.product(o.skuId), why), width - 6);
			return line.map((text, i) => `${i === 0 ? '    ' : '      '}${text}`);
		}),
	]);
}

export function ResultPanel({title, outcomes, onDone}: Props) {
	const chrome = useChrome();
	const {tenant} = useAppState();
	const width = dialogWidth(chrome.size.columns);
	const lines = useMemo(() => outcomeLines(tenant, outcomes, namesOf(tenant), width), [outcomes, tenant, width]);
	const summary = wrapText(strings.outcome.summary(countOutcomes(outcomes)), width);
	// Title, summary, the "more" line, Done button, and the border.
	const room = Math.max(1, chrome.bodyRows - 5 - summary.length);
	const scroll = useScroll(lines.length, room);
	return (
		<ScreenFrame
			modal
			contexts={['result']}
			handlers={{
				done: onDone,
				back: onDone,
				scrollUp: scroll.up,
				scrollDown: scroll.down,
			}}
		>
			<Box flexDirection="column" borderStyle="round" paddingX={1} height={chrome.bodyRows}>
				<Text bold>{title}</Text>
				{summary.map((line, i) => (
					<Text key={`s${i}`}>{line}</Text>
				))}
				<Box flexDirection="column" height={room} overflow="hidden">
					{lines.slice(scroll.offset, scroll.offset + room).map((line, i) => (
						<Text key={scroll.offset + i} wrap="truncate-end">
							{line}
						</Text>
					))}
				</Box>
				<Text dimColor>{scroll.below > 0 ? strings.dialog.more(scroll.below) : ' '}</Text>
				<Text inverse bold>{`[ ${strings.outcome.done} ]`}</Text>
			</Box>
		</ScreenFrame>
	);
}
