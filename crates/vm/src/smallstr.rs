//! The text of a Python `str`: stored inline when short, so that building one from a
//! slice (a `split` piece, a one-word result) costs one allocation (the `Arc`) instead
//! of two.

/// Bytes that fit inline: with the length byte and the tag, the same 24 bytes as a
/// `String`.
const INLINE: usize = 22;

pub enum SmallStr {
    Inline { len: u8, buf: [u8; INLINE] },
    Heap(String),
}

impl SmallStr {
    /// Copies `s`, inline when it fits.
    pub fn from_str(s: &str) -> SmallStr {
        if s.len() <= INLINE {
            let mut buf = [0; INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            SmallStr::Inline { len: s.len() as u8, buf }
        } else {
            SmallStr::Heap(s.to_owned())
        }
    }

    /// Takes over `s`'s buffer (no copy).
    pub fn from_string(s: String) -> SmallStr {
        SmallStr::Heap(s)
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            // SAFETY: `buf[..len]` only ever holds bytes copied from `&str`s, joined at
            // their boundaries, so it is valid UTF-8.
            SmallStr::Inline { len, buf } => unsafe { std::str::from_utf8_unchecked(&buf[..*len as usize]) },
            SmallStr::Heap(s) => s,
        }
    }

    pub fn push_str(&mut self, other: &str) {
        match self {
            SmallStr::Inline { len, buf } => {
                let (old, new) = (*len as usize, *len as usize + other.len());
                if new <= INLINE {
                    buf[old..new].copy_from_slice(other.as_bytes());
                    *len = new as u8;
                } else {
                    // Room to grow: `+=` in a loop keeps appending.
                    let mut s = String::with_capacity(new.max(2 * INLINE));
                    s.push_str(self.as_str());
                    s.push_str(other);
                    *self = SmallStr::Heap(s);
                }
            }
            SmallStr::Heap(s) => s.push_str(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SmallStr;

    #[test]
    fn inline_heap_and_growth() {
        let short = SmallStr::from_str("héllo");
        assert!(matches!(short, SmallStr::Inline { .. }));
        assert_eq!(short.as_str(), "héllo");
        let exact = "x".repeat(22);
        assert!(matches!(SmallStr::from_str(&exact), SmallStr::Inline { .. }));
        let long = SmallStr::from_str(&"y".repeat(23));
        assert!(matches!(long, SmallStr::Heap(_)));

        let mut s = SmallStr::from_str("ab");
        s.push_str("cd");
        assert!(matches!(s, SmallStr::Inline { .. }));
        s.push_str(&"é".repeat(20));
        assert!(matches!(s, SmallStr::Heap(_)));
        assert_eq!(s.as_str(), format!("abcd{}", "é".repeat(20)));
        assert_eq!(SmallStr::from_str("").as_str(), "");
    }
}
