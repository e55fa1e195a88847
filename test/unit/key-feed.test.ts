// The key feed hands Ink one key at a time: without the app pacing it, a turn apart; paced, only once
// the app has taken the key before. Keys typed before Ink listens wait for it.
import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {createKeyFeed, KeyFeeder} from '../../source/ui/key-feed.js';

function setUp() {
	const terminal = new EventEmitter();
	const feeder = new KeyFeeder();
	const feed = createKeyFeed(terminal, feeder);
	const heard: string[] = [];
	const listen = () => feeder.on('readable', () => heard.push(feeder.read()!));
	const type = (data: string) => terminal.emit('data', data);
	return {feed, heard, listen, type};
}

describe('the key feed', () => {
	it('keeps what is typed before Ink listens, then hands it out a key at a time', async () => {
		const {feed, heard, listen, type} = setUp();
		type('jj\r');
		await feed.idle();
		expect(heard).toEqual([]);
		listen();
		type('/a');
		await feed.idle();
		expect(heard).toEqual(['j', 'j', '\r', '/', 'a']);
	});

	it('paced, hands out the next key only once the app has taken the one before', async () => {
		const {feed, heard, listen, type} = setUp();
		listen();
		const pacer = feed.pace();
		type('ab');
		await new Promise(resolve => setImmediate(resolve));
		expect(heard).toEqual(['a']);
		let idle = false;
		void feed.idle().then(() => (idle = true));
		pacer.taken();
		expect(heard).toEqual(['a', 'b']);
		await new Promise(resolve => setImmediate(resolve));
		expect(idle).toBe(false);
		pacer.taken();
		await feed.idle();
		// Released (the app has left): the keys go on without waiting.
		pacer.release();
		type('cd');
		await feed.idle();
		expect(heard).toEqual(['a', 'b', 'c', 'd']);
	});

	it('an escape sequence cut between two reads is one key; a lone esc is esc', async () => {
		const {feed, heard, listen, type} = setUp();
		listen();
		type('\u001B[');
		type('A');
		type('\u001B');
		await feed.idle();
		expect(heard).toEqual(['\u001B[A', '\u001B']);
	});

	it('stops reading when closed', async () => {
		const {feed, heard, listen, type} = setUp();
		listen();
		feed.close();
		type('j');
		await feed.idle();
		expect(heard).toEqual([]);
	});
});
