#!/usr/bin/env python3
"""One-off migration: moves every bilingual literal pair of src/ into locales/{en,zh}.toml.

Rewrites `Text::new("en", "zh")` → `msg::T::K`, `tr!(lang, "en {x}", "zh {x}", …)` →
`tr!(lang, msg::T::K, x, …)`, `lang.pick("en", "zh")` → `msg::T::K.get(lang)` and the
`texts!` table of src/ui/text.rs. Keys come from the context (`<id>.<field>` inside a
knowledge-base row, a constant's name, else the function and the English words). Prints
what it could not convert; run it, build, and review the diff.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STR = r'(?:r#*"|")'  # start of a string literal


def read_literal(src, i):
    """Parses a Rust string literal at src[i]; returns (value, end) or None."""
    if src.startswith('r', i):
        m = re.match(r'r(#*)"', src[i:])
        if not m:
            return None
        hashes = m.group(1)
        start = i + len(m.group(0))
        end = src.index('"' + hashes, start)
        return src[start:end], end + 1 + len(hashes)
    if src[i] != '"':
        return None
    out, j = [], i + 1
    while src[j] != '"':
        c = src[j]
        if c == '\\':
            n = src[j + 1]
            if n == 'n': out.append('\n'); j += 2
            elif n == 't': out.append('\t'); j += 2
            elif n in '"\\\'': out.append(n); j += 2
            elif n == '0': out.append('\0'); j += 2
            elif n == 'u':
                k = src.index('}', j)
                out.append(chr(int(src[j + 3:k], 16))); j = k + 1
            elif n == '\n':
                j += 2
                while src[j] in ' \t\n': j += 1
            else:
                raise ValueError(f'escape \\{n}')
        else:
            out.append(c); j += 1
    return ''.join(out), j + 1


def skip_ws(src, i):
    while src[i] in ' \t\n\r':
        i += 1
    return i


def literal_pair(src, i):
    """Two literals separated by a comma at src[i]: (en, zh, end) or None."""
    i = skip_ws(src, i)
    a = read_literal(src, i)
    if not a:
        return None
    j = skip_ws(src, a[1])
    if src[j] != ',':
        return None
    j = skip_ws(src, j + 1)
    b = read_literal(src, j)
    if not b:
        return None
    return a[0], b[0], b[1]


def split_args(src, i):
    """Top-level comma-separated arguments from src[i] up to the closing ')'."""
    args, depth, start, j = [], 0, i, i
    while True:
        c = src[j]
        if c in '"' or (c == 'r' and re.match(r'r#*"', src[j:]) and not src[j - 1].isalnum()):
            lit = read_literal(src, j)
            if lit:
                j = lit[1]
                continue
        if c == "'" and re.match(r"'(\\.|[^\\'])'", src[j:]):
            j += len(re.match(r"'(\\.|[^\\'])'", src[j:]).group(0))
            continue
        if c in '([{':
            depth += 1
        elif c in ')]}':
            if depth == 0:
                if src[start:j].strip():
                    args.append(src[start:j].strip())
                return args, j
            depth -= 1
        elif c == ',' and depth == 0:
            args.append(src[start:j].strip())
            start = j + 1
        j += 1


def slug(text, words=5):
    if not text.strip():
        return 'sentence_separator' if text else 'empty'
    ws = re.findall(r'[a-z0-9]+', text.lower())
    return '_'.join(ws[:words]) or 'text'


class Catalogue:
    def __init__(self):
        self.tables = {}  # table -> {key: (en, zh)}

    def add(self, table, key, en, zh, dedup=True):
        entries = self.tables.setdefault(table, {})
        for k, v in entries.items():
            if dedup and v == (en, zh):
                return k
        base, n = key, 2
        while key in entries or key_collides(entries, key):
            key = f'{base}_{n}'; n += 1
        entries[key] = (en, zh)
        return key


def key_collides(entries, key):
    const = key.replace('.', '_').upper()
    return any(k.replace('.', '_').upper() == const or k.startswith(key + '.')
               or key.startswith(k + '.') for k in entries)


def context_key(src, pos):
    """`<id>.<field>` in a row with an id, `<const>` for a constant, else fn + words."""
    before = src[:pos]
    field = re.search(r'(\w+):\s*(?:Some\(\s*)?$', before)
    const = re.search(r'const (\w+)\s*:\s*[\w:<>&\' ]+=\s*$', before)
    if const:
        return const.group(1).lower()
    # the enclosing braces: the last unmatched '{' before pos
    depth, j = 0, pos - 1
    while j > 0:
        c = before[j]
        if c == '}': depth += 1
        elif c == '{':
            if depth == 0: break
            depth -= 1
        j -= 1
    row = before[j:]
    rid = re.search(r'\bid:\s*(?:"([^"]+)"|\w+::(\w+))', row)
    if rid and field:
        ident = re.sub(r'\W', '_', rid.group(1) or camel_to_snake(rid.group(2)))
        return f'{ident}.{field.group(1)}'
    fn = re.findall(r'\bfn (\w+)', before)
    return (fn[-1] + '.' if fn else '') + 'x'


def camel_to_snake(name):
    return re.sub(r'(?<!^)(?=[A-Z])', '_', name).lower()


def table_of(path):
    rel = path.relative_to(ROOT / 'src')
    if rel.as_posix() == 'ui/text.rs':
        return 'ui'
    stem = rel.with_suffix('').as_posix().replace('/', '_')
    return stem.replace('core_', '')


class Unconverted(Exception):
    pass


def placeholders_for_tr(en, zh, args):
    """Named placeholders for a tr! call: positional {} / {0} become {a0}…"""
    named, positional = [], []
    for a in args:
        m = re.match(r'^(\w+)\s*=\s*(.+)$', a, re.S)
        if m and not a.startswith('=='):
            named.append((m.group(1), m.group(2)))
        else:
            positional.append(a)

    def convert(text):
        counter = iter(range(100))
        out, i = [], 0
        while i < len(text):
            if text.startswith('{{', i) or text.startswith('}}', i):
                raise Unconverted('literal brace')
            if text[i] == '{':
                k = text.index('}', i)
                inner = text[i + 1:k]
                if ':' in inner:
                    raise Unconverted(f'format spec {{{inner}}}')
                if inner == '':
                    inner = f'a{next(counter)}'
                elif inner.isdigit():
                    inner = f'a{inner}'
                out.append('{' + inner + '}'); i = k + 1
            else:
                out.append(text[i]); i += 1
        return ''.join(out)

    en2, zh2 = convert(en), convert(zh)
    taken = set(dict(named)) | set(re.findall(r'\{([A-Za-z_]\w*)\}', en + zh))
    renames = {}
    for idx, expr in enumerate(positional):
        m = re.match(r'^&?\*?(?:[\w:]+\()?&?\*?([\w.]+?)(?:\(\))?(?:[,)].*)?$', expr, re.S)
        name = m.group(1).split('.')[-1] if m else ''
        if not re.match(r'^[a-z_][a-z0-9_]*$', name) or name in taken or name in ('self', 'lang'):
            continue
        taken.add(name)
        renames[f'a{idx}'] = name
        named.append((name, expr))
    for old, new in renames.items():
        en2 = en2.replace('{' + old + '}', '{' + new + '}')
        zh2 = zh2.replace('{' + old + '}', '{' + new + '}')
    names = sorted(set(re.findall(r'\{(\w+)\}', en2)) | set(re.findall(r'\{(\w+)\}', zh2)))
    rendered = []
    for n in names:
        if re.match(r'a\d+$', n) and n not in dict(named):
            rendered.append(f'{n} = {positional[int(n[1:])]}')
        elif n in dict(named):
            rendered.append(f'{n} = {dict(named)[n]}')
        else:
            rendered.append(n)
    return en2, zh2, rendered


def row_id(src, pos):
    """The id of the knowledge-base row around src[pos]: `id: "…"`, `field: "…"` or the
    row's first literal."""
    depth, j = 0, pos - 1
    while j > 0:
        c = src[j]
        if c == '}': depth += 1
        elif c == '{':
            if depth == 0: break
            depth -= 1
        j -= 1
    row = src[j:pos]
    m = re.search(r'\b(?:id|field):\s*"([^"]+)"', row) or re.search(r'"([^"]+)"', row)
    return re.sub(r'\W', '_', m.group(1)) if m else 'row'


