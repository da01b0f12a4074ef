//! Unicode data for the `str` predicates and case mappings that Rust's standard library
//! lacks (or has from a newer Unicode version), generated from CPython 3.11's
//! `unicodedata` (Unicode 14.0) by `unicode_data/generate.py`, one file per table group.

mod alpha;
mod case_maps;
mod case_overrides;
mod case_ranges;
mod numeric;
mod printable;
mod xid_continue;
mod xid_start;

pub use alpha::ALPHA;
pub use case_maps::{CASEFOLD_MAP, TITLE_MAP};
pub use case_overrides::CASE_OVERRIDES;
pub use case_ranges::{CASE_IGNORABLE, TITLECASE};
pub use numeric::{DECIMAL, DIGIT, NUMERIC};
pub use printable::PRINTABLE;
pub use xid_continue::XID_CONTINUE;
pub use xid_start::XID_START;
