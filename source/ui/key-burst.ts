// Ink hands a run of plain characters that arrive together ("jj\r" from tmux send-keys, a paste)
// to its listeners as one input. Splitting it back into keypresses lets each go through the key
// table, and reach a text field or a list as a key of its own.
//
// Keys typed before the terminal is in raw mode (while the app starts) come through the terminal's
// line mode, which turns enter into a line feed: read as enter, so none of them is lost.

/** One piece of Ink's input as the keys in it: an escape sequence (an arrow, esc) is one key; plain characters are one each. */
export function splitKeys(input: string): string[] {
	return input.includes('\u001B') ? [input] : [...input].map(key => (key === '\n' ? '\r' : key));
}
