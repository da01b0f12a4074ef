//! The code generator: statements, code units, labels and the unwinding of blocks.
//!
//! Expressions and assignment targets live in `expr.rs`. Each function, lambda, class
//! body and comprehension is compiled into its own [`CodeObject`] (a *unit*).

use std::collections::HashMap;
use std::sync::Arc;

use gilvm_syntax::ast::*;
use gilvm_syntax::{SyntaxError, SyntaxErrorKind};
use num_bigint::BigInt;

use crate::bytecode::{CodeKind, CodeObject, Constant, Instr, Label};
use crate::scope::{self, NameKind, Scope, ScopeKind, ScopeTable};

/// Compiles a parsed module into its code object.
pub fn compile_module(module: &Module, filename: &str, source: &str) -> Result<Arc<CodeObject>, SyntaxError> {
    let table = scope::analyze(module)?;
    let future_annotations = future_features(&module.body)?;
    let mut c = Compiler {
        table: &table,
        filename: Arc::from(filename),
        line_starts: line_starts(source),
        units: Vec::new(),
        future_annotations,
    };
    c.push_unit(scope::key(module), CodeKind::Module, "<module>".into(), "<module>".into(), 1);
    let body = match docstring(&module.body) {
        Some(doc) => {
            c.set_span(module.body[0].span);
            let k = c.const_str(&doc);
            c.emit(Instr::LoadConst(k));
            c.store_name("__doc__");
            &module.body[1..]
        }
        None => &module.body[..],
    };
    c.stmts(body)?;
    c.emit_return_none();
    Ok(Arc::new(c.pop_unit()))
}

/// The `__future__` features every Python 3 has, plus `annotations`.
pub const FUTURE_FEATURES: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// Checks the `from __future__ import ...` statements (only a docstring may come
/// before them) and returns whether `annotations` is among them.
fn future_features(body: &[Stmt]) -> Result<bool, SyntaxError> {
    let mut annotations = false;
    let mut in_prefix = true;
    let skip = usize::from(docstring(body).is_some());
    for s in &body[skip..] {
        let names = match &s.kind {
            StmtKind::ImportFrom { module, names } if module == "__future__" => names,
            _ => {
                in_prefix = false;
                continue;
            }
        };
        if !in_prefix {
            return Err(syntax_error("from __future__ imports must occur at the beginning of the file", s.span));
        }
        // CPython points at the start of the statement.
        let at = Span::new(s.span.start, s.span.start + 1);
        for a in names {
            match a.name.as_str() {
                "annotations" => annotations = true,
                "braces" => return Err(syntax_error("not a chance", at)),
                "barry_as_FLUFL" => {
                    return Err(syntax_error("future feature barry_as_FLUFL is not supported in gilvm", at))
                }
                name if FUTURE_FEATURES.contains(&name) => {}
                name => return Err(syntax_error(format!("future feature {name} is not defined"), at)),
            }
        }
    }
    Ok(annotations)
}

fn line_starts(source: &str) -> Vec<usize> {
    let mut v = vec![0];
    v.extend(source.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
    v
}

/// The docstring of a body, if its first statement is a string literal.
pub(crate) fn docstring(body: &[Stmt]) -> Option<String> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr { kind: ExprKind::Str(s), .. })) => Some(s.clone()),
        _ => None,
    }
}

/// A block the compiler is inside of, which `return`, `break` and `continue` must unwind.
#[derive(Clone)]
pub(crate) enum FBlock<'a> {
    While {
        start: Label,
        end: Label,
    },
    For {
        start: Label,
        end: Label,
    },
    /// Inside `try:` with except handlers (a handler block is pushed).
    TryExcept,
    /// Inside `try:` (or its handlers and else) with a `finally:` to run on the way out.
    Finally(&'a [Stmt]),
    /// Inside an except clause (an exception is being handled).
    ExceptHandler(Option<&'a str>),
    /// Inside the exception path of a `finally:` body (the exception sits on the stack).
    FinallyHandler,
    /// Inside `with`: `__exit__` sits on the stack and a handler block is pushed.
    With,
    /// Inside a `finally:` body compiled for a `return` that passes through it: the
    /// return value sits on the stack, and a `break`, `continue` or `return` in the body
    /// must drop it (CPython's POP_VALUE).
    PopValue,
}

pub(crate) struct Unit<'a> {
    pub scope: &'a Scope,
    pub kind: CodeKind,
    pub name: Arc<str>,
    pub qualname: Arc<str>,
    pub first_line: u32,
    pub instrs: Vec<Instr>,
    pub spans: Vec<Span>,
    pub consts: Vec<Constant>,
    pub names: Vec<Arc<str>>,
    name_index: HashMap<Arc<str>, u32>,
    pub varnames: Vec<Arc<str>>,
    pub cellvars: Vec<Arc<str>>,
    pub freevars: Vec<Arc<str>>,
    /// Label id -> instruction index, once bound.
    labels: Vec<Option<u32>>,
    pub fblocks: Vec<FBlock<'a>>,
    pub span: Span,
    pub argcount: u32,
    pub kwonlyargcount: u32,
    pub has_varargs: bool,
    pub has_varkeywords: bool,
    pub docstring: Option<Arc<str>>,
    /// The class whose name private names are mangled with (see [`scope::mangle`]).
    pub private: Option<Arc<str>>,
}

