import { addFakeSheet, cellOf, createFakeExcel, EXCEL_WEB_LIMITS, fromR1C1, jsonBytes, toR1C1 } from "../fakes/fake-excel";

/** The fake host itself: it must refuse what Excel on the web refuses, or the adapter tests prove nothing. */
describe("the fake Excel host enforces Excel on the web's limits", () => {
  const MB = 1024 * 1024;

  it("refuses a sync whose written values are over 5 MB, and writes nothing of it", async () => {
    const excel = createFakeExcel();
    addFakeSheet(excel.state, "S", [["kept"]]);
    const big = Array.from({ length: 60 }, () => ["y".repeat(100_000)]);
    expect(jsonBytes(big)).toBeGreaterThan(5 * MB);
    const error = await excel
      .run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1:A60").values = big;
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(cellOf(excel.state.sheets[0], "A1")?.value).toBe("kept");
    expect(excel.state.syncLog.at(-1)).toMatchObject({ refused: "RequestPayloadSizeLimitExceeded", requestBytes: jsonBytes(big) });
  });

  it("refuses a read whose response is over 5 MB, and leaves the property unloaded", async () => {
    const excel = createFakeExcel();
    addFakeSheet(excel.state, "S", Array.from({ length: 60 }, () => ["z".repeat(100_000)]));
    let range: any;
    const error = await excel
      .run(async (context) => {
        range = context.workbook.worksheets.getItem("S").getRange("A1:A60");
        range.load("values");
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(() => range.values).toThrow(/before load/);
  });

  it("accepts the same data read in two halves, and records each sync's bytes", async () => {
    const excel = createFakeExcel();
    addFakeSheet(excel.state, "S", Array.from({ length: 60 }, () => ["z".repeat(100_000)]));
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      for (const address of ["A1:A30", "A31:A60"]) {
        const half = ws.getRange(address);
        half.load("values");
        await context.sync();
        expect(half.values).toHaveLength(30);
      }
    });
    const sizes = excel.state.syncLog.map((r) => r.responseBytes);
    expect(sizes).toHaveLength(2);
    for (const size of sizes) expect(size).toBeGreaterThan(30 * 100_000);
    for (const size of sizes) expect(size).toBeLessThan(EXCEL_WEB_LIMITS.payloadBytes);
  });

  it("refuses a read of more than 5 million cells", async () => {
    const excel = createFakeExcel();
    addFakeSheet(excel.state, "S", [[1]]);
    const error = await excel
      .run(async (context) => {
        const range = context.workbook.worksheets.getItem("S").getRange("A1:F1000000");
        range.load("valueTypes");
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RangeExceedsLimit" });
  });
});

describe("the fake Excel host models what Excel does with entered text and tables", () => {
  it("reinterprets text written into a General cell, and keeps it in a text cell", async () => {
    const excel = createFakeExcel();
    addFakeSheet(excel.state, "S");
    const texts = ["00123", "TRUE", "3e5", "1/2", "Ann"];
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1:A5").values = texts.map((t) => [t]);
      ws.getRange("B1:B5").numberFormat = texts.map(() => ["@"]);
      ws.getRange("B1:B5").values = texts.map((t) => [t]);
      await context.sync();
    });
    const sheet = excel.state.sheets[0];
    expect(["A1", "A2", "A3", "A4", "A5"].map((a) => cellOf(sheet, a)?.value)).toEqual([123, true, 300000, 46024, "Ann"]);
    expect(["B1", "B2", "B3", "B4", "B5"].map((a) => cellOf(sheet, a)?.value)).toEqual(texts);
  });

  it("translates formulas between A1 and R1C1 around a cell", () => {
    expect(toR1C1('SUM($B12:$D12)+E$7&"B12"', 11, 5)).toBe('SUM(R[0]C2:R[0]C4)+R7C[-1]&"B12"');
    expect(fromR1C1('SUM(R[0]C2:R[0]C4)+R7C[-1]&"B12"', 20, 5)).toBe('SUM($B21:$D21)+E$7&"B12"');
  });

  it("makes a column filled with one formula after the table exists a calculated column, copied into added rows", async () => {
    const excel = createFakeExcel();
    addFakeSheet(excel.state, "S", [
      ["Name", "Score", "Double", "Note"],
      ["a", 1, null, null],
      ["b", 2, null, null],
    ]);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("D2:D3").formulas = [["=B2"], ["=B3"]];
      const table = ws.tables.add(ws.getRange("A1:D3"), true);
      table.name = "T";
      ws.getRange("C2:C3").formulas = [["=B2*2"], ["=B3*2"]];
      await context.sync();
      context.workbook.tables.getItem("T").rows.add(null, [["c", 5, "ignored", "typed"]]);
      await context.sync();
    });
    const sheet = excel.state.sheets[0];
    expect(excel.state.tables[0]).toMatchObject({ address: "A1:D4", calculated: { 2: "R[0]C[-1]*2" } });
    expect(cellOf(sheet, "C4")?.formula).toBe("B4*2");
    // D holds one formula too, but it was written before the table existed: Excel keeps it as plain cells.
    expect(cellOf(sheet, "D4")).toEqual({ value: "typed" });
    expect(cellOf(sheet, "A4")).toEqual({ value: "c" });
  });
});
