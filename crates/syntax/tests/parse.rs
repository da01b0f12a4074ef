//! Parser tests as data: each line parses a snippet and compares the AST, printed back
//! as fully parenthesized Python by `support::print_expr`.

mod support;

use support::{check, check_expr};

#[test]
fn operator_precedence() {
    check_expr("1 + 2 * 3", "(1 + (2 * 3))");
    check_expr("(1 + 2) * 3", "((1 + 2) * 3)");
    check_expr("1 - 2 - 3", "((1 - 2) - 3)");
    check_expr("-2 ** 2", "(-(2 ** 2))");
    check_expr("2 ** -1", "(2 ** (-1))");
    check_expr("2 ** 3 ** 2", "(2 ** (3 ** 2))");
    check_expr("-x ** -y ** z", "(-(x ** (-(y ** z))))");
    check_expr("~a + -b * +c", "((~a) + ((-b) * (+c)))");
    check_expr("a * b / c // d % e @ f", "(((((a * b) / c) // d) % e) @ f)");
    check_expr("a << b + c >> d", "((a << (b + c)) >> d)");
    check_expr("a | b ^ c & d", "(a | (b ^ (c & d)))");
    check_expr("a & b << c", "(a & (b << c))");
    check_expr("a < b | c", "(a < (b | c))");
    check_expr("a < b <= c != d", "(a < b <= c != d)");
    check_expr("a is not b", "(a is not b)");
    check_expr("a not in b in c", "(a not in b in c)");
    check_expr("not a == b", "(not (a == b))");
    check_expr("not not a", "(not (not a))");
    check_expr("a and b or c and d", "((a and b) or (c and d))");
    check_expr("a or b or c", "(a or b or c)");
    check_expr("a and not b", "(a and (not b))");
    check_expr("a if b else c if d else e", "(a if b else (c if d else e))");
    check_expr("a or b if c and d else e", "((a or b) if (c and d) else e)");
    check_expr("lambda: a if b else c", "(lambda : (a if b else c))");
    check_expr("lambda x, y=1, *a, k, **kw: x + y", "(lambda x, y=1, *a, k, **kw: (x + y))");
    check_expr("lambda *, k: k", "(lambda *, k: k)");
    check_expr("(a := 1 + 2)", "(a := (1 + 2))");
    check_expr("a.b.c(d)[e].f", "a.b.c(d)[e].f");
    check_expr("-a.b ** c[0]", "(-(a.b ** c[0]))");
    check_expr("await_ + 1", "(await_ + 1)");
}

#[test]
fn atoms_and_displays() {
    check_expr("x", "x");
    check_expr("None, True, False, ...", "(None, True, False, ...)");
    check_expr("()", "()");
    check_expr("(1,)", "(1,)");
    check_expr("(1)", "1");
    check_expr("1,", "(1,)");
    check_expr("[]", "[]");
    check_expr("[1, 2, 3,]", "[1, 2, 3]");
    check_expr("[*a, *b, c]", "[*a, *b, c]");
    check_expr("{}", "{}");
    check_expr("{1: 2, **d, 'k': v,}", "{1: 2, **d, \"k\": v}");
    check_expr("{1, 2, *s}", "{1, 2, *s}");
    check_expr("(*a, b)", "(*a, b)");
    check_expr("[x for x in y]", "[x for x in y]");
    check_expr("[x * y for x in a if x if not y for y in b]", "[(x * y) for x in a if x if (not y) for y in b]");
    check_expr("{k: v for k, v in d.items()}", "{k: v for (k, v) in d.items()}");
    check_expr("{x for x in s}", "{x for x in s}");
    check_expr("(x for x in g)", "(x for x in g)");
    check_expr("[(a, b) for a, *b in c]", "[(a, b) for (a, *b) in c]");
    check_expr("[y := f(x) for x in xs]", "[(y := f(x)) for x in xs]");
    check_expr("[x for x in a or b]", "[x for x in (a or b)]");
}

#[test]
fn calls_and_subscripts() {
    check_expr("f()", "f()");
    check_expr("f(a, *b, c=1, **d)", "f(a, *b, c=1, **d)");
    check_expr("f(a, b,)", "f(a, b)");
    check_expr("f(*a, b)", "f(*a, b)");
    check_expr("f(a=1, *b)", "f(*b, a=1)");
    check_expr("f(**a, b=1)", "f(**a, b=1)");
    check_expr("f(x for x in y)", "f((x for x in y))");
    check_expr("f((x for x in y), 1)", "f((x for x in y), 1)");
    check_expr("f(a := 1)", "f((a := 1))");
    check_expr("a[1]", "a[1]");
    check_expr("a[1, 2]", "a[(1, 2)]");
    check_expr("a[1,]", "a[(1,)]");
    check_expr("a[1:2]", "a[1:2]");
    check_expr("a[1:2:3]", "a[1:2:3]");
    check_expr("a[::2]", "a[::2]");
    check_expr("a[:]", "a[:]");
    check_expr("a[:, 1]", "a[(:, 1)]");
    check_expr("a[x:y, ::z]", "a[(x:y, ::z)]");
    check_expr("a[...]", "a[...]");
    check_expr("a[b][c]", "a[b][c]");
}

