//! The pack being edited: its TOML files as text, the edits the studio's forms make to them
//! (through `toml_edit`, so that comments, order and layout stay as the reviewers wrote them),
//! and what the engine's own validator and the case library say of the result.

use ethics_engine::{cases, load, Pack, PackError};
use toml_edit::{DocumentMut, Item, Table, TableLike};

/// One file of the pack, as the studio holds it: its path under `rules/` and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// The pack's files and the case library the studio checks them against.
#[derive(Clone, Debug, PartialEq)]
pub struct Workspace {
    pub files: Vec<SourceFile>,
    pub cases: Vec<SourceFile>,
}

/// What the engine says of the files: the pack, or every problem with its file and line; and
/// the cases whose outcome the edited pack no longer gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub pack: Result<Pack, Vec<PackError>>,
    pub changed_cases: Vec<cases::CaseResult>,
    /// Case files that no longer fit the pack (a question or option they answer is gone).
    pub case_problems: Vec<PackError>,
}

/// A setting as its form shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingForm {
    pub id: String,
    pub value: SettingValue,
    /// `published` or `confirm`.
    pub status: String,
    pub note: String,
}

/// A setting's value, by kind: one text per language, or one value written as text.
#[derive(Clone, Debug, PartialEq)]
pub enum SettingValue {
    Texts(Vec<(String, String)>),
    /// `amount`, `number`, `email`, `url` or `flag`, and the value as written.
    Single { kind: String, value: String },
}

/// One text of the pack in every language, and where it is in its file.
#[derive(Clone, Debug, PartialEq)]
pub struct TextEntry {
    /// The tables that lead to it from the top of the file: each one's array (or table) name
    /// and its `id` — or its number from 1, `#2`, for a table without one (a step).
    pub path: Vec<(String, String)>,
    /// The text's key in its table (`ask`, `says`, `title`, …), or "" where the table is the
    /// text itself (`[[outcome.step]]`).
    pub key: String,
    /// Each language of the pack with its text ("" where it is missing).
    pub texts: Vec<(String, String)>,
}

/// One rule of a question, as the "where each answer leads" form shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleForm {
    pub question: String,
    pub rule: String,
    /// The answers (option IDs) it matches.
    pub when: Vec<String>,
    /// Where it leads: `question:<id>` or `outcome:<id>`.
    pub leads_to: String,
}

/// What a form asked to change.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// A setting's amount, number, e-mail, address or flag, as typed.
    SettingValue { id: String, value: String },
    SettingText { id: String, lang: String, text: String },
    SettingStatus { id: String, status: String },
    /// A text in one language: where it is (as [`TextEntry`] names it) and its new wording.
    Text { file: String, path: Vec<(String, String)>, key: String, lang: String, text: String },
    /// Where a rule leads: `question:<id>` or `outcome:<id>`.
    RuleLeadsTo { file: String, question: String, rule: String, to: String },
    /// A whole file, as typed in its text editor.
    FileText { file: String, text: String },
}

const SETTINGS_FILE: &str = "settings.toml";
const VALUE_KINDS: [&str; 6] = ["amount", "number", "text", "email", "url", "flag"];

impl Workspace {
    /// The languages of the pack, from its `[pack]` table, or none if it cannot be read.
    pub fn languages(&self) -> Vec<String> {
        self.documents()
            .iter()
            .find_map(|(_, doc)| doc.get("pack")?.get("languages")?.as_array().map(|a| a.iter().filter_map(|l| l.as_str().map(str::to_owned)).collect()))
            .unwrap_or_default()
    }

    /// The files that parse, with their documents.
    fn documents(&self) -> Vec<(&SourceFile, DocumentMut)> {
        self.files.iter().filter_map(|f| f.text.parse::<DocumentMut>().ok().map(|doc| (f, doc))).collect()
    }

    /// The `[[array]]` tables of a file, if it can be read.
    fn tables(&self, file: &str, array: &str) -> Vec<Table> {
        let doc = self.file(file).and_then(|f| f.text.parse::<DocumentMut>().ok());
        doc.and_then(|doc| doc.get(array)?.as_array_of_tables().map(|a| a.iter().cloned().collect())).unwrap_or_default()
    }

