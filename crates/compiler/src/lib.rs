//! gilvm's compiler: AST to bytecode [`CodeObject`]s, plus the disassembler.
//!
//! Scope analysis (`scope.rs`) runs first; code generation (`compile.rs` for statements,
//! `expr.rs` for expressions) then walks the same tree. The instruction set lives in
//! `bytecode.rs`, documented opcode by opcode with its stack effect.

mod blocks;
pub mod bytecode;
mod compile;
pub mod dis;
mod expr;
mod scope;

pub use bytecode::{CodeKind, CodeObject, Constant, Instr};
pub use compile::compile_module;
pub use gilvm_syntax::{SyntaxError, SyntaxErrorKind};

/// Parses and compiles a module in one step.
pub fn compile_source(source: &str, filename: &str) -> Result<std::sync::Arc<CodeObject>, SyntaxError> {
    let module = gilvm_syntax::parse_module(source)?;
    compile_module(&module, filename, source)
}