#[test]
fn numbers() {
    check_expr("0", "0");
    check_expr("00", "0");
    check_expr("0_0", "0");
    check_expr("1_000_000", "1000000");
    check_expr("0xff", "255");
    check_expr("0XFF", "255");
    check_expr("0x_f_f", "255");
    check_expr("0o777", "511");
    check_expr("0b1010", "10");
    check_expr("0b_1", "1");
    check_expr("12345678901234567890123456789", "12345678901234567890123456789");
    check_expr("0xFFFFFFFFFFFFFFFFFFFFFFFF", "79228162514264337593543950335");
    check_expr("1.5", "1.5");
    check_expr("1.", "1.0");
    check_expr(".5", "0.5");
    check_expr("1e10", "10000000000.0");
    check_expr("1E-5", "1e-5");
    check_expr("1_000.5", "1000.5");
    check_expr("1_0.0_1e1_0", "100100000000.0");
    check_expr("00.5", "0.5");
    check_expr("09.5", "9.5");
    check_expr("0e0", "0.0");
    check_expr("1if x else 2", "(1 if x else 2)");
    check_expr("[0x1for x in y]", "[(31 or (x in y))]");
}

#[test]
fn strings() {
    check_expr("'a'", "\"a\"");
    check_expr("\"a\" 'b' '''c'''", "\"abc\"");
    check_expr("'\\n\\t\\\\\\'\\\"\\r\\0\\a\\b\\f\\v'", "\"\\n\\t\\\\'\\\"\\r\\0\\u{7}\\u{8}\\u{c}\\u{b}\"");
    check_expr("'\\x41\\u00e9\\U0001F600\\101\\7'", "\"Aé😀A\\u{7}\"");
    check_expr("'\\q\\d'", "\"\\\\q\\\\d\"");
    check_expr("'a\\\nb'", "\"ab\"");
    check_expr("r'\\n\\d'", "\"\\\\n\\\\d\"");
    check_expr("R'\\''", "\"\\\\'\"");
    check_expr("'''a\nb'''", "\"a\\nb\"");
    check_expr("\"\"\"x\"y\"\"\"", "\"x\\\"y\"");
    check_expr("u'x'", "\"x\"");
    check_expr("'é€'", "\"é€\"");
    check_expr("'a' \\\n 'b'", "\"ab\"");
    check_expr("('a'\n 'b')", "\"ab\"");
}

#[test]
fn fstrings() {
    check_expr("f'x'", "f[\"x\"]");
    check_expr("f''", "f[]");
    check_expr("f'{x}'", "f[{x}]");
    check_expr("f'a{x}b{y}c'", "f[\"a\"{x}\"b\"{y}\"c\"]");
    check_expr("f'{x!r}{y!s}{z!a}'", "f[{x!r}{y!s}{z!a}]");
    check_expr("f'{x:>10}'", "f[{x:\">10\"}]");
    check_expr("f'{x:{w}.{p}f}'", "f[{x:{w}\".\"{p}\"f\"}]");
    check_expr("f'{x!r:^{w}}'", "f[{x!r:\"^\"{w}}]");
    check_expr("f'{{}}{{x}}'", "f[\"{}{x}\"]");
    check_expr("f'{x=}'", "f[{debug=\"x=\" x!r}]");
    check_expr("f'{x = }'", "f[{debug=\"x = \" x!r}]");
    check_expr("f'{x=!s}'", "f[{debug=\"x=\" x!s}]");
    check_expr("f'{x=:>5}'", "f[{debug=\"x=\" x:\">5\"}]");
    check_expr("f'{a + b * 2}'", "f[{(a + (b * 2))}]");
    check_expr("f'{a!=b}'", "f[{(a != b)}]");
    check_expr("f'{a==b}'", "f[{(a == b)}]");
    check_expr("f'{x,}'", "f[{(x,)}]");
    check_expr("f'{\"s\"}'", "f[{\"s\"}]");
    check_expr("f'{d[\"k\"]}'", "f[{d[\"k\"]}]");
    check_expr("f'{ {1: 2}[1] }'", "f[{{1: 2}[1]}]");
    check_expr("f'{(lambda: 1)()}'", "f[{(lambda : 1)()}]");
    check_expr("f'{a:=1}'", "f[{a:\"=1\"}]");
    check_expr("f'{(a:=1)}'", "f[{(a := 1)}]");
    check_expr("f'{f\"{x}\"}'", "f[{f[{x}]}]");
    check_expr("f'\\n{x}\\t'", "f[\"\\n\"{x}\"\\t\"]");
    check_expr("rf'\\n{x}'", "f[\"\\\\n\"{x}]");
    check_expr("f'\\{x}'", "f[\"\\\\\"{x}]");
    check_expr("'a' f'{b}' 'c'", "f[\"a\"{b}\"c\"]");
    check_expr("f'a' 'b'", "f[\"ab\"]");
    check_expr("F'''{\nx\n}'''", "f[{x}]");
}

