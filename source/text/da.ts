export const da = {} as never;
