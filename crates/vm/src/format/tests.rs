//! Table-driven tests for the formatting module; every expected string was produced by CPython 3.11.

use super::*;
use num_bigint::BigInt;

mod cases;
use cases::{FLOAT, INT, PERCENT, REPR, STR};

/// A `%`-formatting argument as the VM would hand it over (`S` is already `str()`-ed).
enum Arg {
    I(&'static str),
    F(&'static str),
    S(&'static str),
    K(&'static str, &'static Arg),
}

fn big(s: &str) -> BigInt {
    s.parse().expect("test int")
}

fn float(s: &str) -> f64 {
    s.parse().expect("test float")
}

/// A tiny stand-in for the VM's `%` loop.
fn run_percent(fmt: &str, args: &[Arg]) -> Result<String, String> {
    let pieces = parse_percent(fmt)?;
    let mut next = 0;
    let mut out = String::new();
    let missing = || "not enough arguments for format string".to_string();
    for piece in pieces {
        let spec = match piece {
            PercentPiece::Literal(s) => {
                out.push_str(&s);
                continue;
            }
            PercentPiece::Spec(spec) => spec,
        };
        let mut spec = spec;
        let star = |next: &mut usize| -> Result<i64, String> {
            let Some(Arg::I(v)) = args.get(*next) else {
                return Err(missing());
            };
            *next += 1;
            Ok(v.parse().expect("star int"))
        };
        let width = match spec.width {
            None => None,
            Some(PercentNum::Fixed(w)) => Some(w),
            Some(PercentNum::Star) => {
                let w = star(&mut next)?;
                if w < 0 {
                    spec.flags.minus = true;
                }
                Some(w.unsigned_abs() as usize)
            }
        };
        let precision = match spec.precision {
            None => None,
            Some(PercentNum::Fixed(p)) => Some(p),
            Some(PercentNum::Star) => Some(star(&mut next)?.max(0) as usize),
        };
        let arg = match &spec.key {
            Some(k) => args
                .iter()
                .find_map(|a| match a {
                    Arg::K(name, v) if name == k => Some(*v),
                    _ => None,
                })
                .ok_or_else(|| format!("KeyError {k}"))?,
            None => {
                let a = args.get(next).ok_or_else(missing)?;
                next += 1;
                a
            }
        };
        let text = match (spec.conv, arg) {
            ('d' | 'i' | 'u' | 'o' | 'x' | 'X', Arg::I(v)) => percent_int(&big(v), &spec, width, precision),
            ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Arg::F(v)) => percent_float(float(v), &spec, width, precision),
            ('s' | 'r' | 'a' | 'c', Arg::S(v)) => percent_str(v, &spec, width, precision),
            _ => panic!("bad test argument for {fmt}"),
        };
        out.push_str(&text);
    }
    Ok(out)
}

fn check<T: std::fmt::Debug>(
    what: &str,
    input: T,
    spec: &str,
    got: Result<String, String>,
    want: Result<&str, &str>,
) -> usize {
    let want = want.map(str::to_string).map_err(str::to_string);
    if got != want {
        eprintln!("MISMATCH {what} {input:?} spec {spec:?}: got {got:?}, want {want:?}");
        1
    } else {
        0
    }
}

#[test]
fn float_repr_matches_cpython() {
    let mut bad = 0;
    for &(x, want) in REPR {
        bad += check("repr", x, "", Ok(float_repr(float(x))), Ok(want));
    }
    assert_eq!(bad, 0);
}

#[test]
fn format_int_matches_cpython() {
    let mut bad = 0;
    for &(v, spec, want) in INT {
        bad += check("int", v, spec, format_int(&big(v), spec), want);
    }
    assert_eq!(bad, 0);
}

#[test]
fn format_float_matches_cpython() {
    let mut bad = 0;
    for &(v, spec, want) in FLOAT {
        bad += check("float", v, spec, format_float(float(v), spec), want);
    }
    assert_eq!(bad, 0);
}

#[test]
fn format_str_matches_cpython() {
    let mut bad = 0;
    for &(v, spec, want) in STR {
        bad += check("str", v, spec, format_str(v, spec), want);
    }
    assert_eq!(bad, 0);
}

#[test]
fn percent_matches_cpython() {
    let mut bad = 0;
    for (fmt, args, want) in PERCENT {
        bad += check("percent", fmt, "", run_percent(fmt, args), *want);
    }
    assert_eq!(bad, 0);
}

#[test]
fn helpers() {
    assert_eq!(float_to_string_fixed(2.675, 2), "2.67");
    assert_eq!(float_to_string_fixed(1e22, 6), "10000000000000000000000.000000");
    assert_eq!(float_to_string_exp(15e6, 6), "1.500000e+07");
    assert_eq!(float_to_string_general(0.0001, 6), "0.0001");
    assert_eq!(bigint_to_f64(&big("9007199254740993")), Some(9007199254740992.0));
    assert_eq!(bigint_to_f64(&big("-9007199254740995")), Some(-9007199254740996.0));
    assert_eq!(bigint_to_f64(&(BigInt::from(1) << 1024u32)), None);
    assert_eq!(parse_percent("a%%b").unwrap(), vec![PercentPiece::Literal("a%b".into())]);
    let spec = parse_format_spec("*^+#012,.3f").unwrap();
    assert_eq!((spec.fill, spec.align, spec.sign, spec.alternate), ('*', Some('^'), Some('+'), true));
    assert_eq!((spec.width, spec.grouping, spec.precision, spec.ty), (Some(12), Some(','), Some(3), Some('f')));
}

/// Precisions beyond Rust's `u16::MAX` formatting limit (CPython values).
#[test]
fn huge_precisions() {
    let exact = "0.1000000000000000055511151231257827021181583404541015625";
    let s = format_float(0.1, ".2000f").unwrap();
    assert_eq!((s.len(), s.trim_end_matches('0')), (2002, exact));
    let s = format_float(5e-324, ".1100e").unwrap();
    assert!(s.starts_with("4.9406564584124654417656879286") && s.ends_with("00000e-324"));
    assert_eq!((s.len(), s.trim_end_matches("e-324").trim_end_matches('0').len()), (1107, 752));
    let s = format_float(0.1, ".70000g").unwrap();
    assert_eq!((s.len(), &s[s.len() - 5..]), (57, "15625"));
    assert_eq!(format_float(1.0, "#.70000g").unwrap().len(), 70001);
    assert_eq!(run_percent("%.70000e", &[Arg::F("2.5")]).unwrap().len(), 70006);
    assert_eq!(format_float(1.0, ".70000f").unwrap().len(), 70002);
}

/// Specs are user input: nothing may panic, whatever the bytes.
#[test]
fn no_panics_on_junk() {
    let pieces = [
        "", "0", "<", "=", "^", ">", "+", "-", " ", "z", "#", ",", "_", ".", "5", "99", "%", "é", "x", "c", "n", "s",
        "(", ")", "*",
    ];
    for a in pieces {
        for b in pieces {
            for c in pieces {
                let spec = format!("{a}{b}{c}");
                let _ = format_int(&big("-12345"), &spec);
                let _ = format_int(&big("1114112"), &spec);
                let _ = format_float(-0.0, &spec);
                let _ = format_float(f64::NAN, &spec);
                let _ = format_str("héllo", &spec);
                let _ = run_percent(&format!("%{spec}"), &[]);
                let _ = parse_percent(&spec);
            }
        }
    }
}
