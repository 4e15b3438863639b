/** A file's text, reporting how much of it has been read (a big CSV or CASE package takes a moment). */
export function readFileText(file: Blob, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsText(file, "utf-8");
  });
}

/** Saves text as a file through the browser: a Blob behind a temporary `<a download>`. */
export function download(text: string, fileName: string, type = "application/json") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has the file once the click is handled; the URL is kept a while for slow hosts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
