// ESLint flat config: code hygiene plus the architecture's boundaries (docs/architecture.md).
// The boundaries are errors, so `npm test` fails on an import that crosses a layer the wrong way;
// tests/unit/architecture-lint.test.ts proves each one still bites.
import fs from "node:fs";
import path from "node:path";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { importX } from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import reactHooks from "eslint-plugin-react-hooks";
import jsxA11y from "eslint-plugin-jsx-a11y";
import globals from "globals";

const root = import.meta.dirname;

// One zone per feature folder, read at load time, so that a new feature is fenced off from the
// others without editing this file.
const featuresDir = "client/src/features";
const features = fs
  .readdirSync(path.join(root, featuresDir), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const featureZones = features.map((feature) => ({
  target: `${featuresDir}/${feature}`,
  from: featuresDir,
  except: [`./${feature}`],
  message: "A feature never imports another feature: move what both need to client/src/components, lib or api.",
}));

const serverRoutes = ["server/src/routes"];
const architectureZones = [
  {
    target: "shared",
    from: ["client", "server"],
    message: "shared/ runs on both sides: it imports neither the client nor the server.",
  },
  { target: "client", from: "server", message: "The client reaches the server through HTTP only; share code via shared/." },
  { target: "server", from: "client", message: "The server never imports client code; share code via shared/." },
  ...featureZones,
  {
    target: ["client/src/components", "client/src/lib", "client/src/api"],
    from: ["client/src/features", "client/src/app"],
    message: "components/, lib/ and api/ are the bottom layer: they never import features or the app shell.",
  },
  {
    target: ["server/src/repositories", "server/src/db"],
    from: ["server/src/handlers", ...serverRoutes, "server/src/http", "server/src/domain"],
    message: "Repositories and the database layer sit below the use cases and the HTTP layer.",
  },
  {
    target: "server/src/domain",
    from: ["server/src/handlers", ...serverRoutes, "server/src/http"],
    message: "Use cases (server/src/domain) know nothing of HTTP: handlers call them, not the other way round.",
  },
  {
    target: "server/src/handlers",
    from: serverRoutes,
    message: "Routes mount handlers; a handler never imports the routes.",
  },
  {
    target: "server/src/db",
    from: "server/src/repositories",
    message: "The database layer (connection, migrations) sits below the repositories.",
  },
];

// components/ and lib/ never fetch: data comes through client/src/api (its HTTP client and the
// shared query hooks) or from the feature that renders them.
const noFetchMessage = "components/ and lib/ never fetch: go through client/src/api.";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "client/public/**",
      "coverage/**",
      "bench-results/**",
      ".tmp/**",
      "db/*.sqlite*",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  importX.flatConfigs.recommended,
  importX.flatConfigs.typescript,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module" },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: path.join(root, "tsconfig.json") })],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { basePath: root, zones: architectureZones }],
      // Depth bounds the walk and keeps lint fast; type-only imports vanish at run time.
      "import-x/no-cycle": ["error", { maxDepth: 10, ignoreExternal: true }],
      // TypeScript already checks names and defaults; these rules only cost time.
      "import-x/named": "off",
      "import-x/namespace": "off",
      "import-x/default": "off",
      "import-x/no-named-as-default-member": "off",
      // The DSFR's components are default exports named as their module (`import Button from
      // "@codegouvfr/react-dsfr/Button"`), the idiom its documentation uses.
      "import-x/no-named-as-default": "off",
      "import-x/no-duplicates": "error",
      // Arguments and catch bindings named with a leading underscore are unused on purpose.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["client/src/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ["client/src/**/*.tsx"],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ["client/src/components/**", "client/src/lib/**"],
    rules: {
      "no-restricted-globals": ["error", { name: "fetch", message: noFetchMessage }],
      "no-restricted-properties": [
        "error",
        { object: "window", property: "fetch", message: noFetchMessage },
        { object: "globalThis", property: "fetch", message: noFetchMessage },
      ],
    },
  },
  {
    files: ["server/**", "shared/**", "scripts/**", "db/**", "tests/**", "*.{js,ts}", "client/vite.config.ts"],
    languageOptions: { globals: globals.node },
  },
  {
    // Browser tests pass functions to page.evaluate, which run in the page.
    files: ["tests/**"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // Tests read JSON answers field by field; typing each body would restate the shared schemas.
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