pub(crate) struct Compiler<'a> {
    pub table: &'a ScopeTable,
    pub filename: Arc<str>,
    line_starts: Vec<usize>,
    pub units: Vec<Unit<'a>>,
    /// `from __future__ import annotations`: annotations are never evaluated.
    future_annotations: bool,
}

pub(crate) type CResult = Result<(), SyntaxError>;

pub(crate) fn syntax_error(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, span)
}

impl<'a> Compiler<'a> {
    // ----- units -----

    pub fn push_unit(&mut self, key: usize, kind: CodeKind, name: Arc<str>, qualname: Arc<str>, first_line: u32) {
        let scope = &self.table.scopes[&key];
        let varnames: Vec<Arc<str>> = scope.locals.iter().map(|s| Arc::from(s.as_str())).collect();
        let cellvars: Vec<Arc<str>> = scope.cells.iter().map(|s| Arc::from(s.as_str())).collect();
        let freevars: Vec<Arc<str>> = scope.frees.iter().map(|s| Arc::from(s.as_str())).collect();
        // A class body mangles with its own name; every other unit inherits its parent's.
        let private = match kind {
            CodeKind::Class => Some(name.clone()),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        self.units.push(Unit {
            scope,
            kind,
            name,
            qualname,
            first_line,
            instrs: Vec::new(),
            spans: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames,
            cellvars,
            freevars,
            labels: Vec::new(),
            fblocks: Vec::new(),
            span: Span::default(),
            argcount: 0,
            kwonlyargcount: 0,
            has_varargs: false,
            has_varkeywords: false,
            docstring: None,
            private,
        });
    }

    pub fn pop_unit(&mut self) -> CodeObject {
        let u = self.units.pop().expect("unit stack is never empty here");
        let instrs: Vec<Instr> = u.instrs.iter().map(|&i| resolve_label(i, &u.labels)).collect();
        let lines = u.spans.iter().map(|s| self.line_of(s.start)).collect();
        let max_stack = max_stack_depth(&instrs);
        let cell_params = u
            .cellvars
            .iter()
            .enumerate()
            .filter_map(|(ci, name)| {
                u.scope.params.iter().position(|p| p.as_str() == &**name).map(|pi| (ci as u32, pi as u32))
            })
            .collect();
        CodeObject {
            kind: u.kind,
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            first_line: u.first_line,
            instrs,
            spans: u.spans,
            lines,
            consts: u.consts,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell_params,
            argcount: u.argcount,
            kwonlyargcount: u.kwonlyargcount,
            has_varargs: u.has_varargs,
            has_varkeywords: u.has_varkeywords,
            max_stack,
            docstring: u.docstring,
        }
    }

    pub fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("unit stack is never empty here")
    }

    pub fn line_of(&self, offset: usize) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    // ----- emission -----

    pub fn set_span(&mut self, span: Span) {
        self.unit().span = span;
    }

    pub fn emit(&mut self, instr: Instr) {
        let u = self.unit();
        let span = u.span;
        u.instrs.push(instr);
        u.spans.push(span);
    }

