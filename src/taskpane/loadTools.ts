export type Tools = typeof import("./tools");

let loading: Promise<Tools> | undefined;

/** The pane's actions (tools.ts), fetched once as their own script; a failed fetch is tried again on the next call. */
export function loadTools(): Promise<Tools> {
  loading ??= import(/* webpackChunkName: "tools" */ "./tools").catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
