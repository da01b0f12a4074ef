//! Python dicts (insertion-ordered hash maps) and the hashing rules they rely on.
//!
//! Keys are wrapped in [`HKey`], which carries the key's Python hash. Equality between
//! keys follows Python for the built-in hashable types (`1 == 1.0 == True`, strings,
//! tuples); other objects compare by identity.

use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::sync::Arc;

use crate::sync::Mutex;
use indexmap::map::RawEntryApiV1;
use indexmap::IndexMap;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

use crate::value::Value;

/// Python's hash modulus for numbers: 2**61 - 1.
const MODULUS: u64 = (1 << 61) - 1;

/// A dict key together with its precomputed Python hash.
#[derive(Clone)]
pub struct HKey {
    pub hash: u64,
    pub key: Value,
}

impl PartialEq for HKey {
    fn eq(&self, other: &HKey) -> bool {
        self.hash == other.hash && key_eq(&self.key, &other.key)
    }
}

impl Eq for HKey {}

impl Hash for HKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// The hash a map keyed by [`HKey`] files a key under, given its Python hash: an odd
/// multiplier spreads the low bits upwards (see [`PassThrough::write_u64`]).
#[inline]
pub fn table_hash(python_hash: u64) -> u64 {
    python_hash.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The hasher for maps keyed by [`HKey`]: the hash is already computed.
#[derive(Default)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(bytes);
    }
    fn write_u64(&mut self, n: u64) {
        // Python hashes of small ints are the ints themselves, so their top bits are
        // all zero; the table keys its control bytes on the top 7 bits, and without
        // this multiply every probe of an int-keyed dict would compare against every
        // entry of a group.
        self.0 = table_hash(n);
    }
}

pub type DictMap = IndexMap<HKey, Value, BuildHasherDefault<PassThrough>>;

pub struct Dict {
    pub map: Mutex<DictMap>,
}

impl Drop for Dict {
    fn drop(&mut self) {
        let map = std::mem::take(self.map.get_mut());
        if !map.is_empty() {
            crate::trashcan::release(map.into_values());
        }
    }
}

impl Default for Dict {
    fn default() -> Self {
        Dict::new()
    }
}

impl Dict {
    pub fn new() -> Dict {
        Dict { map: Mutex::new(DictMap::default()) }
    }

    pub fn from_map(map: DictMap) -> Dict {
        Dict { map: Mutex::new(map) }
    }

    pub fn get(&self, key: &HKey) -> Option<Value> {
        self.map.lock().get(key).cloned()
    }

    pub fn get_str(&self, name: &str) -> Option<Value> {
        let key = HKey::from_str(name);
        self.get(&key)
    }

    pub fn insert(&self, key: HKey, value: Value) {
        self.map.lock().insert(key, value);
    }

    pub fn set_str(&self, name: &str, value: Value) {
        self.insert(HKey::from_str(name), value);
    }

    pub fn remove(&self, key: &HKey) -> Option<Value> {
        self.map.lock().shift_remove(key)
    }

