//! Locks for object state, elided while the GIL protects it.
//!
//! With the GIL on, only the thread holding the GIL runs bytecode or touches Python
//! objects (CPython's model), so per-object locks are redundant and skipped: the guard
//! hands out the data directly. With the GIL off (free-threaded mode), every object lock
//! is a real `parking_lot` lock. Debug builds always lock for real, so that a nested lock
//! of the same object (which would alias `&mut` when elided) shows up as a deadlock in
//! tests instead of going unnoticed.
//!
//! Interpreter-wide state that threads touch without the GIL (module table, output
//! buffer, scheduler state) uses `parking_lot` directly, never these types.

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, Ordering};

use parking_lot::lock_api::{RawMutex as _, RawRwLock as _};

static FREE_THREADED: AtomicBool = AtomicBool::new(false);

/// Switches object locks on for free-threaded mode; call before any thread starts.
pub fn set_free_threaded(on: bool) {
    FREE_THREADED.store(on, Ordering::Relaxed);
}

#[inline(always)]
fn must_lock() -> bool {
    cfg!(debug_assertions) || FREE_THREADED.load(Ordering::Relaxed)
}

/// A mutex for object state (see the module docs for when it really locks).
pub struct Mutex<T> {
    inner: parking_lot::Mutex<T>,
}

pub struct MutexGuard<'a, T> {
    data: &'a mut T,
    /// The raw lock to release on drop, when it was really taken.
    raw: Option<&'a parking_lot::RawMutex>,
}

impl<T> Mutex<T> {
    pub const fn new(value: T) -> Mutex<T> {
        Mutex { inner: parking_lot::Mutex::new(value) }
    }

    #[inline]
    pub fn lock(&self) -> MutexGuard<'_, T> {
        let raw = if must_lock() {
            // SAFETY: the raw lock is released exactly once, in the guard's drop.
            unsafe { self.inner.raw() }.lock();
            Some(unsafe { self.inner.raw() })
        } else {
            None
        };
        // SAFETY: either the lock is held, or the GIL is on and this thread holds it, so
        // no other thread can touch the object; nested locking of one object on one
        // thread never happens (it would deadlock with real locks, which debug builds use).
        let data = unsafe { &mut *self.inner.data_ptr() };
        MutexGuard { data, raw }
    }

    pub fn into_inner(self) -> T {
        self.inner.into_inner()
    }

    pub fn get_mut(&mut self) -> &mut T {
        self.inner.get_mut()
    }
}

impl<T: Default> Default for Mutex<T> {
    fn default() -> Self {
        Mutex::new(T::default())
    }
}

impl<T> Deref for MutexGuard<'_, T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        self.data
    }
}

impl<T> DerefMut for MutexGuard<'_, T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut T {
        self.data
    }
}

impl<T> Drop for MutexGuard<'_, T> {
    #[inline]
    fn drop(&mut self) {
        if let Some(raw) = self.raw {
            // SAFETY: taken in `Mutex::lock` by this guard.
            unsafe { raw.unlock() };
        }
    }
}

/// A reader-writer lock for object state (class namespaces, descriptors).
pub struct RwLock<T> {
    inner: parking_lot::RwLock<T>,
}

pub struct ReadGuard<'a, T> {
    data: &'a T,
    raw: Option<&'a parking_lot::RawRwLock>,
}

pub struct WriteGuard<'a, T> {
    data: &'a mut T,
    raw: Option<&'a parking_lot::RawRwLock>,
}

impl<T> RwLock<T> {
    pub const fn new(value: T) -> RwLock<T> {
        RwLock { inner: parking_lot::RwLock::new(value) }
    }

    #[inline]
    pub fn read(&self) -> ReadGuard<'_, T> {
        let raw = if must_lock() {
            // SAFETY: released once, in the guard's drop.
            unsafe { self.inner.raw() }.lock_shared();
            Some(unsafe { self.inner.raw() })
        } else {
            None
        };
        // SAFETY: as for `Mutex::lock`.
        ReadGuard { data: unsafe { &*self.inner.data_ptr() }, raw }
    }

    #[inline]
    pub fn write(&self) -> WriteGuard<'_, T> {
        let raw = if must_lock() {
            // SAFETY: released once, in the guard's drop.
            unsafe { self.inner.raw() }.lock_exclusive();
            Some(unsafe { self.inner.raw() })
        } else {
            None
        };
        // SAFETY: as for `Mutex::lock`.
        WriteGuard { data: unsafe { &mut *self.inner.data_ptr() }, raw }
    }
}

impl<T> Deref for ReadGuard<'_, T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        self.data
    }
}

impl<T> Drop for ReadGuard<'_, T> {
    #[inline]
    fn drop(&mut self) {
        if let Some(raw) = self.raw {
            // SAFETY: taken shared in `RwLock::read` by this guard.
            unsafe { raw.unlock_shared() };
        }
    }
}

impl<T> Deref for WriteGuard<'_, T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        self.data
    }
}

impl<T> DerefMut for WriteGuard<'_, T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut T {
        self.data
    }
}

impl<T> Drop for WriteGuard<'_, T> {
    #[inline]
    fn drop(&mut self) {
        if let Some(raw) = self.raw {
            // SAFETY: taken exclusively in `RwLock::write` by this guard.
            unsafe { raw.unlock_exclusive() };
        }
    }
}
