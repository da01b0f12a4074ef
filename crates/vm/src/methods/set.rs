//! Methods of `set` and `frozenset`, the set operators `| & - ^`, and the `set()` /
//! `frozenset()` constructors.
//!
//! Results are built by inserting keys in the order CPython's `setobject.c` inserts them
//! (which set is iterated, which key object is kept, when the table is pre-sized), so
//! that printing a result lists its items in CPython's order.

use std::sync::Arc;

use crate::sync::Mutex;
use gilvm_syntax::ast::BinOp;

use crate::dict::HKey;
use crate::errors::{key_error, type_error, PyResult};
use crate::methods::{add_method, wrong_receiver};
use crate::object::{Args, BuiltinFn};
use crate::protocol::hkey;
use crate::set::{Set, SetTable};
use crate::types::Types;
use crate::value::Value;
use crate::vm::Vm;

/// Registers the methods of `set` and `frozenset`.
pub fn register(t: &Types) {
    let shared: &[(&'static str, BuiltinFn)] = &[
        ("copy", set_copy),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
        ("__len__", set_len),
        ("__contains__", set_contains),
        ("__iter__", set_iter),
    ];
    for cls in [&t.set, &t.frozenset] {
        for (name, f) in shared {
            add_method(cls, name, *f);
        }
    }
    let mutating: &[(&'static str, BuiltinFn)] = &[
        ("add", set_add),
        ("remove", set_remove),
        ("discard", set_discard),
        ("pop", set_pop),
        ("clear", set_clear),
        ("update", set_update),
        ("intersection_update", set_intersection_update),
        ("difference_update", set_difference_update),
        ("symmetric_difference_update", set_symmetric_difference_update),
    ];
    for (name, f) in mutating {
        add_method(&t.set, name, *f);
    }
}

// ---------------------------------------------------------------------------
// Table algorithms (no Python code runs in any of these)
// ---------------------------------------------------------------------------

/// `make_new_set(other)` for a set `other`: a fresh table merged from `other`.
///
/// CPython copies the slot layout verbatim when the fresh table, pre-sized for `other`,
/// has the same size as `other`'s table and `other` has no deleted slots; otherwise it
/// re-inserts `other`'s keys in slot order.
fn copy_table(other: &SetTable) -> SetTable {
    let mut t = SetTable::default();
    t.reserve_for_merge(other.len());
    if t.same_layout(other) {
        return other.clone();
    }
    for k in other.keys() {
        t.insert(k.clone());
    }
    t
}

/// `set_merge(so, other)`: adds every key of `other` to `so`.
fn merge(so: &mut SetTable, other: &SetTable) {
    if other.is_empty() {
        return;
    }
    if so.is_empty() {
        *so = copy_table(other);
        return;
    }
    so.reserve_for_merge(other.len());
    for k in other.keys() {
        so.insert(k.clone());
    }
}

/// `set_intersection(so, other)` for two sets: iterates the smaller one (keeping its key
/// objects) and looks each key up in the larger one.
fn intersection(so: &SetTable, other: &SetTable) -> SetTable {
    let (big, small) = if other.len() > so.len() { (other, so) } else { (so, other) };
    let mut out = SetTable::default();
    for k in small.keys() {
        if big.contains(k) {
            out.insert(k.clone());
        }
    }
    out
}

/// `set_difference_update_internal(so, other)` for a set `other`.
fn difference_update(so: &mut SetTable, other: &SetTable) {
    // When `other` is much larger, only the common keys matter.
    let common;
    let other = if (other.len() >> 3) > so.len() {
        common = intersection(so, other);
        &common
    } else {
        other
    };
    let keys: Vec<HKey> = other.keys().cloned().collect();
    for k in &keys {
        so.remove(k);
    }
}

/// `set_difference(so, other)` for a set `other`.
fn difference(so: &SetTable, other: &SetTable) -> SetTable {
    if (so.len() >> 2) > other.len() {
        let mut out = copy_table(so);
        difference_update(&mut out, other);
        return out;
    }
    let mut out = SetTable::default();
    for k in so.keys() {
        if !other.contains(k) {
            out.insert(k.clone());
        }
    }
    out
}

/// `set_symmetric_difference_update(so, other)` for a set `other`.
fn symmetric_difference_update(so: &mut SetTable, other: &SetTable) {
    for k in other.keys() {
        if !so.remove(k) {
            so.insert(k.clone());
        }
    }
}

/// `set_symmetric_difference(so, other)`: a copy of `other`, updated with `so`.
fn symmetric_difference(so: &SetTable, other: &SetTable) -> SetTable {
    let mut out = copy_table(other);
    symmetric_difference_update(&mut out, so);
    out
}

/// `a | b`, `a & b`, `a - b` and `a ^ b` for two sets (or frozensets).
pub fn set_op(op: BinOp, a: &Set, b: &Set) -> PyResult<SetTable> {
    let same = std::ptr::eq(a, b);
    let ta = a.table.lock().clone();
    let tb = if same { ta.clone() } else { b.table.lock().clone() };
    Ok(match op {
        BinOp::BitOr => {
            let mut out = copy_table(&ta);
            if !same {
                merge(&mut out, &tb);
            }
            out
        }
        BinOp::BitAnd => {
            if same {
                copy_table(&ta)
            } else {
                intersection(&ta, &tb)
            }
        }
        BinOp::Sub => {
            if same {
                SetTable::default()
            } else {
                difference(&ta, &tb)
            }
        }
        BinOp::BitXor => symmetric_difference(&ta, &tb),
        other => return Err(type_error(format!("unsupported set operator {other:?}"))),
    })
}

/// `a |= b`, `a &= b`, `a -= b` and `a ^= b` for two sets: updates `a`'s own table in
/// place, as CPython's `set_ior` & co. do (the item order can differ from `a = a | b`).
pub fn set_inplace_op(op: BinOp, a: &Set, b: &Set) -> PyResult<()> {
    if std::ptr::eq(a, b) {
        let mut t = a.table.lock();
        match op {
            BinOp::BitOr => {}
            BinOp::BitAnd => *t = copy_table(&t),
            BinOp::Sub | BinOp::BitXor => t.clear(),
            other => return Err(type_error(format!("unsupported set operator {other:?}"))),
        }
        return Ok(());
    }
    let tb = b.table.lock().clone();
    let mut t = a.table.lock();
    match op {
        BinOp::BitOr => merge(&mut t, &tb),
        BinOp::BitAnd => *t = intersection(&t, &tb),
        BinOp::Sub => difference_update(&mut t, &tb),
        BinOp::BitXor => symmetric_difference_update(&mut t, &tb),
        other => return Err(type_error(format!("unsupported set operator {other:?}"))),
    }
    Ok(())
}

/// The table of the frozenset constant that CPython 3.11 compiles a constant set display
/// such as `{5, 13, 21}` (three or more constant items) to.
///
/// CPython emits `BUILD_SET 0`, `LOAD_CONST frozenset(...)`, `SET_UPDATE 1`. The compiler
/// builds the frozenset from the items in source order, then `merge_consts_recursive`
/// rebuilds it from its own iteration order; both steps are replayed here. At run time
/// `SET_UPDATE` merges it into the empty set ([`set_update_value`]), a third reordering.
pub fn const_frozenset_table(keys: Vec<HKey>) -> SetTable {
    let mut built = SetTable::default();
    for k in keys {
        built.insert(k);
    }
    let mut rebuilt = SetTable::default();
    for k in built.keys() {
        rebuilt.insert(k.clone());
    }
    rebuilt
}

/// `set_update_internal(s, v)`: what `SET_UPDATE` and `set.update` do with one operand
/// (sets are merged table to table, dicts by their keys, other iterables item by item).
pub fn set_update_value(vm: &mut Vm, s: &Arc<Set>, v: &Value) -> PyResult<()> {
    let other = other_operand(vm, s, v)?;
    update_table(&mut s.table.lock(), &other);
    Ok(())
}

/// CPython's `frozenset.__hash__`, which depends only on the items' hashes.
pub fn frozenset_hash(t: &SetTable) -> u64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    for k in t.keys() {
        hash ^= shuffle(k.hash);
    }
    hash ^= (t.len() as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    hash
}

// ---------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------

/// The receiver of a set method and the owner name for messages.
fn this(args: &mut Args, name: &str, min: usize, max: usize, mutating: bool) -> PyResult<Arc<Set>> {
    let owner = match args.pos.first() {
        Some(Value::Set(s)) if s.frozen && !mutating => "frozenset",
        _ => "set",
    };
    let recv = crate::methods::receiver(args, owner, name, min, max)?;
    match recv {
        Value::Set(s) if !(mutating && s.frozen) => Ok(s),
        other => Err(wrong_receiver(owner, name, &other)),
    }
}

/// Varargs methods (`union(*others)`) accept no keywords.
fn this_varargs(args: &mut Args, name: &str, mutating: bool) -> PyResult<Arc<Set>> {
    this(args, name, 0, usize::MAX, mutating).and_then(|s| {
        if args.kw.is_empty() {
            Ok(s)
        } else {
            let owner = if s.frozen { "frozenset" } else { "set" };
            Err(type_error(format!("{owner}.{name}() takes no keyword arguments")))
        }
    })
}

/// Another operand, with its keys already hashed.
enum Other {
    /// A set or frozenset: its table, and whether it is the receiver itself.
    Set(SetTable, bool),
    /// A dict's keys, in dict order.
    Dict(Vec<HKey>),
    /// Any other iterable's items, in iteration order.
    Iter(Vec<HKey>),
}

fn other_operand(vm: &mut Vm, recv: &Arc<Set>, v: &Value) -> PyResult<Other> {
    let other = hashed_operand(vm, recv, v)?;
    // Keys equal by a user `__eq__` to one of the receiver's become that key, so that the
    // table operations (which compare keys without running Python) find it.
    Ok(match other {
        Other::Set(table, false) if needs_resolving(&table) => {
            Other::Iter(resolve_keys(vm, recv, table.keys().cloned().collect())?)
        }
        Other::Dict(keys) => Other::Dict(resolve_keys(vm, recv, keys)?),
        Other::Iter(keys) => Other::Iter(resolve_keys(vm, recv, keys)?),
        other => other,
    })
}

fn needs_resolving(table: &SetTable) -> bool {
    table.keys().any(|k| crate::protocol::needs_python_eq(&k.key))
}

/// `keys`, each key equal by a user `__eq__` to one of `recv`'s replaced by that key.
fn resolve_keys(vm: &mut Vm, recv: &Arc<Set>, keys: Vec<HKey>) -> PyResult<Vec<HKey>> {
    keys.into_iter()
        .map(
            |k| {
                if crate::protocol::needs_python_eq(&k.key) {
                    crate::protocol::set_key(vm, recv, &k.key)
                } else {
                    Ok(k)
                }
            },
        )
        .collect()
}

fn hashed_operand(vm: &mut Vm, recv: &Arc<Set>, v: &Value) -> PyResult<Other> {
    Ok(match v {
        Value::Set(s) => {
            if Arc::ptr_eq(s, recv) {
                Other::Set(recv.table.lock().clone(), true)
            } else {
                Other::Set(s.table.lock().clone(), false)
            }
        }
        Value::Dict(d) => Other::Dict(d.map.lock().keys().cloned().collect()),
        _ => {
            let it = crate::iter::get_iter(vm, v)?;
            let mut keys = Vec::new();
            while let Some(x) = crate::iter::next(vm, &it)? {
                keys.push(hkey(vm, &x)?);
            }
            Other::Iter(keys)
        }
    })
}

/// Keys to a fresh table, as `make_new_set(iterable)` builds it.
fn table_from(other: &Other) -> SetTable {
    let mut t = SetTable::default();
    update_table(&mut t, other);
    t
}

/// `set_update_internal(so, other)`.
fn update_table(so: &mut SetTable, other: &Other) {
    match other {
        Other::Set(t, same) => {
            if !*same {
                merge(so, t);
            }
        }
        Other::Dict(keys) => {
            so.reserve_for_merge(keys.len());
            for k in keys {
                so.insert(k.clone());
            }
        }
        Other::Iter(keys) => {
            for k in keys {
                so.insert(k.clone());
            }
        }
    }
}

fn new_set(table: SetTable, frozen: bool) -> Value {
    Value::Set(Arc::new(Set { table: Mutex::new(table), frozen }))
}

// ---------------------------------------------------------------------------
// Methods shared by set and frozenset
// ---------------------------------------------------------------------------

fn set_copy(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this(&mut args, "copy", 0, 0, false)?;
    if s.frozen {
        return Ok(Value::Set(s));
    }
    let t = copy_table(&s.table.lock());
    Ok(new_set(t, false))
}

fn set_union(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this_varargs(&mut args, "union", false)?;
    let mut out = copy_table(&s.table.lock());
    for v in &args.pos {
        let other = other_operand(vm, &s, v)?;
        update_table(&mut out, &other);
    }
    Ok(new_set(out, s.frozen))
}

/// `set_intersection(so, other)` for any iterable `other`.
fn intersect_with(so: &SetTable, other: &Other) -> SetTable {
    match other {
        Other::Set(t, _) => intersection(so, t),
        Other::Dict(keys) | Other::Iter(keys) => {
            let mut out = SetTable::default();
            for k in keys {
                if so.contains(k) {
                    out.insert(k.clone());
                    if out.len() >= so.len() {
                        break;
                    }
                }
            }
            out
        }
    }
}

/// `set_intersection_multi`.
fn intersection_multi(vm: &mut Vm, s: &Arc<Set>, others: &[Value]) -> PyResult<SetTable> {
    let mut result = s.table.lock().clone();
    if others.is_empty() {
        return Ok(copy_table(&result));
    }
    let mut result_is_recv = true;
    for v in others {
        let other = other_operand(vm, s, v)?;
        result = match &other {
            // `set_intersection(so, so)` is a copy of so.
            Other::Set(t, true) if result_is_recv => copy_table(t),
            _ => intersect_with(&result, &other),
        };
        result_is_recv = false;
    }
    Ok(result)
}

fn set_intersection(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this_varargs(&mut args, "intersection", false)?;
    let out = intersection_multi(vm, &s, &args.pos)?;
    Ok(new_set(out, s.frozen))
}

/// `set_difference_update_internal(so, other)` for any operand.
fn difference_update_with(so: &mut SetTable, other: &Other) {
    match other {
        Other::Set(_, true) => so.clear(),
        Other::Set(t, false) => difference_update(so, t),
        Other::Dict(keys) | Other::Iter(keys) => {
            for k in keys {
                so.remove(k);
            }
        }
    }
}

fn set_difference(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this_varargs(&mut args, "difference", false)?;
    let base = s.table.lock().clone();
    let Some((first, rest)) = args.pos.split_first() else {
        return Ok(new_set(copy_table(&base), s.frozen));
    };
    let first = other_operand(vm, &s, first)?;
    let mut out = match &first {
        Other::Set(_, true) => SetTable::default(),
        Other::Set(t, false) => difference(&base, t),
        Other::Dict(keys) if (base.len() >> 2) <= keys.len() => {
            let mut out = SetTable::default();
            let lookup = table_from(&first);
            for k in base.keys() {
                if !lookup.contains(k) {
                    out.insert(k.clone());
                }
            }
            out
        }
        _ => {
            let mut out = copy_table(&base);
            difference_update_with(&mut out, &first);
            out
        }
    };
    for v in rest {
        let other = other_operand(vm, &s, v)?;
        difference_update_with(&mut out, &other);
    }
    Ok(new_set(out, s.frozen))
}

fn set_symmetric_difference(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this(&mut args, "symmetric_difference", 1, 1, false)?;
    let other = other_operand(vm, &s, &args.pos[0])?;
    let base = s.table.lock().clone();
    let mut out = table_from(&other);
    symmetric_difference_update(&mut out, &base);
    Ok(new_set(out, s.frozen))
}

fn is_subset(so: &SetTable, other: &SetTable) -> bool {
    so.len() <= other.len() && so.keys().all(|k| other.contains(k))
}

fn set_issubset(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this(&mut args, "issubset", 1, 1, false)?;
    let other = other_operand(vm, &s, &args.pos[0])?;
    let base = s.table.lock().clone();
    Ok(Value::bool(match &other {
        Other::Set(t, _) => is_subset(&base, t),
        _ => intersect_with(&base, &other).len() == base.len(),
    }))
}

fn set_issuperset(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this(&mut args, "issuperset", 1, 1, false)?;
    let other = other_operand(vm, &s, &args.pos[0])?;
    let base = s.table.lock().clone();
    Ok(Value::bool(match &other {
        Other::Set(t, _) => is_subset(t, &base),
        Other::Dict(keys) | Other::Iter(keys) => keys.iter().all(|k| base.contains(k)),
    }))
}

fn set_isdisjoint(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this(&mut args, "isdisjoint", 1, 1, false)?;
    let other = other_operand(vm, &s, &args.pos[0])?;
    let base = s.table.lock().clone();
    Ok(Value::bool(match &other {
        Other::Set(_, true) => base.is_empty(),
        Other::Set(t, false) => !t.keys().any(|k| base.contains(k)),
        Other::Dict(keys) | Other::Iter(keys) => !keys.iter().any(|k| base.contains(k)),
    }))
}

fn set_len(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this(&mut args, "__len__", 0, 0, false)?;
    Ok(Value::Int(s.len() as i64))
}

fn set_contains(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this(&mut args, "__contains__", 1, 1, false)?;
    let k = crate::protocol::set_probe_key(vm, &s, &args.pos[0])?;
    let found = s.table.lock().contains(&k);
    Ok(Value::bool(found))
}

fn set_iter(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this(&mut args, "__iter__", 0, 0, false)?;
    crate::iter::get_iter(vm, &Value::Set(s))
}

// ---------------------------------------------------------------------------
// Mutating methods (set only)
// ---------------------------------------------------------------------------

fn set_add(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this(&mut args, "add", 1, 1, true)?;
    let k = crate::protocol::set_key(vm, &s, &args.pos[0])?;
    s.table.lock().insert(k);
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this(&mut args, "remove", 1, 1, true)?;
    let k = crate::protocol::set_probe_key(vm, &s, &args.pos[0])?;
    if s.table.lock().remove(&k) {
        Ok(Value::None)
    } else {
        Err(key_error(args.pos[0].clone()))
    }
}

fn set_discard(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this(&mut args, "discard", 1, 1, true)?;
    let k = crate::protocol::set_probe_key(vm, &s, &args.pos[0])?;
    s.table.lock().remove(&k);
    Ok(Value::None)
}

fn set_pop(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this(&mut args, "pop", 0, 0, true)?;
    let popped = s.table.lock().pop();
    popped.ok_or_else(|| key_error(Value::str("pop from an empty set")))
}

fn set_clear(_vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this(&mut args, "clear", 0, 0, true)?;
    let old = std::mem::take(&mut *s.table.lock());
    drop(old);
    Ok(Value::None)
}

fn set_update(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this_varargs(&mut args, "update", true)?;
    for v in &args.pos {
        match v {
            Value::Set(_) | Value::Dict(_) => {
                let other = other_operand(vm, &s, v)?;
                update_table(&mut s.table.lock(), &other);
            }
            _ => {
                // Items are added as they are produced, as CPython does: an error part
                // way through leaves the earlier items in the set.
                let it = crate::iter::get_iter(vm, v)?;
                while let Some(x) = crate::iter::next(vm, &it)? {
                    let k = crate::protocol::set_key(vm, &s, &x)?;
                    s.table.lock().insert(k);
                }
            }
        }
    }
    Ok(Value::None)
}

fn set_intersection_update(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this_varargs(&mut args, "intersection_update", true)?;
    let out = intersection_multi(vm, &s, &args.pos)?;
    *s.table.lock() = out;
    Ok(Value::None)
}

fn set_difference_update(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this_varargs(&mut args, "difference_update", true)?;
    for v in &args.pos {
        let other = other_operand(vm, &s, v)?;
        difference_update_with(&mut s.table.lock(), &other);
    }
    Ok(Value::None)
}

fn set_symmetric_difference_update(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let s = this(&mut args, "symmetric_difference_update", 1, 1, true)?;
    let other = other_operand(vm, &s, &args.pos[0])?;
    let mut table = s.table.lock();
    match &other {
        Other::Set(_, true) => table.clear(),
        Other::Set(t, false) => symmetric_difference_update(&mut table, t),
        Other::Dict(keys) => {
            for k in keys {
                if !table.remove(k) {
                    table.insert(k.clone());
                }
            }
        }
        Other::Iter(_) => {
            let t = table_from(&other);
            symmetric_difference_update(&mut table, &t);
        }
    }
    Ok(Value::None)
}

// ---------------------------------------------------------------------------
// Constructors
// ---------------------------------------------------------------------------

/// `set(iterable=())` and `frozenset(iterable=())`.
pub fn set_new(vm: &mut Vm, args: Args, frozen: bool) -> PyResult<Value> {
    let name = if frozen { "frozenset" } else { "set" };
    if !args.kw.is_empty() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.pos.len() > 1 {
        return Err(type_error(format!("{name} expected at most 1 argument, got {}", args.pos.len())));
    }
    let Some(src) = args.pos.first() else {
        return Ok(new_set(SetTable::default(), frozen));
    };
    match src {
        Value::Set(s) if frozen && s.frozen => Ok(src.clone()),
        Value::Set(s) => {
            let t = copy_table(&s.table.lock());
            Ok(new_set(t, frozen))
        }
        Value::Dict(d) => {
            let keys: Vec<HKey> = d.map.lock().keys().cloned().collect();
            Ok(new_set(table_from(&Other::Dict(keys)), frozen))
        }
        _ => {
            let it = crate::iter::get_iter(vm, src)?;
            let mut t = SetTable::default();
            while let Some(x) = crate::iter::next(vm, &it)? {
                let k = crate::protocol::table_key(vm, &t, &x)?;
                t.insert(k);
            }
            Ok(new_set(t, frozen))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(v: Value) -> HKey {
        HKey::builtin(&v).expect("hashable")
    }

    fn ints(xs: &[i64]) -> Vec<HKey> {
        xs.iter().map(|&x| key(Value::Int(x))).collect()
    }

    fn order(t: &SetTable) -> Vec<i64> {
        t.keys().map(|k| if let Value::Int(i) = k.key { i } else { i64::MIN }).collect()
    }

    /// Orders printed by CPython 3.11 for constant set displays (also checked against
    /// 3,000 random displays of ints, floats and tuples).
    #[test]
    fn constant_display_order_matches_cpython() {
        let cases: &[(&[i64], &[i64])] = &[
            (&[5, 13, 21], &[21, 5, 13]),
            (&[1, 2, 3], &[1, 2, 3]),
            (&[121, 38, -45, 190, 68, 40, -7, 106], &[68, 38, 40, 106, -45, 121, -7, 190]),
            (&[8, 16, 24, 32], &[8, 16, 32, 24]),
        ];
        for (src, want) in cases {
            let set = Set::new(SetTable::default());
            merge(&mut set.table.lock(), &const_frozenset_table(ints(src)));
            assert_eq!(order(&set.table.lock()), want.to_vec(), "{src:?}");
        }
    }
}

/// `other`, with every key that a user `__eq__` makes equal to one of `recv`'s replaced
/// by that key, so that table operations between the two (which compare keys without
/// running Python) see them as equal. `other` itself when no key needs it.
pub fn resolved_against(vm: &mut Vm, recv: &Arc<Set>, other: &Arc<Set>) -> PyResult<Arc<Set>> {
    let table = other.table.lock().clone();
    if !needs_resolving(&table) {
        return Ok(other.clone());
    }
    let mut out = SetTable::default();
    for k in resolve_keys(vm, recv, table.keys().cloned().collect())? {
        out.insert(k);
    }
    Ok(Arc::new(Set { table: crate::sync::Mutex::new(out), frozen: other.frozen }))
}
