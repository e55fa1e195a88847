// Names given one a line (a users file), kept as the text they were read from and where each starts
// and ends: a list of 800,000 names costs its characters and 8 bytes a name, not a string a name
// (about 40 bytes each, and the work of keeping them all: docs/performance.md). A name is made into
// a string when it is read, and dropped after.

export class NameList implements Iterable<string> {
	private constructor(
		private readonly text: string,
		private readonly starts: Uint32Array,
		private readonly ends: Uint32Array,
		readonly length: number,
	) {}

	/** A list of names already made (a few, from the command line). */
	static of(names: readonly string[]): NameList {
		const list = NameList.collect();
		for (const name of names) list.push(name);
		return list.done();
	}

	/** A list of ranges of `text`, added in the order given. */
	static in(text: string): {add: (start: number, end: number) => void; done: () => NameList} {
		const list = NameList.ranges();
		return {add: list.add, done: () => list.done(text)};
	}

	/**
	 * A list of names made one at a time (a CSV's column): joined into one text as they come, a few
	 * thousand at a time, so that only those few are ever strings of their own.
	 */
	static collect(): {push: (name: string) => void; done: () => NameList} {
		const list = NameList.ranges();
		const pieces: string[] = [];
		let pending: string[] = [];
		let at = 0;
		return {
			push(name) {
				list.add(at, at + name.length);
				at += name.length + 1;
				pending.push(name);
				if (pending.length === 4096) {
					pieces.push(pending.join('\n'));
					pending = [];
				}
			},
			done() {
				pieces.push(pending.join('\n'));
				return list.done(pieces.join('\n'));
			},
		};
	}

	/** Where each name starts and ends, in typed arrays that double as they fill. */
	private static ranges(): {add: (start: number, end: number) => void; done: (text: string) => NameList} {
		let starts: Uint32Array = new Uint32Array(1024);
		let ends: Uint32Array = new Uint32Array(1024);
		let length = 0;
		return {
			add(start, end) {
				if (length === starts.length) {
					starts = grown(starts);
					ends = grown(ends);
				}
				starts[length] = start;
				ends[length++] = end;
			},
			done: text => new NameList(text, starts.subarray(0, length), ends.subarray(0, length), length),
		};
	}

	at(i: number): string {
		return this.text.slice(this.starts[i], this.ends[i]);
	}

	*[Symbol.iterator](): Iterator<string> {
		for (let i = 0; i < this.length; i++) yield this.at(i);
	}
}

function grown(list: Uint32Array): Uint32Array {
	const larger = new Uint32Array(list.length * 2);
	larger.set(list);
	return larger;
}
