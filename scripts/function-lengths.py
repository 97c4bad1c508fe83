#!/usr/bin/env python3
"""Lists the functions of a Rust tree longer than a limit (default 60 lines), longest first:
    python3 scripts/function-lengths.py src [60]
A function is counted from its `fn` line to the closing brace at the same indentation
(rustfmt's layout), so nested closures and `impl` blocks do not confuse it."""
import os
import re
import sys

FN = re.compile(r'^(\s*)(pub(\([a-z]+\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)')


def lengths(root):
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith('.rs'):
                continue
            path = os.path.join(folder, name)
            lines = open(path, encoding='utf-8').read().split('\n')
            for i, line in enumerate(lines):
                m = FN.match(line)
                if not m or line.rstrip().endswith(';'):
                    continue
                end = next((j for j in range(i + 1, len(lines)) if lines[j] == m.group(1) + '}'), None)
                if end is not None:
                    yield end - i + 1, path, i + 1, m.group(7)


root = sys.argv[1] if len(sys.argv) > 1 else 'src'
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 60
for n, path, line, name in sorted(lengths(root), reverse=True):
    if n > limit:
        print(f'{n:4} {path}:{line} {name}')
