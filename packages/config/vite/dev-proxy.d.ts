export declare function devProxy(env?: Record<string, string | undefined>): Record<string, string>;
