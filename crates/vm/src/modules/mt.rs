//! Mersenne Twister (MT19937) reproducing CPython 3.11's `random` module bit-for-bit.
//!
//! Mirrors `Modules/_randommodule.c` (state, seeding, `random()`, `getrandbits()`)
//! and the pure-Python parts of `Lib/random.py` (`_randbelow_with_getrandbits`,
//! `randrange`, `randint`, `uniform`, `choice`, `shuffle`, `sample`, `gauss`,
//! `normalvariate`, str/bytes seeding via SHA-512). Self-contained: only
//! `std`, `num-bigint` and `num-traits` are used, and no function panics.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// MT19937 generator state plus `Random.gauss_next`.
#[derive(Clone)]
pub struct Mt19937 {
    mt: [u32; N],
    mti: usize,
    /// Cached second normal deviate of `gauss()` (CPython's `self.gauss_next`).
    gauss_next: Option<f64>,
}

impl std::fmt::Debug for Mt19937 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mt19937").field("mti", &self.mti).field("gauss_next", &self.gauss_next).finish_non_exhaustive()
    }
}

impl Mt19937 {
    fn init_genrand(s: u32) -> Mt19937 {
        let mut mt = [0u32; N];
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1_812_433_253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        Mt19937 { mt, mti: N, gauss_next: None }
    }

    /// CPython's `init_by_array`. An empty key is treated as `[0]`.
    pub fn from_key(key: &[u32]) -> Mt19937 {
        let zero = [0u32];
        let key: &[u32] = if key.is_empty() { &zero } else { key };
        let mut g = Mt19937::init_genrand(19_650_218);
        let mt = &mut g.mt;
        let mut i = 1usize;
        let mut j = 0usize;
        let mut k = N.max(key.len());
        while k > 0 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        mt[0] = 0x8000_0000;
        g
    }

    /// `random.seed(n)` for an int `n` (also bool): `init_by_array` over the
    /// 32-bit little-endian words of `abs(n)` (key `[0]` for 0).
    pub fn from_int_seed(n: &BigInt) -> Mt19937 {
        Mt19937::from_key(&n.magnitude().to_u32_digits())
    }

    /// `random.seed(x)` for a non-int hashable `x` such as a float: CPython
    /// seeds with `(size_t)hash(x)`, i.e. the hash reinterpreted as unsigned 64-bit.
    pub fn from_hash_seed(hash: i64) -> Mt19937 {
        let h = hash as u64;
        Mt19937::from_int_seed(&BigInt::from(h))
    }

    /// `random.seed(b)` for bytes/bytearray (version 2):
    /// `int.from_bytes(b + sha512(b).digest(), 'big')`.
    pub fn from_bytes_seed(b: &[u8]) -> Mt19937 {
        let mut buf = Vec::with_capacity(b.len() + 64);
        buf.extend_from_slice(b);
        buf.extend_from_slice(&sha512(b));
        let n = BigUint::from_bytes_be(&buf);
        Mt19937::from_key(&n.to_u32_digits())
    }

    /// `random.seed(s)` for a str (version 2): seeds from the UTF-8 bytes.
    pub fn from_str_seed(s: &str) -> Mt19937 {
        Mt19937::from_bytes_seed(s.as_bytes())
    }

    /// Seeded from the OS/time when no seed is given (not reproducible).
    pub fn from_entropy() -> Mt19937 {
        use std::collections::hash_map::RandomState;
        use std::hash::{BuildHasher, Hasher};
        use std::sync::atomic::{AtomicU64, Ordering};
        use std::time::{SystemTime, UNIX_EPOCH};
        static COUNTER: AtomicU64 = AtomicU64::new(0);

        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let pid = std::process::id() as u64;
        let local = 0u8;
        let addr = &local as *const u8 as usize as u64;
        let count = COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut key: Vec<u32> = Vec::with_capacity(24);
        for v in [nanos as u64, (nanos >> 64) as u64, pid, addr, count] {
            key.push(v as u32);
            key.push((v >> 32) as u32);
        }
        // RandomState keys come from the OS random source.
        for i in 0..6u64 {
            let mut h = RandomState::new().build_hasher();
            h.write_u64(i);
            h.write_u64(count);
            h.write_u128(nanos);
            let v = h.finish();
            key.push(v as u32);
            key.push((v >> 32) as u32);
        }
        Mt19937::from_key(&key)
    }

