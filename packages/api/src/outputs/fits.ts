import type { z } from "zod";

/** What a service function resolves to. */
export type Out<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

/**
 * Compiles only when a service's answer fits the schema the REST API documents for it (what
 * `.output()` would check at run time, checked by the compiler instead). Together with the
 * schema's `satisfies z.ZodType<answer>` a field added, removed or retyped on either side fails
 * the build, while the procedure keeps the service's own type (see `RestRoute.output`).
 */
export type Fits<Answer extends z.input<Schema>, Schema extends z.ZodType> = [Answer, Schema];