    pub fn len(&self) -> usize {
        self.map.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn keys(&self) -> Vec<Value> {
        self.map.lock().keys().map(|k| k.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.map.lock().values().cloned().collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.map.lock().iter().map(|(k, v)| (k.key.clone(), v.clone())).collect()
    }

    pub fn copy(&self) -> Dict {
        Dict::from_map(self.map.lock().clone())
    }
}

impl HKey {
    /// The key for an identifier-like string (interned, so that inline caches can
    /// recognise it by pointer).
    pub fn from_str(s: &str) -> HKey {
        HKey::str(crate::value::intern(s))
    }

    pub fn str(s: Arc<crate::value::PyStr>) -> HKey {
        HKey { hash: s.hash(), key: Value::Str(s) }
    }

    /// The key for a value whose hash needs no Python code; `None` for values that
    /// are unhashable or define their own `__hash__` (the VM handles those).
    pub fn builtin(v: &Value) -> Option<HKey> {
        builtin_hash(v).map(|hash| HKey { hash, key: v.clone() })
    }
}

/// FxHash-style byte hashing (fast; string hashes are not part of Python's contract).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    for &b in chunks.remainder() {
        h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
    }
    // Final avalanche so that low bits (used by the table) depend on every byte.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

/// Python's `hash(int)` for an i64, as an i64 (never -1).
pub fn hash_i64(v: i64) -> i64 {
    let m = MODULUS as i128;
    let r = (v as i128).rem_euclid(m);
    let r = if v < 0 { -(((-(v as i128)) % m) as i64) } else { r as i64 };
    if r == -1 {
        -2
    } else {
        r
    }
}

pub fn hash_bigint(v: &BigInt) -> i64 {
    let m = BigInt::from(MODULUS);
    let r = v.magnitude() % m.magnitude();
    let mut r = BigInt::from(r).to_i64().unwrap_or(0);
    if v.sign() == num_bigint::Sign::Minus {
        r = -r;
    }
    if r == -1 {
        -2
    } else {
        r
    }
}

/// Python's `hash(float)`: equal to the int's hash for integral values.
pub fn hash_f64(v: f64) -> i64 {
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    if v.fract() == 0.0 {
        if v.abs() < 9.2e18 {
            return hash_i64(v as i64);
        }
        if let Some(b) = num_bigint::BigInt::from_f64_exact(v) {
            return hash_bigint(&b);
        }
    }
    // Non-integral: CPython's algorithm, folding 28 bits of mantissa at a time.
    let (mut m, mut e) = frexp(v.abs());
    let sign: i64 = if v < 0.0 { -1 } else { 1 };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    x = ((x << e) & MODULUS) | (x >> (61 - e));
    let r = x as i64 * sign;
    if r == -1 {
        -2
    } else {
        r
    }
}

/// `math.frexp` for finite positive values: `v == m * 2**e` with `0.5 <= m < 1`.
fn frexp(v: f64) -> (f64, i64) {
    if v == 0.0 {
        return (0.0, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

trait FromF64Exact: Sized {
    fn from_f64_exact(v: f64) -> Option<Self>;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(v: f64) -> Option<BigInt> {
        num_traits::FromPrimitive::from_f64(v)
    }
}

/// The Python hash of a built-in hashable value (as u64 bits), or `None`.
pub fn builtin_hash(v: &Value) -> Option<u64> {
    Some(match v {
        Value::None => 0xFCA86420,
        Value::Bool(b) => b.get() as u64,
        Value::Int(i) => hash_i64(*i) as u64,
        Value::BigInt(b) => hash_bigint(b) as u64,
        Value::Float(f) => hash_f64(f.get()) as u64,
        Value::Str(s) => s.hash(),
        Value::Tuple(t) => {
            let mut hashes = Vec::with_capacity(t.items.len());
            for item in t.items.iter() {
                hashes.push(builtin_hash(item)?);
            }
            tuple_hash(&hashes)
        }
        Value::Set(s) if s.frozen => crate::methods::set::frozenset_hash(&s.table.lock()),
        Value::Instance(_) => return None,
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => return None,
        other => other.heap_ptr().map(|p| (p >> 4) as u64).unwrap_or(0),
    })
}

/// CPython's `tuplehash` (xxHash's combination step) over the items' hashes.
pub fn tuple_hash(item_hashes: &[u64]) -> u64 {
    const PRIME_1: u64 = 11400714785074694791;
    const PRIME_2: u64 = 14029467366897019727;
    const PRIME_5: u64 = 2870177450012600261;
    let mut acc = PRIME_5;
    for &lane in item_hashes {
        acc = acc.wrapping_add(lane.wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add(item_hashes.len() as u64 ^ (PRIME_5 ^ 3527539));
    if acc == u64::MAX {
        1546275796
    } else {
        acc
    }
}

/// Key equality for dicts and sets, without running Python code.
pub fn key_eq(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (Str(x), Str(y)) => Arc::ptr_eq(x, y) || x.as_str() == y.as_str(),
        (Int(x), Int(y)) => x == y,
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => *x == y.get() as i64,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => {
            (*x as f64) == y.get() && y.get().fract() == 0.0 && (y.get() as i64) == *x
        }
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (x.get() as i64 as f64) == y.get(),
        (Float(x), Float(y)) => x.get() == y.get(),
        (BigInt(x), BigInt(y)) => x == y,
        (BigInt(x), Float(y)) | (Float(y), BigInt(x)) => {
            y.get().fract() == 0.0
                && <num_bigint::BigInt as FromF64Exact>::from_f64_exact(y.get()).as_ref() == Some(&**x)
        }
        (Tuple(x), Tuple(y)) => {
            x.items.len() == y.items.len() && x.items.iter().zip(y.items.iter()).all(|(p, q)| key_eq(p, q))
        }
        // Sets compare by content (a frozenset key found by a set or frozenset). The
        // tables are different objects from the container being probed, so locking them
        // here never nests a lock of the same object.
        (Set(x), Set(y)) => {
            if Arc::ptr_eq(x, y) {
                return true;
            }
            let (tx, ty) = (x.table.lock(), y.table.lock());
            tx.len() == ty.len() && tx.keys().all(|k| ty.contains(k))
        }
        _ => a.is(b),
    }
}

#[allow(dead_code)]
fn is_zero(b: &BigInt) -> bool {
    b.is_zero() && b.is_even()
}

/// Looks up a string key by borrowing it (no `Arc` clone): the hot path of globals.
pub(crate) struct StrLookup<'a>(pub &'a crate::value::PyStr);

impl Hash for StrLookup<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.0.hash());
    }
}

impl indexmap::Equivalent<HKey> for StrLookup<'_> {
    fn equivalent(&self, key: &HKey) -> bool {
        match &key.key {
            Value::Str(s) => s.hash() == self.0.hash() && s.as_str() == self.0.as_str(),
            _ => false,
        }
    }
}

