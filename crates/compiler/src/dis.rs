//! `gilvm dis`: a disassembler whose layout follows `python3 -m dis`.

use std::fmt::Write;

use crate::bytecode::{CodeObject, Constant, Instr};

/// Disassembles a code object and, after it, every code object nested in it.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out, true);
    out
}

fn disassemble_into(code: &CodeObject, out: &mut String, top: bool) {
    if !top {
        let _ = writeln!(
            out,
            "\nDisassembly of <code object {}, file \"{}\", line {}>:",
            code.name, code.filename, code.first_line
        );
    }
    let max_line = code.lines.iter().copied().max().unwrap_or(0);
    let line_width = max_line.to_string().len().max(3);
    let targets: Vec<u32> = code.instrs.iter().filter_map(|i| i.jump_target()).collect();
    let mut last_line = None;
    for (idx, instr) in code.instrs.iter().enumerate() {
        let line = code.lines[idx];
        let mut fields: Vec<String> = Vec::new();
        if last_line != Some(line) {
            if last_line.is_some() {
                out.push('\n');
            }
            fields.push(format!("{line:>line_width$}"));
            last_line = Some(line);
        } else {
            fields.push(" ".repeat(line_width));
        }
        fields.push("   ".into());
        fields.push(if targets.contains(&(idx as u32)) { ">>".into() } else { "  ".into() });
        fields.push(format!("{:>4}", idx * 2));
        fields.push(format!("{:<20}", instr.name()));
        if let Some((arg, repr)) = argument(code, *instr) {
            fields.push(format!("{arg:>5}"));
            if !repr.is_empty() {
                fields.push(format!("({repr})"));
            }
        }
        let _ = writeln!(out, "{}", fields.join(" ").trim_end());
    }
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            disassemble_into(inner, out, false);
        }
    }
}

/// The numeric argument and its interpretation, as `dis` shows them.
fn argument(code: &CodeObject, instr: Instr) -> Option<(u32, String)> {
    use Instr::*;
    let name = |i: u32| code.names.get(i as usize).map(|s| s.to_string()).unwrap_or_default();
    let var = |i: u32| code.varnames.get(i as usize).map(|s| s.to_string()).unwrap_or_default();
    Some(match instr {
        LoadConst(i) => (i, code.consts.get(i as usize).map(constant_repr).unwrap_or_default()),
        LoadFast(i) | StoreFast(i) | DeleteFast(i) => (i, var(i)),
        LoadGlobal(i) | StoreGlobal(i) | DeleteGlobal(i) | LoadName(i) | StoreName(i) | DeleteName(i) | LoadAttr(i)
        | StoreAttr(i) | DeleteAttr(i) | LoadMethod(i) | ImportName(i) | ImportFrom(i) => (i, name(i)),
        LoadDeref(i) | StoreDeref(i) | DeleteDeref(i) | LoadClassDeref(i) | LoadClosure(i) => {
            (i, code.deref_name(i).to_string())
        }
        BinaryOp(op) => (op as u32, op.symbol().to_string()),
        InplaceOp(op) => (op as u32, format!("{}=", op.symbol())),
        CompareOp(op) => (op as u32, op.symbol().to_string()),
        CompareJumpIfFalse(op, t) | CompareJumpIfTrue(op, t) => (t * 2, format!("{} to {}", op.symbol(), t * 2)),
        Jump(t) | JumpBackward(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t)
        | ForIter(t) | SetupFinally(t) | Send(t) => (t * 2, format!("to {}", t * 2)),
        FormatValue(flags) => {
            let conv = ["", "str", "repr", "ascii"][(flags & 3) as usize];
            let spec = if flags & 4 != 0 { "with format" } else { "" };
            let repr = [conv, spec].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(", ");
            (flags, repr)
        }
        Copy(n) | Swap(n) | Call(n) | CallKw(n) | CallEx(n) | CallMethod(n) | BuildTuple(n) | BuildList(n)
        | BuildSet(n) | BuildMap(n) | BuildString(n) | BuildSlice(n) | ListAppend(n) | ListExtend(n) | SetAdd(n)
        | SetUpdate(n) | MapAdd(n) | DictUpdate(n) | UnpackSequence(n) | UnpackEx(n) | MakeFunction(n) | Raise(n)
        | IsOp(n) | ContainsOp(n) => (n, String::new()),
        _ => return None,
    })
}

/// A constant as Python's `repr` would show it (close enough for a listing).
pub fn constant_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(b) => b.to_string(),
        Constant::Float(f) => {
            let s = format!("{f:?}");
            s
        }
        Constant::Str(s) => str_repr(s),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(constant_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            let parts: Vec<String> = items.iter().map(constant_repr).collect();
            format!("frozenset({{{}}})", parts.join(", "))
        }
        Constant::Code(code) => {
            format!("<code object {}, file \"{}\", line {}>", code.name, code.filename, code.first_line)
        }
    }
}

/// Python's `repr(str)`: single quotes unless the text has a single quote and no double.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if (0x80..0xa0).contains(&(c as u32)) => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if !is_printable(c) => {
                let n = c as u32;
                if n <= 0xff {
                    let _ = write!(out, "\\x{n:02x}");
                } else if n <= 0xffff {
                    let _ = write!(out, "\\u{n:04x}");
                } else {
                    let _ = write!(out, "\\U{n:08x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// An approximation of `str.isprintable` for characters outside ASCII.
fn is_printable(c: char) -> bool {
    let n = c as u32;
    !(n == 0xad
        || (0x2028..=0x202e).contains(&n)
        || (0x200b..=0x200f).contains(&n)
        || (0x2060..=0x2064).contains(&n)
        || (0xd800..=0xdfff).contains(&n)
        || n == 0xfeff
        || (0xe000..=0xf8ff).contains(&n)
        || n == 0xa0
        || n == 0x3000
        || (0x2000..=0x200a).contains(&n)
        || n == 0x1680
        || n == 0x202f
        || n == 0x205f)
}
