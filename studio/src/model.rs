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

/// A question of a topic file, as the "questions and where each answer leads" form shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionForm {
    pub id: String,
    /// `yes_no`, `choice` or `amount`.
    pub input: String,
    /// A choice question's own options, in order.
    pub options: Vec<String>,
    /// Whether it has a hint (a question need not).
    pub has_hint: bool,
    /// Every answer a rule may match: the options (or yes and no, or at or below and above),
    /// and `dont_know` where the question offers it.
    pub answers: Vec<String>,
    pub rules: Vec<RuleForm>,
}

/// One rule of a question: the answers it matches, where it leads and what it cites.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleForm {
    pub question: String,
    pub rule: String,
    /// The answers (option IDs) it matches.
    pub when: Vec<String>,
    /// Where it leads: `question:<id>` or `outcome:<id>`.
    pub leads_to: String,
    pub principle: String,
    pub source: String,
}

/// What a rule may cite: the IDs of every principle and every source of the pack.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Citations {
    pub principles: Vec<String>,
    pub sources: Vec<String>,
}

/// What a form asked to change.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// A setting's amount, number, e-mail, address or flag, as typed.
    SettingValue { id: String, value: String },
    SettingText { id: String, lang: String, text: String },
    SettingStatus { id: String, status: String },
    /// A setting's note for reviewers: where its value comes from, what to confirm.
    SettingNote { id: String, note: String },
    /// A text in one language: where it is (as [`TextEntry`] names it) and its new wording.
    Text { file: String, path: Vec<(String, String)>, key: String, lang: String, text: String },
    /// Where a rule leads: `question:<id>` or `outcome:<id>`.
    RuleLeadsTo { file: String, question: String, rule: String, to: String },
    /// Whether a rule matches one answer of its question.
    RuleAnswer { file: String, question: String, rule: String, answer: String, matches: bool },
    /// The principle or the source a rule cites (`key` is `principle` or `source`).
    RuleCites { file: String, question: String, rule: String, key: String, id: String },
    /// A text a table may have and does not yet (a question's hint), empty in every language
    /// for the texts' form to fill in.
    AddText { file: String, path: Vec<(String, String)>, key: String },
    /// A new question at the end of a topic file: `yes_no`, `choice` or `amount`, its texts to write.
    AddQuestion { file: String, id: String, input: String },
    /// A new option at the end of a choice question's, its label to write.
    AddOption { file: String, question: String, id: String },
    /// A new rule at the end of a question's, citing what the rule before it cites.
    AddRule { file: String, question: String, id: String },
    /// Removes the question, option or rule a path leads to (see [`TextEntry::path`]).
    Remove { file: String, path: Vec<(String, String)> },
    /// Moves a question, option or rule one place up (or down) among its own kind.
    Move { file: String, path: Vec<(String, String)>, up: bool },
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

    /// Every question of a topic file with its options and rules, in file order.
    pub fn questions(&self, file: &str) -> Vec<QuestionForm> {
        self.tables(file, "question").iter().map(question_form).collect()
    }

    /// Every principle and every source of the pack, in file order.
    pub fn citations(&self) -> Citations {
        let ids = |array: &str| -> Vec<String> {
            self.files.iter().flat_map(|f| self.tables(&f.path, array)).filter_map(|t| t.get("id").and_then(Item::as_str).map(str::to_owned)).collect()
        };
        Citations { principles: ids("principle"), sources: ids("source") }
    }

    /// Where a rule of a topic file may lead: the file's questions, then every outcome.
    pub fn destinations(&self, file: &str) -> Vec<String> {
        let ids = |file: &str, array: &str, kind: &str| -> Vec<String> {
            self.tables(file, array).iter().filter_map(|t| t.get("id").and_then(Item::as_str).map(|id| format!("{kind}:{id}"))).collect()
        };
        let outcomes = self.files.iter().flat_map(|f| ids(&f.path, "outcome", "outcome"));
        ids(file, "question", "question").into_iter().chain(outcomes).collect()
    }

    /// The id of the form field that shows what is at a line of a file, if a form shows it:
    /// a text in one language, a setting, a question, an option, or a rule's answers, where it
    /// leads or what it cites. A line inside a table without its own field gives the table's.
    pub fn field_at(&self, file: &str, line: usize) -> Option<String> {
        let text = self.file(file)?.text.as_str();
        let doc = toml_edit::Document::parse(text).ok()?;
        let mut fields = Vec::new();
        fields_in(doc.as_table(), &self.languages(), &mut Vec::new(), &mut |key: Option<&toml_edit::Key>, field| {
            if let Some(span) = key.and_then(toml_edit::Key::span) {
                fields.push((text[..span.start].matches('\n').count() + 1, field));
            }
        });
        // The last line at or above it, and the first field on that line.
        fields.into_iter().rev().filter(|(at, _)| *at <= line).max_by_key(|(at, _)| *at).map(|(_, field)| field)
    }

    /// The field a problem of the pack is about: [`Workspace::field_at`] its line, and for a
    /// text with no (or an empty) version in a language, that language's field.
    pub fn problem_field(&self, problem: &PackError) -> Option<String> {
        let field = self.field_at(&problem.file, problem.line?)?;
        let missing = self.languages().into_iter().find(|lang| problem.reason.ends_with(&format!(" {lang:?} text")));
        let first = self.languages().into_iter().next();
        match (missing, first.and_then(|first| field.strip_suffix(&format!("-{first}")).map(str::to_owned))) {
            (Some(lang), Some(stem)) if field.starts_with("text-") || field.starts_with("setting-") => Some(format!("{stem}-{lang}")),
            _ => Some(field),
        }
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
            Edit::SettingNote { id, note } => self.edit_setting(id, |t| {
                set_value(t, "note", note.trim().into());
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
            Edit::RuleAnswer { file, question, rule, answer, matches } => {
                let offered = self.questions(file).into_iter().find(|q| q.id == *question).map(|q| q.answers).unwrap_or_default();
                self.edit_at(file, &rule_path(question, rule), |table| {
                    let mut when = table.get("when").and_then(Item::as_array).map(strings).unwrap_or_default();
                    when.retain(|a| a != answer);
                    if *matches {
                        when.push(answer.clone());
                    }
                    // In the order the question offers its answers.
                    when.sort_by_key(|a| offered.iter().position(|o| o == a).unwrap_or(usize::MAX));
                    set_value(table, "when", when.iter().map(String::as_str).collect::<toml_edit::Array>().into());
                    Ok(())
                })
            }
            Edit::RuleCites { file, question, rule, key, id } => {
                if key != "principle" && key != "source" {
                    return Err(format!("a rule cites no {key}"));
                }
                self.edit_at(file, &rule_path(question, rule), |table| {
                    set_value(table, key, id.as_str().into());
                    Ok(())
                })
            }
            Edit::AddText { file, path, key } => {
                let languages = self.languages();
                self.edit_at(file, path, |table| {
                    if table.contains_key(key) {
                        return Err(format!("{key} is already there"));
                    }
                    languages.iter().try_for_each(|lang| set_dotted(table, key, lang, ""))
                })
            }
            Edit::AddQuestion { file, id, input } => {
                if input != "yes_no" && input != "choice" {
                    return Err(format!("a new question is yes_no or choice, not {input}"));
                }
                let mut question = new_table(id, "ask", &self.languages())?;
                question.insert("input", toml_edit::value(input.as_str()));
                self.edit_at(file, &[], |root| append(root, "question", question))
            }
            Edit::AddOption { file, question, id } => {
                let option = new_table(id, "label", &self.languages())?;
                self.edit_at(file, &[("question".into(), question.clone())], |table| append(table, "option", option))
            }
            Edit::AddRule { file, question, id } => {
                let mut rule = new_table(id, "says", &self.languages())?;
                rule.insert("when", toml_edit::value(toml_edit::Array::new()));
                self.edit_at(file, &[("question".into(), question.clone())], |table| {
                    // It cites what the rule before it cites, and leads where that one does, so
                    // that a new rule is whole at once; it matches no answer until one is ticked.
                    let before = table.get("rule").and_then(Item::as_array_of_tables).and_then(|rules| rules.iter().last());
                    for key in ["next", "outcome", "principle", "source"] {
                        if let Some(value) = before.and_then(|b| b.get(key)).and_then(Item::as_str) {
                            rule.insert(key, toml_edit::value(value));
                        }
                    }
                    append(table, "rule", rule)
                })
            }
            Edit::Remove { file, path } => {
                let ((key, name), parent) = path.split_last().ok_or("nothing to remove")?;
                self.edit_at(file, parent, |table| {
                    let (array, index) = find_in(table, key, name)?;
                    array.remove(index);
                    Ok(())
                })
            }
            Edit::Move { file, path, up } => {
                let ((key, name), parent) = path.split_last().ok_or("nothing to move")?;
                self.edit_at(file, parent, |table| {
                    let (array, index) = find_in(table, key, name)?;
                    let first = if *up { index.checked_sub(1) } else { Some(index).filter(|i| i + 1 < array.len()) };
                    swap_with_next(array, first.ok_or(if *up { "first" } else { "last" })?);
                    Ok(())
                })
            }
            Edit::Text { file, path, key, lang, text } => self.edit_at(file, path, |table| {
                if key.is_empty() {
                    set_value(table, lang, text.into());
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

/// The path of a rule in its file, as [`TextEntry::path`] names it.
fn rule_path(question: &str, rule: &str) -> [(String, String); 2] {
    [("question".into(), question.into()), ("rule".into(), rule.into())]
}

fn strings(array: &toml_edit::Array) -> Vec<String> {
    array.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()
}

/// The `[[key]]` tables of a table.
fn tables_in<'t>(table: &'t Table, key: &str) -> impl Iterator<Item = &'t Table> {
    table.get(key).and_then(Item::as_array_of_tables).into_iter().flat_map(|tables| tables.iter())
}

fn question_form(question: &Table) -> QuestionForm {
    let text = |table: &Table, key: &str| table.get(key).and_then(Item::as_str).unwrap_or_default().to_owned();
    let options: Vec<String> = tables_in(question, "option").map(|o| text(o, "id")).collect();
    let input = text(question, "input");
    let mut answers: Vec<String> = match input.as_str() {
        "yes_no" => vec!["yes".into(), "no".into()],
        "amount" => vec!["at_or_below".into(), "above".into()],
        _ => options.clone(),
    };
    if question.get("dont_know").and_then(Item::as_bool) == Some(true) {
        answers.push("dont_know".into());
    }
    let id = text(question, "id");
    let rules = tables_in(question, "rule")
        .map(|rule| RuleForm {
            question: id.clone(),
            rule: text(rule, "id"),
            when: rule.get("when").and_then(Item::as_array).map(strings).unwrap_or_default(),
            leads_to: match (rule.get("next").and_then(Item::as_str), rule.get("outcome").and_then(Item::as_str)) {
                (Some(next), _) => format!("question:{next}"),
                (None, Some(outcome)) => format!("outcome:{outcome}"),
                (None, None) => String::new(),
            },
            principle: text(rule, "principle"),
            source: text(rule, "source"),
        })
        .collect();
    QuestionForm { id, has_hint: question.contains_key("hint"), input, options, answers, rules }
}

/// A new question, option or rule: its ID, and its main text with an empty place for each
/// language (which the texts' form then marks as missing). Refused with `id` if the ID is not
/// lower-case letters, digits and `_`, starting with a letter.
fn new_table(id: &str, text_key: &str, languages: &[String]) -> Result<Table, String> {
    let mut chars = id.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_lowercase()) || !chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
        return Err("id".into());
    }
    let mut table = Table::new();
    table.insert("id", toml_edit::value(id));
    for lang in languages {
        set_dotted(&mut table, text_key, lang, "")?;
    }
    Ok(table)
}

/// Adds a table at the end of `[[key]]`, laid out like the one before it, or refuses with
/// `taken` if one of them has its ID.
fn append(parent: &mut Table, key: &str, mut new: Table) -> Result<(), String> {
    let id = new.get("id").and_then(Item::as_str).unwrap_or_default().to_owned();
    let array = parent.entry(key).or_insert_with(|| Item::ArrayOfTables(toml_edit::ArrayOfTables::new())).as_array_of_tables_mut().ok_or_else(|| format!("{key} is not a list of tables"))?;
    if array.iter().any(|t| t.get("id").and_then(Item::as_str) == Some(id.as_str())) {
        return Err("taken".into());
    }
    if let Some(before) = array.iter().last() {
        let header = before.decor().prefix().and_then(|p| p.as_str()).unwrap_or_default();
        let indent = header.rsplit('\n').next().unwrap_or_default().to_owned();
        new.decor_mut().set_prefix(format!("\n{indent}"));
        for (mut key, item) in new.iter_mut() {
            key.leaf_decor_mut().set_prefix(indent.clone());
            // A dotted key (`label.en`) is written with its last part's spacing.
            for (mut inner, _) in item.as_table_mut().filter(|t| t.is_dotted()).into_iter().flat_map(Table::iter_mut) {
                inner.leaf_decor_mut().set_prefix(indent.clone());
            }
        }
    }
    array.push(new);
    Ok(())
}

/// The `[[key]]` tables of a table, and where among them is the one with this name.
fn find_in<'t>(table: &'t mut Table, key: &str, name: &str) -> Result<(&'t mut toml_edit::ArrayOfTables, usize), String> {
    let array = table.get_mut(key).and_then(Item::as_array_of_tables_mut).ok_or_else(|| format!("no {key}"))?;
    let index = array.iter().enumerate().position(|(i, t)| table_name(t, i) == name).ok_or_else(|| format!("no {key} {name:?}"))?;
    Ok((array, index))
}

/// Swaps a table and the next one, in the list and in the file. `toml_edit` writes tables in
/// the order of their place in the document, so each one's tables (a question's options and
/// rules too) take the places the two used before, keeping their order among themselves.
fn swap_with_next(array: &mut toml_edit::ArrayOfTables, first: usize) {
    let mut places = |index: usize| {
        let mut found = Vec::new();
        if let Some(table) = array.get_mut(index) {
            visit_tables(table, &mut |t| found.extend(t.position()));
        }
        found.sort_unstable();
        found
    };
    let (earlier, later) = (places(first), places(first + 1));
    let mut slots: Vec<isize> = earlier.iter().chain(&later).copied().collect();
    slots.sort_unstable();
    let moved = array.remove(first + 1);
    array.insert(first, moved);
    let (to_later, to_earlier) = slots.split_at(later.len());
    for (index, was, now) in [(first, &later, to_later), (first + 1, &earlier, to_earlier)] {
        if let Some(table) = array.get_mut(index) {
            visit_tables(table, &mut |t| {
                if let Some(rank) = t.position().and_then(|p| was.binary_search(&p).ok()) {
                    t.set_position(Some(now[rank]));
                }
            });
        }
    }
}

/// Calls `f` on a table and on every table within it, as `toml_edit` writes them.
fn visit_tables(table: &mut Table, f: &mut impl FnMut(&mut Table)) {
    f(table);
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(inner) => visit_tables(inner, f),
            Item::ArrayOfTables(tables) => tables.iter_mut().for_each(|t| visit_tables(t, f)),
            _ => {}
        }
    }
}

