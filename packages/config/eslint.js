// Shared flat ESLint config. Syntax-level rules only (no type information), so linting stays
// fast and does not depend on the TypeScript version used for type-checking.
import tseslint from "typescript-eslint";

// Test harnesses and scripts are their own entry points and read their settings directly.
const envFiles = [
  "**/env.ts",
  "**/*.config.ts",
  "**/scripts/**",
  "**/*.mjs",
  "**/testing/**",
  "**/*.test.ts",
  "**/*.spec.ts",
  "e2e/support/**",
];

export default tseslint.config(
  { ignores: ["**/dist/**", "**/dist-ssr/**", "**/generated/**", "**/node_modules/**", "**/.turbo/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration through the app's env module (env.ts), parsed once with zod.",
        },
        {
          selector: "MemberExpression[property.name=/^\\$(queryRawUnsafe|executeRawUnsafe)$/]",
          message: "Use the parameterised tagged templates $queryRaw`...` / $executeRaw`...`.",
        },
        {
          selector: "CallExpression[callee.property.name='raw'][callee.object.name='Prisma']",
          message: "Prisma.raw bypasses parameterisation; build SQL from Prisma.sql fragments instead.",
        },
      ],
    },
  },
  { files: envFiles, rules: { "no-restricted-syntax": "off" } },
);