def migrate_paired_fields(path, src, cat):
    """`name_en: "…", name_zh: "…"` (or `note: "…", note_zh: "…"`) in a row becomes
    `name: msg::T::ID_NAME`; the struct's two `&str` fields become one `Text`."""
    table = table_of(path)
    bases = set()
    out, i = [], 0
    for m in re.finditer(r'\b(\w+)_zh:\s*(?=r?#*")', src):
        base = m.group(1)
        en_field = None
        for f in re.finditer(r'\b' + base + r'(?:_en)?:\s*(?=r?#*")', src[i:m.start()]):
            en_field = f
        if not en_field:
            continue
        en_start = i + en_field.start()
        en, en_end = read_literal(src, i + en_field.end())
        gap = src[en_end:m.start()]
        if not re.fullmatch(r',\s*(//[^\n]*\n\s*)*', gap):
            continue
        zh, zh_end = read_literal(src, m.end())
        if en == zh == '':
            key = cat.add(table, 'empty', en, zh)  # one "nothing to say" message per table
        else:
            key = cat.add(table, f'{row_id(src, en_start)}.{base}', en, zh, dedup=False)
        out.append(src[i:en_start]); out.append(f'{base}: {const_path(table, key)}')
        i = zh_end
        bases.add(base)
    out.append(src[i:])
    src = ''.join(out)
    for base in bases:
        src = re.sub(r'(pub )?' + base + r'(?:_en)?: &\'static str,\n(\s*///[^\n]*\n)*\s*(pub )?'
                     + base + r'_zh: &\'static str,', lambda m: f'{m.group(1) or ""}{base}: Text,', src)
        src = re.sub(r'(\w+)\.pick\(\s*([\w.]+)\.' + base + r'(?:_en)?,\s*\2\.' + base + r'_zh\s*,?\s*\)',
                     lambda m: f'{m.group(2)}.{base}.get({m.group(1)})', src)
    return src, bases


