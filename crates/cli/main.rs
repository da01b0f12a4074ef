//! The `gilvm` command line: `run`, `dis`, `--version`, `--help`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  gilvm run programs/basics/fstrings.py        run a script
  gilvm run prog.py arg1 arg2                  sys.argv == ['prog.py', 'arg1', 'arg2']
  gilvm run -c 'print(sum(range(10)))'         run a string of code
  gilvm run -u prog.py                         unbuffered stdout
  gilvm run --stats programs/gil/cpu_bound.py  per-thread GIL statistics at exit
  gilvm run --switch-interval 100 prog.py      offer the GIL every 100 instructions (Python 2)
  gilvm run --switch-interval 1ms prog.py      1 ms time slices (CPython 3 uses 5ms)
  gilvm run --gil off prog.py                  threads run bytecode in parallel (3.13t)
  gilvm run --sched sim --stats prog.py        simulated: the same output on every run
  gilvm run --sched sim --gil off --cores 8 prog.py   what 8 cores would do
  gilvm dis prog.py                            show the bytecode, like python3 -m dis";

/// gilvm: a Python-subset interpreter whose threads share a global interpreter lock.
#[derive(Parser)]
#[command(name = "gilvm", version, about, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a Python program.
    #[command(after_help = EXAMPLES)]
    Run {
        /// Program passed in as a string (like python3 -c).
        #[arg(short = 'c', value_name = "CODE")]
        code: Option<String>,
        /// Force stdout to be unbuffered.
        #[arg(short = 'u')]
        unbuffered: bool,
        #[command(flatten)]
        sched: SchedArgs,
        /// The script to run (with -c, the first program argument instead).
        #[arg(value_name = "FILE", required_unless_present = "code")]
        file: Option<String>,
        /// Arguments passed to the program as sys.argv[1:].
        #[arg(value_name = "ARGS", trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Disassemble a program's bytecode.
    Dis {
        /// The script to disassemble.
        #[arg(value_name = "FILE")]
        file: String,
    },
}

