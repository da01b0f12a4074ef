//! Heap object types beyond plain data: classes, instances, functions, builtins, bound
//! methods, modules, linked code objects, and the trait for native objects.

use std::any::Any;
use std::hash::BuildHasherDefault;
use std::sync::Arc;

use crate::sync::{Mutex, RwLock};
use gilvm_compiler::{CodeObject, Constant};

use crate::dict::{Dict, PassThrough};
use crate::errors::PyResult;
use crate::value::{Cell, PyStr, Value};
use crate::vm::Vm;

/// An attribute namespace (a class's or an instance's `__dict__`): insertion-ordered and
/// keyed by interned names, so lookups from bytecode compare pointers and reuse the
/// name's cached hash.
#[derive(Default, Clone)]
pub struct AttrMap {
    map: indexmap::IndexMap<NameKey, Value, BuildHasherDefault<PassThrough>>,
    /// A one-word Bloom filter over the names ever inserted (bit `hash % 64`), so that
    /// "this instance does not shadow the method" is usually answered without a probe.
    /// Removal leaves bits set, which only costs a probe later.
    seen: u64,
}

fn bloom_bit(hash: u64) -> u64 {
    1 << (hash & 63)
}

impl Drop for AttrMap {
    fn drop(&mut self) {
        let map = std::mem::take(&mut self.map);
        if !map.is_empty() {
            crate::trashcan::release(map.into_values());
        }
    }
}

#[derive(Clone)]
struct NameKey(Arc<PyStr>);

impl std::hash::Hash for NameKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.0.hash());
    }
}

impl PartialEq for NameKey {
    fn eq(&self, other: &NameKey) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0.as_str() == other.0.as_str()
    }
}

impl Eq for NameKey {}

/// Probes with a name whose hash is already known.
struct NameProbe<'a> {
    name: &'a str,
    hash: u64,
}

impl std::hash::Hash for NameProbe<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl indexmap::Equivalent<NameKey> for NameProbe<'_> {
    fn equivalent(&self, key: &NameKey) -> bool {
        let k = key.0.as_str();
        (k.as_ptr() == self.name.as_ptr() && k.len() == self.name.len()) || k == self.name
    }
}

impl AttrMap {
    fn probe(name: &str) -> NameProbe<'_> {
        NameProbe { name, hash: crate::dict::hash_bytes(name.as_bytes()).max(1) }
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.map.get(&Self::probe(name))
    }

    /// The fast path for names from bytecode (interned, hash cached).
    #[inline]
    pub fn get_name(&self, name: &PyStr) -> Option<&Value> {
        self.map.get(&NameProbe { name: name.as_str(), hash: name.hash() })
    }

    /// The value at `index` if that entry's key is `name` (the same interned string).
    #[inline]
    pub fn get_at(&self, index: usize, name: &PyStr) -> Option<&Value> {
        let (k, v) = self.map.get_index(index)?;
        std::ptr::eq(Arc::as_ptr(&k.0), name).then_some(v)
    }

    /// Replaces the value at `index` if that entry's key is `name`; gives the value back
    /// otherwise.
    #[inline]
    pub fn set_at(&mut self, index: usize, name: &PyStr, value: Value) -> Result<Value, Value> {
        match self.map.get_index_mut(index) {
            Some((k, slot)) if std::ptr::eq(Arc::as_ptr(&k.0), name) => Ok(std::mem::replace(slot, value)),
            _ => Err(value),
        }
    }

    /// Like [`AttrMap::get_name`], also returning the entry's index.
    pub fn get_full_name(&self, name: &PyStr) -> Option<(usize, &Value)> {
        self.map.get_full(&NameProbe { name: name.as_str(), hash: name.hash() }).map(|(i, _, v)| (i, v))
    }

    /// Whether `name` is in the map; usually answered by the Bloom filter alone.
    #[inline]
    pub fn contains_name(&self, name: &PyStr) -> bool {
        self.seen & bloom_bit(name.hash()) != 0 && self.get_name(name).is_some()
    }

    /// Inserts (or replaces) and returns the entry's index.
    pub fn insert_full(&mut self, name: Arc<PyStr>, value: Value) -> (usize, Option<Value>) {
        self.seen |= bloom_bit(name.hash());
        self.map.insert_full(NameKey(name), value)
    }

    pub fn insert(&mut self, name: Arc<PyStr>, value: Value) -> Option<Value> {
        self.seen |= bloom_bit(name.hash());
        self.map.insert(NameKey(name), value)
    }

    pub fn insert_str(&mut self, name: &str, value: Value) -> Option<Value> {
        self.insert(crate::value::intern(name), value)
    }

    pub fn remove(&mut self, name: &str) -> Option<Value> {
        self.map.shift_remove(&Self::probe(name))
    }

    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.map.iter().map(|(k, v)| (k.0.as_str(), v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(|k| k.0.as_str())
    }
}

