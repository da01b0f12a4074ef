//! Runtime values: the [`Value`] enum and the small immutable and mutable object types.
//!
//! Every value is `Send + Sync`: heap objects are shared through `Arc`, and mutable state
//! sits behind `parking_lot` locks. That is what lets bytecode run on many OS threads at
//! once when the GIL is off. Locks on objects are held only for the duration of a Rust
//! operation, never across a call back into Python code.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::sync::Mutex;
use num_bigint::BigInt;

use crate::dict::Dict;
use crate::iter::IterObj;
use crate::object::{BoundMethod, Builtin, Class, Code, Function, Instance, Module};
use crate::set::Set;

/// A Python value. Small immediates are stored inline; everything else is an `Arc`.
pub enum Value {
    None,
    Bool(PyBool),
    /// An int that fits in 64 bits; results that overflow become [`Value::BigInt`].
    Int(i64),
    /// An int outside the i64 range (always normalized: never fits in i64).
    BigInt(Arc<BigInt>),
    Float(PyFloat),
    Str(Arc<PyStr>),
    Tuple(Arc<Tuple>),
    List(Arc<List>),
    Dict(Arc<Dict>),
    Set(Arc<Set>),
    Range(Arc<Range>),
    Slice(Arc<Slice>),
    Function(Arc<Function>),
    Builtin(Arc<Builtin>),
    BoundMethod(Arc<BoundMethod>),
    Class(Arc<Class>),
    Instance(Arc<Instance>),
    Module(Arc<Module>),
    Iter(Arc<IterObj>),
    /// A native object from a builtin module (files, locks, ...), boxed so that the
    /// `Arc` stays a thin pointer and `Value` stays 16 bytes.
    Native(Arc<NativeBox>),
    /// A compiled code object, as a constant for `MakeFunction`.
    Code(Arc<Code>),
    /// A closure cell, as pushed by `LoadClosure`.
    Cell(Arc<Cell>),
    Ellipsis,
    NotImplemented,
    /// Marks an unbound local slot or an empty cell; never visible to Python code.
    Unbound,
}

/// The payload of [`Value::Bool`]: a `bool` widened to a whole word.
///
/// Every payload of `Value` is a single 64-bit integer or pointer at the same offset,
/// which lets rustc treat `Value` as a (tag, word) scalar pair: it is passed and
/// returned in two registers and copied as two words. A 1-byte `bool` or an `f64`
/// payload would make it an opaque 16-byte blob, built with narrow stores and copied
/// with one wide load, and each such copy right after a write stalls store forwarding
/// (pushes followed by pops, values returned from calls: everywhere in the VM).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct PyBool(u64);

impl PyBool {
    pub const TRUE: PyBool = PyBool(1);
    pub const FALSE: PyBool = PyBool(0);

    #[inline(always)]
    pub const fn new(b: bool) -> PyBool {
        PyBool(b as u64)
    }

    #[inline(always)]
    pub const fn get(self) -> bool {
        self.0 != 0
    }
}

/// The payload of [`Value::Float`]: an `f64` kept as its bits (see [`PyBool`] for why).
#[derive(Clone, Copy)]
pub struct PyFloat(u64);

impl PyFloat {
    #[inline(always)]
    pub const fn new(f: f64) -> PyFloat {
        PyFloat(f.to_bits())
    }

    #[inline(always)]
    pub const fn get(self) -> f64 {
        f64::from_bits(self.0)
    }
}

impl std::fmt::Debug for PyFloat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

// Keep the layout the comment above relies on.
const _: () = assert!(std::mem::size_of::<Value>() == 16);

impl Clone for Value {
    /// Immediates copy inline; heap values bump their count out of line, then the
    /// 16 bytes are copied from `self`. Copying from the (long since written) source
    /// instead of returning a freshly built value from the outlined call avoids a
    /// store-forwarding stall that otherwise costs a sizeable share of call-heavy code.
    #[inline(always)]
    fn clone(&self) -> Value {
        if !self.is_immediate() {
            self.incref_heap();
        }
        // SAFETY: a heap value's count was raised above, so the copy owns one reference;
        // the other variants own nothing.
        unsafe { std::ptr::read(self) }
    }
}

impl Value {
    #[inline(always)]
    pub const fn bool(b: bool) -> Value {
        Value::Bool(PyBool::new(b))
    }

    #[inline(always)]
    pub const fn float(f: f64) -> Value {
        Value::Float(PyFloat::new(f))
    }

