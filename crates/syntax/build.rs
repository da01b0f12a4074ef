//! Generates the parser from grammar/python.lalrpop (at the workspace root) into OUT_DIR.

use std::path::PathBuf;

fn main() {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let grammar_dir = manifest_dir.join("../../grammar");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed={}", grammar_dir.join("python.lalrpop").display());
    lalrpop::Configuration::new()
        .set_in_dir(&grammar_dir)
        .set_out_dir(&out_dir)
        .emit_rerun_directives(true)
        .process()
        .expect("grammar/python.lalrpop should generate a parser");
}
