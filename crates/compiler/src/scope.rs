//! Scope analysis: decides for every name in every scope whether it is a fast local, a
//! cell, a free variable captured from an enclosing function, or a global.
//!
//! Scopes are keyed by the address of the AST node that opens them (function, lambda,
//! class or comprehension), which stays put while the compiler walks the same tree.

use std::borrow::Cow;
use std::collections::HashMap;

use gilvm_syntax::ast::*;
use gilvm_syntax::{SyntaxError, SyntaxErrorKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Comprehension,
}

/// How a name is reached inside one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    /// A fast local slot.
    Local,
    /// A local that inner functions capture: lives in a cell.
    Cell,
    /// Captured from an enclosing function.
    Free,
    /// Module globals (explicit `global`, or never bound here).
    Global,
    /// Module or class namespace lookups (`LOAD_NAME`).
    Name,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    /// Parameters in declaration order (they come first among the locals).
    pub params: Vec<String>,
    pub names: HashMap<String, NameKind>,
    /// Locals in first-binding order (parameters first).
    pub locals: Vec<String>,
    pub cells: Vec<String>,
    pub frees: Vec<String>,
    /// A function that contains `yield` (or a generator expression): calling it makes a
    /// generator.
    pub generator: bool,
}

impl Scope {
    pub fn lookup(&self, name: &str) -> NameKind {
        match self.names.get(name) {
            Some(&kind) => kind,
            None => match self.kind {
                ScopeKind::Module | ScopeKind::Class => NameKind::Name,
                _ => NameKind::Global,
            },
        }
    }
}

/// The result: one [`Scope`] per scope-opening node.
pub struct ScopeTable {
    pub scopes: HashMap<usize, Scope>,
}

pub fn key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// CPython's private name mangling (`_Py_Mangle`): inside a class body, and in every
/// function nested in it until the next class, `__spam` becomes `_Class__spam`. Names
/// that end in two underscores, contain a dot, or sit in a class whose name is all
/// underscores are left alone. The result never starts with two underscores, so
/// mangling twice changes nothing.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> Cow<'n, str> {
    let Some(class_name) = private else { return Cow::Borrowed(name) };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{stripped}{name}"))
}

/// What the first pass records about each name in one scope.
#[derive(Default, Clone, Copy)]
struct Usage {
    bound: bool,
    used: bool,
    param: bool,
    global: bool,
    nonlocal: bool,
}

struct RawScope {
    kind: ScopeKind,
    key: usize,
    parent: Option<usize>,
    /// The name of the innermost enclosing class (this scope's own name for a class
    /// body), which private names are mangled with.
    private: Option<String>,
    params: Vec<String>,
    usage: HashMap<String, Usage>,
    order: Vec<String>,
    /// The scope is a function directly inside a class and uses `super`: it needs `__class__`.
    needs_class_cell: bool,
    /// Where each `nonlocal` name was declared, for "no binding" errors.
    nonlocal_spans: HashMap<String, Span>,
    children: Vec<usize>,
    /// See [`Scope::generator`].
    generator: bool,
    /// For comprehensions: what CPython calls them in errors ("list comprehension").
    comprehension: Option<&'static str>,
}

struct Builder {
    raw: Vec<RawScope>,
    stack: Vec<usize>,
}

fn err(msg: String, span: Span) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, span)
}

impl Builder {
    fn cur(&mut self) -> &mut RawScope {
        let i = *self.stack.last().expect("scope stack is never empty");
        &mut self.raw[i]
    }

    /// `name` as this scope spells it after private name mangling.
    fn mangled(&self, name: &str) -> String {
        let i = *self.stack.last().expect("scope stack is never empty");
        mangle(self.raw[i].private.as_deref(), name).into_owned()
    }

    /// Records `name` (mangled) in the current scope and returns its usage entry.
    fn note(&mut self, name: &str) -> &mut Usage {
        let name = self.mangled(name);
        let scope = self.cur();
        if !scope.usage.contains_key(&name) {
            scope.order.push(name.clone());
        }
        scope.usage.entry(name).or_default()
    }

    fn bind(&mut self, name: &str) {
        self.note(name).bound = true;
    }

    fn use_name(&mut self, name: &str) {
        self.note(name).used = true;
        // As in CPython's symtable, `super` and `__class__` in a function nested (at any
        // depth) in a class body reach the class through an implicit `__class__` cell.
        if name == "super" || name == "__class__" {
            let i = *self.stack.last().unwrap();
            if matches!(self.raw[i].kind, ScopeKind::Function | ScopeKind::Comprehension) {
                let mut p = self.raw[i].parent;
                while let Some(j) = p {
                    if self.raw[j].kind == ScopeKind::Class {
                        self.raw[i].needs_class_cell = true;
                        break;
                    }
                    p = self.raw[j].parent;
                }
            }
        }
    }

