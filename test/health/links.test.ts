/**
 * Every relative link in the project's Markdown (README.md, docs/, and each folder's README) points
 * at a file that exists, and a link to a heading of a Markdown file names a heading that is there.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const SKIP = new Set(["node_modules", "out", "dist", "dist-web", "release", "test-artifacts", ".git"]);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIP.has(name) ? [] : markdownFiles(path);
    return name.endsWith(".md") ? [path] : [];
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, "")
    .replace(/[^\p{L}\p{N} -]/gu, "")
    .replace(/ /g, "-");

function anchors(file: string): Set<string> {
  const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
}

/** [text](target) and ![alt](target), outside code blocks and inline code. */
function links(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

const files = markdownFiles(ROOT);

describe("Markdown links", () => {
  it("covers README.md and docs/", () => {
    const names = files.map((f) => relative(ROOT, f).replaceAll("\\", "/"));
    expect(names).toContain("README.md");
    expect(names.filter((n) => n.startsWith("docs/")).length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    it(relative(ROOT, file).replaceAll("\\", "/"), () => {
      const broken: string[] = [];
      for (const link of links(readFileSync(file, "utf8"))) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto: ...: not checked here
        const [path, anchor] = link.split("#") as [string, string | undefined];
        const target = path === "" ? file : resolve(dirname(file), decodeURIComponent(path));
        if (!existsSync(target)) broken.push(`${link}: no such file`);
        else if (anchor && target.endsWith(".md") && !anchors(target).has(anchor)) broken.push(`${link}: no such heading`);
      }
      expect(broken).toEqual([]);
    });
  }
});