    pub fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(None);
        (u.labels.len() - 1) as Label
    }

    pub fn bind_label(&mut self, label: Label) {
        let u = self.unit();
        u.labels[label as usize] = Some(u.instrs.len() as u32);
    }

    pub fn add_const(&mut self, c: Constant) -> u32 {
        let u = self.unit();
        let reusable = !matches!(c, Constant::Code(_) | Constant::Float(_));
        if reusable {
            if let Some(i) = u.consts.iter().position(|k| same_const(k, &c)) {
                return i as u32;
            }
        }
        u.consts.push(c);
        (u.consts.len() - 1) as u32
    }

    pub fn const_str(&mut self, s: &str) -> u32 {
        self.add_const(Constant::Str(Arc::from(s)))
    }

    pub fn const_int(&mut self, digits: &str, span: Span) -> Result<u32, SyntaxError> {
        let c = match digits.parse::<i64>() {
            Ok(v) => Constant::Int(v),
            Err(_) => match digits.parse::<BigInt>() {
                Ok(b) => Constant::BigInt(b),
                Err(_) => return Err(syntax_error("invalid decimal literal", span)),
            },
        };
        Ok(self.add_const(c))
    }

    /// `name` after private name mangling in the current unit.
    pub fn mangled<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        let private = self.units.last().and_then(|u| u.private.as_deref());
        scope::mangle(private, name)
    }

    /// The index of `name` (mangled, as CPython's `ADDOP_NAME` does) in `co_names`.
    pub fn name_idx(&mut self, name: &str) -> u32 {
        let name = &*self.mangled(name);
        let u = self.unit();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        let key: Arc<str> = Arc::from(name);
        u.names.push(key.clone());
        let i = (u.names.len() - 1) as u32;
        u.name_index.insert(key, i);
        i
    }

    /// A generator's code starts by handing the caller a generator object; its first
    /// resumption continues at the `PopTop` (which drops the None it was sent). Both
    /// belong to the `def` line, which is where a traceback points for a `throw()`
    /// into a generator that has not started.
    pub fn generator_prologue(&mut self, line: u32) {
        if self.unit().scope.generator {
            let line = line.saturating_sub(1) as usize;
            let start = self.line_starts.get(line).copied().unwrap_or(0);
            // The whole line, without its newline.
            let end = self.line_starts.get(line + 1).map_or(start, |&next| next.saturating_sub(1).max(start));
            self.set_span(Span::new(start, end));
            self.emit(Instr::ReturnGenerator);
            self.emit(Instr::PopTop);
        }
    }

    pub fn emit_return_none(&mut self) {
        let k = self.add_const(Constant::None);
        self.emit(Instr::LoadConst(k));
        self.emit(Instr::ReturnValue);
    }

    // ----- names -----

    fn var_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        match u.varnames.iter().position(|v| &**v == name) {
            Some(i) => i as u32,
            None => {
                u.varnames.push(Arc::from(name));
                (u.varnames.len() - 1) as u32
            }
        }
    }

    fn deref_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(i) = u.cellvars.iter().position(|v| &**v == name) {
            return i as u32;
        }
        match u.freevars.iter().position(|v| &**v == name) {
            Some(i) => (u.cellvars.len() + i) as u32,
            None => {
                // Only reachable through an inconsistency between scope analysis and
                // codegen; fall back to a fresh free slot rather than panicking.
                u.freevars.push(Arc::from(name));
                (u.cellvars.len() + u.freevars.len() - 1) as u32
            }
        }
    }

    fn name_kind(&mut self, name: &str) -> NameKind {
        let u = self.unit();
        let kind = u.scope.lookup(name);
        if u.scope.kind == ScopeKind::Module && kind == NameKind::Name {
            return NameKind::Global;
        }
        kind
    }

    pub fn load_name(&mut self, name: &str) {
        let name = &*self.mangled(name);
        let instr = match self.name_kind(name) {
            NameKind::Local => Instr::LoadFast(self.var_index(name)),
            NameKind::Cell => Instr::LoadDeref(self.deref_index(name)),
            NameKind::Free => {
                if self.unit().scope.kind == ScopeKind::Class {
                    self.name_idx(name);
                    Instr::LoadClassDeref(self.deref_index(name))
                } else {
                    Instr::LoadDeref(self.deref_index(name))
                }
            }
            NameKind::Global => Instr::LoadGlobal(self.name_idx(name)),
            NameKind::Name => Instr::LoadName(self.name_idx(name)),
        };
        self.emit(instr);
    }

    pub fn store_name(&mut self, name: &str) {
        let name = &*self.mangled(name);
        let instr = match self.name_kind(name) {
            NameKind::Local => Instr::StoreFast(self.var_index(name)),
            NameKind::Cell | NameKind::Free => Instr::StoreDeref(self.deref_index(name)),
            NameKind::Global => Instr::StoreGlobal(self.name_idx(name)),
            NameKind::Name => Instr::StoreName(self.name_idx(name)),
        };
        self.emit(instr);
    }

    pub fn delete_name(&mut self, name: &str) {
        let name = &*self.mangled(name);
        let instr = match self.name_kind(name) {
            NameKind::Local => Instr::DeleteFast(self.var_index(name)),
            NameKind::Cell | NameKind::Free => Instr::DeleteDeref(self.deref_index(name)),
            NameKind::Global => Instr::DeleteGlobal(self.name_idx(name)),
            NameKind::Name => Instr::DeleteName(self.name_idx(name)),
        };
        self.emit(instr);
    }

    /// Pushes the cells a nested scope `key` closes over, as a tuple; returns whether any.
    pub fn load_closure(&mut self, key: usize) -> bool {
        let frees = self.table.scopes[&key].frees.clone();
        if frees.is_empty() {
            return false;
        }
        for f in &frees {
            let idx = self.deref_index(f);
            self.emit(Instr::LoadClosure(idx));
        }
        self.emit(Instr::BuildTuple(frees.len() as u32));
        true
    }

    pub fn qualname_for(&self, name: &str) -> Arc<str> {
        let mut parts = Vec::new();
        for u in self.units.iter().skip(1) {
            parts.push(u.qualname.clone());
        }
        match self.units.last() {
            Some(u) if u.kind == CodeKind::Module => Arc::from(name),
            Some(u) if u.kind == CodeKind::Class => Arc::from(format!("{}.{}", u.qualname, name)),
            Some(u) => Arc::from(format!("{}.<locals>.{}", u.qualname, name)),
            None => Arc::from(name),
        }
    }

    // ----- statements -----

    pub fn stmts(&mut self, body: &'a [Stmt]) -> CResult {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult {
        self.set_span(s.span);
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Instr::PopTop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Copy(1));
                    }
                    self.store_target(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, annotation, value } => {
                // CPython 3.11 evaluates the value and stores it, then (at module and class
                // level only) evaluates the annotation. Without a value, an attribute or
                // subscript target still has its object (and index) evaluated.
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store_target(target)?;
                } else {
                    match &target.kind {
                        ExprKind::Attribute { value, .. } => {
                            self.expr(value)?;
                            self.emit(Instr::PopTop);
                        }
                        ExprKind::Subscript { value, index } => {
                            self.expr(value)?;
                            self.emit(Instr::PopTop);
                            self.expr(index)?;
                            self.emit(Instr::PopTop);
                        }
                        _ => {}
                    }
                }
                if !self.future_annotations && matches!(self.unit().scope.kind, ScopeKind::Module | ScopeKind::Class) {
                    self.expr(annotation)?;
                    self.emit(Instr::PopTop);
                }
            }
            StmtKind::If { test, body, orelse } => {
                let else_label = self.new_label();
                self.jump_if(test, false, else_label)?;
                self.stmts(body)?;
                if orelse.is_empty() {
                    self.bind_label(else_label);
                } else {
                    let end = self.new_label();
                    self.emit(Instr::Jump(end));
                    self.bind_label(else_label);
                    self.stmts(orelse)?;
                    self.bind_label(end);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.new_label();
                let else_label = self.new_label();
                let end = self.new_label();
                self.bind_label(start);
                let always = matches!(test.kind, ExprKind::True);
                if !always {
                    self.jump_if(test, false, else_label)?;
                }
                self.unit().fblocks.push(FBlock::While { start, end });
                self.stmts(body)?;
                self.unit().fblocks.pop();
                self.set_span(s.span);
                self.emit(Instr::JumpBackward(start));
                self.bind_label(else_label);
                self.stmts(orelse)?;
                self.bind_label(end);
            }
            StmtKind::For { target, iter, body, orelse } => {
                let start = self.new_label();
                let else_label = self.new_label();
                let end = self.new_label();
                self.expr(iter)?;
                self.set_span(s.span);
                self.emit(Instr::GetIter);
                self.bind_label(start);
                self.emit(Instr::ForIter(else_label));
                self.store_target(target)?;
                self.unit().fblocks.push(FBlock::For { start, end });
                self.stmts(body)?;
                self.unit().fblocks.pop();
                self.set_span(s.span);
                self.emit(Instr::JumpBackward(start));
                self.bind_label(else_label);
                self.stmts(orelse)?;
                self.bind_label(end);
            }
            StmtKind::Break => self.break_continue(true, s.span)?,
            StmtKind::Continue => self.break_continue(false, s.span)?,
            StmtKind::Pass => {}
            StmtKind::FunctionDef(f) => self.function_def(f)?,
            StmtKind::ClassDef(c) => self.class_def(c, s.span)?,
            StmtKind::Return(value) => {
                if !matches!(self.unit().kind, CodeKind::Function | CodeKind::Lambda) {
                    return Err(syntax_error("'return' outside function", s.span));
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => {
                        let k = self.add_const(Constant::None);
                        self.emit(Instr::LoadConst(k));
                    }
                }
                self.unwind_all(true)?;
                self.set_span(s.span);
                self.emit(Instr::ReturnValue);
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::With { items, body } => self.with_stmt(items, body, s.span)?,
            StmtKind::Try { body, handlers, orelse, finalbody } => self.try_stmt(body, handlers, orelse, finalbody)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_span(s.span);
                self.emit(Instr::Raise(n));
            }
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.jump_if(test, true, end)?;
                // CPython raises at the last comparison its jump_if walked through (it
                // leaves that location set), and otherwise at the whole statement.
                self.set_span(sticky_compare_span(test).unwrap_or(s.span));
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.bind_label(end);
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    self.set_span(s.span);
                    let idx = self.name_idx(&a.name);
                    self.emit(Instr::ImportName(idx));
                    match &a.asname {
                        Some(asname) => {
                            // `import a.b as c` binds the submodule itself.
                            for part in a.name.split('.').skip(1) {
                                let p = self.name_idx(part);
                                self.emit(Instr::ImportFrom(p));
                                self.emit(Instr::Swap(2));
                                self.emit(Instr::PopTop);
                            }
                            self.store_name(asname);
                        }
                        None => {
                            let top = a.name.split('.').next().unwrap_or("");
                            if top != a.name {
                                let idx = self.name_idx(top);
                                self.emit(Instr::PopTop);
                                self.emit(Instr::ImportName(idx));
                            }
                            self.store_name(top);
                        }
                    }
                }
            }
            StmtKind::ImportFrom { module, names } => {
                let idx = self.name_idx(module);
                self.emit(Instr::ImportName(idx));
                for a in names {
                    self.set_span(s.span);
                    if a.name == "*" {
                        self.emit(Instr::ImportStar);
                        return Ok(());
                    }
                    let n = self.name_idx(&a.name);
                    self.emit(Instr::ImportFrom(n));
                    self.store_name(a.asname.as_ref().unwrap_or(&a.name));
                }
                self.emit(Instr::PopTop);
            }
        }
        Ok(())
    }

    /// Calls the decorators on the stack, innermost (last written) first, each at its
    /// own line, as CPython's tracebacks show them.
    fn apply_decorators(&mut self, decorators: &'a [Expr]) {
        for d in decorators.iter().rev() {
            self.set_span(d.span);
            self.emit(Instr::Call(1));
        }
    }

    // funcdef: decorators 'def' NAME parameters ':' suite
    fn function_def(&mut self, f: &'a FunctionDef) -> CResult {
        for d in &f.decorators {
            self.expr(d)?;
        }
        self.set_span(f.span);
        let line = self.line_of(f.span.start);
        let qualname = self.qualname_for(&f.name);
        self.make_function(
            scope::key(f),
            &f.params,
            Arc::from(f.name.as_str()),
            qualname,
            line,
            CodeKind::Function,
            |c| {
                let body = match docstring(&f.body) {
                    Some(doc) => {
                        c.unit().docstring = Some(Arc::from(doc.as_str()));
                        &f.body[1..]
                    }
                    None => &f.body[..],
                };
                c.stmts(body)?;
                c.emit_return_none();
                Ok(())
            },
        )?;
        self.apply_decorators(&f.decorators);
        self.store_name(&f.name);
        Ok(())
    }

    /// Compiles defaults, the body (via `body`) and a `MakeFunction`, leaving the new
    /// function on the stack. Shared by `def` and `lambda`.
    #[allow(clippy::too_many_arguments)]
    pub fn make_function(
        &mut self,
        key: usize,
        params: &'a Parameters,
        name: Arc<str>,
        qualname: Arc<str>,
        line: u32,
        kind: CodeKind,
        body: impl FnOnce(&mut Self) -> CResult,
    ) -> CResult {
        let mut flags = 0;
        let defaults: Vec<&Expr> = params.args.iter().filter_map(|p| p.default.as_ref()).collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kwdefaults: Vec<(&str, &Expr)> =
            params.kwonly.iter().filter_map(|p| p.default.as_ref().map(|d| (p.name.as_str(), d))).collect();
        if !kwdefaults.is_empty() {
            for (n, d) in &kwdefaults {
                let k = self.const_str(&self.mangled(n));
                self.emit(Instr::LoadConst(k));
                self.expr(d)?;
            }
            self.emit(Instr::BuildMap(kwdefaults.len() as u32));
            flags |= 2;
        }
        self.push_unit(key, kind, name, qualname, line);
        {
            let u = self.unit();
            u.argcount = params.args.len() as u32;
            u.kwonlyargcount = params.kwonly.len() as u32;
            u.has_varargs = params.vararg.is_some();
            u.has_varkeywords = params.kwarg.is_some();
        }
        self.generator_prologue(line);
        body(self)?;
        let code = self.pop_unit();
        if self.load_closure(key) {
            flags |= 8;
        }
        let k = self.add_const(Constant::Code(Arc::new(code)));
        self.emit(Instr::LoadConst(k));
        self.emit(Instr::MakeFunction(flags));
        Ok(())
    }

    // classdef: decorators 'class' NAME ['(' [arglist] ')'] ':' suite
    /// `stmt_span` is the whole statement, body included: the span of the call that runs
    /// the body (so a traceback through it shows no carets, as in CPython).
    fn class_def(&mut self, c: &'a ClassDef, stmt_span: Span) -> CResult {
        for d in &c.decorators {
            self.expr(d)?;
        }
        self.set_span(c.span);
        let key = scope::key(c);
        let line = self.line_of(c.span.start);
        let qualname = self.qualname_for(&c.name);
        self.emit(Instr::LoadBuildClass);
        self.push_unit(key, CodeKind::Class, Arc::from(c.name.as_str()), qualname.clone(), line);
        self.set_span(c.span);
        self.load_name("__name__");
        self.store_name("__module__");
        let k = self.const_str(&qualname);
        self.emit(Instr::LoadConst(k));
        self.store_name("__qualname__");
        let body = match docstring(&c.body) {
            Some(doc) => {
                let k = self.const_str(&doc);
                self.emit(Instr::LoadConst(k));
                self.store_name("__doc__");
                &c.body[1..]
            }
            None => &c.body[..],
        };
        self.stmts(body)?;
        // The class body returns its `__class__` cell (or None) so that the new class can
        // be stored in it for zero-argument `super()`.
        let cell = self.unit().cellvars.iter().position(|v| &**v == "__class__");
        match cell {
            Some(i) => {
                self.emit(Instr::LoadClosure(i as u32));
                self.emit(Instr::ReturnValue);
            }
            None => self.emit_return_none(),
        }
        let code = self.pop_unit();
        let mut flags = 0;
        if self.load_closure(key) {
            flags |= 8;
        }
        let k = self.add_const(Constant::Code(Arc::new(code)));
        self.emit(Instr::LoadConst(k));
        self.emit(Instr::MakeFunction(flags));
        let k = self.const_str(&c.name);
        self.emit(Instr::LoadConst(k));
        for b in &c.bases {
            self.expr(b)?;
        }
        self.set_span(Span::new(c.span.start, stmt_span.end.max(c.span.end)));
        let n = 2 + c.bases.len() as u32;
        if c.keywords.is_empty() {
            self.emit(Instr::Call(n));
        } else {
            let mut names = Vec::new();
            for kw in &c.keywords {
                let Some(name) = &kw.arg else {
                    return Err(syntax_error("gilvm does not support '**' in a class header", kw.span));
                };
                self.expr(&kw.value)?;
                names.push(Constant::Str(Arc::from(name.as_str())));
            }
            let k = self.add_const(Constant::Tuple(names));
            self.emit(Instr::LoadConst(k));
            self.emit(Instr::CallKw(n + c.keywords.len() as u32));
        }
        self.apply_decorators(&c.decorators);
        self.store_name(&c.name);
        Ok(())
    }
}

