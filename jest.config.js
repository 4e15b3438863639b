/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/artifacts/"],
  // The end-to-end test writes screenshots there: a watch run must not loop on them.
  watchPathIgnorePatterns: ["/test/e2e/artifacts/"],
};