    fn generate(&mut self) {
        let mt = &mut self.mt;
        let mag01 = |y: u32| if y & 1 != 0 { MATRIX_A } else { 0 };
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01(y);
        self.mti = 0;
    }

    /// One tempered 32-bit output (`genrand_uint32`).
    pub fn genrand_u32(&mut self) -> u32 {
        if self.mti >= N {
            self.generate();
        }
        let mut y = self.mt[self.mti];
        self.mti += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// `random.random()`: 53-bit float in [0, 1).
    pub fn random(&mut self) -> f64 {
        let a = (self.genrand_u32() >> 5) as f64;
        let b = (self.genrand_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `random.getrandbits(k)` for any `k >= 0` (k == 0 gives 0 without
    /// consuming state). Words are produced least-significant first; the last
    /// (most significant) word keeps only its top `k % 32` bits.
    pub fn getrandbits(&mut self, k: u64) -> BigUint {
        if k == 0 {
            return BigUint::zero();
        }
        if k <= 32 {
            return BigUint::from(self.genrand_u32() >> (32 - k));
        }
        let words = ((k - 1) / 32 + 1) as usize;
        let mut digits = Vec::with_capacity(words);
        let mut rem = k;
        for _ in 0..words {
            let mut r = self.genrand_u32();
            if rem < 32 {
                r >>= 32 - rem;
            }
            digits.push(r);
            rem = rem.saturating_sub(32);
        }
        BigUint::new(digits)
    }

    /// `getrandbits(k)` for `k <= 64`, as a u64 (same state consumption).
    fn getrandbits_u64(&mut self, k: u32) -> u64 {
        if k == 0 {
            0
        } else if k <= 32 {
            (self.genrand_u32() >> (32 - k)) as u64
        } else {
            let lo = self.genrand_u32() as u64;
            let hi = (self.genrand_u32() >> (64 - k)) as u64;
            lo | (hi << 32)
        }
    }

    /// `Lib/random.py`'s `_randbelow_with_getrandbits(n)`. CPython requires
    /// `n >= 1`; for `n == 0` this returns 0 without consuming state.
    pub fn randbelow(&mut self, n: &BigUint) -> BigUint {
        if n.is_zero() {
            return BigUint::zero();
        }
        if let Some(small) = n.to_u64() {
            return BigUint::from(self.randbelow_u64(small));
        }
        let k = n.bits();
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }

    /// Fast path of [`Mt19937::randbelow`] for `n` fitting in u64 (identical
    /// results). `n == 0` returns 0 without consuming state.
    pub fn randbelow_u64(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    fn randbelow_usize(&mut self, n: usize) -> usize {
        self.randbelow_u64(n as u64) as usize
    }

    fn randbelow_bigint(&mut self, n: &BigInt) -> BigInt {
        // Only called with n > 0.
        BigInt::from_biguint(Sign::Plus, self.randbelow(n.magnitude()))
    }

    /// `random.randrange(start, stop, step)`. Errors are CPython's messages:
    /// all are `ValueError` except `"Missing a non-None stop argument"`
    /// (returned when `stop` is `None` and `step != 1`), which is a `TypeError`.
    /// For `randrange(n)` pass `start = n`, `stop = None`, `step = 1`.
    pub fn randrange(&mut self, start: &BigInt, stop: Option<&BigInt>, step: &BigInt) -> Result<BigInt, String> {
        let stop = match stop {
            None => {
                if !step.is_one() {
                    return Err("Missing a non-None stop argument".to_string());
                }
                if start.is_positive() {
                    return Ok(self.randbelow_bigint(start));
                }
                return Err("empty range for randrange()".to_string());
            }
            Some(s) => s,
        };
        let width = stop - start;
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + self.randbelow_bigint(&width));
            }
            return Err(format!("empty range for randrange() ({}, {}, {})", start, stop, width));
        }
        let n = if step.is_positive() {
            num_integer::Integer::div_floor(&(&width + step - 1), step)
        } else if step.is_negative() {
            num_integer::Integer::div_floor(&(&width + step + 1), step)
        } else {
            return Err("zero step for randrange()".to_string());
        };
        if !n.is_positive() {
            return Err("empty range for randrange()".to_string());
        }
        Ok(start + step * self.randbelow_bigint(&n))
    }

    /// `random.randint(a, b)` == `randrange(a, b + 1)`.
    pub fn randint(&mut self, a: &BigInt, b: &BigInt) -> Result<BigInt, String> {
        let stop = b + 1;
        self.randrange(a, Some(&stop), &BigInt::one())
    }

    /// `random.uniform(a, b)` = `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// Index for `random.choice(seq)` with `len(seq) == len`. CPython raises
    /// `IndexError('Cannot choose from an empty sequence')` for len 0 before
    /// consuming state; here len 0 returns 0 without consuming state.
    pub fn choice_index(&mut self, len: usize) -> usize {
        self.randbelow_usize(len)
    }

    /// Swap sequence for `random.shuffle(x)` with `len(x) == len`: apply
    /// `x.swap(i, j)` for each returned `(i, j)` in order.
    pub fn shuffle_swaps(&mut self, len: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::with_capacity(len.saturating_sub(1));
        for i in (1..len).rev() {
            let j = self.randbelow_usize(i + 1);
            out.push((i, j));
        }
        out
    }

    /// Indices into the population for `random.sample(population, k)` with
    /// `len(population) == n`, in selection order (both the pool-based and the
    /// set-based branches of `Lib/random.py`). Error text is CPython's ValueError.
    pub fn sample_indices(&mut self, n: usize, k: usize) -> Result<Vec<usize>, String> {
        if k > n {
            return Err("Sample larger than population or is negative".to_string());
        }
        let mut setsize: u128 = 21;
        if k > 5 {
            // 4 ** _ceil(_log(k * 3, 4)); math.log(x, b) == log(x) / log(b).
            let x = (k as u128 * 3) as f64;
            let e = (x.ln() / 4.0f64.ln()).ceil();
            let e = if e.is_finite() && e > 0.0 { e as u32 } else { 0 };
            setsize = setsize.saturating_add(4u128.checked_pow(e).unwrap_or(u128::MAX));
        }
        let mut result = Vec::with_capacity(k);
        if (n as u128) <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow_usize(n - i);
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow_usize(n);
                while selected.contains(&j) {
                    j = self.randbelow_usize(n);
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `random.gauss(mu, sigma)` (uses and updates the cached `gauss_next`).
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * std::f64::consts::TAU;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `random.normalvariate(mu, sigma)` (Kinderman-Monahan).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        let nv_magicconst = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = nv_magicconst * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }
}

/// SHA-512 digest (FIPS 180-4).
fn sha512(data: &[u8]) -> [u8; 64] {
    #[rustfmt::skip]
    const K: [u64; 80] = [
        0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
        0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
        0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
        0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
        0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
        0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
        0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
        0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
        0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
        0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
        0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
        0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
        0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
        0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
        0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
        0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
        0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
        0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
    ];
    #[rustfmt::skip]
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ];
    // Padding: 0x80, zeros, then the 128-bit big-endian bit length.
    let mut msg = Vec::with_capacity(data.len() + 256);
    msg.extend_from_slice(data);
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    let bit_len = (data.len() as u128).wrapping_mul(8);
    msg.extend_from_slice(&bit_len.to_be_bytes());

    let mut w = [0u64; 80];
    for block in msg.chunks_exact(128) {
        for (t, chunk) in block.chunks_exact(8).enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            w[t] = u64::from_be_bytes(b);
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16].wrapping_add(s0).wrapping_add(w[t - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for t in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K[t]).wrapping_add(w[t]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (hv, v) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *hv = hv.wrapping_add(v);
        }
    }
    let mut out = [0u8; 64];
    for (i, v) in h.iter().enumerate() {
        out[i * 8..i * 8 + 8].copy_from_slice(&v.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    enum Seed {
        Int(&'static str),
        Str(&'static str),
    }

    struct Expected {
        seed: Seed,
        random5: [f64; 5],
        randint100: [i64; 10],
        big: [&'static str; 3],
        choice7: [usize; 10],
        shuffle10: [usize; 10],
        uniform: [f64; 3],
        bits: [&'static str; 5],
        randrange7: [i64; 5],
        sample5: [usize; 5],
        sample8: [usize; 8],
        gauss: [f64; 3],
        normal: [f64; 2],
    }

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    fn same(a: f64, b: f64) {
        assert_eq!(a.to_bits(), b.to_bits(), "{a:?} != {b:?}");
    }

    const EXPECTED: &[Expected] = &[
        Expected {
            seed: Seed::Int("42"),
            random5: [
                0.6394267984578837,
                0.025010755222666936,
                0.27502931836911926,
                0.22321073814882275,
                0.7364712141640124,
            ],
            randint100: [87, 95, 70, 12, 76, 55, 5, 4, 12, 28],
            big: ["47696837769247781517542795800", "849010543332298701246886166950", "270922272049612593197979666572"],
            choice7: [3, 4, 2, 6, 6, 0, 6, 6, 1, 5],
            shuffle10: [7, 8, 3, 0, 2, 9, 1, 4, 5, 6],
            uniform: [1.596716376833464, 2.3474943663474597, 2.1037260313668913],
            bits: ["1", "93309105", "3134174160", "6268182118", "548440742519737271763133045624"],
            randrange7: [7, 56, 28, 91, 70],
            sample5: [79, 46, 73, 24, 90],
            sample8: [1, 0, 3, 6, 2, 8, 9, 4],
            gauss: [-0.8018367090285591, 0.751778956592147, 0.30044048211937574],
            normal: [-0.2583545590830356, 5.2822796475136125],
        },
        Expected {
            seed: Seed::Int("0"),
            random5: [
                0.8444218515250481,
                0.7579544029403025,
                0.420571580830845,
                0.25891675029296335,
                0.5112747213686085,
            ],
            randint100: [52, 39, 62, 46, 75, 28, 65, 18, 37, 18],
            big: ["999730189579921977270651871865", "705902824217019030989810249463", "777245485684885083739381027893"],
            choice7: [1, 2, 0, 5, 0, 6, 5, 2, 3, 4],
            shuffle10: [0, 7, 8, 3, 9, 4, 2, 6, 5, 1],
            uniform: [1.5622795880215452, 2.418464895700658, 2.4159944803568845],
            bits: ["0", "1545554038", "3608164305", "6007901361", "845218175218102941966045612620"],
            randrange7: [0, 63, 49, 91, 91],
            sample5: [42, 31, 93, 41, 90],
            sample8: [1, 3, 8, 9, 6, 4, 7, 0],
            gauss: [0.7685090969541892, 0.42529911585764635, -2.321149973492559],
            normal: [-2.4837742457736285, 4.349053485110295],
        },
        Expected {
            seed: Seed::Int("12345678901234567890"),
            random5: [
                0.5120180983871961,
                0.9318805526703359,
                0.6423121128048344,
                0.8522436047096272,
                0.35402963702233636,
            ],
            randint100: [30, 74, 62, 47, 17, 10, 23, 70, 8, 96],
            big: ["634256643475406766569239706407", "988435836399721345327171246752", "914175256336987434040150653902"],
            choice7: [0, 0, 4, 6, 3, 6, 1, 1, 4, 1],
            shuffle10: [8, 5, 7, 0, 3, 6, 2, 1, 4, 9],
            uniform: [1.8154202466405613, 1.7122506505132495, 1.7185025615582126],
            bits: ["0", "1069747846", "241186038", "1898796395", "741101888998530862772188920140"],
            randrange7: [35, 56, 21, 28, 63],
            sample5: [29, 84, 81, 11, 85],
            sample8: [2, 4, 5, 1, 3, 8, 6, 7],
            gauss: [-1.63098678204949, -2.0597222436388622, 0.5918789496832192],
            normal: [-2.2137414906389337, 8.975926205345687],
        },
        Expected {
            seed: Seed::Int("-7"),
            random5: [
                0.32383276483316237,
                0.15084917392450192,
                0.6509344730398537,
                0.07243628666754276,
                0.5358820043066892,
            ],
            randint100: [47, 75, 8, 65, 28, 5, 12, 56, 54, 9],
            big: ["519027436471344883566550718244", "124028019910958902664300191158", "842244957756412904334080872541"],
            choice7: [4, 0, 4, 4, 3, 0, 1, 0, 4, 6],
            shuffle10: [7, 5, 3, 9, 0, 8, 1, 6, 4, 2],
            uniform: [1.6030557124435914, 2.071204391411792, 1.6878710267871435],
            bits: ["0", "1176272276", "3058492450", "4564643895", "570914868260565052558237894068"],
            randrange7: [70, 56, 42, 84, 35],
            sample5: [59, 74, 58, 46, 38],
            sample8: [3, 2, 9, 0, 4, 8, 7, 1],
            gauss: [-0.10613916862568372, -0.8172603024370143, 0.49739001119925413],
            normal: [0.2648878705810702, -1.5048165545847927],
        },
        Expected {
            seed: Seed::Str("hello"),
            random5: [
                0.3537754404730722,
                0.6631985810268619,
                0.5476053663383964,
                0.1308558535179697,
                0.051086691965999353,
            ],
            randint100: [48, 86, 83, 21, 22, 7, 33, 26, 69, 49],
            big: ["170112614455570227405173621842", "13973009545143759328838579148", "340233932783995892011093993156"],
            choice7: [1, 4, 0, 3, 4, 6, 1, 4, 3, 6],
            shuffle10: [7, 5, 0, 4, 6, 8, 3, 2, 1, 9],
            uniform: [1.8836979685104867, 1.9236234424098346, 1.8978508970661296],
            bits: ["0", "1817820593", "4065323195", "5978632994", "1203092842859567677098569814930"],
            randrange7: [14, 84, 21, 35, 56],
            sample5: [94, 80, 59, 10, 84],
            sample8: [1, 2, 5, 7, 4, 6, 0, 3],
            gauss: [-0.11059552876738282, 1.443691828990652, -1.903190778378916],
            normal: [1.58061663302939, 3.0851528244539512],
        },
    ];
    const SHA: &[(&[u8], &str)] = &[
        (&[], "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"),
        (&[97, 98, 99], "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
        (&[104, 101, 108, 108, 111], "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043"),
        (&[97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97], "fa9121c7b32b9e01733d034cfc78cbf67f926c7ed83e82200ef86818196921760b4beff48404df811b953828274461673c68d04e297b0eb7b2b4d60fc6b566a2"),
        (&[97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97], "c01d080efd492776a1c43bd23dd99d0a2e626d481e16782e75d54c2503b5dc32bd05f0f1ba33e568b88fd2d970929b719ecbb152f58f130a407c8830604b70ca"),
        (&[97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97], "828613968b501dc00a97e08c73b118aa8876c26b8aac93df128502ab360f91bab50a51e088769a5c1eff4782ace147dce3642554199876374291f5d921629502"),
        (&[97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97], "b73d1929aa615934e61a871596b3f3b33359f42b8175602e89f7e06e5f658a243667807ed300314b95cacdd579f3e33abdfbe351909519a846d465c59582f321"),
        (&[97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97], "4f681e0bd53cda4b5a2041cc8a06f2eabde44fb16c951fbd5b87702f07aeab611565b19c47fde30587177ebb852e3971bbd8d3fd30da18d71037dfbd98420429"),
        (&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255], "f1721f49518ee462a3d81def26d81037cd474b4254b85ad7c8f1509594d0177bbb996ee9625813852bacac108c2a72c83a8587050fec1dcda64730d6470953e6"),
        (&[104, 195, 169, 108, 108, 111, 32, 226, 156, 147], "5a8dbb6169e8fd30480c55d8b9f6e77d7bf79e4930c77ffcdec87eede5e5fa7faa79deba6a3fdf6532681ac3b079f29e7270cf11bd45bf143be032c4518d1496"),
    ];
    const HASH_SEEDS: &[(f64, i64, [f64; 3])] = &[
        (3.5, 1152921504606846979, [0.3039190124834461, 0.23014450764056538, 0.9120431245165537]),
        (-1.5, -1152921504606846977, [0.7101153317194698, 0.0007908885101512997, 0.9725187281079903]),
        (1e+300, 1224995262755759164, [0.2614143642581235, 0.06776358709700359, 0.4166947242189203]),
        (0.1, 230584300921369408, [0.8062579873336703, 0.13830284746959753, 0.4314881163611446]),
    ];
    const STR_SEEDS: &[(&str, [f64; 2])] = &[
        ("", [0.9602256525641875, 0.595411957851699]),
        ("a", [0.2720295377534757, 0.06733663088629693]),
        ("héllo ✓", [0.5592754137226804, 0.16962911506618839]),
        ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", [0.22742392778346976, 0.029232725307174356]),
    ];
    const SAMPLES: &[(u64, usize, usize, &[usize])] = &[
        (
            1,
            1000,
            20,
            &[137, 582, 867, 821, 782, 64, 261, 120, 507, 779, 460, 483, 667, 388, 807, 214, 96, 499, 29, 914],
        ),
        (
            2,
            60,
            30,
            &[
                55, 54, 3, 5, 56, 23, 53, 10, 47, 42, 19, 16, 38, 13, 51, 2, 37, 52, 27, 40, 25, 32, 58, 34, 28, 45,
                17, 44, 1, 11,
            ],
        ),
        (3, 50, 6, &[15, 37, 34, 8, 23, 38]),
        (4, 30, 6, &[7, 9, 3, 23, 12, 15]),
        (
            5,
            200,
            100,
            &[
                159, 65, 189, 91, 176, 197, 166, 135, 7, 119, 63, 193, 13, 40, 28, 95, 120, 194, 97, 139, 26, 146, 182,
                3, 55, 104, 71, 46, 99, 186, 18, 35, 158, 167, 113, 32, 33, 0, 1, 53, 175, 42, 188, 74, 80, 50, 138,
                52, 172, 154, 98, 76, 5, 92, 106, 157, 37, 67, 16, 84, 77, 162, 86, 141, 79, 90, 78, 123, 155, 47, 132,
                183, 45, 191, 164, 124, 128, 2, 121, 184, 127, 108, 51, 122, 70, 100, 160, 151, 48, 156, 107, 161, 57,
                147, 134, 23, 192, 25, 15, 96,
            ],
        ),
        (6, 5, 5, &[4, 0, 1, 2, 3]),
        (7, 3, 0, &[]),
        (8, 100000, 7, &[29714, 48550, 49200, 16558, 25312, 92381, 5738]),
        (9, 1099511627776, 4, &[585718914800, 408616915370, 743056980560, 1020066681734]),
    ];
    const RANDRANGE: &[(u64, &str, Option<&str>, &str, &str)] = &[
        (0, "5", None, "1", "ok:3"),
        (1, "0", None, "1", "err:empty range for randrange()"),
        (2, "-3", None, "1", "err:empty range for randrange()"),
        (3, "5", Some("5"), "1", "err:empty range for randrange() (5, 5, 0)"),
        (4, "5", Some("3"), "1", "err:empty range for randrange() (5, 3, -2)"),
        (5, "0", Some("10"), "0", "err:zero step for randrange()"),
        (6, "0", Some("10"), "-1", "err:empty range for randrange()"),
        (7, "10", Some("0"), "-3", "ok:4"),
        (8, "-10", Some("10000000000000000000000000"), "3", "ok:2801550907143829320147770"),
        (
            9,
            "10000000000000000000000000000000000000000",
            Some("-10000000000000000000000000000000000000000"),
            "-100000000000000000000",
            "ok:-354554484805387223800000000000000000000",
        ),
        (10, "3", None, "2", "err:Missing a non-None stop argument"),
        (11, "0", Some("1"), "1", "ok:0"),
        (12, "7", Some("8"), "5", "ok:7"),
    ];

    #[test]
    fn matches_cpython_streams() {
        for e in EXPECTED {
            let mut r = match e.seed {
                Seed::Int(s) => Mt19937::from_int_seed(&big(s)),
                Seed::Str(s) => Mt19937::from_str_seed(s),
            };
            for &x in &e.random5 {
                same(r.random(), x);
            }
            for &x in &e.randint100 {
                assert_eq!(r.randint(&big("1"), &big("100")).unwrap(), BigInt::from(x));
            }
            let hi = num_traits::pow(BigInt::from(10), 30);
            for &x in &e.big {
                assert_eq!(r.randint(&BigInt::zero(), &hi).unwrap(), big(x));
            }
            for &x in &e.choice7 {
                assert_eq!(r.choice_index(7), x);
            }
            let mut v: Vec<usize> = (0..10).collect();
            for (i, j) in r.shuffle_swaps(10) {
                v.swap(i, j);
            }
            assert_eq!(v, e.shuffle10);
            for &x in &e.uniform {
                same(r.uniform(1.5, 2.5), x);
            }
            for (k, x) in [1u64, 31, 32, 33, 100].iter().zip(e.bits.iter()) {
                assert_eq!(r.getrandbits(*k), x.parse::<BigUint>().unwrap());
            }
            for &x in &e.randrange7 {
                let got = r.randrange(&BigInt::zero(), Some(&big("100")), &big("7"));
                assert_eq!(got.unwrap(), BigInt::from(x));
            }
            assert_eq!(r.sample_indices(100, 5).unwrap(), e.sample5);
            assert_eq!(r.sample_indices(10, 8).unwrap(), e.sample8);
            for &x in &e.gauss {
                same(r.gauss(0.0, 1.0), x);
            }
            for &x in &e.normal {
                same(r.normalvariate(2.0, 3.0), x);
            }
        }
    }

    #[test]
    fn sha512_matches_hashlib() {
        for (input, hex) in SHA {
            let d = sha512(input);
            let got: String = d.iter().map(|b| format!("{b:02x}")).collect();
            assert_eq!(&got, hex);
        }
    }

    #[test]
    fn hash_and_str_seeds() {
        for (f, h, xs) in HASH_SEEDS {
            let _ = f;
            let mut r = Mt19937::from_hash_seed(*h);
            for &x in xs {
                same(r.random(), x);
            }
        }
        for (s, xs) in STR_SEEDS {
            let mut r = Mt19937::from_str_seed(s);
            for &x in xs {
                same(r.random(), x);
            }
        }
    }

    #[test]
    fn samples() {
        for (seed, n, k, want) in SAMPLES {
            let mut r = Mt19937::from_int_seed(&BigInt::from(*seed));
            assert_eq!(r.sample_indices(*n, *k).unwrap(), *want);
        }
        let mut r = Mt19937::from_int_seed(&BigInt::from(1));
        assert_eq!(r.sample_indices(3, 4).unwrap_err(), "Sample larger than population or is negative");
    }

    #[test]
    fn randrange_cases() {
        for (seed, a, b, c, want) in RANDRANGE {
            let mut r = Mt19937::from_int_seed(&BigInt::from(*seed));
            let stop = b.map(big);
            let got = match r.randrange(&big(a), stop.as_ref(), &big(c)) {
                Ok(v) => format!("ok:{v}"),
                Err(m) => format!("err:{m}"),
            };
            assert_eq!(&got, want, "case {seed}");
        }
    }

    #[test]
    fn randbelow_paths_agree() {
        let ns: [u64; 10] = [1, 2, 3, 7, 1 << 31, (1 << 32) - 1, 1 << 32, (1 << 32) + 5, u64::MAX, 1 << 63];
        for &n in &ns {
            let mut a = Mt19937::from_int_seed(&BigInt::from(n));
            let mut b = a.clone();
            for _ in 0..50 {
                let x = a.randbelow_u64(n);
                // Force the generic BigUint word-by-word path.
                let k = BigUint::from(n).bits();
                let y = loop {
                    let r = b.getrandbits(k);
                    if r < BigUint::from(n) {
                        break r;
                    }
                };
                assert_eq!(BigUint::from(x), y);
            }
        }
        let mut r = Mt19937::from_int_seed(&BigInt::zero());
        assert_eq!(r.randbelow_u64(0), 0);
        assert_eq!(r.randbelow(&BigUint::zero()), BigUint::zero());
        assert_eq!(r.getrandbits(0), BigUint::zero());
        assert_eq!(r.choice_index(0), 0);
        assert!(r.shuffle_swaps(0).is_empty());
        assert!(r.shuffle_swaps(1).is_empty());
    }

    #[test]
    fn entropy_differs() {
        let mut a = Mt19937::from_entropy();
        let mut b = Mt19937::from_entropy();
        let x: Vec<u32> = (0..4).map(|_| a.genrand_u32()).collect();
        let y: Vec<u32> = (0..4).map(|_| b.genrand_u32()).collect();
        assert_ne!(x, y);
    }
}
