// After licenses go: what an admin usually does next. Reassign them (r jumps to Assign licenses),
// remove them from the subscription (a billing change, made in the admin center), and, for someone
// leaving, Microsoft's former-employee guidance.
import {Box} from 'ink';
import {Text} from './Text.js';
import {useChrome} from '../chrome.js';
import {strings} from '../strings.js';
import {ScreenFrame} from './ScreenFrame.js';
import {wrapText} from './wrap-text.js';

export interface FreedLicenses {
	skuId: string;
	product: string;
	count: number;
	available: number;
}

interface Props {
	freed: readonly FreedLicenses[];
	/** Present when the freed licenses are of one product: r assigns them. */
	onReassign?: () => void;
	onDone: () => void;
}

export function NextStepsPanel({freed, onReassign, onDone}: Props) {
	const chrome = useChrome();
	const width = Math.max(20, chrome.size.columns - 4);
	const paragraph = (text: string, indent = '') => wrapText(text, width - indent.length, indent);
	const lines = [
		...freed.flatMap(f => paragraph(strings.nextSteps.freed(f.count, f.product, f.available))),
		'',
		...paragraph(onReassign ? `r  ${strings.nextSteps.reassign}` : strings.nextSteps.reassignElsewhere),
		'',
		...paragraph(strings.nextSteps.billing),
		'',
		...paragraph(strings.nextSteps.formerEmployee),
		...paragraph(strings.nextSteps.formerEmployeeLink, '  '),
	];
	return (
		<ScreenFrame modal contexts={['next']} handlers={{reassign: onReassign, done: onDone, back: onDone}}>
			<Box flexDirection="column" borderStyle="round" paddingX={1} height={chrome.bodyRows}>
				<Text bold>{strings.nextSteps.title}</Text>
				<Box flexDirection="column" flexGrow={1} overflow="hidden">
					{lines.map((line, i) => (
						<Text key={i}>{line || ' '}</Text>
					))}
				</Box>
				<Text inverse bold>{`[ ${strings.outcome.done} ]`}</Text>
			</Box>
		</ScreenFrame>
	);
}

/** The licenses outcomes freed, per product, with what is available now. */
export function freedLicenses(
	outcomes: ReadonlyArray<{skuId: string; outcome: string}>,
	product: (skuId: string) => {name: string; available: number} | undefined,
): FreedLicenses[] {
	const counts = new Map<string, number>();
	for (const o of outcomes) if (o.outcome === 'removed') counts.set(o.skuId, (counts.get(o.skuId) ?? 0) + 1);
	return [...counts].map(([skuId, count]) => ({
		skuId,
		count,
		product: product(skuId)?.name ?? skuId,
		available: product(skuId)?.available ?? 0,
	}));
}
