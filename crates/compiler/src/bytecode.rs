//! The instruction set and the code object: what the compiler produces and the VM runs.
//!
//! Each [`Instr`] documents its stack effect in the form `pops ...; pushes ...`, with the
//! top of the stack written last. [`Instr::stack_effect`] is the machine-checked version
//! the compiler uses to size each frame's value stack.

use std::sync::Arc;

use gilvm_syntax::ast::{BinOp, CmpOp, Span};
use num_bigint::BigInt;

/// A jump target: an index into [`CodeObject::instrs`].
pub type Label = u32;

/// One bytecode instruction. Arguments index into the code object's tables
/// (`consts`, `names`, `varnames`, cells) or are jump targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instr {
    /// Does nothing.
    Nop,
    /// Pops tos.
    PopTop,
    /// Pushes a copy of the i-th item (1 = tos).
    Copy(u32),
    /// Swaps tos with the i-th item (2 = the item below tos).
    Swap(u32),

    /// Pushes `consts[i]`.
    LoadConst(u32),
    /// Pushes local `varnames[i]`; UnboundLocalError if unset.
    LoadFast(u32),
    /// Pops tos into local `varnames[i]`.
    StoreFast(u32),
    /// Unbinds local `varnames[i]`.
    DeleteFast(u32),
    /// Pushes global (or builtin) `names[i]`; NameError if missing.
    LoadGlobal(u32),
    /// Pops tos into global `names[i]`.
    StoreGlobal(u32),
    /// Removes global `names[i]`.
    DeleteGlobal(u32),
    /// Class bodies: pushes `names[i]` from the class namespace, else globals, else builtins.
    LoadName(u32),
    /// Class bodies: pops tos into the class namespace under `names[i]`.
    StoreName(u32),
    /// Class bodies: removes `names[i]` from the class namespace.
    DeleteName(u32),
    /// Pushes the contents of cell i (cellvars then freevars).
    LoadDeref(u32),
    /// Pops tos into cell i.
    StoreDeref(u32),
    /// Empties cell i.
    DeleteDeref(u32),
    /// Class bodies: pushes `names` entry from the class namespace if bound there, else cell i.
    LoadClassDeref(u32),
    /// Pushes cell i itself (to build a closure).
    LoadClosure(u32),

    /// Pops obj; pushes `obj.names[i]`.
    LoadAttr(u32),
    /// Pops obj, value; sets `obj.names[i] = value`.
    StoreAttr(u32),
    /// Pops obj; deletes `obj.names[i]`.
    DeleteAttr(u32),
    /// Pops obj; pushes method, obj (an unbound function and its receiver) or
    /// null, bound (any other attribute). Paired with [`Instr::CallMethod`].
    LoadMethod(u32),
    /// Pops method-or-null, self-or-callable, then n args; pushes the call's result.
    CallMethod(u32),

    /// Pops container, key; pushes `container[key]`.
    BinarySubscr,
    /// Pops value, container, key; sets `container[key] = value`.
    StoreSubscr,
    /// Pops container, key; deletes `container[key]`.
    DeleteSubscr,
    /// Pops 2 or 3 items (start, stop[, step]); pushes a slice.
    BuildSlice(u32),

    /// Pops a, b; pushes `a op b`.
    BinaryOp(BinOp),
    /// Pops a, b; pushes `a op= b` (in place for mutable containers).
    InplaceOp(BinOp),
    /// Pops a; pushes `-a`.
    UnaryNegative,
    /// Pops a; pushes `+a`.
    UnaryPositive,
    /// Pops a; pushes `not a`.
    UnaryNot,
    /// Pops a; pushes `~a`.
    UnaryInvert,
    /// Pops a, b; pushes `a op b` for `< <= == != > >=` (`is`/`in` have their own).
    CompareOp(CmpOp),
    /// Pops a, b; pushes `a is b` (`is not` when the flag is 1).
    IsOp(u32),
    /// Pops a, b; pushes `a in b` (`not in` when the flag is 1).
    ContainsOp(u32),

    /// Jumps forward or sideways to the target.
    Jump(Label),
    /// Jumps back to the target; this is a safe point where the GIL may change hands.
    JumpBackward(Label),
    /// Pops a, b; jumps if `a op b` is false (a fused COMPARE_OP + POP_JUMP_IF_FALSE).
    CompareJumpIfFalse(CmpOp, Label),
    /// Pops a, b; jumps if `a op b` is true.
    CompareJumpIfTrue(CmpOp, Label),
    /// Pops tos; jumps if it is false.
    PopJumpIfFalse(Label),
    /// Pops tos; jumps if it is true.
    PopJumpIfTrue(Label),
    /// Jumps if tos is false (keeping it), else pops it.
    JumpIfFalseOrPop(Label),
    /// Jumps if tos is true (keeping it), else pops it.
    JumpIfTrueOrPop(Label),

    /// Pops an iterable; pushes its iterator.
    GetIter,
    /// With an iterator on tos: pushes its next item, or pops it and jumps when exhausted.
    ForIter(Label),

    /// Pops n items; pushes a tuple of them.
    BuildTuple(u32),
    /// Pops n items; pushes a list of them.
    BuildList(u32),
    /// Pops n items; pushes a set of them.
    BuildSet(u32),
    /// Pops n key/value pairs (2n items); pushes a dict.
    BuildMap(u32),
    /// Pops n strings; pushes their concatenation (f-strings).
    BuildString(u32),
    /// Pops a list; pushes a tuple with its items.
    ListToTuple,
    /// Pops item; appends it to the list i items down (comprehensions).
    ListAppend(u32),
    /// Pops iterable; extends the list i items down with it.
    ListExtend(u32),
    /// Pops item; adds it to the set i items down.
    SetAdd(u32),
    /// Pops iterable; adds its items to the set i items down.
    SetUpdate(u32),
    /// Pops key, value; stores them in the dict i items down.
    MapAdd(u32),
    /// Pops mapping; merges it into the dict i items down.
    DictUpdate(u32),
    /// Pops value (and a spec string if flag bit 4 is set); pushes the formatted string.
    /// Bits 0-1 choose the conversion: 0 none, 1 `!s`, 2 `!r`, 3 `!a`.
    FormatValue(u32),

    /// Pops a sequence of exactly n items; pushes them last-first.
    UnpackSequence(u32),
    /// Pops a sequence; pushes `before` items, a list of the rest, `after` items
    /// (argument: `before | after << 8`), last first.
    UnpackEx(u32),

    /// Pops callable, then n args; pushes the result.
    Call(u32),
    /// Pops callable, n args, then a tuple of the last k args' keyword names; pushes the result.
    CallKw(u32),
    /// Pops callable, an args tuple and (flag 1) a kwargs dict; pushes the result.
    CallEx(u32),
    /// Pops a code object and, as flagged, a closure tuple (8), kwdefaults dict (2) and
    /// defaults tuple (1); pushes a new function.
    MakeFunction(u32),
    /// Pushes the builtin `__build_class__`.
    LoadBuildClass,
    /// Pushes the AssertionError class.
    LoadAssertionError,
    /// Pops tos and returns it to the caller.
    ReturnValue,
    /// The first instruction of a generator function: takes the new frame (its
    /// arguments already bound) off the frame stack into a generator object and returns
    /// that to the caller. Each resumption pushes the value sent in, so the generator's
    /// own view is: pushes the first value sent (always None; a `PopTop` follows).
    ReturnGenerator,
    /// Pops a value and suspends the generator, handing the value to whoever resumed it;
    /// on resumption pushes the value sent in (None for `next()`).
    YieldValue,
    /// Pops an iterable; pushes its iterator (a generator stays itself), for `yield from`.
    GetYieldFromIter,
    /// With `iterator, value` on the stack: sends value into the iterator (`next()` for
    /// None). If it produced an item: pops value; pushes the item (for a `YieldValue`).
    /// If it finished: pops both, pushes its return value and jumps to the target.
    Send(Label),

    /// Pops level/fromlist and pushes the module `names[i]`.
    ImportName(u32),
    /// With a module on tos: pushes its attribute `names[i]` (ImportError if missing).
    ImportFrom(u32),
    /// Pops a module; copies its public names into the current namespace.
    ImportStar,

    /// Pushes an exception handler at the target for the instructions that follow;
    /// when an exception escapes them, the stack is cut back to its depth now and the
    /// exception is pushed.
    SetupFinally(Label),
    /// Pops the innermost exception handler.
    PopBlock,
    /// Ends an except clause: forgets the exception being handled (the one that
    /// `raise` with no argument would re-raise).
    PopExcept,
    /// Pops exc type; with exc on tos, pushes whether exc matches it.
    CheckExcMatch,
    /// Pops exc and raises it again, keeping its traceback.
    Reraise,
    /// Raise: 0 args re-raises the active exception; 1 pops exc; 2 pops exc, cause.
    Raise(u32),
    /// Pops a context manager; pushes its bound `__exit__` and the result of `__enter__()`.
    BeforeWith,
    /// With `exit, exc` on the stack: pushes `exit(type(exc), exc, tb)`.
    WithExceptStart,

    // VM-internal superinstructions: never emitted by the compiler (so never shown by
    // `dis`); the VM's linker writes them over the first instruction of a pair and leaves
    // the second in place, so a jump to the second still works. When the fast path does
    // not apply, they behave like their first instruction.
    /// `LoadFast(local)` + `LoadAttr(name)`: pushes `local.name`, reading the local in
    /// place (no reference-count traffic), then skips the `LoadAttr`.
    LoadFastAttr(u16, u16),
    /// `LoadFast(local)` + `StoreAttr(name)`: pops value; sets `local.name = value`, then
    /// skips the `StoreAttr`.
    StoreFastAttr(u16, u16),
    /// `LoadFast(local)` + `LoadConst(k)`: pushes both, then skips the `LoadConst`.
    LoadFastConst(u16, u16),
}