    /// Every setting of `settings.toml`, in file order.
    pub fn settings(&self) -> Vec<SettingForm> {
        let languages = self.languages();
        self.tables(SETTINGS_FILE, "setting")
            .iter()
            .map(|t| {
                let text = |key: &str| t.get(key).and_then(Item::as_str).unwrap_or_default().to_owned();
                let value = match VALUE_KINDS.iter().find(|k| t.contains_key(k)) {
                    Some(&"text") => SettingValue::Texts(languages.iter().map(|l| (l.clone(), t["text"].get(l).and_then(Item::as_str).unwrap_or_default().to_owned())).collect()),
                    Some(kind) => SettingValue::Single { kind: kind.to_string(), value: written(&t[*kind]) },
                    None => SettingValue::Single { kind: String::new(), value: String::new() },
                };
                SettingForm { id: text("id"), value, status: text("status"), note: text("note") }
            })
            .collect()
    }

    /// The topic files (`topics/…`), each with its topic's ID, in file order.
    pub fn topics(&self) -> Vec<(String, String)> {
        self.documents()
            .into_iter()
            .filter_map(|(f, doc)| Some((f.path.clone(), doc.get("topic")?.get("id")?.as_str()?.to_owned())))
            .collect()
    }

    /// Every text of a file, in file order: questions' and options' wording, rules' reasons,
    /// outcomes and their steps, names and citations — whatever has a text per language.
    pub fn texts(&self, file: &str) -> Vec<TextEntry> {
        let Some(doc) = self.file(file).and_then(|f| f.text.parse::<DocumentMut>().ok()) else { return Vec::new() };
        let mut out = Vec::new();
        texts_in(doc.as_table(), &self.languages(), &mut Vec::new(), &mut out);
        out
    }

