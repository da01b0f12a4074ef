//! gilvm's virtual machine: values, the interpreter loop, builtins and builtin modules.
//!
//! Entry point: [`run`] compiles and runs a program and returns its exit status.
//! Interpreter-wide state is [`vm::Interp`] (shared by every thread); each thread runs
//! bytecode in its own [`vm::Vm`].

pub mod attr;
pub mod builtins;
pub mod call;
pub mod dict;
pub mod errors;
pub mod eval;
pub mod format;
pub mod generator;
pub mod io;
pub mod iter;
pub mod methods;
pub mod modules;
pub mod object;
pub mod ops;
pub mod protocol;
pub mod set;
mod smallstr;
pub mod suggest;
pub mod sync;
pub mod traceback;
pub mod trashcan;
pub mod types;
pub mod value;
pub mod vm;

pub mod run;

pub use run::{run, RunOptions, Source};
