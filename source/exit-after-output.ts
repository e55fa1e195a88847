// The process ends only once what it wrote has left it. process.exit drops whatever a pipe has not
// taken yet (piped --json was cut off at 64–128 KiB), so the exit waits until stdout and stderr
// have handed everything on: an empty write's callback runs after every write before it.
export function exitAfterOutput(
	code: number,
	streams: ReadonlyArray<{writableLength: number; writable: boolean; write(chunk: string, done: () => void): unknown}> = [process.stdout, process.stderr],
	exit: (code: number) => void = code => process.exit(code),
): void {
	process.exitCode = code;
	let left = streams.length + 1;
	const written = () => {
		if (--left === 0) exit(code);
	};
	for (const stream of streams) {
		if (stream.writableLength > 0 && stream.writable) stream.write('', written);
		else written();
	}
	written();
}
