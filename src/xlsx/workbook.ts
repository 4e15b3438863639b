import { createHash, randomBytes } from "node:crypto";
import { constants, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SheetPlan } from "../core/layout/plan";
import { PackageError } from "./package/xml";
import { WorkbookPackage } from "./package/workbook-package";
import { WorkbookFileError } from "./read";
import { ZipError, ZipPackage } from "./zip";

export interface WriteOptions {
  /** How long to wait for another hr-competency writing the same file, in ms. */
  lockWaitMs?: number;
  /** Runs once the new workbook is on disk beside the target, just before the target is checked and replaced (for tests). */
  beforeReplace?: () => Promise<void> | void;
}

const LOCK_WAIT_MS = 15_000;
/** A lock older than this whose process is gone was left by a crash and may be broken. */
const STALE_LOCK_MS = 2 * 60_000;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Snapshot {
  bytes: Buffer;
  size: number;
  mtimeMs: number;
  hash: string;
  mode: number;
}

/** Opens a file's bytes as a workbook package, or says plainly why the file is not one to add to. */
function openPackage(file: string, bytes: Buffer): WorkbookPackage {
  if (bytes.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new WorkbookFileError(`${file} is not an .xlsx workbook (it is a password-protected workbook or an old .xls file); it was left as it is. Save it from Excel as "Excel Workbook (.xlsx)" without a password.`);
  }
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new WorkbookFileError(`${file} is not an .xlsx workbook (an .xlsx file is a zip archive); it was left as it is. Name a new file, or an .xlsx workbook.`);
  }
  return describingFailure(file, () => WorkbookPackage.open(bytes));
}

/** Runs a step of package surgery on `file`; a part it cannot edit becomes a message naming the file and the part. */
function describingFailure<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof PackageError || error instanceof ZipError) {
      throw new WorkbookFileError(`${file} cannot be added to: ${error.message}. It was left as it is.`);
    }
    throw error;
  }
}

/** Every part of the workbook is sound, so what is kept unread is kept intact. */
async function verifyPackage(file: string, bytes: Buffer): Promise<void> {
  try {
    await ZipPackage.read(bytes).verifyParts();
  } catch (error) {
    if (error instanceof ZipError) throw new WorkbookFileError(`${file} cannot be added to: ${error.message}. It was left as it is.`);
    throw error;
  }
}

async function snapshot(file: string): Promise<Snapshot | undefined> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    throw new WorkbookFileError(`${file} could not be read (${(error as Error).message}).`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new WorkbookFileError(`${file} is a folder, not an .xlsx workbook.`);
    const bytes = await handle.readFile();
    return { bytes, size: stat.size, mtimeMs: stat.mtimeMs, hash: sha256(bytes), mode: stat.mode & 0o777 };
  } finally {
    await handle.close();
  }
}

/** Whether the file is still exactly what was read: same size, time and content. */
async function unchangedSince(file: string, before: Snapshot): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    if (stat.size !== before.size || stat.mtimeMs !== before.mtimeMs) return false;
    return sha256(await fs.readFile(file)) === before.hash;
  } catch {
    return false;
  }
}

function lockPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.hr-competency.lock`);
}

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** A lock left by a crashed writer on this machine: old, and its process is gone. */
async function isStale(lock: string): Promise<boolean> {
  try {
    const [stat, text] = await Promise.all([fs.stat(lock), fs.readFile(lock, "utf8")]);
    const owner = JSON.parse(text) as { pid?: number; host?: string };
    return Date.now() - stat.mtimeMs > STALE_LOCK_MS && owner.host === os.hostname() && typeof owner.pid === "number" && processIsGone(owner.pid);
  } catch {
    return false;
  }
}

/**
 * Takes the write lock beside `file` (a lock file created exclusively), waiting a little for
 * another hr-competency to finish; returns the function that releases it.
 */
async function acquireLock(file: string, waitMs: number): Promise<() => Promise<void>> {
  const lock = lockPath(file);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await fs.open(lock, "wx");
      await handle.writeFile(JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }));
      await handle.close();
      return () => fs.rm(lock, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EEXIST") throw new WorkbookFileError(`Cannot write ${file}: its lock file ${lock} could not be created (${(error as Error).message}). Check that the folder is writable.`);
    }
    if (await isStale(lock)) {
      await fs.rm(lock, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new WorkbookFileError(
        `Another hr-competency is writing ${file} (its lock file ${lock} exists); nothing was written. Run the command again when it has finished; if no hr-competency is running, delete ${lock}.`,
      );
    }
    await sleep(50 + Math.random() * 100);
  }
}

function writeError(file: string, error: unknown): WorkbookFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const openElsewhere = process.platform === "win32" && (code === "EBUSY" || code === "EPERM") ? " Windows does not let a file open in Excel be replaced: close it there and run the command again." : "";
  return new WorkbookFileError(`Cannot write ${file}: ${(error as Error).message}. The file was left as it was.${openElsewhere}`);
}

/**
 * The lock file a spreadsheet program keeps beside a workbook it has open (Excel: "~$name",
 * LibreOffice: ".~lock.name#"). Writing then would be lost at that program's next save.
 */
async function openElsewhere(file: string): Promise<string | undefined> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  // Excel's owner file drops the first two characters of longer names.
  const candidates = [`~$${base}`, `.~lock.${base}#`];
  if (path.parse(base).name.length >= 8) candidates.push(`~$${base.slice(2)}`);
  for (const name of candidates) {
    if (await fs.stat(path.join(dir, name)).then(() => true, () => false)) return path.join(dir, name);
  }
  return undefined;
}