    /// Every rule of a topic file's questions, in file order.
    pub fn rules(&self, file: &str) -> Vec<RuleForm> {
        let mut rules = Vec::new();
        for question in self.tables(file, "question") {
            let question_id = question.get("id").and_then(Item::as_str).unwrap_or_default();
            for rule in question.get("rule").and_then(Item::as_array_of_tables).iter().flat_map(|a| a.iter()) {
                let text = |key: &str| rule.get(key).and_then(Item::as_str).map(str::to_owned);
                let leads_to = match (text("next"), text("outcome")) {
                    (Some(next), _) => format!("question:{next}"),
                    (None, Some(outcome)) => format!("outcome:{outcome}"),
                    (None, None) => String::new(),
                };
                let when = rule.get("when").and_then(Item::as_array).map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()).unwrap_or_default();
                rules.push(RuleForm { question: question_id.to_owned(), rule: text("id").unwrap_or_default(), when, leads_to });
            }
        }
        rules
    }

    /// Where a rule of a topic file may lead: the file's questions, then every outcome.
    pub fn destinations(&self, file: &str) -> Vec<String> {
        let ids = |file: &str, array: &str, kind: &str| -> Vec<String> {
            self.tables(file, array).iter().filter_map(|t| t.get("id").and_then(Item::as_str).map(|id| format!("{kind}:{id}"))).collect()
        };
        let outcomes = self.files.iter().flat_map(|f| ids(&f.path, "outcome", "outcome"));
        ids(file, "question", "question").into_iter().chain(outcomes).collect()
    }

    fn file(&self, path: &str) -> Option<&SourceFile> {
        self.files.iter().find(|f| f.path == path)
    }

    /// Applies an edit to the files' text, or says why it cannot (then nothing changes).
    pub fn apply(&mut self, edit: &Edit) -> Result<(), String> {
        match edit {
            Edit::FileText { file, text } => {
                let target = self.files.iter_mut().find(|f| f.path == *file).ok_or_else(|| format!("no file {file}"))?;
                target.text = text.clone();
                Ok(())
            }
            Edit::SettingValue { id, value } => self.edit_setting(id, |t| {
                let kind = VALUE_KINDS.iter().find(|k| t.contains_key(k)).copied().unwrap_or("");
                replace(&mut t[kind], typed(kind, value)?);
                Ok(())
            }),
            Edit::SettingText { id, lang, text } => self.edit_setting(id, |t| set_dotted(t, "text", lang, text)),
            Edit::SettingStatus { id, status } => self.edit_setting(id, |t| {
                replace(&mut t["status"], status.as_str().into());
                Ok(())
            }),
            Edit::RuleLeadsTo { file, question, rule, to } => {
                let (key, id) = to.split_once(':').filter(|(k, _)| ["question", "outcome"].contains(k)).ok_or_else(|| format!("not a destination: {to}"))?;
                let key = if key == "question" { "next" } else { "outcome" };
                self.edit_at(file, &[("question".into(), question.clone()), ("rule".into(), rule.clone())], |table| {
                    // The same kind of destination keeps its place in the table; another kind
                    // replaces it (a rule leads to a question or ends on an outcome, not both).
                    match table.get_mut(key) {
                        Some(item) => replace(item, id.into()),
                        None => {
                            let other = if key == "next" { "outcome" } else { "next" };
                            let order: Vec<String> = table.iter().map(|(k, _)| if k == other { key.to_owned() } else { k.to_owned() }).collect();
                            let indent = table.key("id").and_then(|k| k.leaf_decor().prefix()).and_then(|p| p.as_str()).unwrap_or("").to_owned();
                            table.remove(other);
                            table.insert(key, toml_edit::value(id));
                            if let Some(mut new_key) = table.key_mut(key) {
                                new_key.leaf_decor_mut().set_prefix(indent);
                            }
                            // Where the other one was, indented like the rest.
                            let place = |k: &toml_edit::Key| order.iter().position(|o| o == k.get()).unwrap_or(usize::MAX);
                            table.sort_values_by(|a, _, b, _| place(a).cmp(&place(b)));
                        }
                    }
                    Ok(())
                })
            }
            Edit::Text { file, path, key, lang, text } => self.edit_at(file, path, |table| {
                if key.is_empty() {
                    set_language(table, lang, text);
                    Ok(())
                } else {
                    set_dotted(table, key, lang, text)
                }
            }),
        }
    }

    /// Changes the `[[setting]]` with this `id`, keeping the rest as written.
    fn edit_setting(&mut self, id: &str, change: impl FnOnce(&mut Table) -> Result<(), String>) -> Result<(), String> {
        self.edit_at(SETTINGS_FILE, &[("setting".to_owned(), id.to_owned())], change)
    }

    /// Changes the table a path leads to in `file` (see [`TextEntry::path`]), keeping the
    /// rest as written.
    fn edit_at(&mut self, file: &str, path: &[(String, String)], change: impl FnOnce(&mut Table) -> Result<(), String>) -> Result<(), String> {
        let target = self.files.iter_mut().find(|f| f.path == file).ok_or_else(|| format!("no file {file}"))?;
        let mut doc: DocumentMut = target.text.parse().map_err(|e| format!("{file} cannot be read: {e}"))?;
        let described = path.iter().map(|(array, id)| format!("{array} {id:?}")).collect::<Vec<_>>().join(" › ");
        let table = table_at(doc.as_table_mut(), path).ok_or_else(|| format!("{file} has no {described}"))?;
        change(table)?;
        target.text = doc.to_string();
        Ok(())
    }

    /// Runs the engine's validator (the code `check-rules` runs) on the files, then the case
    /// library on the pack, if it is valid.
    pub fn check(&self) -> Checked {
        let sources: Vec<(String, String)> = self.files.iter().map(|f| (f.path.clone(), f.text.clone())).collect();
        let pack = load::from_sources(&sources);
        let (mut changed_cases, mut case_problems) = (Vec::new(), Vec::new());
        if let Ok(pack) = &pack {
            for file in &self.cases {
                match cases::parse(pack, &file.path, &file.text) {
                    Ok(library) => changed_cases.extend(library.iter().map(|case| cases::run(pack, case)).filter(|r| r.failure.is_some())),
                    Err(errors) => case_problems.extend(errors),
                }
            }
        }
        Checked { pack, changed_cases, case_problems }
    }
}

/// A value as TOML writes it, without its quotes for a string.
fn written(item: &Item) -> String {
    match item.as_str() {
        Some(text) => text.to_owned(),
        None => item
            .as_value()
            .map(|v| {
                let mut bare = v.clone();
                bare.decor_mut().clear();
                bare.to_string()
            })
            .unwrap_or_default(),
    }
}

