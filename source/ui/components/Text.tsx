// Every word the TUI draws passes through here instead of Ink's own Text: tenant text (names, UPNs,
// product and group names, Graph's messages) is made safe before Ink measures and draws it, so an
// escape sequence in a display name is shown, not obeyed, and widths are counted on what is shown.
import {Text as InkText} from 'ink';
import {Children, type ComponentProps} from 'react';
import {terminalText} from '../../present/text-safety.js';

export function Text({children, ...props}: ComponentProps<typeof InkText>) {
	return <InkText {...props}>{Children.map(children, child => (typeof child === 'string' ? terminalText(child) : child))}</InkText>;
}
