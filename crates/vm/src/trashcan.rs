//! Freeing deeply nested containers without deep Rust recursion (CPython's "trashcan").
//!
//! Dropping a list that holds a list that holds a list ... would recurse once per level
//! in Rust and overflow the stack of a thread (threads have 16 MiB stacks). Container
//! `Drop` impls hand their contents to [`release`] instead: below a small depth it drops
//! them at once; deeper down it parks them on a per-thread list that the outermost drop
//! empties in a loop.

use std::cell::{Cell, RefCell};

use crate::value::Value;

/// How many container drops may nest before contents are deferred.
const MAX_DEPTH: u32 = 64;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static PENDING: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// Drops the contents of a container that is being freed.
pub fn release(items: impl IntoIterator<Item = Value>) {
    let depth = DEPTH.get();
    if depth >= MAX_DEPTH {
        PENDING.with_borrow_mut(|pending| pending.extend(items));
        return;
    }
    DEPTH.set(depth + 1);
    for item in items {
        drop(item);
    }
    DEPTH.set(depth);
    if depth == 0 {
        // The outermost drop frees whatever deeper levels deferred, one at a time.
        DEPTH.set(1);
        while let Some(item) = PENDING.with_borrow_mut(|pending| pending.pop()) {
            drop(item);
        }
        DEPTH.set(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_million_nested_lists_drop_on_a_small_stack() {
        let handle = std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(|| {
                let mut v = Value::None;
                for _ in 0..1_000_000 {
                    v = Value::list(vec![v]);
                }
                let mut t = Value::None;
                for _ in 0..1_000_000 {
                    t = Value::tuple(vec![t, Value::Int(1)]);
                }
                drop(v);
                drop(t);
            })
            .expect("spawn");
        assert!(handle.join().is_ok());
    }
}