impl Instr {
    /// How much the instruction changes the stack depth (on the fall-through path; for
    /// [`Instr::ForIter`] the jump path pops one more).
    pub fn stack_effect(self) -> i32 {
        use Instr::*;
        match self {
            Nop | Jump(_) | JumpBackward(_) | SetupFinally(_) | PopBlock | PopExcept => 0,
            PopTop => -1,
            Copy(_) => 1,
            Swap(_) => 0,
            LoadConst(_) | LoadFast(_) | LoadGlobal(_) | LoadName(_) | LoadDeref(_) | LoadClassDeref(_)
            | LoadClosure(_) => 1,
            StoreFast(_) | StoreGlobal(_) | StoreName(_) | StoreDeref(_) => -1,
            DeleteFast(_) | DeleteGlobal(_) | DeleteName(_) | DeleteDeref(_) => 0,
            LoadAttr(_) => 0,
            StoreAttr(_) => -2,
            DeleteAttr(_) => -1,
            LoadMethod(_) => 1,
            CallMethod(n) => -(n as i32) - 1,
            BinarySubscr => -1,
            StoreSubscr => -3,
            DeleteSubscr => -2,
            BuildSlice(n) => 1 - n as i32,
            BinaryOp(_) | InplaceOp(_) | CompareOp(_) | IsOp(_) | ContainsOp(_) => -1,
            UnaryNegative | UnaryPositive | UnaryNot | UnaryInvert => 0,
            PopJumpIfFalse(_) | PopJumpIfTrue(_) => -1,
            CompareJumpIfFalse(..) | CompareJumpIfTrue(..) => -2,
            // Fall-through pops the condition; the jump path keeps it.
            JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => -1,
            GetIter => 0,
            ForIter(_) => 1,
            BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) => 1 - n as i32,
            BuildMap(n) => 1 - 2 * n as i32,
            ListToTuple => 0,
            ListAppend(_) | ListExtend(_) | SetAdd(_) | SetUpdate(_) | DictUpdate(_) => -1,
            MapAdd(_) => -2,
            FormatValue(flags) => {
                if flags & 4 != 0 {
                    -1
                } else {
                    0
                }
            }
            UnpackSequence(n) => n as i32 - 1,
            UnpackEx(arg) => (arg & 0xff) as i32 + (arg >> 8) as i32,
            Call(n) => -(n as i32),
            CallKw(n) => -(n as i32) - 1,
            CallEx(flags) => -1 - (flags & 1) as i32,
            MakeFunction(flags) => -((flags & 1) as i32) - ((flags >> 1) & 1) as i32 - ((flags >> 3) & 1) as i32,
            LoadBuildClass | LoadAssertionError => 1,
            ReturnValue => -1,
            ReturnGenerator => 1,
            YieldValue | GetYieldFromIter | Send(_) => 0,
            ImportName(_) => 1,
            ImportFrom(_) => 1,
            ImportStar => -1,
            CheckExcMatch => 0,
            Reraise => -1,
            Raise(n) => -(n as i32),
            BeforeWith => 1,
            WithExceptStart => 1,
            LoadFastAttr(..) => 1,
            StoreFastAttr(..) => -1,
            LoadFastConst(..) => 2,
        }
    }

    /// The jump target, for instructions that have one.
    pub fn jump_target(self) -> Option<Label> {
        use Instr::*;
        match self {
            CompareJumpIfFalse(_, t) | CompareJumpIfTrue(_, t) => Some(t),
            Jump(t) | JumpBackward(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t)
            | JumpIfTrueOrPop(t) | ForIter(t) | SetupFinally(t) | Send(t) => Some(t),
            _ => None,
        }
    }

    /// The name `python3 -m dis` would show (upper snake case).
    pub fn name(self) -> &'static str {
        use Instr::*;
        match self {
            Nop => "NOP",
            PopTop => "POP_TOP",
            Copy(_) => "COPY",
            Swap(_) => "SWAP",
            LoadConst(_) => "LOAD_CONST",
            LoadFast(_) => "LOAD_FAST",
            StoreFast(_) => "STORE_FAST",
            DeleteFast(_) => "DELETE_FAST",
            LoadGlobal(_) => "LOAD_GLOBAL",
            StoreGlobal(_) => "STORE_GLOBAL",
            DeleteGlobal(_) => "DELETE_GLOBAL",
            LoadName(_) => "LOAD_NAME",
            StoreName(_) => "STORE_NAME",
            DeleteName(_) => "DELETE_NAME",
            LoadDeref(_) => "LOAD_DEREF",
            StoreDeref(_) => "STORE_DEREF",
            DeleteDeref(_) => "DELETE_DEREF",
            LoadClassDeref(_) => "LOAD_CLASSDEREF",
            LoadClosure(_) => "LOAD_CLOSURE",
            LoadAttr(_) => "LOAD_ATTR",
            StoreAttr(_) => "STORE_ATTR",
            DeleteAttr(_) => "DELETE_ATTR",
            LoadMethod(_) => "LOAD_METHOD",
            CallMethod(_) => "CALL_METHOD",
            BinarySubscr => "BINARY_SUBSCR",
            StoreSubscr => "STORE_SUBSCR",
            DeleteSubscr => "DELETE_SUBSCR",
            BuildSlice(_) => "BUILD_SLICE",
            BinaryOp(_) => "BINARY_OP",
            InplaceOp(_) => "INPLACE_OP",
            UnaryNegative => "UNARY_NEGATIVE",
            UnaryPositive => "UNARY_POSITIVE",
            UnaryNot => "UNARY_NOT",
            UnaryInvert => "UNARY_INVERT",
            CompareOp(_) => "COMPARE_OP",
            IsOp(_) => "IS_OP",
            ContainsOp(_) => "CONTAINS_OP",
            Jump(_) => "JUMP_FORWARD",
            JumpBackward(_) => "JUMP_BACKWARD",
            CompareJumpIfFalse(..) => "COMPARE_JUMP_FALSE",
            CompareJumpIfTrue(..) => "COMPARE_JUMP_TRUE",
            PopJumpIfFalse(_) => "POP_JUMP_IF_FALSE",
            PopJumpIfTrue(_) => "POP_JUMP_IF_TRUE",
            JumpIfFalseOrPop(_) => "JUMP_IF_FALSE_OR_POP",
            JumpIfTrueOrPop(_) => "JUMP_IF_TRUE_OR_POP",
            GetIter => "GET_ITER",
            ForIter(_) => "FOR_ITER",
            BuildTuple(_) => "BUILD_TUPLE",
            BuildList(_) => "BUILD_LIST",
            BuildSet(_) => "BUILD_SET",
            BuildMap(_) => "BUILD_MAP",
            BuildString(_) => "BUILD_STRING",
            ListToTuple => "LIST_TO_TUPLE",
            ListAppend(_) => "LIST_APPEND",
            ListExtend(_) => "LIST_EXTEND",
            SetAdd(_) => "SET_ADD",
            SetUpdate(_) => "SET_UPDATE",
            MapAdd(_) => "MAP_ADD",
            DictUpdate(_) => "DICT_UPDATE",
            FormatValue(_) => "FORMAT_VALUE",
            UnpackSequence(_) => "UNPACK_SEQUENCE",
            UnpackEx(_) => "UNPACK_EX",
            Call(_) => "CALL",
            CallKw(_) => "CALL_KW",
            CallEx(_) => "CALL_FUNCTION_EX",
            MakeFunction(_) => "MAKE_FUNCTION",
            LoadBuildClass => "LOAD_BUILD_CLASS",
            LoadAssertionError => "LOAD_ASSERTION_ERROR",
            ReturnValue => "RETURN_VALUE",
            ReturnGenerator => "RETURN_GENERATOR",
            YieldValue => "YIELD_VALUE",
            GetYieldFromIter => "GET_YIELD_FROM_ITER",
            Send(_) => "SEND",
            ImportName(_) => "IMPORT_NAME",
            ImportFrom(_) => "IMPORT_FROM",
            ImportStar => "IMPORT_STAR",
            SetupFinally(_) => "SETUP_FINALLY",
            PopBlock => "POP_BLOCK",
            PopExcept => "POP_EXCEPT",
            CheckExcMatch => "CHECK_EXC_MATCH",
            Reraise => "RERAISE",
            Raise(_) => "RAISE_VARARGS",
            BeforeWith => "BEFORE_WITH",
            WithExceptStart => "WITH_EXCEPT_START",
            LoadFastAttr(..) => "LOAD_FAST_ATTR",
            StoreFastAttr(..) => "STORE_FAST_ATTR",
            LoadFastConst(..) => "LOAD_FAST_CONST",
        }
    }
}

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    Str(Arc<str>),
    Ellipsis,
    /// Keyword names for [`Instr::CallKw`], defaults, and constant-folded tuples.
    Tuple(Vec<Constant>),
    /// The frozenset a constant set display of 3+ items compiles to (as in CPython).
    FrozenSet(Vec<Constant>),
    Code(Arc<CodeObject>),
}

