// A confirmation's focus. It starts on Cancel, so enter alone never confirms a destructive action.

export type ConfirmFocus = 'cancel' | 'confirm';

export const initialConfirmFocus: ConfirmFocus = 'cancel';

export function nextConfirmFocus(focus: ConfirmFocus): ConfirmFocus {
	return focus === 'cancel' ? 'confirm' : 'cancel';
}
