//! Engine scaling for `cargo xtask bench`: validation and exhaustive path enumeration on the
//! real pack and on synthetic packs 10× and 100× larger (its topics copied under new IDs),
//! timed as medians of repeated runs in one process.

use ethics_engine::{all_paths, load, BuiltinOption, Input, Next, OptionLabel, Pack, SettingStatus, SettingValue, Text};
use std::fmt::Write;
use std::time::{Duration, Instant};

/// A TOML basic string.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `key.lang = "…"` lines for a text (`lang = "…"` in a step table, where `key` is empty).
fn text(out: &mut String, key: &str, text: &Text, languages: &[String]) {
    for (lang, value) in languages.iter().zip(&text.0) {
        let dot = if key.is_empty() { "" } else { "." };
        let _ = writeln!(out, "{key}{dot}{lang} = {}", quoted(value));
    }
}

/// The pack's languages, settings, outcomes, principles and sources written back as TOML.
pub fn write_pack(pack: &Pack) -> String {
    let languages: Vec<String> = pack.languages.iter().map(|l| l.to_string()).collect();
    let mut out = format!("[pack]\nlanguages = [{}]\n", languages.iter().map(|l| quoted(l)).collect::<Vec<_>>().join(", "));
    for s in &pack.settings {
        let _ = writeln!(out, "\n[[setting]]\nid = {}", quoted(s.id.as_str()));
        match &s.value {
            SettingValue::Amount(a) => { let _ = writeln!(out, "amount = {}", a.plain()); }
            SettingValue::Number(n) => { let _ = writeln!(out, "number = {n}"); }
            SettingValue::Text(t) => text(&mut out, "text", t, &languages),
            SettingValue::Email(e) => { let _ = writeln!(out, "email = {}", quoted(e)); }
            SettingValue::Url(u) => { let _ = writeln!(out, "url = {}", quoted(u)); }
            SettingValue::Flag(f) => { let _ = writeln!(out, "flag = {f}"); }
        }
        let status = if s.status == SettingStatus::Published { "published" } else { "confirm" };
        let _ = writeln!(out, "status = \"{status}\"\nnote = {}", quoted(&s.note));
    }
    for o in &pack.outcomes {
        let _ = writeln!(out, "\n[[outcome]]\nid = {}\ntone = {}", quoted(o.id.as_str()), quoted(o.tone.name()));
        text(&mut out, "title", &o.title, &languages);
        text(&mut out, "summary", &o.summary, &languages);
        for step in &o.steps {
            out.push_str("[[outcome.step]]\n");
            text(&mut out, "", step, &languages);
        }
    }
    for p in &pack.principles {
        let _ = writeln!(out, "\n[[principle]]\nid = {}", quoted(p.id.as_str()));
        text(&mut out, "name", &p.name, &languages);
        text(&mut out, "says", &p.says, &languages);
    }
    for s in &pack.sources {
        let _ = writeln!(out, "\n[[source]]\nid = {}", quoted(s.id.as_str()));
        text(&mut out, "cite", &s.cite, &languages);
        let basis = format!("{:?}", s.basis).to_lowercase();
        let _ = writeln!(out, "basis = \"{basis}\"\nbrief = {}", quoted(&s.brief));
    }
    out
}