/// A typed value for a setting of this kind, or what is wrong with the text.
fn typed(kind: &str, text: &str) -> Result<toml_edit::Value, String> {
    let text = text.trim();
    match kind {
        "amount" => match (text.parse::<i64>(), text.parse::<f64>()) {
            (Ok(whole), _) => Ok(whole.into()),
            (_, Ok(decimal)) if decimal.is_finite() => Ok(decimal.into()),
            _ => Err("number".into()),
        },
        "number" => text.parse::<i64>().map(Into::into).map_err(|_| "whole number".into()),
        "flag" => match text {
            "true" => Ok(true.into()),
            "false" => Ok(false.into()),
            _ => Err("flag".into()),
        },
        _ => Ok(text.into()),
    }
}

/// Whether a table holds one text: only language keys, at least one.
fn is_text(table: &dyn TableLike, languages: &[String]) -> bool {
    !table.is_empty() && table.iter().all(|(key, item)| languages.iter().any(|l| l == key) && item.is_str())
}

fn texts_in(table: &dyn TableLike, languages: &[String], path: &mut Vec<(String, String)>, out: &mut Vec<TextEntry>) {
    let entry = |path: &[(String, String)], key: &str, text: &dyn TableLike| TextEntry {
        path: path.to_vec(),
        key: key.to_owned(),
        texts: languages.iter().map(|l| (l.clone(), text.get(l).and_then(Item::as_str).unwrap_or_default().to_owned())).collect(),
    };
    if is_text(table, languages) {
        out.push(entry(path, "", table));
        return;
    }
    for (key, item) in table.iter() {
        if let Some(text) = item.as_table_like().filter(|t| is_text(*t, languages)) {
            out.push(entry(path, key, text));
        } else if let Some(tables) = item.as_array_of_tables() {
            for (i, inner) in tables.iter().enumerate() {
                path.push((key.to_owned(), table_name(inner, i)));
                texts_in(inner, languages, path, out);
                path.pop();
            }
        } else if let Some(inner) = item.as_table() {
            path.push((key.to_owned(), table_name(inner, 0)));
            texts_in(inner, languages, path, out);
            path.pop();
        }
    }
}

/// A table's name in a text's path: its `id`, or its number (`#1`).
fn table_name(table: &Table, index: usize) -> String {
    table.get("id").and_then(Item::as_str).map_or_else(|| format!("#{}", index + 1), str::to_owned)
}

/// The table a path leads to, as [`texts_in`] wrote it.
fn table_at<'t>(table: &'t mut Table, path: &[(String, String)]) -> Option<&'t mut Table> {
    let Some(((key, name), rest)) = path.split_first() else { return Some(table) };
    let next = match table.get_mut(key)? {
        Item::ArrayOfTables(tables) => tables.iter_mut().enumerate().find(|(i, t)| table_name(t, *i) == *name).map(|(_, t)| t)?,
        Item::Table(inner) => inner,
        _ => return None,
    };
    table_at(next, rest)
}

/// Sets `lang = text` in a table that is itself a text.
fn set_language(table: &mut Table, lang: &str, text: &str) {
    match table.get_mut(lang) {
        Some(item) => replace(item, text.into()),
        None => _ = table.insert(lang, toml_edit::value(text)),
    }
}

/// Sets `key.lang = text` in a table, dotted like the rest of the pack's files.
fn set_dotted(table: &mut Table, key: &str, lang: &str, text: &str) -> Result<(), String> {
    let entry = table.entry(key).or_insert_with(|| {
        let mut dotted = Table::new();
        dotted.set_dotted(true);
        Item::Table(dotted)
    });
    let inner = entry.as_table_like_mut().ok_or_else(|| format!("{key} is not a table of languages"))?;
    match inner.get_mut(lang) {
        Some(item) => replace(item, text.into()),
        None => {
            inner.insert(lang, toml_edit::value(text));
            // A language added to an inline table: its spacing written afresh, evenly.
            if let Some(inline) = entry.as_inline_table_mut() {
                inline.fmt();
            }
        }
    }
    Ok(())
}