/// Sets `key = value` in a table: in the old value's place, with its spacing and comment.
fn set_value(table: &mut Table, key: &str, value: toml_edit::Value) {
    match table.get_mut(key) {
        Some(item) => replace(item, value),
        None => _ = table.insert(key, Item::Value(value)),
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
        } else {
            for (name, inner) in inner_tables(item) {
                path.push((key.to_owned(), name));
                texts_in(inner, languages, path, out);
                path.pop();
            }
        }
    }
}

/// The id of a text's field in one language.
pub fn text_field(path: &[(String, String)], key: &str, lang: &str) -> String {
    let slug = path.iter().flat_map(|(a, id)| [a.as_str(), id.as_str()]).chain([key, lang]).collect::<Vec<_>>().join("-");
    format!("text-{}", slug.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect::<String>())
}

/// The id of a setting's field: its value, one language of its text, or its status.
pub fn setting_field(id: &str, part: Option<&str>) -> String {
    part.map_or_else(|| format!("setting-{id}"), |part| format!("setting-{id}-{part}"))
}

/// The id of a field of a rule: `leads`, `when`, `principle` or `source`.
pub fn rule_field(part: &str, question: &str, rule: &str) -> String {
    format!("{part}-{question}-{rule}")
}

/// Calls `found` with each key that has a field of its own and that field's id, in file order.
fn fields_in(table: &Table, languages: &[String], path: &mut Vec<(String, String)>, found: &mut impl FnMut(Option<&toml_edit::Key>, String)) {
    let ids = |kind: &str| path.iter().rev().find(|(k, _)| k == kind).map(|(_, id)| id.clone()).unwrap_or_default();
    let (question, option, rule, setting) = (ids("question"), ids("option"), ids("rule"), ids("setting"));
    let kind = path.last().map(|(kind, _)| kind.clone());
    let kind = kind.as_deref();
    if is_text(table, languages) {
        for lang in languages {
            found(table.key(lang), text_field(path, "", lang));
        }
        return;
    }
    let value_kind = VALUE_KINDS.iter().find(|k| table.contains_key(k)).copied();
    for (key, item) in table.iter() {
        let field = match (kind, key) {
            (Some("setting"), "id" | "amount" | "number" | "email" | "url" | "flag") => Some(setting_field(&setting, value_kind.filter(|k| *k == "text").and(languages.first().map(String::as_str)))),
            (Some("setting"), "status" | "note") => Some(setting_field(&setting, Some(key))),
            (Some("question"), "id") => Some(format!("question-{question}")),
            (Some("option"), "id") => Some(format!("option-{question}-{option}")),
            (Some("rule"), "id" | "next" | "outcome") => Some(rule_field("leads", &question, &rule)),
            (Some("rule"), "when" | "principle" | "source") => Some(rule_field(key, &question, &rule)),
            _ => None,
        };
        if let Some(field) = field {
            found(table.key(key), field);
        } else if let Some(text) = item.as_table_like().filter(|t| is_text(*t, languages)) {
            for lang in languages {
                let place = if kind == Some("setting") { setting_field(&setting, Some(lang)) } else { text_field(path, key, lang) };
                found(text.key(lang).or(table.key(key)), place);
            }
        } else {
            for (name, inner) in inner_tables(item) {
                path.push((key.to_owned(), name));
                fields_in(inner, languages, path, found);
                path.pop();
            }
        }
    }
}

