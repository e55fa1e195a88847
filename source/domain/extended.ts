// `{...base, ...more}` without the path Node 20's V8 takes for an object literal that starts with a
// spread and goes on: that literal takes about ten times as long, and leaves a hidden class in the old
// generation for every object made, which a loop over hundreds of thousands of users, outcomes or
// audit entries turns into hundreds of MB (docs/performance.md). Object.assign onto a new object
// gives the same object, keys in the same order, at a plain literal's cost.

/** A copy of `base` with `more`'s fields set, as `{...base, ...more}` makes it. */
export function extended<A extends object, B extends object>(base: A, more: B): Omit<A, keyof B> & B {
	return Object.assign({}, base, more);
}