def migrate_label_tables(path, src, cat):
    """`fn label(self, zh: bool)` matching `(Variant, false) => "en", (Variant, true) =>
    "zh"` becomes `fn label(self) -> Text` returning the catalogue's message."""
    table = table_of(path)
    head = re.compile(r'pub fn label\(self, zh: bool\) -> &\'static str \{\n(\s*)use (\w+)::\*;\n'
                      r'\s*match \(self, zh\) \{\n')
    changed = False
    while (m := head.search(src)):
        indent, enum = m.group(1), m.group(2)
        end = src.index('\n' + indent + '}\n', m.end())
        arms = re.findall(r'\((\w+), (false|true)\) => ("(?:[^"\\]|\\.)*"),', src[m.end():end])
        words = {}
        for variant, zh, lit in arms:
            words.setdefault(variant, {})[zh] = read_literal(lit, 0)[0]
        lines = []
        for variant, pair in words.items():
            key = cat.add(table, f'{camel_to_snake(enum)}.{camel_to_snake(variant)}',
                          pair['false'], pair['true'], dedup=False)
            lines.append(f'{indent}    {variant} => {const_path(table, key)},')
        body = (f'pub fn label(self) -> Text {{\n{indent}use {enum}::*;\n{indent}match self {{\n'
                + '\n'.join(lines) + f'\n{indent}}}')
        src = src[:m.start()] + body + src[end + len(indent) + 2:]
        changed = True
    if changed:
        src = src.replace('self.label(lang == Lang::Zh)', 'self.label().get(lang)')
    return src, changed


