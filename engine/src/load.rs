//! Loading a rule pack from TOML and validating it into a [`Pack`].
//!
//! Validation reports every problem it finds, each with file, line and reason: unknown
//! fields, duplicate or malformed IDs, dangling references, options no rule covers (a path
//! without an outcome), unreachable questions, cycles, outcomes no path reaches, missing or
//! unconfigured translations, and placeholders or thresholds that name no setting.

use crate::error::{from_toml, line_of, PackError};
use crate::ids::OptionId;
use crate::locale;
use crate::pack::{
    Amount, AnswerOption, Basis, BuiltinOption, Input, LintException, Next, OptionLabel, Outcome, Pack, Principle, Question, Rule,
    Setting, SettingStatus, SettingValue, Source, Topic,
};
use crate::source::{BasisSrc, InputSrc, PackFile, QuestionSrc, RuleSrc, Sp, StatusSrc, TextSrc};
use crate::text::{placeholders, Text};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Loads every `*.toml` file under `dir` (sorted, recursively) as one pack.
pub fn from_dir(dir: &Path) -> Result<Pack, Vec<PackError>> {
    let mut files = Vec::new();
    collect_toml(dir, &mut files).map_err(|e| {
        vec![PackError { file: dir.display().to_string(), line: None, reason: format!("cannot read the rule pack folder: {e}") }]
    })?;
    if files.is_empty() {
        return Err(vec![PackError { file: dir.display().to_string(), line: None, reason: "no .toml files in the rule pack folder".into() }]);
    }
    let mut sources = Vec::new();
    for path in files {
        match std::fs::read_to_string(&path) {
            Ok(text) => sources.push((path.display().to_string(), text)),
            Err(e) => return Err(vec![PackError { file: path.display().to_string(), line: None, reason: format!("cannot read: {e}") }]),
        }
    }
    from_sources(&sources)
}

