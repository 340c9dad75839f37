/**
 * ESLint (npm run lint, part of npm test): typescript-eslint's recommended rules with type
 * information for the promise rules (a promise nobody awaits or handles loses its error), React's
 * hooks rules for the renderer, and a 140-character line limit for what Prettier cannot wrap
 * (long strings, comments, URLs), which must be wrapped by hand.
 */
import js from "@eslint/js";
import stylistic from "@stylistic/eslint-plugin";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["node_modules/", "out/", "dist/", "dist-web/", "release/", "test-artifacts/", "model/engine/schedule/data/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "@stylistic": stylistic },
    rules: {
      "@stylistic/max-len": ["error", { code: 140, tabWidth: 2, ignoreUrls: false, ignoreStrings: false, ignoreTemplateLiterals: false }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    files: ["renderer/**/*.ts", "renderer/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Two React Compiler rules flag patterns the renderer uses on purpose (the app is not compiled
      // by React Compiler): the latest value kept in a ref during render, for callbacks that AG Grid
      // holds on to; and state reset in an effect when the scenario changes.
      "react-hooks/refs": "off",
      "react-hooks/set-state-in-effect": "off",
    },
    languageOptions: { globals: globals.browser },
  },
  {
    // Long lines allowed until the scenario-version-2 rewrite of these files (docs/architecture.md).
    files: ["model/engine/**", "model/io/item-formulas.ts", "model/io/xlsx-export.ts"],
    rules: { "@stylistic/max-len": "off" },
  },
  {
    files: ["**/*.mjs", "**/*.cjs", "**/*.js"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
