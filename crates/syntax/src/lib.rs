//! gilvm's front end: source text to [`ast::Module`], or a CPython-style [`SyntaxError`].
//!
//! Pipeline: `logos` tokens -> indentation pass (INDENT/DEDENT/NEWLINE) -> lalrpop parser
//! (grammar in `grammar/python.lalrpop`) -> AST with spans.

pub mod ast;
mod error;
mod fstring;
pub mod lexer;
mod literals;
mod parser;
pub mod token;

pub use error::{SyntaxError, SyntaxErrorKind};

/// Parses a whole module.
pub fn parse_module(source: &str) -> Result<ast::Module, SyntaxError> {
    parser::parse_module(source)
}