/**
 * Writes a workbook safely: under a lock, built from the bytes read, written to a temporary
 * file beside the target, and put in place only if the target is still what was read (or, for
 * a new file, if no file appeared meanwhile). No temporary file is left behind.
 */
async function writeSafely<T>(target: string, build: (current: Snapshot | undefined) => { bytes: Buffer; result: T }, options: WriteOptions): Promise<{ result: T; created: boolean }> {
  const file = path.resolve(target);
  const dir = path.dirname(file);
  const dirStat = await fs.stat(dir).catch(() => undefined);
  if (!dirStat?.isDirectory()) throw new WorkbookFileError(`Cannot write ${target}: the folder ${dir} does not exist.`);
  const owner = await openElsewhere(file);
  if (owner) {
    throw new WorkbookFileError(
      `${target} is open in a spreadsheet program (its lock file ${owner} exists), whose next save would drop what is added now; nothing was written. Close the workbook there and run the command again (if no program has it open, delete ${owner}).`,
    );
  }
  const release = await acquireLock(file, options.lockWaitMs ?? LOCK_WAIT_MS);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const current = await snapshot(file);
    if (current?.bytes.subarray(0, 4).equals(ZIP_MAGIC)) await verifyPackage(target, current.bytes);
    const { bytes, result } = build(current);
    try {
      const handle = await fs.open(temp, "wx", current?.mode ?? 0o666);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw writeError(target, error);
    }
    await options.beforeReplace?.();
    if (current) {
      if (!(await unchangedSince(file, current))) {
        throw new WorkbookFileError(`${target} was changed by another program since it was read; it was left as that program wrote it, and nothing was written. Run the command again.`);
      }
      await fs.rename(temp, file).catch((error: unknown) => {
        throw writeError(target, error);
      });
    } else {
      await placeNewFile(temp, file, target);
    }
    return { result, created: !current };
  } finally {
    await fs.rm(temp, { force: true });
    await release();
  }
}

/** Puts a new file in place without ever replacing one that appeared since it was found missing. */
async function placeNewFile(temp: string, file: string, target: string) {
  const appeared = () => new WorkbookFileError(`${target} was created by another program while this one was being written; it was left as it is, and nothing was written. Run the command again.`);
  try {
    await fs.link(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw appeared();
    // Some file systems have no hard links: an exclusive copy refuses an existing file just as well.
    try {
      await fs.copyFile(temp, file, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === "EEXIST") throw appeared();
      throw writeError(target, copyError);
    }
  }
}

/** Adds the planned sheets to the workbook at `file` (creating it if needed); returns the sheet names used. */
export async function addSheetsToFile(file: string, plans: SheetPlan[], options: WriteOptions = {}): Promise<{ sheets: string[]; created: boolean }> {
  const { result, created } = await writeSafely(
    file,
    (current) => {
      const pkg = current ? openPackage(file, current.bytes) : WorkbookPackage.create();
      return describingFailure(file, () => {
        const sheets = plans.map((plan) => pkg.addSheet(plan));
        return { bytes: pkg.toBuffer(), result: sheets };
      });
    },
    options,
  );
  return { sheets: result, created };
}

/** Writes a new workbook holding the planned sheets; refuses to replace an existing file. */
export async function createWorkbookFile(file: string, plans: SheetPlan[], options: WriteOptions = {}): Promise<string[]> {
  const { result } = await writeSafely(
    file,
    (current) => {
      if (current) throw new WorkbookFileError(`${file} already exists; it was left as it is. Name a new file.`);
      const pkg = WorkbookPackage.create();
      const sheets = plans.map((plan) => pkg.addSheet(plan));
      return { bytes: pkg.toBuffer(), result: sheets };
    },
    options,
  );
  return result;
}

/** Writes a new file of any kind (a framework's JSON, say) the same safe way; refuses to replace an existing file. */
export async function createFile(file: string, bytes: Buffer, options: WriteOptions = {}): Promise<void> {
  await writeSafely(
    file,
    (current) => {
      if (current) throw new WorkbookFileError(`${file} already exists; it was left as it is. Name a new file, or delete it first.`);
      return { bytes, result: undefined };
    },
    options,
  );
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => undefined), fs.stat(b).catch(() => undefined)]);
  return Boolean(sa && sb && sa.dev === sb.dev && sa.ino === sb.ino);
}

/**
 * Writes the check's report sheet into `output`: an existing workbook keeps every sheet and gets
 * the report added (or its earlier report rewritten); a missing one becomes a copy of `input`
 * with the report. A file that is not an .xlsx workbook is never overwritten, nor is the input.
 */
export async function writeReportCopy(input: string, output: string, reportPlan: SheetPlan, options: WriteOptions = {}): Promise<string> {
  if (await sameFile(input, output)) {
    throw new WorkbookFileError(`--report must name a new file: the checked workbook ${input} is never written.`);
  }
  const source = await snapshot(path.resolve(input));
  if (!source) throw new WorkbookFileError(`${input}: no such file. Check the path.`);
  const { result } = await writeSafely(
    output,
    (current) => {
      const edited = current ? output : input;
      const pkg = openPackage(edited, current ? current.bytes : source.bytes);
      return describingFailure(edited, () => {
        const sheet = pkg.writeReportSheet(reportPlan);
        return { bytes: pkg.toBuffer(), result: sheet };
      });
    },
    options,
  );
  return result;
}
