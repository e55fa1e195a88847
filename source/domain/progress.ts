// How far a change being sent has got: what the sending panel, the command line's progress line and
// its last line say. Reported by a backend as it goes.
export interface Progress {
	total: number;
	/** Answered for good (whatever the answer). */
	done: number;
	/** Requests Graph held back (429 or 503) so far; each is sent again after the wait. */
	throttled: number;
	remaining: number;
	/** Answers a second, lately. */
	perSecond: number;
	/** Until Graph's Retry-After is over; 0 while sending. */
	waitingMs: number;
	elapsedMs: number;
	/** The last report of the run. */
	finished: boolean;
}
