//! No input may make the front end panic. Every truncation and a few hundred seeded
//! random edits of every program under programs/ and bench/ go through
//! `gilvm_compiler::compile_source` (lexer, parser, scope analysis and compiler), and a
//! SyntaxError is rendered the way the CLI renders it; each must return, never panic.
//! Pathologically deep nesting goes through the `gilvm` binary in a child process,
//! because a Rust stack overflow aborts instead of unwinding.

mod util;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use util::{gilvm_bin, python_files, repo_root, run_with_timeout, RUN_TIMEOUT};

/// At most this many truncation points per file: long files are strided so the test
/// stays fast in a debug build.
const MAX_TRUNCATIONS_PER_FILE: usize = 600;

/// Random edited variants per file.
const EDITS_PER_FILE: usize = 300;

/// How many failing inputs a report lists (the rest are only counted).
const MAX_REPORTED: usize = 10;

/// Bytes that make interesting edits: brackets, quotes, indentation, operators,
/// keywords' first letters, multi-byte UTF-8, a NUL.
const EDIT_BYTES: &[u8] = b"()[]{}'\"\\\n\n\t    #:=,.*-+/%<>!@;~&|^fr0x1_e\xc3\xa9\xe2\x82\xac\x00";

/// Fragments that an edit may splice in whole.
const EDIT_FRAGMENTS: &[&str] = &[
    "def ",
    "class ",
    "lambda",
    "yield",
    "return",
    "nonlocal x",
    "global x",
    "async ",
    "await ",
    "f\"{",
    "'''",
    "\"\"\"",
    "\\\n",
    ":\n    ",
    "\n  ",
    "\n\t",
    "*",
    "**",
    ":=",
    "->",
    "...",
    "import ",
    "from . ",
    "try:",
    "except",
    "finally:",
    "with ",
    " as ",
    "del ",
    "1e",
    "0x",
    "0o9",
    "1_",
    "j",
    "elif",
    "else",
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

/// Every program the robustness test mutates.
fn corpus() -> Vec<PathBuf> {
    let mut files = python_files(&repo_root().join("programs"));
    files.extend(python_files(&repo_root().join("bench")));
    assert!(!files.is_empty(), "no programs found under programs/ and bench/");
    files
}

/// A failing input: which file, how it was made, and the panic message.
struct Failure {
    origin: String,
    message: String,
    source: String,
}

/// Compiles `source` and renders any SyntaxError; returns the panic message if either panics.
fn check(source: &str) -> Result<(), String> {
    let result = catch_unwind(AssertUnwindSafe(|| {
        if let Err(err) = gilvm_compiler::compile_source(source, "x.py") {
            let rendered = err.render("x.py", source);
            let last_line = rendered.lines().last().unwrap_or("");
            assert!(
                ["SyntaxError: ", "IndentationError: ", "TabError: "].iter().any(|kind| last_line.starts_with(kind)),
                "rendered error does not end in a SyntaxError line:\n{rendered}"
            );
        }
    }));
    result.map_err(|payload| {
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "<non-string panic payload>".to_string())
    })
}

/// Runs `make_inputs` for every file of the corpus on a few threads, checks every input,
/// and fails with a report of the first few inputs that panicked. Each failing input is
/// also written under CARGO_TARGET_TMPDIR so it can be replayed with `gilvm dis`.
fn check_all(test_name: &str, make_inputs: fn(&Path, &str, &mut dyn FnMut(String, String))) {
    let files = corpus();
    let next = Mutex::new(files.iter());
    let failures = Mutex::new(Vec::<Failure>::new());
    let checked = Mutex::new(0usize);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).min(4);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let Some(path) = next.lock().unwrap().next() else {
                    break;
                };
                let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
                let mut count = 0;
                make_inputs(path, &text, &mut |origin, source| {
                    count += 1;
                    if let Err(message) = check(&source) {
                        failures.lock().unwrap().push(Failure { origin, message, source });
                    }
                });
                *checked.lock().unwrap() += count;
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    let checked = checked.into_inner().unwrap();
    if failures.is_empty() {
        eprintln!("{test_name}: {checked} inputs from {} files, no panics", files.len());
        return;
    }
    let dump_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(test_name);
    let _ = std::fs::create_dir_all(&dump_dir);
    let mut report = format!("{} of {checked} inputs made the front end panic:\n", failures.len());
    for (n, failure) in failures.iter().take(MAX_REPORTED).enumerate() {
        let dump = dump_dir.join(format!("failure_{n}.py"));
        let _ = std::fs::write(&dump, &failure.source);
        report += &format!(
            "\n--- {}\npanic: {}\ninput saved to {}\n{}\n",
            failure.origin,
            failure.message,
            dump.display(),
            excerpt(&failure.source)
        );
    }
    panic!("{report}");
}

/// The input itself if short, else its last lines (where a truncation ends).
fn excerpt(source: &str) -> String {
    const MAX_CHARS: usize = 600;
    if source.len() <= MAX_CHARS {
        return format!("input: {source:?}");
    }
    let mut start = source.len() - MAX_CHARS;
    while !source.is_char_boundary(start) {
        start += 1;
    }
    format!("input (last {MAX_CHARS} bytes): {:?}", &source[start..])
}