/// The span CPython's `compiler_jump_if` leaves set after compiling `test`: that of the
/// last comparison it reaches through `not`, `and`/`or` and conditional expressions.
fn sticky_compare_span(test: &Expr) -> Option<Span> {
    match &test.kind {
        ExprKind::Compare { .. } => Some(test.span),
        ExprKind::UnaryOp { op: UnaryOp::Not, operand } => sticky_compare_span(operand),
        ExprKind::BoolOp { values, .. } => values.iter().rev().find_map(sticky_compare_span),
        ExprKind::IfExp { test, body, orelse } => [orelse, body, test].into_iter().find_map(|e| sticky_compare_span(e)),
        _ => None,
    }
}

fn same_const(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::Int(x), Constant::Int(y)) => x == y,
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
        (Constant::Bool(x), Constant::Bool(y)) => x == y,
        (Constant::BigInt(x), Constant::BigInt(y)) => x == y,
        (Constant::FrozenSet(x), Constant::FrozenSet(y)) | (Constant::Tuple(x), Constant::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_const(p, q))
        }
        _ => false,
    }
}

fn resolve_label(instr: Instr, labels: &[Option<u32>]) -> Instr {
    let at = |l: Label| labels.get(l as usize).copied().flatten().unwrap_or(0);
    use Instr::*;
    match instr {
        Jump(l) => Jump(at(l)),
        JumpBackward(l) => JumpBackward(at(l)),
        PopJumpIfFalse(l) => PopJumpIfFalse(at(l)),
        PopJumpIfTrue(l) => PopJumpIfTrue(at(l)),
        CompareJumpIfFalse(op, l) => CompareJumpIfFalse(op, at(l)),
        CompareJumpIfTrue(op, l) => CompareJumpIfTrue(op, at(l)),
        JumpIfFalseOrPop(l) => JumpIfFalseOrPop(at(l)),
        JumpIfTrueOrPop(l) => JumpIfTrueOrPop(at(l)),
        ForIter(l) => ForIter(at(l)),
        Send(l) => Send(at(l)),
        SetupFinally(l) => SetupFinally(at(l)),
        other => other,
    }
}

