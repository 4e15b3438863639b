/**
 * @jest-environment jsdom
 */
import { download, readFileText } from "../../src/taskpane/files";

describe("readFileText", () => {
  it("reads a file as UTF-8 and reports progress up to the whole file", async () => {
    const text = "ID number,Short name\r\nA1,Écoute active – niveau 2\r\n".repeat(2000);
    const fractions: number[] = [];
    const read = await readFileText(new Blob([text]), (f) => fractions.push(f));
    expect(read).toBe(text);
    expect(fractions.length).toBeGreaterThan(0);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });
});

describe("download", () => {
  it("clicks a temporary link to a Blob of the text, named as asked, and leaves no link behind", async () => {
    const blobs: Blob[] = [];
    Object.assign(URL, { createObjectURL: (blob: Blob) => (blobs.push(blob), "blob:test/1"), revokeObjectURL: () => undefined });
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
    });
    download('{"id":"x"}\n', "x.case.json");
    expect(clicked).toEqual([{ href: "blob:test/1", download: "x.case.json", attached: true }]);
    expect(document.querySelectorAll("a").length).toBe(0);
    expect(blobs.map((b) => b.type)).toEqual(["application/json"]);
    await expect(readFileText(blobs[0], () => undefined)).resolves.toBe('{"id":"x"}\n');
    click.mockRestore();
  });
});