def migrate_file(path, cat, problems):
    src, bases = migrate_paired_fields(path, path.read_text(), cat)
    src, labels = migrate_label_tables(path, src, cat)
    if labels:
        bases = bases | {'label'}
    table = table_of(path)
    out, i, changed = [], 0, bool(bases)
    pattern = re.compile(r'Text::new\(|\btr!\(|\.pick\(|^\s*texts!\s*\{|(?<=\s)point\(', re.M)
    while True:
        m = pattern.search(src, i)
        if not m:
            break
        tok = m.group(0).strip()
        try:
            if tok in ('Text::new(', 'point('):
                pair = literal_pair(src, m.end())
                if not pair:
                    raise Unconverted('not two literals')
                en, zh, end = pair
                end = skip_ws(src, end)
                if tok == 'point(':
                    end -= 1  # keep the sources argument: point(text, sources)
                elif src[end] == ',':
                    end = skip_ws(src, end + 1)
                if tok != 'point(' and src[end] != ')':
                    raise Unconverted('not two literals')
                hint = context_key(src, m.start())
                if hint.endswith('.x') or hint == 'x':
                    hint = hint[:-1] + slug(en)
                key = cat.add(table, hint, en, zh)
                out.append(src[i:m.start()])
                out.append(('point(' if tok == 'point(' else '') + const_path(table, key))
                i = end + 1; changed = True
            elif tok == 'tr!(':
                args, close = split_args(src, m.end())
                if len(args) < 3 or not re.match(STR, args[1]):
                    raise Unconverted('tr! without literals')
                en = read_literal(args[1], 0)[0]
                zh = read_literal(args[2], 0)[0]
                en2, zh2, names = placeholders_for_tr(en, zh, args[3:])
                key_hint = context_key(src, m.start())
                if key_hint.endswith('.x') or key_hint == 'x':
                    key_hint = key_hint[:-1] + slug(en2)
                key = cat.add(table, key_hint, en2, zh2)
                call = ', '.join([args[0], const_path(table, key)] + names)
                out.append(src[i:m.start()]); out.append(f'tr!({call})')
                i = close + 1; changed = True
            elif tok == '.pick(':
                pair = literal_pair(src, m.end())
                if not pair:
                    raise Unconverted('pick of non-literals')
                en, zh, end = pair
                end = skip_ws(src, end)
                if src[end] == ',':
                    end = skip_ws(src, end + 1)
                if src[end] != ')':
                    raise Unconverted('pick of non-literals')
                recv = re.search(r'(\(\*[\w.]+\)|\*?[\w.]+(?:\(\))?)\s*$', src[i:m.start()])
                if not recv:
                    raise Unconverted('pick receiver')
                hint = context_key(src, m.start())
                if hint.endswith('.x') or hint == 'x':
                    hint = hint[:-1] + slug(en)
                key = cat.add(table, hint, en, zh)
                start = i + recv.start(1)
                out.append(src[i:start]); out.append(f'{const_path(table, key)}.get({recv.group(1)})')
                i = end + 1; changed = True
            else:  # texts! { NAME = "en", "zh"; … }
                body_start = m.end()
                body_end = src.index('\n}', body_start)
                for t in re.finditer(r'(\w+)\s*=\s*', src[body_start:body_end]):
                    pair = literal_pair(src, body_start + t.end())
                    if pair:
                        cat.add(table, t.group(1).lower(), pair[0], pair[1], dedup=False)
                out.append(src[i:m.start()]); out.append(f'pub use crate::core::i18n::msg::{table}::*;')
                i = body_end + 2; changed = True
        except Unconverted as e:
            line = src[:m.start()].count('\n') + 1
            problems.append(f'{path.relative_to(ROOT)}:{line}: {e}')
            out.append(src[i:m.end()]); i = m.end()
    out.append(src[i:])
    if changed:
        text = fixups(path, ''.join(out))
        if 'use crate::core::i18n::msg;' not in text and 'msg::' in text:
            text = add_import(text, 'use crate::core::i18n::msg;\n')
        if bases and not re.search(r'^use [^;]*\bText\b', text, re.M):
            text = add_import(text, 'use crate::core::i18n::Text;\n')
        path.write_text(text)