/// The deepest the value stack can get, by walking every path through the code
/// (exception handlers start one above the depth at their `SetupFinally`).
fn max_stack_depth(instrs: &[Instr]) -> u32 {
    let mut depth_at: Vec<Option<i32>> = vec![None; instrs.len() + 1];
    let mut work = vec![(0usize, 0i32)];
    let mut max = 0;
    // Each instruction has one depth in correct code, so the walk ends quickly; the cap
    // makes a codegen bug that lets a loop grow the stack a wrong estimate, not a hang.
    let mut steps_left = 64 * instrs.len() + 1024;
    while let Some((mut pc, mut depth)) = work.pop() {
        while pc < instrs.len() {
            if steps_left == 0 {
                debug_assert!(false, "the stack depth grows around a loop");
                return max.max(0) as u32;
            }
            steps_left -= 1;
            if let Some(d) = depth_at[pc] {
                if d >= depth {
                    break;
                }
            }
            depth_at[pc] = Some(depth);
            max = max.max(depth);
            let instr = instrs[pc];
            match instr {
                Instr::SetupFinally(t) => work.push((t as usize, depth + 1)),
                Instr::ForIter(t) | Instr::Send(t) => work.push((t as usize, depth - 1)),
                Instr::JumpIfFalseOrPop(t) | Instr::JumpIfTrueOrPop(t) => work.push((t as usize, depth)),
                Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => work.push((t as usize, depth - 1)),
                Instr::CompareJumpIfFalse(_, t) | Instr::CompareJumpIfTrue(_, t) => work.push((t as usize, depth - 2)),
                _ => {}
            }
            depth += instr.stack_effect();
            max = max.max(depth);
            match instr {
                Instr::Jump(t) | Instr::JumpBackward(t) => pc = t as usize,
                Instr::ReturnValue | Instr::Reraise | Instr::Raise(_) => break,
                _ => pc += 1,
            }
        }
    }
    max.max(0) as u32
}
