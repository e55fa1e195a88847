// After licenses go: what an admin usually does next. Reassign them (r jumps to Assign licenses),
// remove them from the subscription (a billing change, made in the admin center), and, for someone
// leaving, Microsoft's former-employee guidance.
import {Box} from 'ink';
import {Text} from './Text.js';
import type {Tenant} from '../../domain/model.js';
import {freedLicenses, type UserOutcome} from '../../domain/plan.js';
import {productBySku} from '../../domain/selectors.js';
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
		...(freed.length > 0 ? freed.flatMap(f => paragraph(strings.nextSteps.freed(f.count, f.product, f.available))) : paragraph(strings.nextSteps.noneFreed)),
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

/** The licenses a change freed, per product, with what is available now (the tenant after the change). */
export function freedRows(tenant: Tenant, outcomes: readonly UserOutcome[]): FreedLicenses[] {
	return [...freedLicenses(tenant, outcomes)].map(([skuId, count]) => {
		const product = productBySku(tenant, skuId);
		return {skuId, count, product: product?.name ?? skuId, available: product?.available ?? 0};
	});
}
