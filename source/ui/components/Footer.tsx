import {Box} from 'ink';
import stringWidth from 'string-width';
import {Text} from './Text.js';
import {bindingsFor, keysText, labelOf, sharesKey, type ActionId, type Binding, type KeyContext} from '../keys.js';
import {strings} from '../../text/index.js';

interface Props {
	contexts: readonly KeyContext[];
	/** Actions the screen handles now; the table's other keys for these contexts are not shown. */
	handled: ReadonlySet<ActionId>;
	/** Actions shown but not available now (dimmed; ? says why). */
	disabled?: ReadonlySet<ActionId>;
	width: number;
}

const gap = 2;
const size = (item: Binding) => stringWidth(keysText(item)) + 1 + stringWidth(labelOf(item)) + gap;
/** "… ? more": said where keys are left out, in place of "? Help" (help lists them all). */
export const moreText = () => `… ? ${strings.keys.more}`;

/**
 * The keys the footer shows, in the table's order: every 'keep' key (the main action, esc, ?), then
 * the others by priority while they fit, leaving room for "… ? more" once one is left out.
 */
export function footerItems(contexts: readonly KeyContext[], handled: ReadonlySet<ActionId>, width: number): {shown: Binding[]; more: boolean} {
	const live = bindingsFor(contexts).filter(binding => binding.footer !== false && handled.has(binding.id));
	// A key taken by a more specific context (esc as Cancel in a dialog) is not shown again as Back.
	const items = live.filter((binding, i) => !live.slice(0, i).some(earlier => sharesKey(earlier, binding)));
	const kept = new Set(items.filter(item => item.footer === 'keep'));
	let used = [...kept].reduce((sum, item) => sum + size(item), 0);
	const optional = [1, 2].flatMap(rank => items.filter(item => item.footer === rank));
	const all = used + optional.reduce((sum, item) => sum + size(item), 0) <= width;
	if (!all) used += stringWidth(moreText()) + gap - (items.some(item => item.id === 'help') ? size(items.find(item => item.id === 'help')!) : 0);
	for (const item of optional) {
		if (!all && used + size(item) > width) continue;
		kept.add(item);
		used += size(item);
	}
	const more = kept.size < items.length;
	// ? ends the line: as "? Help", or as "… ? more" when keys are left out.
	const shown = items.filter(item => kept.has(item) && item.id !== 'help');
	const help = items.find(item => item.id === 'help');
	return {shown: help && !more ? [...shown, help] : shown, more};
}

/** The keys valid here, from the key table, on one line: what has no room is in help. */
export function Footer({contexts, handled, disabled, width}: Props) {
	const {shown, more} = footerItems(contexts, handled, width);
	return (
		<Box height={1} overflow="hidden">
			{shown.map(item => {
				const off = disabled?.has(item.id) ?? false;
				return (
					<Text key={`${item.context}.${item.id}`} dimColor={off}>
						<Text bold={!off}>{keysText(item)}</Text> {labelOf(item)}
						{'  '}
					</Text>
				);
			})}
			{more ? <Text dimColor>{moreText()}</Text> : null}
		</Box>
	);
}
