#!/usr/bin/env python3
"""Writes each tagged ```swift snippet of Docs/**/*.md to Tests/DocSnippetsTests/Snippets/<doc>/<name>.swift.

A block tagged `<!-- snippet: NAME -->` on the line before it becomes a compiled Swift file of
the DocSnippetsTests target; `<!-- excerpt: PATH -->` blocks are checked against PATH by the
tests and are not written. Files of snippets no longer in the docs are removed.
`--check` writes nothing and exits 1 when a file would change (what DocSnippetsCheckTests checks).
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCS = ROOT / "Docs"
SNIPPETS = ROOT / "Tests" / "DocSnippetsTests" / "Snippets"
TAG = re.compile(r"^<!--\s*snippet:\s*([A-Za-z0-9-]+)\s*-->$")


def blocks(text):
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        indent = line[: len(line) - len(line.lstrip(" "))]
        stripped = line[len(indent):]
        if not stripped.startswith("```"):
            i += 1
            continue
        info = stripped[3:].strip()
        body = []
        j = i + 1
        while j < len(lines) and lines[j].strip() != "```":
            content = lines[j]
            body.append(content[len(indent):] if content.startswith(indent) else content)
            j += 1
        if info == "swift":
            previous = next((l.strip() for l in reversed(lines[:i]) if l.strip()), "")
            match = TAG.match(previous)
            if match:
                yield match.group(1), "".join(b + "\n" for b in body)
        i = j + 1


def main():
    check = "--check" in sys.argv[1:]
    wanted = {}
    for doc in sorted(DOCS.rglob("*.md")):
        folder = SNIPPETS / doc.relative_to(DOCS).with_suffix("")
        for name, text in blocks(doc.read_text(encoding="utf-8")):
            wanted[folder / f"{name}.swift"] = text
    changed = []
    for path, text in wanted.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            changed.append(path)
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    for path in sorted(SNIPPETS.rglob("*.swift")) if SNIPPETS.exists() else []:
        if path not in wanted:
            changed.append(path)
            if not check:
                path.unlink()
    for path in changed:
        print(("would update " if check else "updated ") + str(path.relative_to(ROOT)))
    print(f"{len(wanted)} snippet(s), {len(changed)} change(s)")
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
