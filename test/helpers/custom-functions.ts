/**
 * CustomFunctions as Excel's runtime provides it, reduced to what the functions use, installed
 * globally when this module is imported (before src/functions/functions is loaded).
 */
export class FakeFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
Object.assign(globalThis, { CustomFunctions: { Error: FakeFunctionError, ErrorCode: { notAvailable: "#N/A", invalidValue: "#VALUE!" } } });

/** A streaming invocation that records every result pushed to it. */
export function invocation<T>() {
  const results: unknown[] = [];
  const inv = { setResult: (v: T | FakeFunctionError) => void results.push(v), onCanceled: undefined as undefined | (() => void) };
  return { inv: inv as unknown as CustomFunctions.StreamingInvocation<T>, results, last: () => results[results.length - 1], cancel: () => inv.onCanceled?.() };
}
