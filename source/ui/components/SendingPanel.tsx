// Shown in place of the confirmation while a change is sent to Microsoft 365: how far it is, how
// often Graph asked to slow down, and esc to stop sending (what was sent is still answered).
import {Box} from 'ink';
import {Text} from './Text.js';
import {useChrome} from '../chrome.js';
import {useSending, useSendingState} from '../sending.js';
import {strings} from '../../text/index.js';
import {dialogWidth} from './ConfirmPanel.js';
import {Paragraph} from './Paragraph.js';
import {ScreenFrame} from './ScreenFrame.js';

export function SendingPanel() {
	const chrome = useChrome();
	const sending = useSending();
	const {progress, stopping} = useSendingState(state => state);
	if (!progress) return null;
	// Beside the bar: its brackets, a space and up to "100%".
	const barWidth = Math.max(10, dialogWidth(chrome.size.columns) - 7);
	return (
		<ScreenFrame modal contexts={['sending']} handlers={{stop: sending.stop}}>
			<Box flexDirection="column" borderStyle="round" paddingX={1} height={chrome.bodyRows}>
				<Text bold>{strings.dialog.sending}</Text>
				<Text> </Text>
				<Text>{strings.dialog.bar(progress, barWidth)}</Text>
				<Paragraph text={strings.dialog.progress(progress)} width={dialogWidth(chrome.size.columns)} />
				<Text> </Text>
				<Paragraph text={stopping ? strings.dialog.stopping : strings.dialog.stopHint} width={dialogWidth(chrome.size.columns)} />
			</Box>
		</ScreenFrame>
	);
}
