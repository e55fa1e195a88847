// Delete user (D): what deleting does, then a strong confirmation: the username typed in full.
import {Box} from 'ink';
import {Text} from '../components/Text.js';
import {useState} from 'react';
import {deletionConsequences} from '../../domain/consequences.js';
import type {UserOutcome} from '../../domain/plan.js';
import {indexTenant} from '../../domain/selectors.js';
import {useChrome} from '../chrome.js';
import {NextStepsPanel} from '../components/NextStepsPanel.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {TextField} from '../components/TextField.js';
import {wrapText} from '../components/wrap-text.js';
import {useAppState, useStore} from '../store-context.js';
import {strings} from '../../text/index.js';
import {actionError, namesOf} from '../use-apply.js';
import {useDialogSignal} from '../use-dialog-signal.js';

/** Where what was typed first differs from the username (case aside), or null when it is the username. */
export function firstDifference(typed: string, upn: string): number | null {
	const a = typed.toLowerCase();
	const b = upn.toLowerCase();
	if (a === b) return null;
	let at = 0;
	while (at < a.length && at < b.length && a[at] === b[at]) at++;
	return at;
}

export function DeleteUserPanel({userId, onClose}: {userId: string; onClose: () => void}) {
	const {tenant} = useAppState();
	const store = useStore();
	const chrome = useChrome();
	const [typed, setTyped] = useState('');
	const [working, setWorking] = useState(false);
	const wanted = useDialogSignal();
	/** Once deleted: the licenses that went with the user, for the next steps. */
	const [freed, setFreed] = useState<UserOutcome[] | null>(null);
	if (freed) return <NextStepsPanel outcomes={freed} onDone={onClose} />;
	const user = indexTenant(tenant).usersById.get(userId);
	if (!user) return null;
	const names = namesOf(tenant);
	const effects = deletionConsequences(tenant, user, new Date());
	const text = strings.deleteUser;
	const paragraphs = [
		effects.freed.length > 0 ? text.freed(effects.freed.map(names.product).join(', ')) : text.noLicenses,
		...(effects.hasOneDrive ? [text.onedrive] : []),
		effects.inactiveMailbox ? text.inactive : effects.inactiveEligible && !effects.holdsVisible ? text.inactiveIfHeld : text.notInactive,
		text.restorable(effects.restorableUntil),
	];
	const width = Math.max(20, chrome.size.columns - 4);
	// What deleting does, a blank line, then what to type, in the rows between the title and the field.
	// Where they are too few (a longer language, 60×16) what to type keeps its lines and what deleting
	// does is cut, its last line shown ending in "…", rather than lines being drawn over each other.
	const instruction = wrapText(text.type(user.userPrincipalName), width);
	const explained = paragraphs.flatMap(paragraph => wrapText(paragraph, width));
	const rows = Math.max(instruction.length + 1, chrome.bodyRows - 4);
	const room = rows - instruction.length;
	const lines =
		explained.length <= room
			? [...explained, ...(explained.length < room ? [' '] : []), ...instruction]
			: [...explained.slice(0, room - 1), `${explained[room - 1]!.slice(0, width - 1)}…`, ...instruction];
	const field = {value: typed, onChange: setTyped, onSubmit: () => void submit(), onCancel: onClose};
	const submit = async () => {
		if (working) return;
		const differs = firstDifference(typed.trim(), user.userPrincipalName);
		// A typo keeps the dialog and what was typed, and says where it goes wrong.
		if (differs !== null) return chrome.setStatus(text.mismatch(user.userPrincipalName, differs + 1));
		setWorking(true);
		try {
			// Sent only while this dialog is open: closed while a permission is asked for, nothing is.
			await store.deleteUser(user.id, wanted);
			chrome.setStatus(store.getState().notice ?? text.done(user.userPrincipalName));
		} catch (error) {
			chrome.setStatus(actionError(error));
			return onClose();
		}
		// The user's licenses are free at once: the next steps, as after unassigning them.
		const removed = user.assignedLicenses.map(license => ({
			userId: user.id,
			userPrincipalName: user.userPrincipalName,
			skuId: license.skuId,
			requested: 'remove' as const,
			outcome: 'removed' as const,
			reason: null,
			message: null,
		}));
		if (removed.length > 0) setFreed(removed);
		else onClose();
	};
	return (
		<ScreenFrame modal contexts={[]} handlers={{}} text={field}>
			<Box flexDirection="column" borderStyle="round" paddingX={1} height={chrome.bodyRows}>
				<Text bold>{text.title(user.displayName)}</Text>
				<Box flexDirection="column" flexGrow={1} overflow="hidden">
					{lines.map((line, i) => (
						<Text key={i}>{line}</Text>
					))}
				</Box>
				<Box>
					<Box flexShrink={0} marginRight={1}>
						<Text>{text.prompt.trimEnd()}</Text>
					</Box>
					<TextField field={field} focused={chrome.active} />
				</Box>
			</Box>
		</ScreenFrame>
	);
}
