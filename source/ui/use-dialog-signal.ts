import {useEffect, useState} from 'react';

/**
 * Aborted once the dialog that holds it is gone (closed with esc, or its screen left, or the app):
 * an action it started that still waits for a sign-in (a permission not granted yet) is dropped, and
 * nothing is sent for it.
 */
export function useDialogSignal(): AbortSignal {
	const [controller] = useState(() => new AbortController());
	useEffect(() => () => controller.abort(), [controller]);
	return controller.signal;
}
