const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/** The manifest is written for the dev server; a production build swaps this prefix for the real host. */
const DEV_BASE_URL = "https://localhost:3000/";

/** The dev certificates office-addin-dev-certs makes, when present; otherwise webpack's own self-signed one. */
function httpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const file = (name) => path.join(dir, name);
  if (["localhost.crt", "localhost.key"].every((name) => fs.existsSync(file(name)))) {
    return {
      type: "https",
      options: {
        cert: fs.readFileSync(file("localhost.crt")),
        key: fs.readFileSync(file("localhost.key")),
        ...(fs.existsSync(file("ca.crt")) ? { ca: fs.readFileSync(file("ca.crt")) } : {}),
      },
    };
  }
  return "https";
}

/** Stops the build with one line that says what to do (a thrown error would bury it in webpack-cli's stack). */
function refuse(message) {
  console.error(`Build stopped: ${message}`);
  process.exit(1);
}

/**
 * The base URL a production build writes into dist/manifest.xml. It must be given: a deployed
 * manifest pointing at localhost would load nothing. A local production build that keeps the dev
 * server's URL must say so (npm run build:dev-manifest: --env devManifest, or ADDIN_DEV=1).
 */
function productionBaseUrl(env) {
  const url = env.baseUrl || process.env.ADDIN_BASE_URL;
  if (!url) {
    if (env.devManifest || process.env.ADDIN_DEV === "1") {
      console.warn(`dist/manifest.xml keeps the dev server's ${DEV_BASE_URL} (a dev manifest): not for deployment.`);
      return DEV_BASE_URL;
    }
    refuse(
      "The production build needs the add-in's address for dist/manifest.xml: set ADDIN_BASE_URL (https, ending in \"/\"), " +
        "e.g. ADDIN_BASE_URL=https://hr.example.org/addin/ npm run build. For a local build that keeps https://localhost:3000/, run npm run build:dev-manifest.",
    );
  }
  if (!/^https:\/\/[^\s]+\/$/.test(url)) {
    refuse(`The add-in base URL must be https and end with "/": got ${url}. Set ADDIN_BASE_URL, e.g. ADDIN_BASE_URL=https://hr.example.org/addin/ npm run build`);
  }
  return url;
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const baseUrl = dev ? DEV_BASE_URL : productionBaseUrl(env);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules let webpack drop what the pane does not use; type-checking is `npm run typecheck`.
            options: { transpileOnly: true, compilerOptions: { module: "esnext", noEmit: false } },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      // Shared runtime: one page runs both the task pane and the custom functions.
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["functions", "taskpane"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "assets/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : Buffer.from(content.toString().split(DEV_BASE_URL).join(baseUrl))),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: 3000,
      server: httpsOptions(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
    },
  };
};
