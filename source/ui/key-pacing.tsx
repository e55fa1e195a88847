// The app's side of the key feed (key-feed.ts): it says when it has taken the key handed out, so the
// next one is handed out only then.
//
// Every one of Ink's listeners hears a key in one go, so a microtask queued by any of them runs after
// the last. It renders this component (the last of the app's) with what the key changed: React renders
// the updates of one turn together, so this render is in the key's commit, and this component's
// effect runs once that commit's effects have run: the moment a component the key showed listens.
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
