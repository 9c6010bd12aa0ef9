//! Errors in a rule pack, each with the file, the line where known, and the reason.

use std::fmt;

/// One thing wrong with a rule pack or a case file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackError {
    pub file: String,
    pub line: Option<usize>,
    pub reason: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.reason),
            None => write!(f, "{}: {}", self.file, self.reason),
        }
    }
}

impl std::error::Error for PackError {}

/// The 1-based line of a byte offset in a file's text.
pub(crate) fn line_of(content: &str, offset: usize) -> usize {
    content.as_bytes()[..offset.min(content.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Turns a TOML parse error into a [`PackError`] at its line.
pub(crate) fn from_toml(file: &str, content: &str, error: &toml::de::Error) -> PackError {
    PackError {
        file: file.to_owned(),
        line: error.span().map(|span| line_of(content, span.start)),
        reason: error.message().trim().to_owned(),
    }
}