    /// Adds one reference to a heap value's count (no-op for the rest).
    #[inline(never)]
    fn incref_heap(&self) {
        fn bump<T: ?Sized>(a: &Arc<T>) {
            std::mem::forget(Arc::clone(a));
        }
        match self {
            Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Ellipsis
            | Value::NotImplemented
            | Value::Unbound => {}
            Value::BigInt(a) => bump(a),
            Value::Str(a) => bump(a),
            Value::Tuple(a) => bump(a),
            Value::List(a) => bump(a),
            Value::Dict(a) => bump(a),
            Value::Set(a) => bump(a),
            Value::Range(a) => bump(a),
            Value::Slice(a) => bump(a),
            Value::Function(a) => bump(a),
            Value::Builtin(a) => bump(a),
            Value::BoundMethod(a) => bump(a),
            Value::Class(a) => bump(a),
            Value::Instance(a) => bump(a),
            Value::Module(a) => bump(a),
            Value::Iter(a) => bump(a),
            Value::Native(a) => bump(a),
            Value::Code(a) => bump(a),
            Value::Cell(a) => bump(a),
        }
    }

    /// Whether dropping this value is a no-op (no reference to release).
    #[inline(always)]
    pub fn is_immediate(&self) -> bool {
        matches!(self, Value::None | Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::Unbound)
    }

    pub fn native(obj: impl crate::object::NativeObject) -> Value {
        Value::Native(Arc::new(NativeBox(Box::new(obj))))
    }

    /// A new `str`: a `String`'s buffer is kept, a `&str` is copied (inline when short).
    pub fn str(s: impl IntoPyStr) -> Value {
        Value::Str(Arc::new(s.into_pystr()))
    }

    /// A tuple of `items`; every empty tuple is one shared object, as in CPython.
    pub fn tuple(items: Vec<Value>) -> Value {
        if items.is_empty() {
            return Value::Tuple(empty_tuple());
        }
        Value::Tuple(Arc::new(Tuple { items: items.into_boxed_slice() }))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Arc::new(List::new(items)))
    }

    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Arc::new(b)),
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity, as Python's `is` sees it.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None)
            | (Value::Ellipsis, Value::Ellipsis)
            | (Value::NotImplemented, Value::NotImplemented)
            | (Value::Unbound, Value::Unbound) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints are cached in CPython (-5..=256); equal i64 values behave alike.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.get().to_bits() == b.get().to_bits(),
            _ => match (self.heap_ptr(), other.heap_ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of the heap object, for identity and `id()`.
    pub fn heap_ptr(&self) -> Option<usize> {
        Some(match self {
            Value::BigInt(a) => Arc::as_ptr(a) as usize,
            Value::Str(a) => Arc::as_ptr(a) as usize,
            Value::Tuple(a) => Arc::as_ptr(a) as usize,
            Value::List(a) => Arc::as_ptr(a) as usize,
            Value::Dict(a) => Arc::as_ptr(a) as usize,
            Value::Set(a) => Arc::as_ptr(a) as usize,
            Value::Range(a) => Arc::as_ptr(a) as usize,
            Value::Slice(a) => Arc::as_ptr(a) as usize,
            Value::Function(a) => Arc::as_ptr(a) as usize,
            Value::Builtin(a) => Arc::as_ptr(a) as usize,
            Value::BoundMethod(a) => Arc::as_ptr(a) as usize,
            Value::Class(a) => Arc::as_ptr(a) as usize,
            Value::Instance(a) => Arc::as_ptr(a) as usize,
            Value::Module(a) => Arc::as_ptr(a) as usize,
            Value::Iter(a) => Arc::as_ptr(a) as usize,
            Value::Native(a) => Arc::as_ptr(a) as usize,
            Value::Code(a) => Arc::as_ptr(a) as usize,
            Value::Cell(a) => Arc::as_ptr(a) as usize,
            _ => return None,
        })
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }
}

/// The interned copy of an identifier: names in bytecode and attribute keys share one
/// `PyStr` each, so attribute lookups usually succeed on a pointer comparison.
pub fn intern(s: &str) -> Arc<PyStr> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static TABLE: OnceLock<parking_lot::Mutex<HashMap<Box<str>, Arc<PyStr>>>> = OnceLock::new();
    let table = TABLE.get_or_init(Default::default);
    let mut t = table.lock();
    if let Some(p) = t.get(s) {
        return p.clone();
    }
    let p = Arc::new(PyStr::new(s.to_string()));
    t.insert(Box::from(s), p.clone());
    p
}

