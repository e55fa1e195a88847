// How the app is drawn, in one place for the TUI and the key benchmark.
import type {RenderOptions} from 'ink';

/**
 * Ink draws at most `maxFps` frames a second. Its default, 30, makes a key that comes within 33 ms
 * of the last frame wait for the next one; at 60 a key typed at a person's pace is drawn at once,
 * and a burst (key repeat, a paste) still makes one frame per 16 ms, not one per key.
 */
export const frameRate = {maxFps: 60} as const satisfies RenderOptions;