#[test]
fn fstring_spans_point_into_the_source() {
    let source = "y = f'ab{x + 1}'\n";
    let module = gilvm_syntax::parse_module(source).expect("parses");
    let gilvm_syntax::ast::StmtKind::Assign { value, .. } = &module.body[0].kind else { panic!("not an assignment") };
    let gilvm_syntax::ast::ExprKind::FString(parts) = &value.kind else { panic!("not an f-string") };
    let gilvm_syntax::ast::FStringPart::Value { value, .. } = &parts[1] else { panic!("no field") };
    assert_eq!(&source[value.span.start..value.span.end], "x + 1");
}

#[test]
fn simple_statements() {
    check("x = 1", "x = 1");
    check("a = b = c", "a = b = c");
    check("a, b = b, a", "(a, b) = (b, a)");
    check("(a, b) = [c, d] = e", "(a, b) = [c, d] = e");
    check("a, *b = xs", "(a, *b) = xs");
    check("[a, [b, *c]] = xs", "[a, [b, *c]] = xs");
    check("a[1:2] = x.y = z", "a[1:2] = x.y = z");
    check("x = yield", "x = (yield)");
    check("x = yield a, b", "x = (yield (a, b))");
    check("x = *a, b", "x = (*a, b)");
    check("x += 1; y -= 2; z *= 3; w /= 4", "x += 1\ny -= 2\nz *= 3\nw /= 4");
    check("a //= 1; b %= 2; c **= 3; d @= 4", "a //= 1\nb %= 2\nc **= 3\nd @= 4");
    check("a >>= 1; b <<= 2; c &= 3; d |= 4; e ^= 5", "a >>= 1\nb <<= 2\nc &= 3\nd |= 4\ne ^= 5");
    check("x: int", "x: int");
    check("x: int = 5", "x: int = 5");
    check("a.b: list[int] = []", "a.b: list[int] = []");
    check("pass; break; continue", "pass\nbreak\ncontinue");
    check("return", "return");
    check("return 1, 2", "return (1, 2)");
    check("return *a, b", "return (*a, b)");
    check("raise", "raise");
    check("raise E", "raise E");
    check("raise E(1) from e", "raise E(1) from e");
    check("global a, b", "global a, b");
    check("nonlocal a", "nonlocal a");
    check("assert x", "assert x");
    check("assert x, 'msg'", "assert x, \"msg\"");
    check("del a, b[0], c.d, (e, f), [g]", "del a, b[0], c.d, (e, f), [g]");
    check("del a,", "del a");
    check("import a", "import a");
    check("import a.b.c as d, e", "import a.b.c as d, e");
    check("from a.b import c", "from a.b import c");
    check("from a import b as c, d", "from a import b as c, d");
    check("from a import (b, c as d,)", "from a import b, c as d");
    check("from a import *", "from a import *");
    check("from . import a", "from . import a");
    check("from ..a import b", "from ..a import b");
    check("from ...a import b", "from ...a import b");
    check("yield", "(yield)");
    check("x = 1;", "x = 1");
    check("'docstring'", "\"docstring\"");
}