    /// Opens a scope; `class_name` is the name of a class body's class.
    fn push(&mut self, kind: ScopeKind, key: usize, class_name: Option<&str>) {
        let parent = self.stack.last().copied();
        let private = match class_name {
            Some(name) => Some(name.to_string()),
            None => parent.and_then(|p| self.raw[p].private.clone()),
        };
        let idx = self.raw.len();
        self.raw.push(RawScope {
            kind,
            key,
            parent,
            private,
            params: Vec::new(),
            usage: HashMap::new(),
            order: Vec::new(),
            needs_class_cell: false,
            nonlocal_spans: HashMap::new(),
            children: Vec::new(),
            generator: false,
            comprehension: None,
        });
        if let Some(p) = parent {
            self.raw[p].children.push(idx);
        }
        self.stack.push(idx);
    }

    fn pop(&mut self) {
        self.stack.pop();
    }

    /// A `yield` makes the enclosing function a generator; elsewhere it is an error.
    fn note_yield(&mut self, span: Span) -> Result<(), SyntaxError> {
        let scope = self.cur();
        match (scope.kind, scope.comprehension) {
            (ScopeKind::Function, _) => {
                scope.generator = true;
                Ok(())
            }
            (ScopeKind::Comprehension, Some(what)) => Err(err(format!("'yield' inside {what}"), span)),
            _ => Err(err("'yield' outside function".into(), span)),
        }
    }

    fn params(&mut self, params: &Parameters) -> Result<(), SyntaxError> {
        let all = params.args.iter().chain(params.vararg.iter()).chain(params.kwonly.iter()).chain(params.kwarg.iter());
        for p in all {
            let name = self.mangled(&p.name);
            let scope = self.cur();
            if scope.params.contains(&name) {
                return Err(err(format!("duplicate argument '{name}' in function definition"), p.span));
            }
            scope.params.push(name);
            let u = self.note(&p.name);
            u.bound = true;
            u.param = true;
        }
        Ok(())
    }