FIXUPS = {
    'core/citations.rs': [('use serde::Serialize;\n\n', ''),
                          ('#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]\npub struct Citation',
                           '#[derive(Debug, Clone, Copy, PartialEq, Eq)]\npub struct Citation')],
    'ui/text.rs': [('macro_rules! texts {\n    ($($name:ident = $en:literal, $zh:literal;)+) => {\n'
                    '        $(pub const $name: Text = Text::new($en, $zh);)+\n    };\n}\n', '')],
    'core/msc.rs': [('/// The notice shown with every MSC assessment (English; see [`NOTICE_TEXT`]).\n'
                     'pub const NOTICE: &str = NOTICE_TEXT.en;\n', '')],
    'core/teaching.rs': [('const fn point(\n    en: &\'static str,\n    zh: &\'static str,\n'
                          '    sources: &\'static [&\'static str],\n) -> LearningPoint {\n'
                          '    LearningPoint {\n        text: Text::new(en, zh),\n        sources,\n    }\n}',
                          'const fn point(text: Text, sources: &\'static [&\'static str]) -> LearningPoint {\n'
                          '    LearningPoint { text, sources }\n}'),
                         ('"{}", point.text.en);', '"{}", point.text.get(crate::core::Lang::En));')],
}


def fixups(path, text):
    """Hand-written edits the patterns cannot make, applied exactly or not at all."""
    for old, new in FIXUPS.get(path.relative_to(ROOT / 'src').as_posix(), []):
        if old not in text:
            raise SystemExit(f'fixup no longer applies to {path}: {old[:60]!r}')
        text = text.replace(old, new)
    return text


def const_path(table, key):
    return f'msg::{table}::{key.replace(".", "_").upper()}'


def add_import(text, line):
    m = re.search(r'^use [^;]+;\n', text, re.M)
    if not m:
        return line + text
    return text[:m.start()] + line + text[m.start():]


def toml_string(s):
    out = s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n').replace('\t', '\\t')
    return f'"{out}"'


def write_catalogues(cat):
    for lang, idx in (('en', 0), ('zh', 1)):
        lines = [f'# The word catalogue, {"English" if idx == 0 else "简体中文"}. Every key exists in',
                 '# both languages with the same {placeholders} (the build checks it).', '']
        for table in sorted(cat.tables):
            lines.append(f'[{table}]')
            for key in sorted(cat.tables[table]):
                k = '.'.join(part if re.match(r'^[A-Za-z0-9_-]+$', part) else toml_string(part)
                             for part in key.split('.'))
                lines.append(f'{k} = {toml_string(cat.tables[table][key][idx])}')
            lines.append('')
        (ROOT / 'locales').mkdir(exist_ok=True)
        (ROOT / 'locales' / f'{lang}.toml').write_text('\n'.join(lines))


def install_runtime():
    """The catalogue's runtime replaces the literal-pair `Text` and `tr!` in i18n.rs."""
    path = ROOT / 'src/core/i18n.rs'
    src = path.read_text()
    if 'pub struct Text(u16)' in src:
        return
    start = src.index('/// A fixed text in both languages.')
    end = src.index('#[cfg(test)]')
    runtime = (ROOT / 'scripts/catalogue/i18n_runtime.rs').read_text()
    src = src[:start] + runtime + src[end:]
    start = src.index('    #[test]\n    fn tr_captures_variables_in_both_languages()')
    end = src.index('    #[test]\n    fn browser_language_picks')
    tests = (ROOT / 'scripts/catalogue/i18n_tests.rs').read_text()
    path.write_text(src[:start] + tests + src[end:])


def main():
    install_runtime()
    cat, problems = Catalogue(), []
    files = sorted(p for p in (ROOT / 'src').rglob('*.rs') if p.name != 'i18n.rs')
    for path in files:
        migrate_file(path, cat, problems)
    write_catalogues(cat)
    total = sum(len(t) for t in cat.tables.values())
    print(f'{total} messages in {len(cat.tables)} tables')
    for p in problems:
        print('not converted:', p)


if __name__ == '__main__':
    sys.exit(main())