/// Every `*.toml` file under `dir`, sorted so the pack's order never depends on the disk.
pub fn collect_toml(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Loads a pack from `(file name, TOML text)` pairs and validates it.
pub fn from_sources(files: &[(String, String)]) -> Result<Pack, Vec<PackError>> {
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    for (name, text) in files {
        match toml::from_str::<PackFile>(text) {
            Ok(file) => parsed.push((name.as_str(), text.as_str(), file)),
            Err(e) => errors.push(from_toml(name, text, &e)),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let docs: Vec<(Doc<'_>, &PackFile)> = parsed.iter().map(|(file, content, pack_file)| (Doc { file, content }, pack_file)).collect();
    let mut checker = Checker { errors, languages: Vec::new() };
    let pack = checker.pack(&docs);
    if !checker.errors.is_empty() {
        return Err(checker.errors);
    }
    // Wording is linted once the structure is sound, on the texts as staff read them.
    match crate::wording::lint(&pack, &parsed) {
        lints if lints.is_empty() => Ok(pack),
        lints => Err(lints),
    }
}

/// Where something was defined, for "first defined at" messages.
#[derive(Clone)]
struct Place {
    file: String,
    line: usize,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One file of the pack as errors name it: its name, and the text its lines are counted in.
/// Every check that can fail is handed the file it reads, so no error can name another.
#[derive(Clone, Copy)]
struct Doc<'s> {
    file: &'s str,
    content: &'s str,
}

impl Doc<'_> {
    fn line<T>(&self, spanned: &Sp<T>) -> usize {
        line_of(self.content, spanned.span().start)
    }

    fn place<T>(&self, spanned: &Sp<T>) -> Place {
        Place { file: self.file.to_owned(), line: self.line(spanned) }
    }
}

/// A question as validation sees it: its compiled form plus the spans of its parts.
struct QuestionDraft<'s> {
    question: Question,
    src: &'s QuestionSrc,
    doc: Doc<'s>,
}

/// The IDs and values the texts and rules of the topics may name, once read.
struct Catalogue {
    settings: Vec<Setting>,
    setting_ids: BTreeSet<String>,
    amount_settings: BTreeSet<String>,
    outcomes: Vec<Outcome>,
    principles: Vec<Principle>,
    sources: Vec<Source>,
    seen_outcomes: BTreeMap<String, Place>,
    seen_principles: BTreeMap<String, Place>,
    seen_sources: BTreeMap<String, Place>,
}

struct Checker {
    errors: Vec<PackError>,
    languages: Vec<String>,
}

impl Checker {
    fn error(&mut self, doc: Doc<'_>, line: Option<usize>, reason: String) {
        self.errors.push(PackError { file: doc.file.to_owned(), line, reason });
    }

    fn error_at<T>(&mut self, doc: Doc<'_>, spanned: &Sp<T>, reason: String) {
        let line = doc.line(spanned);
        self.error(doc, Some(line), reason);
    }

    /// Checks an ID's form and that it is new among `seen`; returns false for a duplicate.
    fn new_id(&mut self, doc: Doc<'_>, kind: &str, id: &Sp<String>, seen: &mut BTreeMap<String, Place>) -> bool {
        let well_formed = !id.get_ref().is_empty()
            && id.get_ref().bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !well_formed {
            self.error_at(doc, id, format!("{kind} ID {:?} must use only a-z, 0-9 and _", id.get_ref()));
        }
        if let Some(first) = seen.get(id.get_ref()) {
            let reason = format!("duplicate {kind} ID {:?} (first defined at {first})", id.get_ref());
            self.error_at(doc, id, reason);
            return false;
        }
        seen.insert(id.get_ref().clone(), doc.place(id));
        true
    }

    /// Checks one text: every configured language present, none other, no empty string,
    /// every placeholder a setting. `owner` is the line of the item it belongs to, used when
    /// the text itself has no reliable span (dotted keys).
    fn text(&mut self, doc: Doc<'_>, what: &str, owner: usize, src: &TextSrc, settings: &BTreeSet<String>) -> Text {
        let span = src.span();
        let line = if span.start < span.end { line_of(doc.content, span.start) } else { owner };
        let map = src.get_ref();
        for lang in map.keys() {
            if !self.languages.contains(lang) {
                self.error(doc, Some(line), format!("{what} has a text in {lang:?}, which is not a configured language ({})", self.languages.join(", ")));
            }
        }
        // A text copied from the first language and left untranslated reads as a mistake to
        // staff; a single word (a code such as USD, a name) may rightly be the same.
        let first = self.languages.first().and_then(|l| map.get(l)).filter(|t| t.split_whitespace().count() > 1);
        let untranslated: Vec<String> =
            self.languages.iter().skip(1).filter(|lang| first.is_some() && map.get(*lang) == first).cloned().collect();
        for lang in untranslated {
            let reason = format!("{what} ({lang}) is the same as the {} text: translate it", self.languages[0]);
            self.error(doc, Some(line), reason);
        }
        // Every translation keeps the first language's placeholders, and none is a marker
        // (TODO, TRANSLATE…) left for a translator. A misspelt placeholder is one mistake,
        // reported below as "not a setting", so texts are compared only on real settings.
        if let Some(original) = self.languages.first().and_then(|l| map.get(l)) {
            let expected = names_in(original);
            let all_settings = |names: &[&str]| names.iter().all(|n| settings.contains(*n));
            let mut problems = Vec::new();
            for lang in self.languages.iter().skip(1) {
                if let Some(text) = map.get(lang) {
                    if placeholders(text).is_ok() && all_settings(&expected) && all_settings(&names_in(text)) && names_in(text) != expected {
                        let list = |names: Vec<&str>| if names.is_empty() { "none".to_owned() } else { format!("{{{}}}", names.join("}, {")) };
                        problems.push(format!("{what} ({lang}) has the placeholders {}, not those of the {} text: {}", list(names_in(text)), self.languages[0], list(expected.clone())));
                    }
                }
            }
            for (lang, text) in map {
                if ["TODO", "TRANSLATE", "FIXME", "XXX"].iter().any(|marker| text.contains(marker)) {
                    problems.push(format!("{what} ({lang}) still holds a translator's marker: {text:?}"));
                }
            }
            for problem in problems {
                self.error(doc, Some(line), problem);
            }
        }
        let mut texts = Vec::new();
        for lang in self.languages.clone() {
            match map.get(&lang) {
                None => self.error(doc, Some(line), format!("{what} has no {lang:?} text")),
                Some(s) if s.trim().is_empty() => self.error(doc, Some(line), format!("{what} has an empty {lang:?} text")),
                Some(s) => match placeholders(s) {
                    Err(at) => self.error(doc, Some(line), format!("{what} ({lang}) has a stray or malformed brace at character {}", at + 1)),
                    Ok(names) => {
                        for name in names {
                            if !settings.contains(name) {
                                let hint = did_you_mean(name, settings.iter().map(String::as_str), |s| format!("{{{s}}}"));
                                self.error(doc, Some(line), format!("{what} ({lang}) uses {{{name}}}, which is not a setting{hint}"));
                            }
                        }
                    }
                },
            }
            texts.push(map.get(&lang).cloned().unwrap_or_default());
        }
        Text(texts)
    }

    fn texts(&mut self, doc: Doc<'_>, what: &str, owner: usize, srcs: &[TextSrc], settings: &BTreeSet<String>) -> Vec<Text> {
        srcs.iter().enumerate().map(|(i, s)| self.text(doc, &format!("{what} step {}", i + 1), owner, s, settings)).collect()
    }

    /// Validates the files in phases, each needing what the one before it read: the
    /// languages, then the settings (texts name them), then outcomes, principles and sources
    /// (rules name them), then the topics, and last the outcomes no path reaches.
    fn pack(&mut self, files: &[(Doc<'_>, &PackFile)]) -> Pack {
        let first = files.first().map_or(Doc { file: "(no files)", content: "" }, |f| f.0);
        self.languages(files, first);
        if self.languages.is_empty() {
            // Without languages every text would be reported; the header error says it all.
            return Pack { languages: Vec::new(), settings: Vec::new(), outcomes: Vec::new(), principles: Vec::new(), sources: Vec::new(), topics: Vec::new() };
        }
        let (settings, setting_ids, amount_settings) = self.settings(files);
        let mut catalogue = self.catalogue(files, settings, setting_ids, amount_settings);
        let mut reached_outcomes = BTreeSet::new();
        let topics = self.topics(files, &catalogue, &mut reached_outcomes);
        if topics.is_empty() && self.errors.is_empty() {
            self.error(first, None, "the pack has no [topic]".into());
        }
        // Only on an otherwise sound pack: a broken reference upstream would make every
        // outcome behind it look unreachable.
        if self.errors.is_empty() {
            for (id, place) in &catalogue.seen_outcomes {
                if !reached_outcomes.contains(id) {
                    self.errors.push(PackError { file: place.file.clone(), line: Some(place.line), reason: format!("outcome {id:?} is reached by no path of any topic") });
                }
            }
        }
        Pack {
            languages: self.languages.iter().map(|l| l.as_str().into()).collect(),
            settings: std::mem::take(&mut catalogue.settings),
            outcomes: std::mem::take(&mut catalogue.outcomes),
            principles: std::mem::take(&mut catalogue.principles),
            sources: std::mem::take(&mut catalogue.sources),
            topics,
        }
    }

    /// The `[pack]` table: exactly one, with valid, distinct language codes.
    fn languages(&mut self, files: &[(Doc<'_>, &PackFile)], first: Doc<'_>) {
        let headers: Vec<_> = files.iter().filter_map(|(doc, p)| p.pack.as_ref().map(|h| (*doc, h))).collect();
        match headers.as_slice() {
            [] => self.error(first, None, "no [pack] table: the pack must list its languages, e.g. [pack] languages = [\"en\"]".into()),
            [(doc, header), rest @ ..] => {
                let header_line = doc.line(header);
                if header.get_ref().languages.is_empty() {
                    self.error(*doc, Some(header_line), "[pack] languages is empty: configure at least one language".into());
                }
                for lang in &header.get_ref().languages {
                    let code = lang.get_ref();
                    let valid = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
                    if !valid {
                        self.error_at(*doc, lang, format!("language {code:?} is not a two- or three-letter lowercase code"));
                    } else if self.languages.contains(code) {
                        self.error_at(*doc, lang, format!("language {code:?} is listed twice"));
                    } else if locale::find(code).is_none() {
                        let spoken: Vec<&str> = locale::LOCALES.iter().map(|l| l.code).collect();
                        let reason = format!(
                            "language {code:?} is not one the advisor speaks ({}): its name, answer labels and number format go in engine/src/locale.rs, the app's wording in src/i18n.rs",
                            spoken.join(", ")
                        );
                        self.error_at(*doc, lang, reason);
                    } else {
                        self.languages.push(code.clone());
                    }
                }
                for (doc, again) in rest {
                    self.error_at(*doc, again, "a second [pack] table: the pack's languages are set once".into());
                }
            }
        }
    }

    /// The settings, their IDs, and the IDs of those that are amounts.
    fn settings(&mut self, files: &[(Doc<'_>, &PackFile)]) -> (Vec<Setting>, BTreeSet<String>, BTreeSet<String>) {
        let mut seen = BTreeMap::new();
        let mut setting_srcs = Vec::new();
        for (doc, pack_file) in files {
            for s in &pack_file.setting {
                if self.new_id(*doc, "setting", &s.id, &mut seen) {
                    setting_srcs.push((*doc, s));
                }
            }
        }
        let setting_ids: BTreeSet<String> = seen.keys().cloned().collect();
        let mut settings = Vec::new();
        for (doc, s) in setting_srcs {
            let line = doc.line(&s.id);
            let id = s.id.get_ref();
            let mut values = Vec::new();
            if let Some(amount) = &s.amount {
                let value = *amount.get_ref();
                let cents = value * 100.0;
                // Cents must stay exact in a u64 and in the f64 TOML gives: below 10^15.
                let problem = if !value.is_finite() || value < 0.0 {
                    Some("must be zero or more")
                } else if cents >= 1e15 {
                    Some("is too large (at most 9999999999999.99)")
                } else if (cents - cents.round()).abs() >= 1e-6 {
                    Some("has more than two decimals")
                } else {
                    None
                };
                if let Some(problem) = problem {
                    self.error_at(doc, amount, format!("setting {id:?}: amount {value} {problem}"));
                }
                values.push(SettingValue::Amount(Amount(cents.round().max(0.0) as u64)));
            }
            if let Some(n) = s.number {
                values.push(SettingValue::Number(n));
            }
            if let Some(t) = &s.text {
                values.push(SettingValue::Text(self.text(doc, &format!("setting {id:?}"), line, t, &setting_ids)));
            }
            if let Some(e) = &s.email {
                if !e.contains('@') || e.contains(char::is_whitespace) {
                    self.error(doc, Some(line), format!("setting {id:?}: {e:?} is not an e-mail address"));
                }
                values.push(SettingValue::Email(e.clone()));
            }
            if let Some(u) = &s.url {
                values.push(SettingValue::Url(u.clone()));
            }
            if let Some(f) = s.flag {
                values.push(SettingValue::Flag(f));
            }
            if values.len() != 1 {
                self.error(doc, Some(line), format!("setting {id:?} must have exactly one value: amount, number, text, email, url or flag (it has {})", values.len()));
            }
            if let Some(value) = values.into_iter().next() {
                let status = match s.status {
                    StatusSrc::Published => SettingStatus::Published,
                    StatusSrc::Confirm => SettingStatus::Confirm,
                };
                settings.push(Setting { id: id.as_str().into(), value, status, note: s.note.clone() });
            }
        }
        let amount_settings = settings.iter().filter(|s| matches!(s.value, SettingValue::Amount(_))).map(|s| s.id.as_str().to_owned()).collect();
        (settings, setting_ids, amount_settings)
    }

    /// Outcomes, principles and sources: what rules may name.
    fn catalogue(&mut self, files: &[(Doc<'_>, &PackFile)], settings: Vec<Setting>, setting_ids: BTreeSet<String>, amount_settings: BTreeSet<String>) -> Catalogue {
        let (mut outcomes, mut principles, mut sources) = (Vec::new(), Vec::new(), Vec::new());
        let (mut seen_outcomes, mut seen_principles, mut seen_sources) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
        for (doc, pack_file) in files {
            let doc = *doc;
            for o in &pack_file.outcome {
                let line = doc.line(&o.id);
                if self.new_id(doc, "outcome", &o.id, &mut seen_outcomes) {
                    let what = format!("outcome {:?}", o.id.get_ref());
                    outcomes.push(Outcome {
                        id: o.id.get_ref().as_str().into(),
                        title: self.text(doc, &format!("{what} title"), line, &o.title, &setting_ids),
                        summary: self.text(doc, &format!("{what} summary"), line, &o.summary, &setting_ids),
                        steps: self.texts(doc, &what, line, &o.step, &setting_ids),
                        tone: o.tone,
                    });
                }
            }
            for p in &pack_file.principle {
                let line = doc.line(&p.id);
                if self.new_id(doc, "principle", &p.id, &mut seen_principles) {
                    let what = format!("principle {:?}", p.id.get_ref());
                    principles.push(Principle {
                        id: p.id.get_ref().as_str().into(),
                        name: self.text(doc, &format!("{what} name"), line, &p.name, &setting_ids),
                        says: self.text(doc, &format!("{what} says"), line, &p.says, &setting_ids),
                    });
                }
            }
            for s in &pack_file.source {
                let line = doc.line(&s.id);
                if self.new_id(doc, "source", &s.id, &mut seen_sources) {
                    let basis = match s.basis {
                        BasisSrc::Found => Basis::Found,
                        BasisSrc::Practice => Basis::Practice,
                        BasisSrc::Suggested => Basis::Suggested,
                    };
                    sources.push(Source {
                        id: s.id.get_ref().as_str().into(),
                        cite: self.text(doc, &format!("source {:?} cite", s.id.get_ref()), line, &s.cite, &setting_ids),
                        basis,
                        brief: s.brief.clone(),
                    });
                }
            }
        }

        Catalogue { settings, setting_ids, amount_settings, outcomes, principles, sources, seen_outcomes, seen_principles, seen_sources }
    }

    /// The topics, each with its questions; `reached_outcomes` gathers what their paths reach.
    fn topics(&mut self, files: &[(Doc<'_>, &PackFile)], catalogue: &Catalogue, reached_outcomes: &mut BTreeSet<String>) -> Vec<Topic> {
        let refs = Refs {
            settings: &catalogue.setting_ids,
            amounts: &catalogue.amount_settings,
            outcomes: &catalogue.seen_outcomes,
            principles: &catalogue.seen_principles,
            sources: &catalogue.seen_sources,
        };
        let mut topics = Vec::new();
        let mut seen_topics = BTreeMap::new();
        let mut seen_rules = BTreeMap::new();
        for (doc, pack_file) in files {
            let doc = *doc;
            let Some(topic) = &pack_file.topic else {
                if let Some(q) = pack_file.question.first() {
                    self.error_at(doc, &q.id, "questions must be in a file with a [topic] table".into());
                }
                continue;
            };
            if !self.new_id(doc, "topic", &topic.id, &mut seen_topics) {
                continue;
            }
            if let Some(t) = self.topic(doc, topic, &pack_file.question, &refs, &mut seen_rules, reached_outcomes) {
                topics.push(t);
            }
        }
        topics
    }

    fn topic<'s>(
        &mut self,
        doc: Doc<'s>,
        topic: &'s crate::source::TopicSrc,
        question_srcs: &'s [QuestionSrc],
        refs: &Refs<'_>,
        seen_rules: &mut BTreeMap<String, Place>,
        reached_outcomes: &mut BTreeSet<String>,
    ) -> Option<Topic> {
        let topic_id = topic.id.get_ref();
        let topic_line = doc.line(&topic.id);
        let title = self.text(doc, &format!("topic {topic_id:?} title"), topic_line, &topic.title, refs.settings);
        let heading = self.text(doc, &format!("topic {topic_id:?} heading"), topic_line, &topic.heading, refs.settings);
        let summary = self.text(doc, &format!("topic {topic_id:?} summary"), topic_line, &topic.summary, refs.settings);

        let mut outcome_steps = Vec::new();
        for (i, step) in topic.next_step.iter().enumerate() {
            self.known(doc, &step.outcome, "outcome", refs.outcomes, &format!("topic {topic_id:?} next step {}", i + 1));
            let line = doc.line(&step.outcome);
            let text = self.text(doc, &format!("topic {topic_id:?} next step {}", i + 1), line, &step.text, refs.settings);
            outcome_steps.push((step.outcome.get_ref().as_str().into(), text));
        }

        let mut seen_questions = BTreeMap::new();
        let mut drafts = Vec::new();
        for q in question_srcs {
            if self.new_id(doc, "question", &q.id, &mut seen_questions) {
                let question = self.question(doc, q, refs, seen_rules);
                drafts.push(QuestionDraft { question, src: q, doc });
            }
        }
        let question_ids = || seen_questions.keys().map(String::as_str);
        if !seen_questions.contains_key(topic.start.get_ref()) {
            let hint = did_you_mean(topic.start.get_ref(), question_ids(), |s| format!("{s:?}"));
            self.error_at(doc, &topic.start, format!("topic {topic_id:?} starts at question {:?}, which it does not have{hint}", topic.start.get_ref()));
            return None;
        }

        // Dangling "next" references. Each is one mistake with one message: the search below
        // follows it to the question it was likely meant to name, and if there is none, no
        // question is reported unreachable, since the questions behind it would all be.
        let mut index: BTreeMap<&str, usize> = drafts.iter().enumerate().map(|(i, d)| (d.question.id.as_str(), i)).collect();
        let mut lost_a_path = false;
        for d in &drafts {
            for r in &d.src.rule {
                let Some(next) = &r.next else { continue };
                if seen_questions.contains_key(next.get_ref()) {
                    continue;
                }
                let likely = meant(next.get_ref(), question_ids());
                match likely.and_then(|m| index.get(m).copied()) {
                    Some(to) => _ = index.insert(next.get_ref().as_str(), to),
                    None => lost_a_path = true,
                }
                let hint = likely.map(|m| format!("; did you mean {m:?}?")).unwrap_or_default();
                self.error_at(doc, next, format!("rule {:?} leads to question {:?}, which topic {topic_id:?} does not have{hint}", r.id.get_ref(), next.get_ref()));
            }
        }

        // Reachability and cycles, by depth-first search from the start.
        let mut state = vec![Visit::New; drafts.len()];
        let mut stack = Vec::new();
        self.visit(&drafts, &index, index[topic.start.get_ref().as_str()], &mut state, &mut stack);
        for (d, s) in drafts.iter().zip(&state) {
            if *s == Visit::New {
                if !lost_a_path {
                    self.error_at(d.doc, &d.src.id, format!("question {:?} is reached by no path from the start question {:?}", d.src.id.get_ref(), topic.start.get_ref()));
                }
            } else {
                for rule in &d.question.rules {
                    if let Next::Outcome(o) = &rule.then {
                        reached_outcomes.insert(o.as_str().to_owned());
                    }
                    reached_outcomes.extend(rule.also.iter().map(|o| o.as_str().to_owned()));
                }
            }
        }

        Some(Topic {
            id: topic_id.as_str().into(),
            title,
            heading,
            summary,
            start: topic.start.get_ref().as_str().into(),
            questions: drafts.into_iter().map(|d| d.question).collect(),
            outcome_steps,
        })
    }

    fn visit(&mut self, drafts: &[QuestionDraft<'_>], index: &BTreeMap<&str, usize>, at: usize, state: &mut [Visit], stack: &mut Vec<usize>) {
        state[at] = Visit::OnPath;
        stack.push(at);
        for rule in &drafts[at].src.rule {
            let Some(next) = &rule.next else { continue };
            let Some(&to) = index.get(next.get_ref().as_str()) else { continue };
            match state[to] {
                Visit::New => self.visit(drafts, index, to, state, stack),
                Visit::OnPath => {
                    let from = stack.iter().position(|&q| q == to).unwrap_or(0);
                    let cycle: Vec<&str> = stack[from..].iter().chain([&to]).map(|&q| drafts[q].question.id.as_str()).collect();
                    self.error_at(drafts[at].doc, next, format!("rule {:?} closes a cycle: {}", rule.id.get_ref(), cycle.join(" → ")));
                }
                Visit::Done => {}
            }
        }
        stack.pop();
        state[at] = Visit::Done;
    }

    fn question(&mut self, doc: Doc<'_>, q: &QuestionSrc, refs: &Refs<'_>, seen_rules: &mut BTreeMap<String, Place>) -> Question {
        let qid = q.id.get_ref();
        let line = doc.line(&q.id);
        let what = format!("question {qid:?}");
        let ask = self.text(doc, &format!("{what} ask"), line, &q.ask, refs.settings);
        let hint = q.hint.as_ref().map(|h| self.text(doc, &format!("{what} hint"), line, h, refs.settings));

        let builtin = |b: BuiltinOption| AnswerOption { id: b.id().into(), label: OptionLabel::Builtin(b) };
        let mut options = Vec::new();
        let input = match q.input {
            InputSrc::Choice => {
                let mut seen = BTreeMap::new();
                for o in &q.option {
                    if self.new_id(doc, "option", &o.id, &mut seen) {
                        let o_line = doc.line(&o.id);
                        let label = self.text(doc, &format!("{what} option {:?} label", o.id.get_ref()), o_line, &o.label, refs.settings);
                        let hint = o.hint.as_ref().map(|h| self.text(doc, &format!("{what} option {:?} hint", o.id.get_ref()), o_line, h, refs.settings));
                        options.push(AnswerOption { id: o.id.get_ref().as_str().into(), label: OptionLabel::Pack { label, hint } });
                    }
                }
                if q.option.len() < 2 {
                    self.error(doc, Some(line), format!("{what} is a choice but offers {} option(s); give at least two", q.option.len()));
                }
                Input::Choice
            }
            InputSrc::YesNo | InputSrc::Amount => {
                if let Some(o) = q.option.first() {
                    self.error_at(doc, &o.id, format!("{what} has fixed answers, so it takes no [[question.option]]"));
                }
                if q.input == InputSrc::YesNo {
                    options.extend([builtin(BuiltinOption::Yes), builtin(BuiltinOption::No)]);
                    Input::YesNo
                } else {
                    options.extend([builtin(BuiltinOption::AtOrBelow), builtin(BuiltinOption::Above)]);
                    match &q.compare_with {
                        None => {
                            self.error(doc, Some(line), format!("{what} asks for an amount but names no compare_with setting"));
                            Input::Amount { compare_with: "".into() }
                        }
                        Some(setting) => {
                            if !refs.amounts.contains(setting.get_ref()) {
                                let kind = if refs.settings.contains(setting.get_ref()) { "a setting that is not an amount" } else { "not a setting" };
                                let hint = did_you_mean(setting.get_ref(), refs.amounts.iter().map(String::as_str), |s| format!("{s:?}"));
                                self.error_at(doc, setting, format!("{what} compares with {:?}, which is {kind}{hint}", setting.get_ref()));
                            }
                            Input::Amount { compare_with: setting.get_ref().as_str().into() }
                        }
                    }
                }
            }
        };
        if let (Some(setting), false) = (&q.compare_with, q.input == InputSrc::Amount) {
            self.error_at(doc, setting, format!("{what} has compare_with but is not an amount question"));
        }
        if q.dont_know {
            options.push(builtin(BuiltinOption::DontKnow));
        }

        let rules: Vec<Rule> = q.rule.iter().filter_map(|r| self.rule(doc, &what, r, &options, refs, seen_rules)).collect();

        // Each option must be matched by exactly one rule, or its path ends nowhere.
        for option in &options {
            let matching: Vec<&str> = rules.iter().filter(|r| r.when.contains(&option.id)).map(|r| r.id.as_str()).collect();
            match matching.as_slice() {
                [] => self.error(doc, Some(line), format!("answer {:?} to {what} matches no rule, so its path ends without an outcome", option.id.as_str())),
                [_] => {}
                many => self.error(doc, Some(line), format!("answer {:?} to {what} is matched by more than one rule: {}", option.id.as_str(), many.join(", "))),
            }
        }
        let exceptions = q
            .exception
            .iter()
            .map(|e| LintException { lint: *e.lint.get_ref(), lang: e.lang.as_ref().map(|l| l.get_ref().clone()), reason: e.reason.get_ref().clone() })
            .collect();
        Question { id: qid.as_str().into(), ask, hint, input, options, rules, exceptions }
    }

    fn rule(&mut self, doc: Doc<'_>, question: &str, r: &RuleSrc, options: &[AnswerOption], refs: &Refs<'_>, seen_rules: &mut BTreeMap<String, Place>) -> Option<Rule> {
        if !self.new_id(doc, "rule", &r.id, seen_rules) {
            return None;
        }
        let rid = r.id.get_ref();
        let line = doc.line(&r.id);
        let what = format!("rule {rid:?}");
        if r.when.is_empty() {
            self.error(doc, Some(line), format!("{what} has an empty `when`: list the answers it matches"));
        }
        let mut when = Vec::new();
        for w in &r.when {
            if options.iter().any(|o| o.id.as_str() == w.get_ref()) {
                when.push(OptionId::from(w.get_ref().as_str()));
            } else {
                let offered: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
                self.error_at(doc, w, format!("{what} matches answer {:?}, which {question} does not offer ({})", w.get_ref(), offered.join(", ")));
            }
        }
        let then = match (&r.next, &r.outcome) {
            (Some(next), None) => Next::Question(next.get_ref().as_str().into()),
            (None, Some(outcome)) => {
                self.known(doc, outcome, "outcome", refs.outcomes, &what);
                Next::Outcome(outcome.get_ref().as_str().into())
            }
            _ => {
                self.error(doc, Some(line), format!("{what} must have exactly one of `next` (a question) or `outcome`"));
                Next::Outcome("".into())
            }
        };
        for also in &r.also {
            self.known(doc, also, "outcome", refs.outcomes, &what);
        }
        if !r.also.is_empty() && matches!(then, Next::Question(_)) {
            self.error(doc, Some(line), format!("{what} has `also` outcomes but leads to a question, not an outcome"));
        }
        self.known(doc, &r.principle, "principle", refs.principles, &what);
        self.known(doc, &r.source, "source", refs.sources, &what);
        Some(Rule {
            id: rid.as_str().into(),
            when,
            then,
            also: r.also.iter().map(|a| a.get_ref().as_str().into()).collect(),
            says: self.text(doc, &format!("{what} says"), line, &r.says, refs.settings),
            principle: r.principle.get_ref().as_str().into(),
            source: r.source.get_ref().as_str().into(),
            steps: self.texts(doc, &what, line, &r.step, refs.settings),
        })
    }

    fn known(&mut self, doc: Doc<'_>, id: &Sp<String>, kind: &str, known: &BTreeMap<String, Place>, what: &str) {
        if !known.contains_key(id.get_ref()) {
            let hint = did_you_mean(id.get_ref(), known.keys().map(String::as_str), |s| format!("{s:?}"));
            self.error_at(doc, id, format!("{what} names {kind} {:?}, which the pack does not define{hint}", id.get_ref()));
        }
    }
}

/// The one known ID that `wrong` is most likely a typo of: within a few edits (one for a
/// short ID, up to a third of its letters for a longer one), and nearer than any other.
fn meant<'k>(wrong: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    let tolerance = (wrong.chars().count() / 3).max(1);
    let mut nearest: Vec<(usize, &str)> = known.into_iter().map(|k| (strsim::damerau_levenshtein(wrong, k), k)).filter(|(d, _)| *d <= tolerance).collect();
    nearest.sort_unstable();
    match nearest.as_slice() {
        [(_, only)] => Some(only),
        [(best, k), (next, _), ..] if best < next => Some(k),
        _ => None,
    }
}

/// "; did you mean …?" for an error message, with the likely ID written by `show`, or nothing.
fn did_you_mean<'k>(wrong: &str, known: impl IntoIterator<Item = &'k str>, show: impl Fn(&str) -> String) -> String {
    meant(wrong, known).map(|m| format!("; did you mean {}?", show(m))).unwrap_or_default()
}

/// The distinct placeholder names of a text, sorted.
fn names_in(text: &str) -> Vec<&str> {
    let mut names = placeholders(text).unwrap_or_default();
    names.sort_unstable();
    names.dedup();
    names
}

/// The IDs a topic's rules may refer to.
struct Refs<'a> {
    settings: &'a BTreeSet<String>,
    amounts: &'a BTreeSet<String>,
    outcomes: &'a BTreeMap<String, Place>,
    principles: &'a BTreeMap<String, Place>,
    sources: &'a BTreeMap<String, Place>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Visit {
    New,
    OnPath,
    Done,
}

#[cfg(test)]
mod tests {
    use super::meant;

    #[test]
    fn guesses_the_meant_id_only_when_one_is_clearly_nearest() {
        let ids = ["gift_value", "giver", "cash", "no", "ok"];
        assert_eq!(meant("gift_valeu", ids), Some("gift_value"), "a swap of two letters");
        assert_eq!(meant("givr", ids), Some("giver"), "a letter left out");
        assert_eq!(meant("gift_vl", ids), None, "three edits in seven letters is more than a typo");
        assert_eq!(meant("on", ids), None, "as near to \"no\" as to \"ok\": no guess");
        assert_eq!(meant("honesty", ids), None);
        assert_eq!(meant("cash", ["cash1", "cash2"]), None, "two equally near");
        assert_eq!(meant("gift_valeu", ["gift_values", "gift_value"]), Some("gift_value"), "the nearer of two near ones");
    }
}