    fn param_defaults(&mut self, params: &Parameters) -> Result<(), SyntaxError> {
        for p in params.args.iter().chain(params.kwonly.iter()) {
            if let Some(d) = &p.default {
                self.expr(d)?;
            }
        }
        for p in params.args.iter().chain(params.vararg.iter()).chain(params.kwonly.iter()).chain(params.kwarg.iter()) {
            if let Some(a) = &p.annotation {
                self.expr(a)?;
            }
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn declare(&mut self, names: &[String], span: Span, global: bool) -> Result<(), SyntaxError> {
        let kind = self.cur().kind;
        for name in names {
            let name = &self.mangled(name);
            if !global && kind == ScopeKind::Module {
                return Err(err("nonlocal declaration not allowed at module level".into(), span));
            }
            let u = self.cur().usage.get(name).copied().unwrap_or_default();
            let word = if global { "global" } else { "nonlocal" };
            if u.param {
                return Err(err(format!("name '{name}' is parameter and {word}"), span));
            }
            if u.bound && !(u.global || u.nonlocal) {
                return Err(err(format!("name '{name}' is assigned to before {word} declaration"), span));
            }
            if u.used && !(u.global || u.nonlocal) {
                return Err(err(format!("name '{name}' is used prior to {word} declaration"), span));
            }
            if (global && u.nonlocal) || (!global && u.global) {
                return Err(err(format!("name '{name}' is nonlocal and global"), span));
            }
            if !global {
                self.cur().nonlocal_spans.insert(name.clone(), span);
            }
            let u = self.note(name);
            if global {
                u.global = true;
            } else {
                u.nonlocal = true;
            }
        }
        Ok(())
    }

    fn stmt(&mut self, stmt: &Stmt) -> Result<(), SyntaxError> {
        match &stmt.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                targets.iter().try_for_each(|t| self.target(t))
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n);
                }
                self.target(target)
            }
            StmtKind::AnnAssign { target, annotation, value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.expr(annotation)?;
                self.target(target)
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => Ok(()),
            StmtKind::FunctionDef(f) => {
                f.decorators.iter().try_for_each(|d| self.expr(d))?;
                self.param_defaults(&f.params)?;
                self.bind(&f.name);
                self.push(ScopeKind::Function, key(f), None);
                self.params(&f.params)?;
                self.stmts(&f.body)?;
                self.pop();
                Ok(())
            }
            StmtKind::ClassDef(c) => {
                c.decorators.iter().try_for_each(|d| self.expr(d))?;
                c.bases.iter().try_for_each(|b| self.expr(b))?;
                c.keywords.iter().try_for_each(|k| self.expr(&k.value))?;
                self.bind(&c.name);
                self.push(ScopeKind::Class, key(c), Some(&c.name));
                self.stmts(&c.body)?;
                self.pop();
                Ok(())
            }
            StmtKind::Return(v) => v.iter().try_for_each(|e| self.expr(e)),
            StmtKind::Global(names) => self.declare(names, stmt.span, true),
            StmtKind::Nonlocal(names) => self.declare(names, stmt.span, false),
            StmtKind::With { items, body } => {
                for item in items {
                    self.expr(&item.context)?;
                    if let Some(t) = &item.target {
                        self.target(t)?;
                    }
                }
                self.stmts(body)
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)
            }
            StmtKind::Raise { exc, cause } => {
                exc.iter().try_for_each(|e| self.expr(e))?;
                cause.iter().try_for_each(|e| self.expr(e))
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                msg.iter().try_for_each(|e| self.expr(e))
            }
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.target(t)),
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.split('.').next().unwrap_or("").to_string());
                    self.bind(&bound);
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            return Err(err("import * only allowed at module level".into(), a.span));
                        }
                        continue;
                    }
                    self.bind(a.asname.as_ref().unwrap_or(&a.name));
                }
                Ok(())
            }
        }
    }

    /// An assignment (or `del`) target: binds names, evaluates the rest.
    fn target(&mut self, t: &Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.bind(n);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().try_for_each(|i| self.target(i)),
            ExprKind::Starred(inner) => self.target(inner),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)
            }
            _ => self.expr(t),
        }
    }

    fn comprehension(
        &mut self,
        node: usize,
        what: &'static str,
        generators: &[Comprehension],
        elts: &[&Expr],
    ) -> Result<(), SyntaxError> {
        // The first iterable is evaluated in the enclosing scope; the rest inside.
        if let Some(first) = generators.first() {
            self.expr(&first.iter)?;
        }
        self.push(ScopeKind::Comprehension, node, None);
        self.cur().comprehension = Some(what);
        self.cur().generator = what == "generator expression";
        self.cur().params.push(".0".to_string());
        {
            let u = self.note(".0");
            u.bound = true;
            u.param = true;
        }
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            g.ifs.iter().try_for_each(|e| self.expr(e))?;
        }
        elts.iter().try_for_each(|e| self.expr(e))?;
        self.pop();
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Name(n) => {
                self.use_name(n);
                Ok(())
            }
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::True
            | ExprKind::False
            | ExprKind::None
            | ExprKind::Ellipsis => Ok(()),
            ExprKind::FString(parts) => self.fstring(parts),
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                items.iter().try_for_each(|i| self.expr(i))
            }
            ExprKind::Dict(pairs) => {
                for (k, v) in pairs {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
                Ok(())
            }
            ExprKind::Starred(inner) => self.expr(inner),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::BoolOp { values, .. } => values.iter().try_for_each(|v| self.expr(v)),
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left)?;
                comparators.iter().try_for_each(|c| self.expr(c))
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func)?;
                args.iter().try_for_each(|a| self.expr(a))?;
                keywords.iter().try_for_each(|k| self.expr(&k.value))
            }
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
                Ok(())
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Lambda { params, body } => {
                self.param_defaults(params)?;
                self.push(ScopeKind::Function, key(e), None);
                self.params(params)?;
                self.expr(body)?;
                self.pop();
                Ok(())
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(key(e), "list comprehension", generators, &[elt])
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(key(e), "set comprehension", generators, &[elt])
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(key(e), "generator expression", generators, &[elt])
            }
            ExprKind::DictComp { key: k, value, generators } => {
                self.comprehension(key(e), "dict comprehension", generators, &[k, value])
            }
            ExprKind::Yield(v) => {
                self.note_yield(e.span)?;
                v.iter().try_for_each(|e| self.expr(e))
            }
            ExprKind::YieldFrom(v) => {
                self.note_yield(e.span)?;
                self.expr(v)
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                // Comprehensions mangle with their enclosing scope's class, so one
                // spelling serves every scope the loop below touches.
                let target = &self.mangled(target);
                // The target binds in the nearest scope that is not a comprehension.
                let saved = self.stack.clone();
                while self.raw[*self.stack.last().unwrap()].kind == ScopeKind::Comprehension {
                    let inner = self.stack.pop().unwrap();
                    // Inside the comprehension the name is free (resolved below).
                    let u = self.raw[inner].usage.entry(target.clone()).or_default();
                    u.used = true;
                    if !self.raw[inner].order.contains(target) {
                        self.raw[inner].order.push(target.clone());
                    }
                }
                self.bind(target);
                self.stack = saved;
                if self.cur().kind != ScopeKind::Comprehension {
                    self.bind(target);
                }
                Ok(())
            }
        }
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> Result<(), SyntaxError> {
        for p in parts {
            if let FStringPart::Value { value, format_spec, .. } = p {
                self.expr(value)?;
                self.fstring(format_spec)?;
            }
        }
        Ok(())
    }
}