/// What kind of scope a code object was compiled from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// A compiled unit: a module, a class body or a function (clox's Chunk plus CPython's
/// code object metadata).
#[derive(Debug, PartialEq)]
pub struct CodeObject {
    pub kind: CodeKind,
    /// `f`, `<module>`, `<lambda>`, `<listcomp>`.
    pub name: Arc<str>,
    /// `A.method.<locals>.inner`.
    pub qualname: Arc<str>,
    pub filename: Arc<str>,
    pub first_line: u32,
    pub instrs: Vec<Instr>,
    /// The source span of each instruction (parallel to `instrs`).
    pub spans: Vec<Span>,
    /// The 1-based line of each instruction (parallel to `instrs`).
    pub lines: Vec<u32>,
    pub consts: Vec<Constant>,
    /// Names of globals, attributes and imported modules.
    pub names: Vec<Arc<str>>,
    /// Local variable names; parameters come first.
    pub varnames: Vec<Arc<str>>,
    /// Locals captured by inner functions (cell slots 0..).
    pub cellvars: Vec<Arc<str>>,
    /// Variables captured from enclosing functions (cell slots after the cellvars).
    pub freevars: Vec<Arc<str>>,
    /// For each cellvar that is also a parameter, that parameter's index in varnames.
    pub cell_params: Vec<(u32, u32)>,
    /// Positional-or-keyword parameters.
    pub argcount: u32,
    pub kwonlyargcount: u32,
    pub has_varargs: bool,
    pub has_varkeywords: bool,
    /// The deepest the value stack gets, computed by the compiler.
    pub max_stack: u32,
    /// The docstring, if the body starts with one.
    pub docstring: Option<Arc<str>>,
}

impl CodeObject {
    /// The total number of parameters, counting `*args` and `**kwargs`.
    pub fn total_params(&self) -> usize {
        self.argcount as usize
            + self.kwonlyargcount as usize
            + self.has_varargs as usize
            + self.has_varkeywords as usize
    }

    /// The cell-slot name for [`Instr::LoadDeref`] argument `i`.
    pub fn deref_name(&self, i: u32) -> &str {
        let i = i as usize;
        if i < self.cellvars.len() {
            &self.cellvars[i]
        } else {
            self.freevars.get(i - self.cellvars.len()).map(|s| &**s).unwrap_or("?")
        }
    }
}
