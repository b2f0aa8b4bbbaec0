//! Everything the CLI shows goes through here: data on stdout (a table for
//! people, stable JSON for scripts), notes and warnings on stderr.

use std::io::{self, IsTerminal, Write};

use comfy_table::{ContentArrangement, Table, presets};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    Table,
    Json,
}

impl OutputFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            OutputFormat::Table => "table",
            OutputFormat::Json => "json",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Printer {
    pub format: OutputFormat,
    pub quiet: bool,
    pub color: bool,
}

impl Printer {
    pub fn new(format: OutputFormat, quiet: bool, no_color: bool) -> Printer {
        let color = !no_color
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && io::stderr().is_terminal();
        Printer {
            format,
            quiet,
            color,
        }
    }

    pub fn is_json(&self) -> bool {
        self.format == OutputFormat::Json
    }

    /// Pretty JSON on stdout: the documented, stable shape.
    pub fn json<T: Serialize + ?Sized>(&self, v: &T) -> io::Result<()> {
        let mut out = io::stdout().lock();
        // `io::Error::from` keeps the kind of an I/O failure (a broken pipe
        // stays a broken pipe, which is not an error for the CLI).
        serde_json::to_writer_pretty(&mut out, v).map_err(io::Error::from)?;
        writeln!(out)?;
        out.flush()
    }

    /// One line of data on stdout.
    pub fn line(&self, s: &str) -> io::Result<()> {
        let mut out = io::stdout().lock();
        writeln!(out, "{s}")?;
        out.flush()
    }

    pub fn table(&self, header: &[&str], rows: Vec<Vec<String>>) -> io::Result<()> {
        let mut t = self.new_table();
        t.set_header(header.iter().copied());
        for r in rows {
            t.add_row(r);
        }
        self.print_table(&t)
    }

    /// A record as two columns, field and value.
    pub fn fields(&self, rows: Vec<(&str, String)>) -> io::Result<()> {
        let mut t = self.new_table();
        for (k, v) in rows {
            t.add_row(vec![k.to_owned(), v]);
        }
        self.print_table(&t)
    }

    fn print_table(&self, t: &Table) -> io::Result<()> {
        let mut out = io::stdout().lock();
        for l in t.lines() {
            writeln!(out, "{}", l.trim_end())?;
        }
        out.flush()
    }

    fn new_table(&self) -> Table {
        let mut t = Table::new();
        t.load_style(presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if !self.color {
            t.force_no_tty();
        }
        t
    }

    /// A message for people on stderr; silenced by `--quiet`.
    pub fn note(&self, s: &str) {
        if !self.quiet {
            eprintln!("{s}");
        }
    }

    /// A warning on stderr; shown even with `--quiet`.
    pub fn warn(&self, s: &str) {
        if self.color {
            eprintln!("\x1b[33mwarning:\x1b[0m {s}");
        } else {
            eprintln!("warning: {s}");
        }
    }
}