/// What a class is, underneath: the built-in type whose instances it makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeKind {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Iterator,
    Cell,
    Code,
    Ellipsis,
    NotImplemented,
    /// BaseException and every exception class.
    Exception,
    /// A type defined by a native module (files, locks, ...).
    Native,
    /// `super()` proxies.
    Super,
    /// `property`, `staticmethod` and `classmethod` wrappers.
    Descriptor,
}

pub struct Class {
    pub name: Arc<str>,
    pub qualname: Arc<str>,
    /// `builtins` for built-in types, else the defining module's name.
    pub module: Arc<str>,
    pub base: Option<Arc<Class>>,
    pub dict: RwLock<AttrMap>,
    pub kind: TypeKind,
    /// Whether Python code may subclass it.
    pub subclassable: bool,
    /// Whether this class or a base defines a property or `__setattr__`/`__getattribute__`
    /// hooks: when false, instance attribute reads and writes skip the class walk.
    pub hooks: std::sync::atomic::AtomicBool,
}

impl Class {
    /// Looks `name` up along the inheritance chain.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        let probe = AttrMap::probe(name);
        let mut cls = self;
        loop {
            if let Some(v) = cls.dict.read().map.get(&probe) {
                return Some(v.clone());
            }
            cls = cls.base.as_deref()?;
        }
    }

    /// [`Class::lookup`] for a name from bytecode.
    pub fn lookup_name(&self, name: &PyStr) -> Option<Value> {
        let mut cls = self;
        loop {
            if let Some(v) = cls.dict.read().get_name(name) {
                return Some(v.clone());
            }
            cls = cls.base.as_deref()?;
        }
    }

    /// Whether `self` is `other` or derives from it.
    pub fn is_subclass(self: &Arc<Class>, other: &Arc<Class>) -> bool {
        let mut cls = Some(self.clone());
        while let Some(c) = cls {
            if Arc::ptr_eq(&c, other) {
                return true;
            }
            cls = c.base.clone();
        }
        false
    }

    /// The method resolution order: the class, then its ancestors.
    pub fn mro(self: &Arc<Class>) -> Vec<Arc<Class>> {
        let mut out = Vec::new();
        let mut cls = Some(self.clone());
        while let Some(c) = cls {
            cls = c.base.clone();
            out.push(c);
        }
        out
    }

    pub fn set_attr(&self, name: &str, value: Value) {
        if is_hook(name, &value) {
            self.hooks.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        self.dict.write().insert_str(name, value);
    }

    /// Whether instance attribute access must consult the class first.
    pub fn has_hooks(&self) -> bool {
        self.hooks.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// `<class 'int'>` or `<class '__main__.A'>`.
    pub fn repr(&self) -> String {
        if &*self.module == "builtins" {
            format!("<class '{}'>", self.qualname)
        } else {
            format!("<class '{}.{}'>", self.module, self.qualname)
        }
    }
}

/// Whether a class attribute changes how instance attributes are read or written.
pub fn is_hook(name: &str, value: &Value) -> bool {
    matches!(name, "__setattr__" | "__getattribute__" | "__delattr__")
        || matches!(
            downcast::<DescriptorObj>(value).map(|d| matches!(&*d.desc.read(), Descriptor::Property { .. })),
            Some(true)
        )
}

/// The state an exception instance carries.
#[derive(Default)]
pub struct ExcState {
    pub traceback: Vec<TbEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
    /// A NameError's "Did you mean" hint (see `suggest.rs`).
    pub suggestion: Option<String>,
}

/// One traceback line: where a frame was when the exception passed through it.
#[derive(Clone)]
pub struct TbEntry {
    pub filename: Arc<str>,
    pub name: Arc<str>,
    pub line: u32,
    pub span: gilvm_syntax::ast::Span,
    /// The frame it came from (a frame is listed once however often it re-raises).
    pub frame_id: u64,
}

pub struct Instance {
    pub class: Arc<Class>,
    pub dict: Mutex<AttrMap>,
    /// Present for exception instances.
    pub exc: Option<Mutex<ExcState>>,
    /// Native state for instances of subclassable native types (e.g. `threading.Thread`).
    pub native: Mutex<Option<Value>>,
}

impl Instance {
    pub fn new(class: Arc<Class>) -> Instance {
        let exc = (class.kind == TypeKind::Exception).then(|| Mutex::new(ExcState::default()));
        Instance { class, dict: Mutex::new(AttrMap::default()), exc, native: Mutex::new(None) }
    }

    pub fn get_attr(&self, name: &str) -> Option<Value> {
        self.dict.lock().get(name).cloned()
    }

    #[inline]
    pub fn get_attr_name(&self, name: &PyStr) -> Option<Value> {
        self.dict.lock().get_name(name).cloned()
    }

    pub fn set_attr(&self, name: &str, value: Value) {
        self.dict.lock().insert_str(name, value);
    }

    /// Stores an attribute; the old value is dropped after the lock is released (its
    /// destructor may free objects, and nothing runs under an object lock).
    pub fn set_attr_name(&self, name: Arc<PyStr>, value: Value) {
        let old = self.dict.lock().insert(name, value);
        drop(old);
    }
}

/// A code object linked for the VM: constants turned into values, names interned.
pub struct Code {
    pub co: Arc<CodeObject>,
    /// The instructions the VM runs: the compiler's, with superinstructions written
    /// over some pairs (see [`fuse_pairs`]). Same length and indices as `co.instrs`.
    pub instrs: Box<[gilvm_compiler::Instr]>,
    pub consts: Vec<Value>,
    pub names: Vec<Arc<PyStr>>,
    pub nlocals: usize,
    /// Positional-only calling with no cells: arguments can become locals in place.
    pub simple: bool,
    /// Whether frames need cells (captured locals or a closure).
    pub has_cells: bool,
    /// One inline cache per name for `LoadAttr`/`StoreAttr` on instances: the index of
    /// the name in the last instance dict it was found in (`usize::MAX` when empty).
    /// Instances of one class usually share a layout, so the index is usually right; it
    /// is validated against the key on every use.
    pub attr_cache: Box<[std::sync::atomic::AtomicUsize]>,
    /// One inline cache per name for `LoadMethod`: the index of the method in the class
    /// dict it was last found in (validated against the key on every use).
    pub method_cache: Box<[std::sync::atomic::AtomicUsize]>,
    /// One inline cache per name, for `LoadGlobal`/`StoreGlobal`.
    pub global_cache: Box<[crate::dict::GlobalCache]>,
}

impl Code {
    /// Links a compiled code object (and every code object nested in it).
    pub fn link(co: &Arc<CodeObject>) -> Arc<Code> {
        let consts = co.consts.iter().map(constant_value).collect();
        let names = co.names.iter().map(|n| crate::value::intern(n)).collect();
        let simple = !co.has_varargs && !co.has_varkeywords && co.kwonlyargcount == 0 && co.cellvars.is_empty();
        let global_cache = co.names.iter().map(|_| crate::dict::GlobalCache::default()).collect();
        let has_cells = !co.cellvars.is_empty() || !co.freevars.is_empty();
        let instrs = fuse_pairs(&co.instrs);
        let empty_cache = || co.names.iter().map(|_| std::sync::atomic::AtomicUsize::new(usize::MAX)).collect();
        let (attr_cache, method_cache) = (empty_cache(), empty_cache());
        Arc::new(Code {
            co: co.clone(),
            instrs,
            consts,
            names,
            nlocals: co.varnames.len(),
            simple,
            has_cells,
            attr_cache,
            method_cache,
            global_cache,
        })
    }
}

/// The linker's peephole pass: writes a superinstruction over the first instruction of
/// each fusable pair, keeping the second so that jumps into the pair still land on it.
fn fuse_pairs(code: &[gilvm_compiler::Instr]) -> Box<[gilvm_compiler::Instr]> {
    use gilvm_compiler::Instr::*;
    let mut out = code.to_vec();
    for (k, pair) in code.windows(2).enumerate() {
        let LoadFast(local) = pair[0] else { continue };
        let pack = |arg: u32| u16::try_from(local).ok().zip(u16::try_from(arg).ok());
        let fused = match pair[1] {
            LoadAttr(name) => pack(name).map(|(l, n)| LoadFastAttr(l, n)),
            StoreAttr(name) => pack(name).map(|(l, n)| StoreFastAttr(l, n)),
            LoadConst(c) => pack(c).map(|(l, c)| LoadFastConst(l, c)),
            _ => None,
        };
        if let Some(instr) = fused {
            out[k] = instr;
        }
    }
    out.into_boxed_slice()
}

fn constant_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(b) => Value::from_bigint(b.clone()),
        Constant::Float(f) => Value::float(*f),
        Constant::Str(s) => Value::str(s.to_string()),
        Constant::Ellipsis => Value::Ellipsis,
        Constant::Tuple(items) => Value::tuple(items.iter().map(constant_value).collect()),
        Constant::Code(co) => Value::Code(Code::link(co)),
        Constant::FrozenSet(items) => {
            let keys = items.iter().filter_map(|c| crate::dict::HKey::builtin(&constant_value(c))).collect();
            let table = crate::methods::set::const_frozenset_table(keys);
            Value::Set(Arc::new(crate::set::Set { table: Mutex::new(table), frozen: true }))
        }
    }
}

