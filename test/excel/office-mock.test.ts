import { OfficeMockObject } from "office-addin-mock";
import { planAssessmentSheet } from "../../src/core/layout/assessment-sheet";
import { isFormulaCell, rectAddress } from "../../src/core/layout/plan";
import { applyPlanInExcel } from "../../src/excel/apply";
import { builtIn } from "../helpers/workbooks";

/**
 * The adapter against office-addin-mock. The mock has no collections, so the worksheet and table
 * collections are plain objects; every range is an OfficeMockObject, so what the adapter writes
 * to it can be read back, and context.sync is spied on to count round trips.
 */
function mockExcel(existingSheets: string[]) {
  const ranges: { address: string; range: OfficeMockObject }[] = [];
  const tablesAdded: { address: string; hasHeaders: boolean; table: OfficeMockObject }[] = [];
  // Mock properties read as "not loaded" until loaded and synced, so the harness keeps its own record.
  const addressOf = new Map<OfficeMockObject, string>();
  const newRange = (address: string) => {
    const range = new OfficeMockObject({
      address,
      formulas: [],
      numberFormat: [],
      format: { font: {}, fill: {}, wrapText: false, columnWidth: 0, rowHeight: 0, verticalAlignment: "", horizontalAlignment: "" },
      dataValidation: { rule: "", prompt: "", errorAlert: "" },
      conditionalFormats: {
        add: (type: string) => new OfficeMockObject({ type, custom: { rule: { formula: "" }, format: { fill: {}, font: {} } }, colorScale: { criteria: "" } }),
      },
    });
    ranges.push({ address, range });
    addressOf.set(range, address);
    return range;
  };
  const added: { name: string; sheet: OfficeMockObject }[] = [];
  const context = new OfficeMockObject({
    workbook: {
      application: { suspendApiCalculationUntilNextSync: () => undefined, suspendScreenUpdatingUntilNextSync: () => undefined },
    },
    sync: async () => undefined,
  }) as any;
  context.workbook.worksheets = {
    items: existingSheets.map((name) => ({ name })),
    load: () => undefined,
    add: (name: string) => {
      const sheet = new OfficeMockObject({
        name,
        getRange: (address: string) => newRange(address),
        tables: { add: (range: OfficeMockObject, hasHeaders: boolean) => {
          const table = new OfficeMockObject({ name: "", style: "" });
          tablesAdded.push({ address: addressOf.get(range)!, hasHeaders, table });
          return table;
        } },
        freezePanes: { freezeAt: function (this: any, range: OfficeMockObject) { this.frozenAt = addressOf.get(range); }, freezeRows: () => undefined },
        activate: () => undefined,
      });
      added.push({ name, sheet });
      return sheet;
    },
  };
  context.workbook.tables = { items: [], load: () => undefined };
  return { context, ranges, tablesAdded, added };
}

const { framework, role, level } = builtIn("medway-libraries-2024", "library-manager", "B");

async function apply(people: number, existing: string[] = []) {
  const mock = mockExcel(existing);
  const sync = jest.spyOn(mock.context, "sync");
  const plan = planAssessmentSheet(framework, role, level, Array.from({ length: people }, (_, i) => ({ name: i === 0 ? "=cmd()" : `Person ${i}` })), "Assess");
  const name = await applyPlanInExcel(mock.context as Excel.RequestContext, plan);
  return { ...mock, plan, name, syncs: sync.mock.calls.length };
}

describe("applyPlanInExcel against office-addin-mock", () => {
  it("makes the same number of syncs for 10 and for 1,000 people", async () => {
    const ten = await apply(10);
    const thousand = await apply(1000);
    expect(ten.syncs).toBe(2);
    expect(thousand.syncs).toBe(ten.syncs);
  });

  it("writes each block's values and formulas in one 2D write equal to the plan", async () => {
    const { plan, ranges } = await apply(10);
    for (const block of plan.blocks) {
      const address = rectAddress({ row: block.row, col: block.col, rows: block.cells.length, cols: Math.max(...block.cells.map((r) => r.length)) });
      const writes = ranges.filter((r) => r.address === address && Array.isArray(r.range.formulas) && r.range.formulas.length > 0);
      expect(writes).toHaveLength(1);
      const expected = block.cells.map((row) => row.map((c) => (c === null ? "" : isFormulaCell(c) ? `=${c.formula}` : c)));
      expect(writes[0].range.formulas).toEqual(expected.map((row) => [...row, ...Array(Math.max(0, writes[0].range.formulas[0].length - row.length)).fill("")]));
    }
  });

  it("sets the text format on formula-like names before writing them", async () => {
    const { ranges } = await apply(3);
    const people = ranges.find((r) => r.address.startsWith("A12:"))!.range;
    expect(people.numberFormat[0][0]).toBe("@");
    expect(people.numberFormat[1][0]).toBe("General");
    expect(people.formulas[0][0]).toBe("=cmd()");
  });

  it("adds the table, the dropdown validation and the conditional formats the plan asks for", async () => {
    const { plan, ranges, tablesAdded, added } = await apply(4);
    expect(tablesAdded.map((t) => [t.address, t.hasHeaders, t.table.name, t.table.style])).toEqual([[rectAddress(plan.tables[0].range), true, "Assess", "TableStyleMedium2"]]);
    const validated = ranges.filter((r) => typeof r.range.dataValidation.rule === "object");
    expect(validated.map((r) => [r.address, r.range.dataValidation.rule])).toEqual([[rectAddress(plan.validations[0].range), { wholeNumber: { formula1: 0, formula2: 4, operator: "Between" } }]]);
    expect(validated[0].range.dataValidation.prompt.message).toBe(plan.validations[0].inputMessage);
    expect(added[0].sheet.freezePanes.frozenAt).toBe("A1:A11");
  });

  it("never reuses a sheet name that is taken", async () => {
    const { name, added } = await apply(2, ["Assess Library Manager (B)"]);
    expect(name).toBe("Assess Library Manager (B) (2)");
    expect(added.map((s) => s.name)).toEqual([name]);
  });
});
