import type {BuildOptions, Plugin} from 'esbuild';

export declare const bundlePlugins: Plugin[];

export declare const appBundleOptions: (outfile: string) => BuildOptions;
