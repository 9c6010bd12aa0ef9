//! Texts in every configured language, and the `{setting}` placeholders they may contain.

use serde::{Deserialize, Serialize};

/// One text in each configured language, in the pack's language order.
///
/// Validation guarantees one entry per configured language; [`Text::get`] still falls
/// back to the first language rather than panic on a pack built some other way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text(pub Vec<String>);

impl Text {
    /// The text in the language at `lang` (an index into [`crate::Pack::languages`]).
    pub fn get(&self, lang: usize) -> &str {
        self.0.get(lang).or_else(|| self.0.first()).map(String::as_str).unwrap_or("")
    }
}

/// The names inside `{…}` in a text, in order, or the byte offset of a brace that does not
/// open or close a placeholder.
pub fn placeholders(text: &str) -> Result<Vec<&str>, usize> {
    let mut names = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(open) = rest.find(['{', '}']) {
        if rest.as_bytes()[open] == b'}' {
            return Err(offset + open);
        }
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or(offset + open)?;
        let name = &after[..close];
        let well_formed = !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !well_formed {
            return Err(offset + open);
        }
        names.push(name);
        let consumed = open + 1 + close + 1;
        rest = &rest[consumed..];
        offset += consumed;
    }
    Ok(names)
}

/// Replaces each `{name}` in `text` with `value(name)`; names without a value stay as written.
pub fn fill(text: &str, mut value: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| value(&after[..close]).map(|v| (close, v))) {
            Some((close, v)) => {
                out.push_str(&v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_placeholders_in_order() {
        assert_eq!(placeholders("Over {nominal_threshold}, write to {eco_email}."), Ok(vec!["nominal_threshold", "eco_email"]));
        assert_eq!(placeholders("no braces"), Ok(vec![]));
    }

    #[test]
    fn rejects_stray_or_malformed_braces() {
        assert_eq!(placeholders("a } b"), Err(2));
        assert_eq!(placeholders("a {b"), Err(2));
        assert_eq!(placeholders("{Bad Name}"), Err(0));
        assert_eq!(placeholders("ok {a} then {}"), Err(12));
    }

    #[test]
    fn fills_known_names_and_keeps_unknown_ones() {
        let filled = fill("Up to {limit} {currency}, ask {who}.", |name| match name {
            "limit" => Some("30".into()),
            "currency" => Some("USD".into()),
            _ => None,
        });
        assert_eq!(filled, "Up to 30 USD, ask {who}.");
    }
}
