//! Snapshot tests of `gilvm dis`: the disassembly of the small programs in tests/dis/,
//! one per construct whose bytecode is worth pinning down (loops, classes and super(),
//! try/except/finally, with, comprehensions, closures, f-strings, chained comparisons).

mod util;

use util::{gilvm_bin, run_program};

#[test]
fn dis_snapshots() {
    insta::glob!("dis", "*.py", |path| {
        let finished = run_program(&gilvm_bin(), &["dis"], path);
        assert_eq!(finished.code, Some(0), "gilvm dis {} failed:\n{}", path.display(), finished.stderr);
        assert_eq!(finished.stderr, "", "gilvm dis {} wrote to stderr", path.display());
        insta::assert_snapshot!(finished.stdout);
    });
}

/// The dis programs are ordinary Python: they must also run, and print what python3 prints.
#[test]
fn dis_programs_run_like_python3() {
    if !util::python3_available("dis_programs_run_like_python3") {
        return;
    }
    let mut mismatches = Vec::new();
    for path in util::python_files(&util::repo_root().join("tests/dis")) {
        let python = run_program(std::path::Path::new("python3"), &[], &path);
        let gilvm = run_program(&gilvm_bin(), &["run"], &path);
        if (python.code, &python.stdout) != (gilvm.code, &gilvm.stdout) {
            mismatches.push(format!(
                "{}: python3 exited {} with\n{}gilvm exited {} with\n{}{}",
                path.display(),
                python.status_text(),
                python.stdout,
                gilvm.status_text(),
                gilvm.stdout,
                gilvm.stderr
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
