// Frontmatter checking while editing: VS Code's remark extension (unifiedjs.vscode-remark) and
// `npx remark content` check every page's frontmatter against the JSON Schema that `strategy schema`
// generates from the content models. The full check (ids, links, scales) is `strategy check`.
import remarkFrontmatter from "remark-frontmatter";
import remarkLintFrontmatterSchema from "remark-lint-frontmatter-schema";

export default {
  plugins: [
    remarkFrontmatter,
    [remarkLintFrontmatterSchema, { schemas: { "./schema/frontmatter.schema.json": ["./content/**/*.md"] } }],
  ],
};
