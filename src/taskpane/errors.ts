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
      return `Could not ${action}: Excel refused to take so much data in one request (over 5 MB). Try fewer people at a time, or use the desktop Excel app or the hr-competency command line for a workbook this large.`;
    case "ResponsePayloadSizeLimitExceeded":
    case "RangeExceedsLimit":
      return `Could not ${action}: Excel refused to send so much of the workbook at once (over 5 MB, or more than 5 million cells). Delete empty rows and columns below and right of your data, or split very large sheets; the desktop Excel app or the hr-competency command line checks workbooks this large.`;
    default:
      return `Could not ${action}: ${message.replace(/\.$/, "")}. Try again; if it keeps failing, reload the add-in.`;
  }
}
