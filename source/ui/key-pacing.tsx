// The app's side of the key feed (key-feed.ts): it says when it has taken the key handed out, so the
// next one is handed out only then.
//
// With React 19, Ink's root renders an update made in a key handler a turn of React's scheduler later,
// not at once, and runs the render's effects (where a component just shown starts listening) later
// still. So: every one of Ink's listeners hears a key in one go, and a microtask queued by any of them
// runs after the last, before React renders. There it updates this component (the app's last), so
// React renders it in the same commit as what the key changed, and this component's effect runs once
// that commit's effects have run. A key that changed nothing still makes this one small commit.
import {useInput} from 'ink';
import {useCallback, useEffect, useRef, useState} from 'react';
import type {KeyFeed, Pacer} from './key-feed.js';

export function KeyPacing({feed}: {feed: KeyFeed}) {
	const [keys, setKeys] = useState(0);
	const pacer = useRef<Pacer | null>(null);
	useInput(useCallback(() => queueMicrotask(() => setKeys(n => n + 1)), []));
	useEffect(() => {
		pacer.current = feed.pace();
		return () => pacer.current?.release();
	}, [feed]);
	useEffect(() => {
		if (keys > 0) pacer.current?.taken();
	}, [keys]);
	return null;
}