/// Puts a new value where the old one was, with the old one's spacing and comment.
fn replace(item: &mut Item, mut new: toml_edit::Value) {
    if let Some(old) = item.as_value() {
        *new.decor_mut() = old.decor().clone();
    }
    *item = Item::Value(new);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace() -> Workspace {
        let file = |path: &str, text: &str| SourceFile { path: path.into(), text: text.into() };
        Workspace {
            files: vec![
                file(
                    "settings.toml",
                    "# The settings.\n[pack]\nlanguages = [\"en\", \"fr\"]\n\n[[setting]]\nid = \"limit\"\namount = 30 # USD\nstatus = \"confirm\"\nnote = \"To confirm.\"\n\n[[setting]]\nid = \"org\"\ntext.en = \"the Organization\"\ntext.fr = \"l'Organisation\"\nstatus = \"published\"\nnote = \"Its name.\"\n",
                ),
                file(
                    "topics/1_demo.toml",
                    "[topic]\nid = \"demo\"\n\n[[question]]\nid = \"cash\"\nask.en = \"Is it cash?\" # short\nask.fr = \"Est-ce de l'argent ?\"\ninput = \"yes_no\"\n\n  [[question.option]]\n  id = \"yes\"\n  label = { en = \"Cash\" }\n\n  [[question.rule]]\n  id = \"is_cash\"\n  says.en = \"Never.\"\n  says.fr = \"Jamais.\"\n\n  [[question.rule.step]]\n  en = \"Say no.\"\n  fr = \"Dites non.\"\n",
                ),
            ],
            cases: Vec::new(),
        }
    }

    #[test]
    fn reads_settings_and_question_texts() {
        let ws = workspace();
        assert_eq!(ws.languages(), ["en", "fr"]);
        let settings = ws.settings();
        assert_eq!(settings[0], SettingForm { id: "limit".into(), value: SettingValue::Single { kind: "amount".into(), value: "30".into() }, status: "confirm".into(), note: "To confirm.".into() });
        assert_eq!(settings[1].value, SettingValue::Texts(vec![("en".into(), "the Organization".into()), ("fr".into(), "l'Organisation".into())]));
        assert_eq!(ws.topics(), [("topics/1_demo.toml".to_owned(), "demo".to_owned())]);
        let texts = ws.texts("topics/1_demo.toml");
        let pair = |en: &str, fr: &str| vec![("en".to_owned(), en.to_owned()), ("fr".to_owned(), fr.to_owned())];
        let at = |path: &[(&str, &str)]| path.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
        assert_eq!(texts, [
            TextEntry { path: at(&[("question", "cash")]), key: "ask".into(), texts: pair("Is it cash?", "Est-ce de l'argent ?") },
            TextEntry { path: at(&[("question", "cash"), ("option", "yes")]), key: "label".into(), texts: pair("Cash", "") },
            TextEntry { path: at(&[("question", "cash"), ("rule", "is_cash")]), key: "says".into(), texts: pair("Never.", "Jamais.") },
            TextEntry { path: at(&[("question", "cash"), ("rule", "is_cash"), ("step", "#1")]), key: "".into(), texts: pair("Say no.", "Dites non.") },
        ]);
    }

    #[test]
    fn edits_keep_comments_and_layout() {
        let mut ws = workspace();
        ws.apply(&Edit::SettingValue { id: "limit".into(), value: "50".into() }).unwrap();
        ws.apply(&Edit::SettingStatus { id: "limit".into(), status: "published".into() }).unwrap();
        ws.apply(&Edit::SettingText { id: "org".into(), lang: "fr".into(), text: "l'Office".into() }).unwrap();
        let text = |path: &[(&str, &str)], key: &str, lang: &str, text: &str| Edit::Text {
            file: "topics/1_demo.toml".into(),
            path: path.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect(),
            key: key.into(),
            lang: lang.into(),
            text: text.into(),
        };
        ws.apply(&text(&[("question", "cash")], "ask", "fr", "S'agit-il d'argent ?")).unwrap();
        ws.apply(&text(&[("question", "cash")], "hint", "en", "Or a cheque.")).unwrap();
        ws.apply(&text(&[("question", "cash"), ("option", "yes")], "label", "fr", "Argent")).unwrap();
        ws.apply(&text(&[("question", "cash"), ("rule", "is_cash"), ("step", "#1")], "", "fr", "Refusez.")).unwrap();
        assert!(ws.apply(&text(&[("question", "gone")], "ask", "fr", "?")).is_err());
        let settings = &ws.files[0].text;
        assert!(settings.starts_with("# The settings.\n"), "{settings}");
        assert!(settings.contains("amount = 50 # USD\nstatus = \"published\"\n"), "{settings}");
        assert!(settings.contains("text.fr = \"l'Office\"\n"), "{settings}");
        let topic = &ws.files[1].text;
        assert!(topic.contains("ask.en = \"Is it cash?\" # short\nask.fr = \"S'agit-il d'argent ?\"\n"), "{topic}");
        assert!(topic.contains("hint.en = \"Or a cheque.\"\n"), "{topic}");
        assert!(topic.contains("label = { en = \"Cash\", fr = \"Argent\" }\n"), "an inline text stays inline: {topic}");
        assert!(topic.contains("  en = \"Say no.\"\n  fr = \"Refusez.\"\n"), "{topic}");
        assert_eq!(ws.apply(&Edit::SettingValue { id: "limit".into(), value: "fifty".into() }), Err("number".into()));
        assert!(ws.files[0].text.contains("amount = 50 # USD"), "a refused edit changes nothing");
        assert_eq!(ws.apply(&Edit::SettingValue { id: "nope".into(), value: "1".into() }), Err("settings.toml has no setting \"nope\"".into()));
    }

    #[test]
    fn each_rule_leads_to_a_question_or_an_outcome_and_can_be_sent_elsewhere() {
        let file = |path: &str, text: &str| SourceFile { path: path.into(), text: text.into() };
        let topic = "[[question]]\nid = \"cash\"\n\n  [[question.rule]]\n  id = \"is_cash\"\n  when = [\"yes\"]\n  outcome = \"no\"\n  says.en = \"Never.\"\n\n  [[question.rule]]\n  id = \"not_cash\"\n  when = [\"no\", \"dont_know\"]\n  next = \"value\" # by value\n  says.en = \"Its value.\"\n\n[[question]]\nid = \"value\"\n";
        let mut ws = Workspace { files: vec![file("outcomes.toml", "[[outcome]]\nid = \"ok\"\n\n[[outcome]]\nid = \"no\"\n"), file("topics/t.toml", topic)], cases: Vec::new() };
        let rule = |question: &str, rule: &str, when: &[&str], leads_to: &str| RuleForm { question: question.into(), rule: rule.into(), when: when.iter().map(|w| w.to_string()).collect(), leads_to: leads_to.into() };
        assert_eq!(ws.rules("topics/t.toml"), [rule("cash", "is_cash", &["yes"], "outcome:no"), rule("cash", "not_cash", &["no", "dont_know"], "question:value")]);
        assert_eq!(ws.destinations("topics/t.toml"), ["question:cash", "question:value", "outcome:ok", "outcome:no"]);

        let lead = |rule: &str, to: &str| Edit::RuleLeadsTo { file: "topics/t.toml".into(), question: "cash".into(), rule: rule.into(), to: to.into() };
        ws.apply(&lead("not_cash", "question:cash")).unwrap();
        assert!(ws.files[1].text.contains("  next = \"cash\" # by value\n  says.en"), "the same kind keeps its place: {}", ws.files[1].text);
        ws.apply(&lead("is_cash", "question:value")).unwrap();
        assert!(ws.files[1].text.contains("  when = [\"yes\"]\n  next = \"value\"\n  says.en = \"Never.\"\n"), "in the outcome's place: {}", ws.files[1].text);
        assert_eq!(ws.rules("topics/t.toml")[0].leads_to, "question:value");
        assert_eq!(ws.apply(&lead("is_cash", "nowhere")), Err("not a destination: nowhere".into()));
        assert_eq!(ws.apply(&lead("gone", "outcome:ok")), Err("topics/t.toml has no question \"cash\" › rule \"gone\"".into()));
    }
}