/// One topic of the pack as a file of its own, renamed for copy `copy`: the topic becomes
/// `…_c<copy>` and so does each rule, the IDs that must be unique across a pack.
pub fn write_topic(pack: &Pack, topic: usize, copy: usize) -> String {
    let languages: Vec<String> = pack.languages.iter().map(|l| l.to_string()).collect();
    let t = &pack.topics[topic];
    let mut out = format!("[topic]\nid = {}\n", quoted(&format!("{}_c{copy}", t.id)));
    text(&mut out, "title", &t.title, &languages);
    text(&mut out, "heading", &t.heading, &languages);
    text(&mut out, "summary", &t.summary, &languages);
    let _ = writeln!(out, "start = {}", quoted(t.start.as_str()));
    for (outcome, step) in &t.outcome_steps {
        let _ = writeln!(out, "[[topic.next_step]]\noutcome = {}", quoted(outcome.as_str()));
        text(&mut out, "text", step, &languages);
    }
    for q in &t.questions {
        let _ = writeln!(out, "\n[[question]]\nid = {}", quoted(q.id.as_str()));
        text(&mut out, "ask", &q.ask, &languages);
        if let Some(hint) = &q.hint {
            text(&mut out, "hint", hint, &languages);
        }
        let input = match &q.input {
            Input::Choice => "choice".to_owned(),
            Input::YesNo => "yes_no".to_owned(),
            Input::Amount { compare_with } => format!("amount\"\ncompare_with = \"{compare_with}"),
        };
        let _ = writeln!(out, "input = \"{input}\"");
        if q.options.iter().any(|o| o.label == OptionLabel::Builtin(BuiltinOption::DontKnow)) {
            out.push_str("dont_know = true\n");
        }
        for e in &q.exceptions {
            let _ = writeln!(out, "[[question.exception]]\nlint = {}", quoted(e.lint.id()));
            if let Some(lang) = &e.lang {
                let _ = writeln!(out, "lang = {}", quoted(lang));
            }
            let _ = writeln!(out, "reason = {}", quoted(&e.reason));
        }
        for o in &q.options {
            if let OptionLabel::Pack { label, hint } = &o.label {
                let _ = writeln!(out, "[[question.option]]\nid = {}", quoted(o.id.as_str()));
                text(&mut out, "label", label, &languages);
                if let Some(hint) = hint {
                    text(&mut out, "hint", hint, &languages);
                }
            }
        }
        for r in &q.rules {
            let when: Vec<String> = r.when.iter().map(|w| quoted(w.as_str())).collect();
            let _ = writeln!(out, "[[question.rule]]\nid = {}\nwhen = [{}]", quoted(&format!("{}_c{copy}", r.id)), when.join(", "));
            let _ = match &r.then {
                Next::Question(next) => writeln!(out, "next = {}", quoted(next.as_str())),
                Next::Outcome(outcome) => writeln!(out, "outcome = {}", quoted(outcome.as_str())),
            };
            if !r.also.is_empty() {
                let also: Vec<String> = r.also.iter().map(|a| quoted(a.as_str())).collect();
                let _ = writeln!(out, "also = [{}]", also.join(", "));
            }
            text(&mut out, "says", &r.says, &languages);
            let _ = writeln!(out, "principle = {}\nsource = {}", quoted(r.principle.as_str()), quoted(r.source.as_str()));
            for step in &r.steps {
                out.push_str("[[question.rule.step]]\n");
                text(&mut out, "", step, &languages);
            }
        }
    }
    out
}

/// The pack's files, its topics copied `scale` times.
pub fn scaled_sources(pack: &Pack, scale: usize) -> Vec<(String, String)> {
    let mut files = vec![("pack.toml".to_owned(), write_pack(pack))];
    for copy in 0..scale {
        for topic in 0..pack.topics.len() {
            files.push((format!("topic_{topic}_{copy}.toml"), write_topic(pack, topic, copy)));
        }
    }
    files
}

/// The median of `runs` timings of `work`.
pub fn median(runs: usize, mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// One size of pack: how big, and the medians measured on it.
pub struct Scaled {
    pub scale: usize,
    pub topics: usize,
    pub validation: Duration,
    pub enumeration: Duration,
    pub paths: usize,
}

/// Validation and path-enumeration medians at 1×, 10× and 100× the real pack.
pub fn measure(pack: &Pack) -> Result<Vec<Scaled>, String> {
    let mut rows = Vec::new();
    for (scale, runs) in [(1, 21), (10, 9), (100, 5)] {
        let sources = scaled_sources(pack, scale);
        let loaded = load::from_sources(&sources).map_err(|e| format!("the {scale}× pack does not load: {}", e[0]))?;
        let validation = median(runs, || {
            let _ = load::from_sources(&sources);
        });
        let mut paths = 0;
        let enumeration = median(runs, || {
            paths = loaded.topics.iter().map(|t| all_paths(t).len()).sum();
        });
        rows.push(Scaled { scale, topics: loaded.topics.len(), validation, enumeration, paths });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_pack_loads_back_to_the_same_pack() {
        let pack = crate::cases::load_pack(None).unwrap();
        let again = load::from_sources(&scaled_sources(&pack, 1)).unwrap_or_else(|e| panic!("{}", e[0]));
        assert_eq!(again.settings, pack.settings);
        assert_eq!(again.outcomes, pack.outcomes);
        assert_eq!(again.sources, pack.sources);
        assert_eq!(again.topics.len(), pack.topics.len());
        for (a, b) in again.topics.iter().zip(&pack.topics) {
            assert_eq!(a.questions.len(), b.questions.len());
            assert_eq!(all_paths(a).len(), all_paths(b).len(), "{}", b.id);
        }
        let ten = load::from_sources(&scaled_sources(&pack, 10)).unwrap_or_else(|e| panic!("{}", e[0]));
        assert_eq!(ten.topics.len(), pack.topics.len() * 10);
    }
}