/// The box behind [`Value::Native`].
pub struct NativeBox(pub Box<dyn crate::object::NativeObject>);

impl std::ops::Deref for NativeBox {
    type Target = dyn crate::object::NativeObject;
    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}

/// What [`Value::str`] accepts: owned text is taken over, borrowed text is copied.
pub trait IntoPyStr {
    fn into_pystr(self) -> PyStr;
}

impl IntoPyStr for String {
    fn into_pystr(self) -> PyStr {
        PyStr::new(self)
    }
}

impl IntoPyStr for &str {
    fn into_pystr(self) -> PyStr {
        PyStr::from_str(self)
    }
}

impl IntoPyStr for &String {
    fn into_pystr(self) -> PyStr {
        PyStr::from_str(self)
    }
}

impl IntoPyStr for std::borrow::Cow<'_, str> {
    fn into_pystr(self) -> PyStr {
        match self {
            std::borrow::Cow::Borrowed(s) => PyStr::from_str(s),
            std::borrow::Cow::Owned(s) => PyStr::new(s),
        }
    }
}

/// An immutable string with a lazily computed hash.
pub struct PyStr {
    /// Inline when short; a `String` (not `Box<str>`, whose conversion would shrink,
    /// i.e. reallocate and copy, every freshly built string) otherwise.
    s: crate::smallstr::SmallStr,
    /// 0 until computed.
    hash: AtomicU64,
    ascii: bool,
}

impl PyStr {
    pub fn new(s: String) -> PyStr {
        let ascii = s.is_ascii();
        PyStr { s: crate::smallstr::SmallStr::from_string(s), hash: AtomicU64::new(0), ascii }
    }

    /// A copy of `s`: no allocation of its own when it is short.
    pub fn from_str(s: &str) -> PyStr {
        PyStr { s: crate::smallstr::SmallStr::from_str(s), hash: AtomicU64::new(0), ascii: s.is_ascii() }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        self.s.as_str()
    }

    /// Appends in place; only for a string nothing else refers to (`Arc::get_mut`).
    pub fn push_str(&mut self, other: &str) {
        self.s.push_str(other);
        self.ascii &= other.is_ascii();
        *self.hash.get_mut() = 0;
    }

    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    /// Length in code points, as `len()` reports it.
    pub fn char_len(&self) -> usize {
        if self.ascii {
            self.as_str().len()
        } else {
            self.as_str().chars().count()
        }
    }

    pub fn hash(&self) -> u64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != 0 {
            return h;
        }
        let h = crate::dict::hash_bytes(self.as_str().as_bytes()).max(1);
        self.hash.store(h, Ordering::Relaxed);
        h
    }
}

pub struct Tuple {
    pub items: Box<[Value]>,
}

pub struct List {
    pub items: Mutex<Vec<Value>>,
}

impl Drop for Tuple {
    fn drop(&mut self) {
        if !self.items.is_empty() {
            crate::trashcan::release(std::mem::take(&mut self.items).into_vec());
        }
    }
}

impl Drop for List {
    fn drop(&mut self) {
        let items = std::mem::take(self.items.get_mut());
        if !items.is_empty() {
            crate::trashcan::release(items);
        }
    }
}

impl List {
    pub fn new(items: Vec<Value>) -> List {
        List { items: Mutex::new(items) }
    }

    /// A snapshot of the items (so no lock is held while Python code runs).
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.lock().clone()
    }

    pub fn len(&self) -> usize {
        self.items.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// `range(start, stop, step)`; the fields are plain i64 (ranges beyond i64 are rejected).
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn len(&self) -> i64 {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 {
            if stop > start {
                (stop - start + step - 1) / step
            } else {
                0
            }
        } else if start > stop {
            (start - stop - step - 1) / (-step)
        } else {
            0
        };
        n as i64
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// A closure cell; `Value::Unbound` while empty.
pub struct Cell {
    pub value: Mutex<Value>,
}

impl Cell {
    pub fn new(value: Value) -> Cell {
        Cell { value: Mutex::new(value) }
    }
}

// `Value` is copied on every stack operation; keep it at two words.
const _: () = assert!(std::mem::size_of::<Value>() == 16);

#[cold]
fn empty_tuple() -> Arc<Tuple> {
    static EMPTY: std::sync::OnceLock<Arc<Tuple>> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| Arc::new(Tuple { items: Box::new([]) })).clone()
}