fn label(path: &Path) -> String {
    path.strip_prefix(repo_root()).unwrap_or(path).display().to_string()
}

#[test]
fn truncations_never_panic() {
    check_all("truncations_never_panic", |path, text, check| {
        let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let stride = boundaries.len().div_ceil(MAX_TRUNCATIONS_PER_FILE).max(1);
        // Stride from both ends so the first and last few cuts are always tried.
        let mut cuts: Vec<usize> = boundaries.iter().copied().step_by(stride).collect();
        cuts.extend(boundaries.iter().rev().take(20));
        cuts.extend(boundaries.iter().take(20));
        cuts.sort_unstable();
        cuts.dedup();
        for end in cuts {
            check(format!("{} truncated at byte {end}", label(path)), text[..end].to_string());
        }
    });
}

#[test]
fn random_edits_never_panic() {
    check_all("random_edits_never_panic", |path, text, check| {
        // The seed depends on the file name, so each file gets its own edits.
        let seed =
            label(path).bytes().fold(0x9E37_79B9_7F4A_7C15u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01B3));
        for variant in 0..EDITS_PER_FILE {
            let mut rng = XorShift(seed ^ (variant as u64 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D));
            let mut bytes = text.as_bytes().to_vec();
            let n_edits = 1 + rng.below(4);
            for _ in 0..n_edits {
                edit(&mut bytes, &mut rng);
            }
            let source = String::from_utf8_lossy(&bytes).into_owned();
            check(format!("{} edit variant {variant} ({n_edits} edits)", label(path)), source);
        }
    });
}

/// One random edit: delete, insert, replace, splice a fragment, or duplicate a line.
fn edit(bytes: &mut Vec<u8>, rng: &mut XorShift) {
    let at = rng.below(bytes.len() + 1);
    match rng.below(6) {
        0 if at < bytes.len() => {
            let len = 1 + rng.below(8);
            bytes.drain(at..(at + len).min(bytes.len()));
        }
        1 => bytes.insert(at, EDIT_BYTES[rng.below(EDIT_BYTES.len())]),
        2 if at < bytes.len() => bytes[at] = EDIT_BYTES[rng.below(EDIT_BYTES.len())],
        3 => {
            let fragment = EDIT_FRAGMENTS[rng.below(EDIT_FRAGMENTS.len())];
            bytes.splice(at..at, fragment.bytes());
        }
        4 => {
            // Duplicate the line that contains `at`, which shifts indentation and blocks around.
            let start = bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let end = bytes[at..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| at + i + 1);
            let line = bytes[start..end].to_vec();
            bytes.splice(start..start, line);
        }
        _ => {
            // Indent or dedent the line at `at` by a random amount.
            let start = bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            if rng.below(2) == 0 {
                let spaces = vec![b' '; 1 + rng.below(8)];
                bytes.splice(start..start, spaces);
            } else {
                let n = bytes[start..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
                bytes.drain(start..start + rng.below(n + 1));
            }
        }
    }
}

/// Deep nesting must end in a SyntaxError (or run), never a crash: checked through the
/// binary, because a stack overflow would abort this test process.
#[test]
fn deep_nesting_never_crashes() {
    let cases = [
        ("parentheses", format!("x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000))),
        ("lists", format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000))),
        ("unary minus", format!("x = {}1\n", "-".repeat(100_000))),
        ("not", format!("x = {}True\n", "not ".repeat(100_000))),
        ("binary operators", format!("x = 1{}\n", " + 1".repeat(100_000))),
        ("attribute chain", format!("x = a{}\n", ".b".repeat(100_000))),
        ("call chain", format!("x = f{}\n", "()".repeat(100_000))),
        (
            "nested blocks",
            (0..2_000).map(|depth| format!("{}if x:\n", " ".repeat(depth))).collect::<String>()
                + &" ".repeat(2_000)
                + "pass\n",
        ),
        ("nested lambdas", format!("f = {}0\n", "lambda: ".repeat(100_000))),
        ("nested f-strings", format!("x = {}1{}\n", "f'{".repeat(50), "}'".repeat(50))),
    ];
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("deep_nesting");
    std::fs::create_dir_all(&dir).expect("create deep_nesting dir");
    let mut crashes = Vec::new();
    for (name, source) in cases {
        let file = dir.join(format!("{}.py", name.replace(' ', "_")));
        std::fs::write(&file, &source).expect("write deep nesting case");
        for subcommand in ["dis", "run"] {
            let mut command = Command::new(gilvm_bin());
            command.arg(subcommand).arg(&file).current_dir(&dir);
            let finished = run_with_timeout(&mut command, RUN_TIMEOUT);
            if !matches!(finished.code, Some(0 | 1)) || finished.timed_out {
                let tail: String = finished.stderr.lines().rev().take(3).collect::<Vec<_>>().join(" / ");
                crashes
                    .push(format!("{name} (gilvm {subcommand}): exit {}; stderr ends: {tail}", finished.status_text()));
            }
        }
    }
    assert!(crashes.is_empty(), "deeply nested inputs crashed gilvm:\n{}", crashes.join("\n"));
}