/// How threads share the interpreter (see docs/gil.md).
#[derive(clap::Args)]
struct SchedArgs {
    /// `on`: one thread runs bytecode at a time; `off`: threads run in parallel.
    #[arg(long, value_enum, default_value_t = GilFlag::On)]
    gil: GilFlag,
    /// When the GIL holder offers the GIL: a number of instructions (100), or a time
    /// slice with a unit (5ms; ns, us, ms, s). Default: 5ms, as in CPython 3.
    #[arg(long, value_name = "N|TIME", value_parser = gilvm_sched::parse_switch_interval)]
    switch_interval: Option<gilvm_sched::Policy>,
    /// Where the GIL may change hands: `safe` (backward jumps and calls, like CPython
    /// 3.10+) or `any` (between any two instructions, like Python 2).
    #[arg(long, value_enum, default_value_t = PointsFlag::Safe)]
    switch_points: PointsFlag,
    /// Who gets a released GIL: `greedy` (whoever grabs it first) or `fair` (the
    /// longest waiter).
    #[arg(long, value_enum, default_value_t = HandoffFlag::Greedy)]
    handoff: HandoffFlag,
    /// `real`: OS threads in real time; `sim`: a deterministic simulation on a virtual
    /// clock (same output on every run).
    #[arg(long, value_enum, default_value_t = SchedFlag::Real)]
    sched: SchedFlag,
    /// Under `--sched sim`: virtual nanoseconds per bytecode instruction.
    #[arg(long, value_name = "NS", value_parser = clap::value_parser!(u64).range(1..))]
    instr_ns: Option<u64>,
    /// Under `--sched sim`: simulated cores (with `--gil off`, up to this many threads run
    /// at once).
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u32).range(1..=1024))]
    cores: Option<u32>,
    /// Under `--sched sim`: pick among threads that could run next pseudo-randomly, from
    /// this seed (without it, the longest waiter runs next).
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// Under `--sched sim`: virtual nanoseconds one console or file I/O call costs.
    #[arg(long, value_name = "NS")]
    io_ns: Option<u64>,
    /// Print per-thread GIL statistics to stderr at exit (`--stats=json` for tools).
    #[arg(long, value_enum, value_name = "FORMAT", num_args = 0..=1, require_equals = true, default_missing_value = "text")]
    stats: Option<StatsFlag>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum GilFlag {
    On,
    Off,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum PointsFlag {
    Safe,
    Any,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum HandoffFlag {
    Greedy,
    Fair,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum SchedFlag {
    Real,
    Sim,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum StatsFlag {
    Text,
    Json,
}

impl SchedArgs {
    /// The scheduler configuration, or a usage error.
    fn config(&self) -> Result<gilvm_sched::Config, String> {
        let sim_only = [
            ("--instr-ns", self.instr_ns.is_some()),
            ("--cores", self.cores.is_some()),
            ("--seed", self.seed.is_some()),
            ("--io-ns", self.io_ns.is_some()),
        ];
        if self.sched == SchedFlag::Real {
            if let Some((flag, _)) = sim_only.iter().find(|(_, given)| *given) {
                return Err(format!("{flag} needs --sched sim"));
            }
        }
        let sim = (self.sched == SchedFlag::Sim).then(|| gilvm_sched::SimConfig {
            instr_ns: self.instr_ns.unwrap_or(gilvm_sched::sim::DEFAULT_INSTR_NS),
            cores: self.cores.unwrap_or(gilvm_sched::sim::DEFAULT_CORES),
            seed: self.seed,
            io_ns: self.io_ns.unwrap_or(gilvm_sched::sim::DEFAULT_IO_NS),
        });
        Ok(gilvm_sched::Config {
            sim,
            gil: matches!(self.gil, GilFlag::On),
            policy: self.switch_interval.unwrap_or(gilvm_sched::Policy::Interval(gilvm_sched::DEFAULT_INTERVAL)),
            switch_points: match self.switch_points {
                PointsFlag::Safe => gilvm_sched::SwitchPoints::Safe,
                PointsFlag::Any => gilvm_sched::SwitchPoints::Any,
            },
            handoff: match self.handoff {
                HandoffFlag::Greedy => gilvm_sched::Handoff::Greedy,
                HandoffFlag::Fair => gilvm_sched::Handoff::Fair,
            },
            stats: self.stats.map(|s| match s {
                StatsFlag::Text => gilvm_sched::StatsFormat::Text,
                StatsFlag::Json => gilvm_sched::StatsFormat::Json,
            }),
        })
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // clap exits 0 for --help/--version and 2 for usage errors, like CPython.
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let status = match cli.command {
        Command::Run { code, unbuffered, sched, file, args } => {
            let sched = match sched.config() {
                Ok(config) => config,
                Err(message) => {
                    eprintln!("error: {message}\n\nFor more information, try '--help'.");
                    return ExitCode::from(2);
                }
            };
            let source = match (code, file) {
                (Some(code), file) => {
                    // With -c, a positional FILE is really the first program argument.
                    let mut all = Vec::new();
                    all.extend(file);
                    all.extend(args.iter().cloned());
                    return finish(gilvm_vm::run(
                        gilvm_vm::Source::Code(code),
                        gilvm_vm::RunOptions { args: all, unbuffered, sched },
                    ));
                }
                (None, Some(file)) => gilvm_vm::Source::File(file),
                (None, None) => unreachable!("clap requires FILE unless -c is given"),
            };
            gilvm_vm::run(source, gilvm_vm::RunOptions { args, unbuffered, sched })
        }
        Command::Dis { file } => dis(&file),
    };
    finish(status)
}

fn finish(status: i32) -> ExitCode {
    ExitCode::from((status & 0xff) as u8)
}

fn dis(path: &str) -> i32 {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(2);
            eprintln!("gilvm: can't open file '{path}': [Errno {errno}] {}", gilvm_vm::errors::strerror(errno, &e));
            return 2;
        }
    };
    match gilvm_compiler::compile_source(&text, path) {
        Ok(code) => {
            print!("{}", gilvm_compiler::dis::disassemble(&code));
            0
        }
        Err(err) => {
            eprint!("{}", err.render(path, &text));
            1
        }
    }
}
