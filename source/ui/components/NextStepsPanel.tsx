// After licenses go: what an admin usually does next. Reassign them (r: Assign licenses for the
// product, choosing it first when several were freed), remove them from the subscription (a billing
// change, made in the admin center), and, for someone leaving, Microsoft's former-employee guidance.
import {Box} from 'ink';
import {Text} from './Text.js';
import {useState} from 'react';
import type {Tenant} from '../../domain/model.js';
import {freedLicenses, type UserOutcome} from '../../domain/plan.js';
import {productBySku} from '../../domain/selectors.js';
import {useChrome} from '../chrome.js';
import {AssignPanel} from './AssignPanel.js';
import {useAppState} from '../store-context.js';
import {strings} from '../../text/index.js';
import {ChoiceList} from './ChoiceList.js';
import {ScreenFrame} from './ScreenFrame.js';
import {wrapText} from './wrap-text.js';
import {ScrolledLines} from './ScrolledLines.js';
import {useScroll} from './use-scroll.js';

export interface FreedLicenses {
	skuId: string;
	product: string;
	count: number;
	available: number;
}

interface Props {
	/** What the change did: the licenses it freed are read from these, in the tenant after it. */
	outcomes: readonly UserOutcome[];
	onDone: () => void;
}

export function NextStepsPanel({outcomes, onDone}: Props) {
	const chrome = useChrome();
	const {tenant} = useAppState();
	// Fixed when the page opens: reassigning changes the counts, not what this change freed.
	const [freed] = useState(() => freedRows(tenant, outcomes));
	const [step, setStep] = useState<{kind: 'read'} | {kind: 'choose'} | {kind: 'assign'; skuId: string}>({kind: 'read'});
	const width = Math.max(20, chrome.size.columns - 4);

	if (step.kind === 'assign') return <AssignPanel skuId={step.skuId} onClose={onDone} />;
	if (step.kind === 'choose') {
		return (
			<ScreenFrame modal contexts={['choice']} handlers={{back: () => setStep({kind: 'read'})}}>
				<Box flexDirection="column" borderStyle="round" paddingX={1} height={chrome.bodyRows}>
					<Text bold>{strings.nextSteps.title}</Text>
					{wrapText(strings.nextSteps.chooseProduct, width).map((line, i) => (
						<Text key={i}>{line}</Text>
					))}
					<ChoiceList
						choices={freed.map(f => ({key: f.skuId, label: strings.nextSteps.freedChoice(f.product, f.count), value: f.skuId}))}
						focused={chrome.active}
						limit={Math.max(1, chrome.bodyRows - 4)}
						onChoose={skuId => setStep({kind: 'assign', skuId})}
					/>
				</Box>
			</ScreenFrame>
		);
	}

	const reassign = () => setStep(freed.length === 1 ? {kind: 'assign', skuId: freed[0]!.skuId} : {kind: 'choose'});
	return <NextStepsPage freed={freed} reassign={freed.length > 0 ? reassign : undefined} onDone={onDone} />;
}

/** The page itself: what was freed, what to do with it, and what else to think of, scrolled where it does not fit. */
function NextStepsPage({freed, reassign, onDone}: {freed: readonly FreedLicenses[]; reassign: (() => void) | undefined; onDone: () => void}) {
	const chrome = useChrome();
	const width = Math.max(20, chrome.size.columns - 4);
	const paragraph = (text: string, indent = '') => wrapText(text, width - indent.length, indent);
	const lines = [
		...(freed.length > 0 ? freed.flatMap(f => paragraph(strings.nextSteps.freed(f.count, f.product, f.available))) : paragraph(strings.nextSteps.noneFreed)),
		'',
		...(freed.length > 0 ? [...paragraph(`r  ${strings.nextSteps.reassign}`), ''] : []),
		...paragraph(strings.nextSteps.billing(freed.length > 0)),
		'',
		...paragraph(strings.nextSteps.formerEmployee),
		...paragraph(strings.nextSteps.formerEmployeeLink, '  '),
	];
	// The border, title, Done and the row saying what is below take five rows; the rest scroll.
	const room = Math.max(1, chrome.bodyRows - 5);
	const scroll = useScroll(lines.length, room);
	return (
		<ScreenFrame modal contexts={['next']} handlers={{reassign, done: onDone, back: onDone, scrollUp: scroll.up, scrollDown: scroll.down}}>
			<Box flexDirection="column" borderStyle="round" paddingX={1} height={chrome.bodyRows}>
				<Text bold>{strings.nextSteps.title}</Text>
				<Box flexDirection="column" flexGrow={1} overflow="hidden">
					<ScrolledLines lines={lines} scroll={scroll} room={room} />
				</Box>
				<Text inverse bold>{`[ ${strings.outcome.done} ]`}</Text>
			</Box>
		</ScreenFrame>
	);
}

/** The licenses a change freed, per product, with what is available now (the tenant after the change). */
export function freedRows(tenant: Tenant, outcomes: readonly UserOutcome[]): FreedLicenses[] {
	return [...freedLicenses(tenant, outcomes)].map(([skuId, count]) => {
		const product = productBySku(tenant, skuId);
		return {skuId, count, product: product?.name ?? skuId, available: product?.available ?? 0};
	});
}
