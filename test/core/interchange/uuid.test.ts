import fc from "fast-check";
import { createHash } from "node:crypto";
import { deriveItemId, isValidItemId } from "../../../src/core/interchange/ids";
import { isUuid, sha1, uuidV5 } from "../../../src/core/interchange/uuid";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("pure SHA-1 and version 5 UUIDs", () => {
  it("gives the FIPS 180 test vectors", () => {
    expect(hex(sha1(utf8("abc")))).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect(hex(sha1(utf8("")))).toBe("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    expect(hex(sha1(utf8("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))).toBe("84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  });

  it("agrees with node:crypto on any text, across block boundaries", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        expect(hex(sha1(utf8(text)))).toBe(createHash("sha1").update(text, "utf8").digest("hex"));
      }),
      { numRuns: 300 },
    );
  });

  it("gives the RFC 4122 example name-based UUID (www.example.com in the DNS namespace)", () => {
    expect(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    expect(isUuid(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "x"))).toBe(true);
    expect(isUuid("item-1")).toBe(false);
  });
});

describe("column-safe ids from source codes", () => {
  it("keeps a code that fits and derives a stable, valid, distinct id from one that does not", () => {
    expect(deriveItemId("LA-A-K03", new Set())).toBe("LA-A-K03");
    const fromSpace = deriveItemId("ICT 1", new Set());
    expect(fromSpace).toMatch(/^ICT-1-[0-9a-f]{5}$/);
    expect(deriveItemId("ICT 1", new Set())).toBe(fromSpace);
    expect(deriveItemId("ICT  1", new Set())).not.toBe(fromSpace);
    expect(deriveItemId("LA-A-K03", new Set(["LA-A-K03"]))).not.toBe("LA-A-K03");
  });

  it("always gives an id the criterion schema accepts, never one already taken", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.uniqueArray(fc.string({ maxLength: 10 }), { maxLength: 5 }), (code, taken) => {
        const id = deriveItemId(code, new Set(taken));
        expect(isValidItemId(id)).toBe(true);
        expect(taken).not.toContain(id);
      }),
      { numRuns: 500 },
    );
  });
});
