//! The parser must never panic, whatever bytes it is given, and must stay fast on big
//! inputs: truncations and seeded random edits of representative snippets, plus a
//! 10,000-line file.

use gilvm_syntax::parse_module;

const SNIPPETS: &[&str] = &[
    "def f(a, b=1, *args, c, d=2, **kw) -> int:\n    \"\"\"doc\"\"\"\n    return a + b * c ** -d\n",
    "class A(B, metaclass=M):\n    x: int = 5\n    @staticmethod\n    def g(): pass\n",
    "for i, (a, b) in enumerate(xs):\n    if a:\n        continue\n    elif b:\n        break\nelse:\n    y = 0x_ff + 0o17 + 0b101 + 1_000 + 1.5e-3\n",
    "with open(f) as g, (h):\n    try:\n        pass\n    except (A, B) as e:\n        raise X from e\n    finally:\n        del a[1:2, ::3]\n",
    "x = f\"a{b!r:>{w}}c{{}}{x=}\" 'tail' r'\\d' '''tri\nple''' \"\\x41\\u00e9\\N{X}\"\n",
    "print([x*y for x in a if x for y in b], {k: v for k, v in d}, {*s}, (x for x in g), f(*a, **k, z=1))\n",
    "if (n := 10) > 5:\n\tpass\nwhile x := f(): pass\nlambda x, *a, k=1, **kw: (yield)\n",
    "import a.b as c, d\nfrom ..m import (x as y, z,)\nfrom m import *\nglobal q; nonlocal r\nassert x, 'msg'\n",
    "x = [\n    1,\n    2,  # comment\n]\ny = \\\n    3\nif x:\n    if y:\n        pass\n  # odd\n\n",
    "a, *b = c = d[e] = f.g = 1; h += 2; i **= 3; j //= 4; k @= 5; l >>= 6; m <<= 7; n ^= 8; o |= 9; p &= 0\n",
    "s = 'unterminated\nt = \"\"\"never ends\n",
    "def g():\n    x = yield\n    return -1 if not a and b or c is not d in e else ~f\n",
];

/// A tiny xorshift generator so the edits are the same on every run.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Bytes that make interesting edits: brackets, quotes, indentation, operators.
const EDIT_BYTES: &[u8] = b"()[]{}'\"\\\n\t #:=,.*-+fr0x1_e{}!@;\xc3\xa9\xe2\x82\xac\x00";

fn parse_bytes(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let _ = parse_module(&text);
}

#[test]
fn truncations_never_panic() {
    for snippet in SNIPPETS {
        for end in 0..=snippet.len() {
            parse_bytes(&snippet.as_bytes()[..end]);
        }
    }
}

#[test]
fn random_edits_never_panic() {
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    for round in 0..4000 {
        let snippet = SNIPPETS[round % SNIPPETS.len()].as_bytes();
        let mut bytes = snippet.to_vec();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(bytes.len() + 1);
            match rng.below(3) {
                0 if at < bytes.len() => {
                    bytes.remove(at);
                }
                1 if at < bytes.len() => bytes[at] = EDIT_BYTES[rng.below(EDIT_BYTES.len())],
                _ => bytes.insert(at, EDIT_BYTES[rng.below(EDIT_BYTES.len())]),
            }
        }
        parse_bytes(&bytes);
    }
}

#[test]
fn errors_render_without_panicking() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for round in 0..1000 {
        let mut bytes = SNIPPETS[round % SNIPPETS.len()].as_bytes().to_vec();
        let at = rng.below(bytes.len() + 1);
        bytes.insert(at, EDIT_BYTES[rng.below(EDIT_BYTES.len())]);
        let text = String::from_utf8_lossy(&bytes);
        if let Err(err) = parse_module(&text) {
            let rendered = err.render("x.py", &text);
            assert!(rendered.starts_with("  File \"x.py\", line "), "{rendered}");
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let source = format!("x = {}1{}\n", "(".repeat(300), ")".repeat(300));
    let err = parse_module(&source).unwrap_err();
    assert_eq!(err.msg, "too many nested parentheses");
}

#[test]
fn ten_thousand_lines_parse_quickly() {
    let mut source = String::new();
    for i in 0..2000 {
        source.push_str(&format!(
            "def f{i}(a, b=1):\n    if a > b:\n        return [x * {i} for x in range(a)]\n    return {{'k': f\"{{a}}\", 'v': (a, b)}}\n\n"
        ));
    }
    assert!(source.lines().count() >= 10_000);
    let start = std::time::Instant::now();
    let module = parse_module(&source).expect("generated code parses");
    assert_eq!(module.body.len(), 2000);
    assert!(start.elapsed().as_secs_f64() < 1.0, "took {:?}", start.elapsed());
}

#[test]
fn long_operator_chains_do_not_overflow() {
    for (piece, end) in
        [("a + ", "a"), ("-", "a"), ("not ", "a"), ("a.", "b"), ("a if b else ", "c"), ("lambda: ", "0")]
    {
        let source = format!("x = {}{end}\n", piece.repeat(100_000));
        let _ = parse_module(&source);
    }
}

#[test]
fn long_elif_chains_do_not_overflow() {
    let mut source = String::from("if a:\n    pass\n");
    for _ in 0..20_000 {
        source.push_str("elif b:\n    pass\n");
    }
    let _ = parse_module(&source);
}