pub struct Function {
    pub code: Arc<Code>,
    pub globals: Arc<Dict>,
    pub name: Arc<str>,
    pub qualname: Arc<str>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<(Arc<str>, Value)>,
    pub closure: Vec<Arc<Cell>>,
    /// Function attributes (`f.calls = 0`), rarely used.
    pub dict: Mutex<AttrMap>,
}

impl Function {
    /// Module code runs as a function with no parameters.
    pub fn for_module(code: Arc<Code>, globals: Arc<Dict>) -> Function {
        Function {
            name: code.co.name.clone(),
            qualname: code.co.qualname.clone(),
            code,
            globals,
            defaults: Vec::new(),
            kwdefaults: Vec::new(),
            closure: Vec::new(),
            dict: Mutex::new(AttrMap::default()),
        }
    }
}

/// Arguments to a builtin: positional values and keyword pairs.
#[derive(Default)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Arc<str>, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args { pos, kw: Vec::new() }
    }

    /// Puts `first` before the positional arguments (a bound method's receiver) without
    /// the reallocation `Vec::insert` would often need.
    pub fn prepend(&mut self, first: Value) {
        let mut pos = Vec::with_capacity(self.pos.len() + 1);
        pos.push(first);
        pos.append(&mut self.pos);
        self.pos = pos;
    }

    /// Removes and returns keyword argument `name`.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| &**k == name)?;
        Some(self.kw.remove(i).1)
    }
}

