import { closeSync, openSync, readSync } from "node:fs";
import type { SheetGrid } from "../core/grid";
import { PackageError, readSharedStrings, readWorkbookParts } from "./xml-package";
import { readWorksheet, SheetContentError } from "./xml-sheet";
import { XmlPartError } from "./xml-stream";
import { ZipError, ZipLimitError, ZipPackage } from "./zip";

/** The file cannot be used as a workbook; the message says which file, why, and what to do. */
export class WorkbookFileError extends Error {}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** Compound File (OLE) documents: Excel 97-2003 .xls, and every password-protected Office file. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

const SAVE_AS_XLSX = 'Save it from Excel as "Excel Workbook (.xlsx)".';
const RESAVE = "Open and save it again in Excel, or use a backup.";

/** Control bytes other than tab and line ends: not a text file. */
function hasBinaryBytes(bytes: Buffer): boolean {
  return bytes.subarray(0, 512).some((b) => b < 9 || (b > 13 && b < 32));
}

/** What a file that is not a zip looks like, for the message. */
function describeNonZip(bytes: Buffer): string {
  if (bytes.subarray(0, 4).equals(OLE_MAGIC)) return "is not an .xlsx workbook: it is password-protected or an old .xls: save it from Excel as an .xlsx workbook without a password.";
  const head = bytes.subarray(0, 512).toString("latin1").trimStart().toLowerCase();
  const looksLike = head.startsWith("%pdf") ? "a PDF document" : head.startsWith("<") ? "an XML or HTML file" : hasBinaryBytes(bytes) ? undefined : "a text file (a CSV?)";
  return `is not an .xlsx workbook${looksLike ? `: it looks like ${looksLike}, while an .xlsx file is a zip archive` : " (an .xlsx file is a zip archive)"}. ${SAVE_AS_XLSX}`;
}

/** Opens a file and rejects, with a clear message, what is plainly not an .xlsx; returns the open file. */
function openXlsxFile(path: string): number {
  let fd: number | undefined;
  let bytes: Buffer;
  try {
    fd = openSync(path, "r");
    const head = Buffer.alloc(512);
    // Reading a folder fails with EISDIR.
    bytes = head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookFileError(`${path}: no such file. Check the path.`);
    if (code === "EISDIR") throw new WorkbookFileError(`${path} is a folder, not an .xlsx workbook.`);
    throw new WorkbookFileError(`${path} could not be read (${code ?? String(error)}).`);
  }
  const file = fd;
  const refuse = (message: string) => {
    closeSync(file);
    return new WorkbookFileError(message);
  };
  if (bytes.length === 0) throw refuse(`${path} is empty (0 bytes), not an .xlsx workbook.`);
  if (bytes.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) throw refuse(`${path} is not an .xlsx workbook: it is an empty zip archive. ${SAVE_AS_XLSX}`);
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) throw refuse(`${path} ${describeNonZip(bytes)}`);
  return file;
}

function damaged(path: string, detail: string): WorkbookFileError {
  return new WorkbookFileError(`${path} could not be read as an .xlsx workbook; it may be truncated or damaged (${detail}). ${RESAVE}`);
}

/** Turns what the zip, package and XML layers found into one line that names the file and says what to do. */
function asFileError(path: string, error: unknown): unknown {
  if (error instanceof ZipLimitError) return new WorkbookFileError(`${path} was refused: ${error.message}. If it is a real workbook, open it in Excel and split it or remove what makes it so large.`);
  if (error instanceof ZipError) return damaged(path, error.message);
  if (error instanceof PackageError) return new WorkbookFileError(`${path} cannot be read: ${error.message}. ${SAVE_AS_XLSX}`);
  if (error instanceof XmlPartError || error instanceof SheetContentError) return damaged(path, error.message);
  return error;
}

/** The package of an .xlsx file, read from the file part by part as it is asked for; close() it when done. */
function openPackage(path: string): ZipPackage {
  const fd = openXlsxFile(path);
  try {
    return ZipPackage.open(fd);
  } catch (error) {
    throw asFileError(path, error);
  }
}

/** An opened workbook: its worksheets in the workbook's order (chartsheets and dialog sheets hold no cells and are left out). */
export interface OpenWorkbook {
  pkg: ZipPackage;
  worksheets: { name: string; part: string }[];
  sharedStrings: readonly string[];
}

/**
 * Opens an .xlsx file and reads it with `read`; whatever the zip, package and XML layers find
 * wrong becomes a WorkbookFileError that names the file and says what to do.
 */
export async function readWorkbookFile<T>(path: string, read: (book: OpenWorkbook) => Promise<T>): Promise<T> {
  const pkg = openPackage(path);
  try {
    const { sheets, sharedStringsPart } = readWorkbookParts(pkg);
    const sharedStrings = sharedStringsPart ? await readSharedStrings(pkg, sharedStringsPart) : [];
    const worksheets = sheets.flatMap((sheet) => (sheet.part ? [{ name: sheet.name, part: sheet.part }] : []));
    if (worksheets.length === 0) throw new PackageError("it has no worksheet");
    return await read({ pkg, worksheets, sharedStrings });
  } catch (error) {
    throw asFileError(path, error);
  } finally {
    pkg.close();
  }
}

/** Reads every worksheet into a grid, in the workbook's order and with its sheet names, streaming each sheet's XML as it is inflated. */
export async function readGrids(path: string): Promise<SheetGrid[]> {
  return readWorkbookFile(path, async ({ pkg, worksheets, sharedStrings }) => {
    const grids: SheetGrid[] = [];
    for (const sheet of worksheets) grids.push((await readWorksheet(pkg, sheet.part, sheet.name, sharedStrings)).grid);
    return grids;
  });
}
