/** Turns whatever an action threw into a sentence that says what went wrong and what to do. */
export function friendlyError(action: string, error: unknown): string {
  const code = (error as { code?: string })?.code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return `Could not ${action}: a cell is being edited. Press Enter or Esc in the sheet, then try again.`;
    case "AccessDenied":
    case "InsertDeleteConflict":
      return `Could not ${action}: Excel refused the change (${message}). If the workbook or sheet is protected, unprotect it and try again.`;
    case "RequestPayloadSizeLimitExceeded":
      return `Could not ${action}: the data is too large for one request. Try fewer people at a time.`;
    default:
      return `Could not ${action}: ${message.replace(/\.$/, "")}. Try again; if it keeps failing, reload the add-in.`;
  }
}