pub type BuiltinFn = fn(&mut Vm, Args) -> PyResult<Value>;

pub struct Builtin {
    pub name: Arc<str>,
    pub func: BuiltinFn,
    /// For methods of built-in types: the class they belong to (for error messages).
    pub owner: Option<&'static str>,
}

pub struct BoundMethod {
    pub receiver: Value,
    pub func: Value,
}

pub struct Module {
    pub name: Arc<str>,
    pub dict: Arc<Dict>,
}

/// An object implemented in Rust by a builtin module (a file, a lock, ...).
pub trait NativeObject: Send + Sync + Any {
    /// The class whose methods (builtins taking the object first) it exposes.
    fn class(&self) -> Arc<Class>;
    fn as_any(&self) -> &dyn Any;
    /// `repr()`, when the default `<name object at 0x...>` won't do.
    fn repr(&self) -> Option<String> {
        None
    }
}

/// Downcasts a native value to its concrete type.
pub fn downcast<T: 'static>(v: &Value) -> Option<&T> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<T>(),
        _ => None,
    }
}

/// `property(fget)`, `staticmethod(f)` and `classmethod(f)`.
pub enum Descriptor {
    Property { fget: Value, fset: Option<Value> },
    Static(Value),
    ClassMethod(Value),
}

pub struct DescriptorObj {
    pub desc: RwLock<Descriptor>,
}

impl NativeObject for DescriptorObj {
    fn class(&self) -> Arc<Class> {
        let types = crate::types::types();
        match &*self.desc.read() {
            Descriptor::Property { .. } => types.property.clone(),
            Descriptor::Static(_) => types.staticmethod.clone(),
            Descriptor::ClassMethod(_) => types.classmethod.clone(),
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `super()` bound to a class and an instance (or class).
pub struct SuperObj {
    pub start_after: Arc<Class>,
    pub receiver: Value,
}

impl NativeObject for SuperObj {
    fn class(&self) -> Arc<Class> {
        crate::types::types().super_.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self) -> Option<String> {
        Some(format!("<super: <class '{}'>, <{} object>>", self.start_after.name, "object"))
    }
}