/// The tables an item holds, each with its name in a path: its `[[key]]` tables, or its one
/// `[key]` table.
fn inner_tables(item: &Item) -> Vec<(String, &Table)> {
    match item {
        Item::ArrayOfTables(tables) => tables.iter().enumerate().map(|(i, t)| (table_name(t, i), t)).collect(),
        Item::Table(inner) => vec![(table_name(inner, 0), inner)],
        _ => Vec::new(),
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
    fn a_line_of_a_file_is_shown_by_the_field_of_what_is_on_it_or_above_it() {
        let ws = workspace();
        let line_of = |file: usize, text: &str| ws.files[file].text.lines().position(|l| l.contains(text)).unwrap() + 1;
        let at = |file: usize, text: &str| ws.field_at(&ws.files[file].path, line_of(file, text));
        assert_eq!(at(0, "amount = 30"), Some("setting-limit".into()));
        assert_eq!(at(0, "id = \"limit\""), Some("setting-limit".into()));
        assert_eq!(at(0, "status = \"confirm\""), Some("setting-limit-status".into()));
        assert_eq!(at(0, "note = \"To confirm.\""), Some("setting-limit-note".into()));
        let second_header = ws.files[0].text.lines().enumerate().filter(|(_, l)| *l == "[[setting]]").nth(1).map(|(i, _)| i + 1).unwrap();
        assert_eq!(ws.field_at("settings.toml", second_header), Some("setting-limit-note".into()), "a line with no field of its own: the one above it");
        assert_eq!(at(0, "id = \"org\""), Some("setting-org-en".into()), "a text setting's first language");
        assert_eq!(at(0, "text.fr"), Some("setting-org-fr".into()));
        assert_eq!(at(1, "id = \"cash\""), Some("question-cash".into()));
        assert_eq!(at(1, "ask.fr"), Some("text-question-cash-ask-fr".into()));
        assert_eq!(at(1, "input = "), Some("text-question-cash-ask-fr".into()));
        assert_eq!(at(1, "label = "), Some("text-question-cash-option-yes-label-en".into()), "an inline text, by its first language");
        assert_eq!(at(1, "id = \"yes\""), Some("option-cash-yes".into()));
        assert_eq!(at(1, "id = \"is_cash\""), Some("leads-cash-is_cash".into()));
        assert_eq!(at(1, "Dites non."), Some("text-question-cash-rule-is_cash-step-_1--fr".into()));
        let problem = |reason: &str| PackError { file: "topics/1_demo.toml".into(), line: Some(line_of(1, "label = ")), reason: reason.into() };
        assert_eq!(ws.problem_field(&problem("question \"cash\" option \"yes\" label has no \"fr\" text")), Some("text-question-cash-option-yes-label-fr".into()), "the missing language's field");
        assert_eq!(ws.problem_field(&problem("question \"cash\" option \"yes\" label is too long")), Some("text-question-cash-option-yes-label-en".into()));
        assert_eq!(ws.problem_field(&PackError { line: None, ..problem("") }), None);
        assert_eq!(ws.field_at("settings.toml", 1), None, "nothing above the first field");
        assert_eq!(ws.field_at("nope.toml", 1), None);
    }

    #[test]
    fn edits_keep_comments_and_layout() {
        let mut ws = workspace();
        ws.apply(&Edit::SettingValue { id: "limit".into(), value: "50".into() }).unwrap();
        ws.apply(&Edit::SettingStatus { id: "limit".into(), status: "published".into() }).unwrap();
        ws.apply(&Edit::SettingNote { id: "limit".into(), note: "Confirmed by the ECO, 2026-12. ".into() }).unwrap();
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
        assert!(settings.contains("amount = 50 # USD\nstatus = \"published\"\nnote = \"Confirmed by the ECO, 2026-12.\"\n"), "{settings}");
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
        let rule = |question: &str, rule: &str, when: &[&str], leads_to: &str| RuleForm {
            question: question.into(),
            rule: rule.into(),
            when: when.iter().map(|w| w.to_string()).collect(),
            leads_to: leads_to.into(),
            principle: String::new(),
            source: String::new(),
        };
        assert_eq!(ws.questions("topics/t.toml")[0].rules, [rule("cash", "is_cash", &["yes"], "outcome:no"), rule("cash", "not_cash", &["no", "dont_know"], "question:value")]);
        assert_eq!(ws.destinations("topics/t.toml"), ["question:cash", "question:value", "outcome:ok", "outcome:no"]);

        let lead = |rule: &str, to: &str| Edit::RuleLeadsTo { file: "topics/t.toml".into(), question: "cash".into(), rule: rule.into(), to: to.into() };
        ws.apply(&lead("not_cash", "question:cash")).unwrap();
        assert!(ws.files[1].text.contains("  next = \"cash\" # by value\n  says.en"), "the same kind keeps its place: {}", ws.files[1].text);
        ws.apply(&lead("is_cash", "question:value")).unwrap();
        assert!(ws.files[1].text.contains("  when = [\"yes\"]\n  next = \"value\"\n  says.en = \"Never.\"\n"), "in the outcome's place: {}", ws.files[1].text);
        assert_eq!(ws.questions("topics/t.toml")[0].rules[0].leads_to, "question:value");
        assert_eq!(ws.apply(&lead("is_cash", "nowhere")), Err("not a destination: nowhere".into()));
        assert_eq!(ws.apply(&lead("gone", "outcome:ok")), Err("topics/t.toml has no question \"cash\" › rule \"gone\"".into()));
    }

    /// A topic laid out as the pack's are: nested tables indented, a comment on each question.
    fn topic(ws: &Workspace) -> &str {
        &ws.files.iter().find(|f| f.path == "topics/t.toml").unwrap().text
    }

    fn structured() -> Workspace {
        let file = |path: &str, text: &str| SourceFile { path: path.into(), text: text.into() };
        let topic = "[topic]\nid = \"t\"\n\n# Who gives it.\n[[question]]\nid = \"giver\"\ninput = \"choice\"\ndont_know = true\n\n  [[question.option]]\n  id = \"vendor\"\n\n  [[question.option]]\n  id = \"friend\"\n\n  [[question.rule]]\n  id = \"by_vendor\"\n  when = [\"vendor\"]\n  outcome = \"no\"\n  principle = \"p\"\n  source = \"s\"\n\n  [[question.rule.step]]\n  en = \"Say no.\"\n\n# Is it cash?\n[[question]]\nid = \"cash\"\ninput = \"yes_no\"\n\n  [[question.rule]]\n  id = \"is_cash\"\n  when = [\"yes\"]\n  outcome = \"no\"\n";
        Workspace { files: vec![file("settings.toml", "[pack]\nlanguages = [\"en\", \"fr\"]\n"), file("topics/t.toml", topic)], cases: Vec::new() }
    }

    #[test]
    fn questions_options_and_rules_are_added_laid_out_like_their_neighbours() {
        let mut ws = structured();
        let file = || "topics/t.toml".to_owned();
        let form = ws.questions(&file());
        assert_eq!((form[0].options.clone(), form[0].answers.clone()), (vec!["vendor".to_owned(), "friend".into()], vec!["vendor".to_owned(), "friend".into(), "dont_know".into()]));
        assert_eq!(form[1].answers, ["yes", "no"]);

        ws.apply(&Edit::AddOption { file: file(), question: "giver".into(), id: "agency".into() }).unwrap();
        assert!(topic(&ws).contains("  id = \"friend\"\n\n  [[question.option]]\n  id = \"agency\"\n  label.en = \"\"\n  label.fr = \"\"\n\n  [[question.rule]]"), "{}", topic(&ws));
        ws.apply(&Edit::AddRule { file: file(), question: "giver".into(), id: "by_agency".into() }).unwrap();
        assert!(
            topic(&ws).contains("  en = \"Say no.\"\n\n  [[question.rule]]\n  id = \"by_agency\"\n  says.en = \"\"\n  says.fr = \"\"\n  when = []\n  outcome = \"no\"\n  principle = \"p\"\n  source = \"s\"\n\n# Is it cash?"),
            "a new rule cites and leads as the one before it: {}",
            topic(&ws)
        );
        let answer = |answer: &str, matches: bool| Edit::RuleAnswer { file: file(), question: "giver".into(), rule: "by_agency".into(), answer: answer.into(), matches };
        ws.apply(&answer("dont_know", true)).unwrap();
        ws.apply(&answer("agency", true)).unwrap();
        assert_eq!(ws.questions(&file())[0].rules[1].when, ["agency", "dont_know"], "in the order the question offers them");
        ws.apply(&answer("dont_know", false)).unwrap();
        assert_eq!(ws.questions(&file())[0].rules[1].when, ["agency"]);
        ws.apply(&Edit::RuleCites { file: file(), question: "giver".into(), rule: "by_agency".into(), key: "source".into(), id: "s2".into() }).unwrap();
        assert_eq!(ws.questions(&file())[0].rules[1].source, "s2");
        assert!(!ws.questions(&file())[0].has_hint);
        let hint = || Edit::AddText { file: file(), path: vec![("question".into(), "giver".into())], key: "hint".into() };
        ws.apply(&hint()).unwrap();
        assert!(topic(&ws).contains("dont_know = true\nhint.en = \"\"\nhint.fr = \"\"\n"), "{}", topic(&ws));
        assert!(ws.questions(&file())[0].has_hint);
        assert_eq!(ws.apply(&hint()), Err("hint is already there".into()));
        ws.apply(&Edit::AddQuestion { file: file(), id: "value".into(), input: "yes_no".into() }).unwrap();
        assert!(topic(&ws).ends_with("  outcome = \"no\"\n\n[[question]]\nid = \"value\"\nask.en = \"\"\nask.fr = \"\"\ninput = \"yes_no\"\n"), "{}", topic(&ws));

        let before = ws.clone();
        for (refused, why) in [
            (Edit::AddOption { file: file(), question: "giver".into(), id: "friend".into() }, "taken"),
            (Edit::AddOption { file: file(), question: "giver".into(), id: "Friend 2".into() }, "id"),
            (Edit::AddQuestion { file: file(), id: "sum".into(), input: "amount".into() }, "a new question is yes_no or choice, not amount"),
            (Edit::RuleCites { file: file(), question: "giver".into(), rule: "by_agency".into(), key: "next".into(), id: "cash".into() }, "a rule cites no next"),
        ] {
            assert_eq!(ws.apply(&refused), Err(why.to_owned()));
        }
        assert_eq!(ws, before, "a refused edit changes nothing");
    }

    #[test]
    fn questions_and_options_move_and_go_with_their_own_tables_and_comments() {
        let mut ws = structured();
        let at = |path: &[(&str, &str)]| path.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
        let step = |path: &[(&str, &str)], up: bool| Edit::Move { file: "topics/t.toml".into(), path: at(path), up };
        ws.apply(&step(&[("question", "cash")], true)).unwrap();
        let text = topic(&ws).to_owned();
        let cash = text.find("# Is it cash?\n[[question]]\nid = \"cash\"").expect("the comment goes with its question");
        let giver = text.find("# Who gives it.\n[[question]]\nid = \"giver\"").unwrap();
        assert!(cash < giver, "{text}");
        assert!(text.ends_with("  [[question.rule.step]]\n  en = \"Say no.\"\n"), "the first question's rules and steps went with it: {text}");
        assert_eq!(ws.questions("topics/t.toml").iter().map(|q| q.id.as_str()).collect::<Vec<_>>(), ["cash", "giver"]);
        assert!(load_ok_same_shape(&text, &structured()), "the file still parses");

        ws.apply(&step(&[("question", "giver"), ("option", "friend")], true)).unwrap();
        assert_eq!(ws.questions("topics/t.toml")[1].options, ["friend", "vendor"]);
        assert_eq!(ws.apply(&step(&[("question", "giver"), ("option", "friend")], true)), Err("first".into()));
        assert_eq!(ws.apply(&step(&[("question", "giver")], false)), Err("last".into()));

        ws.apply(&Edit::Remove { file: "topics/t.toml".into(), path: at(&[("question", "giver"), ("option", "vendor")]) }).unwrap();
        ws.apply(&Edit::Remove { file: "topics/t.toml".into(), path: at(&[("question", "cash")]) }).unwrap();
        let text = topic(&ws);
        assert!(!text.contains("cash") && !text.contains("id = \"vendor\""), "{text}");
        assert_eq!(ws.questions("topics/t.toml")[0].options, ["friend"]);
        assert_eq!(ws.apply(&Edit::Remove { file: "topics/t.toml".into(), path: at(&[("question", "cash")]) }), Err("no question \"cash\"".into()));
    }

    /// Whether a text parses as TOML with the same questions (in any order) as the workspace's topic.
    fn load_ok_same_shape(text: &str, ws: &Workspace) -> bool {
        let ids = |text: &str| {
            let mut ids: Vec<String> = text.parse::<DocumentMut>().map(|d| tables_in(d.as_table(), "question").map(|q| q["id"].as_str().unwrap_or_default().to_owned()).collect()).unwrap_or_default();
            ids.sort();
            ids
        };
        !ids(text).is_empty() && ids(text) == ids(topic(ws))
    }
}
