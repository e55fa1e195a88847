// The day arithmetic of the windows Microsoft gives: 30 days for a mailbox, 30 for a deleted user.

const dayMs = 24 * 60 * 60 * 1000;

export function daysAfter(time: string | Date, days: number): Date {
	return new Date(new Date(time).getTime() + days * dayMs);
}

/** "2026-12-25": the day a window ends, as the screens and reports say it. */
export function dayOf(time: string | Date): string {
	return new Date(time).toISOString().slice(0, 10);
}

/** "20261125-181502": a time in a file name, sortable. */
export function fileStamp(time: Date): string {
	return time.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** "14:02": a time of day on this machine's clock, as a status line says when something was read. */
export function clockOf(time: string | Date): string {
	const date = new Date(time);
	return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
