// What every screen shares: the global actions, the status line, the terminal size, and whether the
// screen is the one on top (only that one takes keys).
import {createContext, useContext} from 'react';
import type {ActionId} from './keys.js';
import type {TerminalSize} from './use-terminal-size.js';

export type Handlers = Partial<Record<ActionId, () => void>>;

export interface Chrome {
	size: TerminalSize;
	/** Lines left for a screen's body after the header, status line and footer. */
	bodyRows: number;
	active: boolean;
	/** Set when the admin may not change licenses: change keys are refused with this said. */
	readOnly: string | null;
	global: Handlers;
	/** The last outcome or refusal, shown above the footer until the next one, or another screen. */
	status: string | null;
	/** The status as the lines it takes (one at least, three at most). */
	statusLines: readonly string[];
	setStatus: (text: string | null) => void;
	/** Microsoft Graph's address, for the equivalent REST calls. */
	graphBase: string;
	/** The screen on top says it is shown: a status said before the key that opened it goes. */
	screenShown: (screen: string) => void;
	/** One of several tenants added is open: every confirmation names it. */
	severalTenants?: boolean;
}

export const ChromeContext = createContext<Chrome | null>(null);

export function useChrome(): Chrome {
	const chrome = useContext(ChromeContext);
	if (!chrome) throw new Error('useChrome outside <App>');
	return chrome;
}