#[test]
fn compound_statements() {
    check("if a: pass", "if a:\n    pass");
    check(
        "if a:\n    b\nelif c:\n    d\nelse:\n    e",
        "if a:\n    b\nelse:\n    if c:\n        d\n    else:\n        e",
    );
    check("if (n := len(a)) > 10: pass", "if ((n := len(a)) > 10):\n    pass");
    check("if x := f(): pass", "if (x := f()):\n    pass");
    check("while x: pass\nelse: y", "while x:\n    pass\nelse:\n    y");
    check("while chunk := read(): use(chunk)", "while (chunk := read()):\n    use(chunk)");
    check("for x in y: pass", "for x in y:\n    pass");
    check("for i, (a, b) in z: pass", "for (i, (a, b)) in z:\n    pass");
    check("for x, in y: pass", "for (x,) in y:\n    pass");
    check("for *a, b in c: pass", "for (*a, b) in c:\n    pass");
    check("for x in 1, 2: pass", "for x in (1, 2):\n    pass");
    check("for x in y:\n    break\nelse:\n    pass", "for x in y:\n    break\nelse:\n    pass");
    check("with a: pass", "with a:\n    pass");
    check("with a as b, c as (d, e), f: pass", "with a as b, c as (d, e), f:\n    pass");
    check("with (a as b, c as d): pass", "with a as b, c as d:\n    pass");
    check("with (a as b, c,): pass", "with a as b, c:\n    pass");
    check("with (a, b): pass", "with a, b:\n    pass");
    check("with (a): pass", "with a:\n    pass");
    check("with (a) as b: pass", "with a as b:\n    pass");
    check("with (yield): pass", "with (yield):\n    pass");
    check("try:\n    a\nexcept:\n    b", "try:\n    a\nexcept:\n    b");
    check(
        "try:\n    a\nexcept E as e:\n    b\nelse:\n    c\nfinally:\n    d",
        "try:\n    a\nexcept E as e:\n    b\nelse:\n    c\nfinally:\n    d",
    );
    check(
        "try:\n    a\nexcept (A, B):\n    b\nexcept C:\n    c",
        "try:\n    a\nexcept (A, B):\n    b\nexcept C:\n    c",
    );
    check("try:\n    a\nfinally:\n    d", "try:\n    a\nfinally:\n    d");
    check("def f(): pass", "def f():\n    pass");
    check("def f(a, b=1, *args, c, d=2, **kwargs): pass", "def f(a, b=1, *args, c, d=2, **kwargs):\n    pass");
    check("def f(a, *, b): pass", "def f(a, *, b):\n    pass");
    check(
        "def f(a: int, *b: str, c: 'x' = 1, **d: dict) -> None: pass",
        "def f(a: int, *b: str, c: \"x\"=1, **d: dict):\n    pass",
    );
    check("def f(a,): pass", "def f(a):\n    pass");
    check("def f(**k,): pass", "def f(**k):\n    pass");
    check("@a\n@b.c(d)\ndef f(): pass", "@a\n@b.c(d)\ndef f():\n    pass");
    check("class A: pass", "class A():\n    pass");
    check("class A(): pass", "class A():\n    pass");
    check("class A(B, C, metaclass=M, **kw): pass", "class A(B, C, metaclass=M, **kw):\n    pass");
    check("@dataclass\nclass A:\n    x: int = 0", "@dataclass\nclass A():\n    x: int = 0");
    check("if a: b; c", "if a:\n    b\n    c");
    check("def f():\n    \"\"\"doc\"\"\"\n    return 1", "def f():\n    \"doc\"\n    return 1");
}

#[test]
fn indentation() {
    check("if a:\n    b\nc", "if a:\n    b\nc");
    check("if a:\n    if b:\n        if c:\n            d\ne", "if a:\n    if b:\n        if c:\n            d\ne");
    check("if a:\n    if b:\n        c\n    d\ne", "if a:\n    if b:\n        c\n    d\ne");
    check("if a:\n    b\n# comment\n  # odd indent\n\n    c", "if a:\n    b\n    c");
    check("if a:\n    b\n    \n\t\n\n    c", "if a:\n    b\n    c");
    check("if a:\n\tb\n\tc", "if a:\n    b\n    c");
    check("if a:\n\tb\n\tif c:\n\t\td", "if a:\n    b\n    if c:\n        d");
    check("if a:\n        b\n        c", "if a:\n    b\n    c");
    check("x = [\n  1,\n      2,\n]\ny = 3", "x = [1, 2]\ny = 3");
    check("x = (1 +\n2)", "x = (1 + 2)");
    check("f(a,\n  b)(\n)", "f(a, b)()");
    check("x = 1 + \\\n    2", "x = (1 + 2)");
    check("if a and \\\n        b:\n    c", "if (a and b):\n    c");
    check("if a:\n    b", "if a:\n    b");
    check("if a:\n    b\n", "if a:\n    b");
    check("if a:\n    if b:\n        c", "if a:\n    if b:\n        c");
    check("x = 1\n\n\n", "x = 1");
    check("\n\n# only\nx = 1", "x = 1");
    check("", "");
    check("# just a comment", "");
    check("   \n\t\n", "");
    check("x = 1\r\ny = 2\r\n", "x = 1\ny = 2");
    check("x = 0\n\u{c}y = 1", "x = 0\ny = 1");
    check("if a:\n    '''doc\nstring'''\n    b", "if a:\n    \"doc\\nstring\"\n    b");
    check("def f():\n    return (\n1)\ny = 2", "def f():\n    return 1\ny = 2");
}

#[test]
fn names() {
    check_expr("café", "café");
    check_expr("_x1", "_x1");
    check_expr("πr", "πr");
    check_expr("match", "match");
    check_expr("print", "print");
}