impl Dict {
    pub fn get_pystr(&self, name: &crate::value::PyStr) -> Option<Value> {
        self.map.lock().get(&StrLookup(name)).cloned()
    }
}

impl Dict {
    /// The stored keys whose hash equals `hash` (candidates for a Python-level `==`).
    pub fn same_hash_keys(&self, hash: u64) -> Vec<HKey> {
        let map = self.map.lock();
        let mut out = Vec::new();
        map.raw_entry_v1().from_hash(table_hash(hash), |k| {
            if k.hash == hash {
                out.push(k.clone());
            }
            false
        });
        out
    }
}

/// An inline cache for one global name in one code object: where the name sits in
/// the globals map and, for builtins, in the builtins map (`usize::MAX` when unknown).
/// A slot is trusted only if the key stored there is the code's own interned name (the
/// same `Arc`), so a stale index can cost a lookup but never give a wrong value.
pub struct GlobalCache {
    global: std::sync::atomic::AtomicUsize,
    builtin: std::sync::atomic::AtomicUsize,
}

impl Default for GlobalCache {
    fn default() -> Self {
        GlobalCache {
            global: std::sync::atomic::AtomicUsize::new(usize::MAX),
            builtin: std::sync::atomic::AtomicUsize::new(usize::MAX),
        }
    }
}

/// The value at `index` if its key is `name` itself (pointer equality).
fn value_at(dict: &Dict, index: usize, name: &crate::value::PyStr) -> Option<Value> {
    let map = dict.map.lock();
    let (k, v) = map.get_index(index)?;
    match &k.key {
        Value::Str(s) if std::ptr::eq(Arc::as_ptr(s), name) => Some(v.clone()),
        _ => None,
    }
}

fn find(dict: &Dict, name: &crate::value::PyStr) -> Option<(usize, Value)> {
    let map = dict.map.lock();
    let (index, _, v) = map.get_full(&StrLookup(name))?;
    Some((index, v.clone()))
}

/// `LOAD_GLOBAL`: looks `name` up in `globals`, then `builtins`, through `cache`.
pub fn load_global(globals: &Dict, builtins: &Dict, name: &crate::value::PyStr, cache: &GlobalCache) -> Option<Value> {
    use std::sync::atomic::Ordering::Relaxed;
    if let Some(v) = value_at(globals, cache.global.load(Relaxed), name) {
        return Some(v);
    }
    let builtin_index = cache.builtin.load(Relaxed);
    if builtin_index != usize::MAX && globals.get_pystr(name).is_none() {
        if let Some(v) = value_at(builtins, builtin_index, name) {
            return Some(v);
        }
    }
    if let Some((index, v)) = find(globals, name) {
        cache.global.store(index, Relaxed);
        return Some(v);
    }
    let (index, v) = find(builtins, name)?;
    cache.builtin.store(index, Relaxed);
    Some(v)
}

/// `STORE_GLOBAL`: stores through `cache` when the name's slot is known.
pub fn store_global(globals: &Dict, name: &Arc<crate::value::PyStr>, value: Value, cache: &GlobalCache) {
    use std::sync::atomic::Ordering::Relaxed;
    let mut map = globals.map.lock();
    if let Some((k, slot)) = map.get_index_mut(cache.global.load(Relaxed)) {
        if matches!(&k.key, Value::Str(s) if Arc::ptr_eq(s, name)) {
            let old = std::mem::replace(slot, value);
            drop(map);
            drop(old);
            return;
        }
    }
    let (index, old) = map.insert_full(HKey::str(name.clone()), value);
    drop(map);
    drop(old);
    cache.global.store(index, Relaxed);
}