/// Runs scope analysis over a whole module.
pub fn analyze(module: &Module) -> Result<ScopeTable, SyntaxError> {
    let mut b = Builder { raw: Vec::new(), stack: Vec::new() };
    b.push(ScopeKind::Module, key(module), None);
    b.stmts(&module.body)?;
    b.pop();
    let mut scopes = HashMap::new();
    resolve(&mut b.raw, 0, &mut scopes)?;
    Ok(ScopeTable { scopes })
}

/// Whether `name` is bound as a function-level local in some enclosing function scope
/// of `idx` (class scopes are skipped, as in Python).
fn enclosing_binding(raw: &[RawScope], idx: usize, name: &str) -> bool {
    let mut p = raw[idx].parent;
    while let Some(i) = p {
        let s = &raw[i];
        match s.kind {
            ScopeKind::Module => return false,
            ScopeKind::Class => {}
            _ => {
                if let Some(u) = s.usage.get(name) {
                    if u.global {
                        return false;
                    }
                    if u.bound || u.nonlocal {
                        return true;
                    }
                }
                // A free use in the enclosing function that is itself resolved to an outer
                // binding also counts: the search simply continues outwards.
            }
        }
        p = s.parent;
    }
    false
}

fn resolve(raw: &mut Vec<RawScope>, idx: usize, out: &mut HashMap<usize, Scope>) -> Result<(), SyntaxError> {
    let kind = raw[idx].kind;
    let mut names = HashMap::new();
    let mut locals: Vec<String> = raw[idx].params.clone();
    let mut frees = Vec::new();
    let order = raw[idx].order.clone();
    for name in &order {
        let u = raw[idx].usage[name];
        let nk = if u.global {
            NameKind::Global
        } else if u.nonlocal {
            if !enclosing_binding(raw, idx, name) {
                let span = raw[idx].nonlocal_spans.get(name).copied().unwrap_or_default();
                return Err(err(format!("no binding for nonlocal '{name}' found"), span));
            }
            frees.push(name.clone());
            NameKind::Free
        } else if u.bound {
            match kind {
                ScopeKind::Module | ScopeKind::Class => NameKind::Name,
                _ => {
                    if !locals.contains(name) {
                        locals.push(name.clone());
                    }
                    NameKind::Local
                }
            }
        } else if enclosing_binding(raw, idx, name) {
            frees.push(name.clone());
            NameKind::Free
        } else {
            match kind {
                ScopeKind::Module | ScopeKind::Class => NameKind::Name,
                _ => NameKind::Global,
            }
        };
        names.insert(name.clone(), nk);
    }
    if raw[idx].needs_class_cell && !frees.iter().any(|f| f == "__class__") {
        // A function that binds `__class__` itself (or declares it global) keeps that.
        let bound_here = raw[idx].usage.get("__class__").is_some_and(|u| u.bound || u.global);
        if !bound_here {
            frees.push("__class__".to_string());
            names.insert("__class__".to_string(), NameKind::Free);
        }
    }
    // Free variables of children that pass through this scope: either our own locals
    // become cells, or they are free here too.
    let children = raw[idx].children.clone();
    let mut cells: Vec<String> = Vec::new();
    for &c in &children {
        resolve(raw, c, out)?;
        let child_frees = out[&raw[c].key].frees.clone();
        for f in child_frees {
            if kind == ScopeKind::Class && f == "__class__" {
                if !cells.contains(&f) {
                    cells.push(f);
                }
                continue;
            }
            match names.get(&f).copied() {
                Some(NameKind::Local) | Some(NameKind::Cell) if kind != ScopeKind::Class => {
                    names.insert(f.clone(), NameKind::Cell);
                    if !cells.contains(&f) {
                        cells.push(f);
                    }
                }
                Some(NameKind::Free) => {}
                _ => {
                    // Passes through (class scopes and functions that don't bind it).
                    if kind != ScopeKind::Module && !frees.contains(&f) {
                        frees.push(f.clone());
                        if kind != ScopeKind::Class {
                            names.insert(f, NameKind::Free);
                        }
                    }
                }
            }
        }
    }
    // A class body that passes a free variable through still reads it via the class
    // namespace first; its own table entry stays `Name` unless it was bound nowhere.
    locals.retain(|l| names.get(l) != Some(&NameKind::Cell) || raw[idx].params.contains(l));
    let generator = raw[idx].generator;
    let scope = Scope { kind, params: raw[idx].params.clone(), names, locals, cells, frees, generator };
    out.insert(raw[idx].key, scope);
    Ok(())
}
