import type {Plugin} from 'esbuild';

export declare const bundlePlugins: Plugin[];
