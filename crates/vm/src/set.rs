//! Python sets, laid out like CPython's open-addressing table so that iteration order
//! (and therefore `print({3, 1, 2})`) matches CPython for ints and other stable hashes.

use crate::sync::Mutex;

use crate::dict::HKey;
use crate::value::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Empty,
    Dummy,
    Full(HKey),
}

/// The table itself: CPython's `setobject.c` algorithm (linear probes, then perturbation).
#[derive(Clone)]
pub struct SetTable {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable { slots: vec![Slot::Empty; MIN_SIZE], fill: 0, used: 0 }
    }
}

impl SetTable {
    /// Whether a copy may take the slots as they are (CPython's `set_merge` shortcut):
    /// tables of the same size, and no deleted slots to drop.
    pub fn same_layout(&self, other: &SetTable) -> bool {
        self.mask() == other.mask() && other.fill == other.used
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Index of the slot holding `key`, if present.
    fn find(&self, key: &HKey) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = key.hash;
        let mut i = key.hash as usize & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                match &self.slots[i + j] {
                    Slot::Empty => return None,
                    Slot::Full(k) if k == key => return Some(i + j),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// The stored keys whose hash equals `hash`, in probe order.
    pub fn same_hash_keys(&self, hash: u64) -> Vec<HKey> {
        let mask = self.mask();
        let mut perturb = hash;
        let mut i = hash as usize & mask;
        let mut out = Vec::new();
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                match &self.slots[i + j] {
                    Slot::Empty => return out,
                    Slot::Full(k) if k.hash == hash => out.push(k.clone()),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    pub fn contains(&self, key: &HKey) -> bool {
        self.find(key).is_some()
    }

    /// Adds `key`; returns whether it was new.
    pub fn insert(&mut self, key: HKey) -> bool {
        let mask = self.mask();
        let mut perturb = key.hash;
        let mut i = key.hash as usize & mask;
        let mut freeslot = None;
        let target = 'search: loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                match &self.slots[i + j] {
                    Slot::Empty => break 'search i + j,
                    Slot::Full(k) if *k == key => return false,
                    Slot::Dummy => {
                        if freeslot.is_none() {
                            freeslot = Some(i + j);
                        }
                    }
                    Slot::Full(_) => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        };
        if let Some(free) = freeslot {
            self.slots[free] = Slot::Full(key);
            self.used += 1;
            return true;
        }
        self.slots[target] = Slot::Full(key);
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= mask * 3 {
            let minused = if self.used > 50000 { self.used * 2 } else { self.used * 4 };
            self.resize(minused);
        }
        true
    }

    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        let mask = size - 1;
        for slot in old {
            if let Slot::Full(k) = slot {
                let mut perturb = k.hash;
                let mut i = k.hash as usize & mask;
                let idx = 'clean: loop {
                    if matches!(self.slots[i], Slot::Empty) {
                        break i;
                    }
                    if i + LINEAR_PROBES <= mask {
                        for j in 1..=LINEAR_PROBES {
                            if matches!(self.slots[i + j], Slot::Empty) {
                                break 'clean i + j;
                            }
                        }
                    }
                    perturb >>= PERTURB_SHIFT;
                    i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
                };
                self.slots[idx] = Slot::Full(k);
            }
        }
    }

    /// Removes `key`; returns whether it was present.
    pub fn remove(&mut self, key: &HKey) -> bool {
        match self.find(key) {
            Some(i) => {
                self.slots[i] = Slot::Dummy;
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    /// Removes and returns an arbitrary element (CPython's `set.pop` scan order).
    pub fn pop(&mut self) -> Option<Value> {
        let i = self.slots.iter().position(|s| matches!(s, Slot::Full(_)))?;
        let slot = std::mem::replace(&mut self.slots[i], Slot::Dummy);
        self.used -= 1;
        match slot {
            Slot::Full(k) => Some(k.key),
            _ => None,
        }
    }

    pub fn clear(&mut self) {
        *self = SetTable::default();
    }

    /// Makes room before merging `extra` more items, as CPython's `set_merge` does.
    pub fn reserve_for_merge(&mut self, extra: usize) {
        if (self.fill + extra) * 5 >= self.mask() * 3 {
            self.resize((self.used + extra) * 2);
        }
    }

    /// The first key stored at slot `pos` or later, with its slot: how a set iterator
    /// walks the live table.
    pub fn next_from(&self, pos: usize) -> Option<(usize, Value)> {
        self.slots.iter().enumerate().skip(pos).find_map(|(i, s)| match s {
            Slot::Full(k) => Some((i, k.key.clone())),
            _ => None,
        })
    }

    pub fn keys(&self) -> impl Iterator<Item = &HKey> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Full(k) => Some(k),
            _ => None,
        })
    }

    pub fn values(&self) -> Vec<Value> {
        self.keys().map(|k| k.key.clone()).collect()
    }
}

pub struct Set {
    pub table: Mutex<SetTable>,
    /// `frozenset` instances are immutable and hashable.
    pub frozen: bool,
}

impl Set {
    pub fn new(table: SetTable) -> Set {
        Set { table: Mutex::new(table), frozen: false }
    }

    pub fn len(&self) -> usize {
        self.table.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn values(&self) -> Vec<Value> {
        self.table.lock().values()
    }
}
