//! The studio's page: one `Reducible` state (the files, what the engine says of them, the
//! studio's language), actions named after what the editor did, and small components for the
//! settings, the questions' texts side by side, the problems, the case library and publishing.

use crate::model::{rule_field, setting_field, text_field, Checked, Citations, Edit, QuestionForm, RuleForm, SettingForm, SettingValue, SourceFile, TextEntry, Workspace};
use crate::words::{Words, ALL};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::publish::{self, defaults};
use ethics_engine::shipped::SourcesError;

/// The pack and case library the advisor ships with.
pub fn shipped_workspace() -> Workspace {
    let files = |list: &[(&str, &str)]| list.iter().map(|(path, text)| SourceFile { path: (*path).into(), text: (*text).into() }).collect();
    Workspace { files: files(defaults::RULES), cases: files(defaults::CASES) }
}

#[derive(Clone, PartialEq)]
pub struct Studio {
    pub workspace: Workspace,
    /// The files as opened, to tell a translation whose English has changed since.
    pub opened: Rc<Workspace>,
    pub checked: Rc<Checked>,
    /// What the forms show, read from the files after each change (not on every render).
    pub views: Rc<Views>,
    /// The studio's language: an index into `words::ALL`.
    pub lang: usize,
    /// The file whose texts are shown (a topic's, at first).
    pub text_file: String,
    /// Why the last edit of a field was refused, by the field's name.
    pub refused: Option<(String, String)>,
    /// The field whose edit was the last one made.
    pub changed_field: Option<String>,
    /// Changes not yet downloaded: the page warns before it is left.
    pub unsaved: bool,
    /// Counts the changes made, so that what shows the pack knows when to show it anew.
    pub revision: u64,
    /// The files before each change, the last one last, for "undo".
    pub undo: Rc<Vec<Workspace>>,
    /// A file the editor opened that the studio could not read as an advisor: its name, and why.
    pub cannot_open: Option<(String, SourcesError)>,
    /// The field to move the focus to after this render (with the revision that asked, so
    /// that asking twice for the same field moves it twice).
    pub focus: Option<(u64, String)>,
}

/// How many changes "undo" can take back.
const UNDO_DEPTH: usize = 50;

/// What the forms show. Each read parses TOML, so the state reads them once after a change or
/// a choice of file, and every render shows them as read.
#[derive(Clone, PartialEq, Default)]
pub struct Views {
    pub settings: Vec<SettingForm>,
    /// Each topic file, with its topic's ID.
    pub topics: Vec<(String, String)>,
    /// The texts of the file shown, now and as opened.
    pub texts: Vec<TextEntry>,
    pub opened_texts: Vec<TextEntry>,
    /// The questions of the file shown (if a topic's), where their rules may lead and what
    /// they may cite.
    pub questions: Vec<QuestionForm>,
    pub destinations: Vec<String>,
    pub citations: Citations,
    /// For each problem of the rule files, the field that shows what it is about, if any.
    pub problem_fields: Vec<Option<String>>,
}

pub enum Action {
    ChangedField { field: String, edit: Edit },
    ChoseLanguage(usize),
    ChoseFile(String),
    /// Followed a problem's link to the field it is about, in the file it is in.
    WentToField { file: String, field: String },
    Undid,
    OpenedFiles(Vec<SourceFile>),
    /// Opened an advisor page the studio published: its files replace all the studio's.
    OpenedAdvisor(Vec<SourceFile>),
    CouldNotOpen { name: String, why: SourcesError },
    Downloaded,
}

impl Studio {
    pub fn new(workspace: Workspace) -> Studio {
        let checked = Rc::new(workspace.check());
        let text_file = workspace.topics().first().map(|(file, _)| file.clone()).unwrap_or_default();
        let opened = Rc::new(workspace.clone());
        let studio = Studio { opened, workspace, checked, views: Rc::default(), lang: 0, text_file, refused: None, changed_field: None, unsaved: false, revision: 0, undo: Rc::default(), cannot_open: None, focus: None };
        studio.read_views()
    }

    fn read_views(mut self) -> Studio {
        let (workspace, file) = (&self.workspace, self.text_file.as_str());
        self.views = Rc::new(Views {
            settings: workspace.settings(),
            topics: workspace.topics(),
            texts: workspace.texts(file),
            opened_texts: self.opened.texts(file),
            questions: workspace.questions(file),
            destinations: workspace.destinations(file),
            citations: workspace.citations(),
            problem_fields: self.checked.pack.as_ref().err().into_iter().flatten().map(|p| workspace.problem_field(p)).collect(),
        });
        self
    }

    fn words(&self) -> &'static Words {
        ALL[self.lang]
    }

    fn rechecked(mut self) -> Studio {
        self.checked = Rc::new(self.workspace.check());
        self.revision += 1;
        self.read_views()
    }
}

impl Reducible for Studio {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Studio> {
        let mut next = (*self).clone();
        Rc::new(match action {
            Action::ChangedField { field, edit } => match next.workspace.apply(&edit) {
                Ok(()) => {
                    let undo = Rc::make_mut(&mut next.undo);
                    undo.push(self.workspace.clone());
                    if undo.len() > UNDO_DEPTH {
                        undo.remove(0);
                    }
                    next.refused = None;
                    next.unsaved = true;
                    let first_language = next.workspace.languages().into_iter().next().unwrap_or_default();
                    next.focus = focus_after(&edit, &first_language).map(|field| (self.revision + 1, field));
                    next.changed_field = Some(field);
                    next.rechecked()
                }
                Err(why) => {
                    next.refused = Some((field, why));
                    next
                }
            },
            Action::ChoseLanguage(lang) => {
                next.lang = lang.min(ALL.len() - 1);
                next
            }
            Action::ChoseFile(file) => {
                next.text_file = file;
                next.read_views()
            }
            Action::WentToField { file, field } => {
                // Settings have their own section; any other field is in the file's forms.
                if !field.starts_with("setting-") {
                    next.text_file = file;
                }
                next.revision += 1;
                next.focus = Some((next.revision, field));
                next.read_views()
            }
            Action::Undid => match Rc::make_mut(&mut next.undo).pop() {
                Some(workspace) => {
                    next.workspace = workspace;
                    next.refused = None;
                    next.unsaved = true;
                    next.focus = None;
                    next.rechecked()
                }
                None => next,
            },
            Action::OpenedFiles(files) => {
                // Opened files replace those of the same path and join the others; what they
                // say now is what later changes are compared with.
                let mut opened = (*next.opened).clone();
                for file in files {
                    for workspace in [&mut next.workspace, &mut opened] {
                        match workspace.files.iter_mut().find(|f| f.path == file.path) {
                            Some(existing) => *existing = file.clone(),
                            None => workspace.files.push(file.clone()),
                        }
                    }
                }
                next.opened = Rc::new(opened);
                next.cannot_open = None;
                next.unsaved = true;
                next.rechecked()
            }
            Action::OpenedAdvisor(files) => {
                next.workspace.files = files;
                next.opened = Rc::new(next.workspace.clone());
                next.text_file = next.workspace.topics().first().map(|(file, _)| file.clone()).unwrap_or_default();
                next.undo = Rc::default();
                next.cannot_open = None;
                next.unsaved = false;
                next.rechecked()
            }
            Action::CouldNotOpen { name, why } => {
                next.cannot_open = Some((name, why));
                next
            }
            Action::Downloaded => {
                next.unsaved = false;
                next
            }
        })
    }
}

/// Where the focus goes after a change to the questions: to what was added or moved (its place
/// on the page changed; a new text in its first language), or to the section's heading for
/// what was removed.
fn focus_after(edit: &Edit, first_language: &str) -> Option<String> {
    match edit {
        Edit::AddQuestion { id, .. } => Some(format!("question-{id}")),
        Edit::AddOption { question, id, .. } => Some(format!("option-{question}-{id}")),
        Edit::AddRule { question, id, .. } => Some(rule_field("when", question, id)),
        // The new hint's first language, to write.
        Edit::AddText { path, key, .. } => Some(text_field(path, key, first_language)),
        Edit::Move { path, .. } => match path.as_slice() {
            [(_, question)] => Some(format!("question-{question}")),
            [(_, question), (_, option)] => Some(format!("option-{question}-{option}")),
            _ => None,
        },
        Edit::Remove { .. } => Some("paths-heading".into()),
        _ => None,
    }
}

#[function_component]
pub fn App() -> Html {
    let studio = use_reducer(|| Studio::new(shipped_workspace()));
    use_leave_warning(studio.unsaved, studio.words().unsaved);
    use_focus_request(studio.focus.clone());
    let w = studio.words();
    let choose_language = on_change(&studio, |lang| Action::ChoseLanguage(ALL.iter().position(|w| w.lang == lang).unwrap_or(0)));
    html! {
        <div class="ethics-advisor ea-studio" lang={w.lang}>
            <main class="ea-main">
                <h1 class="ea-heading-xl" id="page-heading">{ w.title }</h1>
                <p class="ea-body">{ w.intro }</p>
                <div class="ea-form-group">
                    <label class="ea-label" for="studio-language">{ w.language }</label>
                    <select class="ea-input ea-studio__select" id="studio-language" onchange={choose_language}>
                        { for ALL.iter().enumerate().map(|(i, words)| html! { <option value={words.lang} selected={i == studio.lang}>{ words.name }</option> }) }
                    </select>
                </div>
                <Problems studio={studio.clone()} />
                <Settings studio={studio.clone()} />
                <Texts studio={studio.clone()} />
                <Paths studio={studio.clone()} />
                <CaseLibrary checked={studio.checked.clone()} lang={studio.lang} />
                <Preview studio={studio.clone()} />
                <Publish studio={studio.clone()} />
                <Files studio={studio.clone()} />
            </main>
        </div>
    }
}

/// Asks the browser to warn before the page is left while there are changes not downloaded.
#[hook]
fn use_leave_warning(unsaved: bool, message: &'static str) {
    use_effect_with(unsaved, move |unsaved| {
        let listener = unsaved.then(|| {
            let window = web_sys::window().expect("a browser window");
            gloo_events::EventListener::new(&window, "beforeunload", move |event| {
                if let Some(event) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                    event.prevent_default();
                    event.set_return_value(message);
                }
            })
        });
        move || drop(listener)
    });
}

/// Moves the focus to the field the state asks for, once it is on the page, and into view.
#[hook]
fn use_focus_request(focus: Option<(u64, String)>) {
    use_effect_with(focus, |focus| {
        let element = focus.as_ref().and_then(|(_, id)| web_sys::window()?.document()?.get_element_by_id(id));
        if let Some(element) = element {
            if let Ok(Some(details)) = element.closest("details") {
                let _ = details.set_attribute("open", "");
            }
            element.scroll_into_view();
            if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}

#[derive(Properties, PartialEq)]
struct StudioProps {
    studio: UseReducerHandle<Studio>,
}

#[derive(Properties, PartialEq)]
struct CheckedProps {
    checked: Rc<Checked>,
    lang: usize,
}

#[function_component]
fn Problems(props: &StudioProps) -> Html {
    let studio = &props.studio;
    let w = studio.words();
    let undo = (!studio.undo.is_empty()).then(|| {
        let studio = studio.clone();
        html! { <button type="button" class="ea-button ea-button--secondary" id="undo" onclick={Callback::from(move |_| studio.dispatch(Action::Undid))}>{ w.undo }</button> }
    });
    // The rules' problems, or else those of the case files (which the studio does not edit).
    let (problems, in_rule_files) = match &studio.checked.pack {
        Ok(_) => (&studio.checked.case_problems, false),
        Err(errors) => (errors, true),
    };
    if problems.is_empty() {
        return html! { <><div class="ea-inset ea-inset--go" id="studio-status"><p class="ea-body">{ w.no_problems }</p></div>{ for undo }</> };
    }
    html! {
        <>
        <div class="ea-error-summary" id="studio-status" role="alert" tabindex="-1">
            <h2 class="ea-error-summary__title">{ w.problems }</h2>
            <ul class="ea-list ea-error-summary__list">
                { for problems.iter().enumerate().map(|(i, p)| {
                    let field = studio.views.problem_fields.get(i).cloned().flatten();
                    let Some(line) = p.line.filter(|_| in_rule_files) else {
                        return html! { <li class="ea-studio__problem">{ p.to_string() }</li> };
                    };
                    // A problem links to the field that shows what it is about, or else to its
                    // line in the file's text editor.
                    let (href, go) = match field {
                        Some(field) => {
                            let (studio, file, to) = (studio.clone(), p.file.clone(), field.clone());
                            (field, Callback::from(move |e: MouseEvent| {
                                e.prevent_default();
                                studio.dispatch(Action::WentToField { file: file.clone(), field: to.clone() });
                            }))
                        }
                        None => (file_field(&p.file), go_to_line(file_field(&p.file), line)),
                    };
                    html! {
                        <li class="ea-studio__problem">
                            <a href={format!("#{href}")} onclick={go}>{ format!("{}:{line}", p.file) }</a>
                            { format!(": {}", p.reason) }
                        </li>
                    }
                }) }
            </ul>
        </div>
        { for undo }
        </>
    }
}

#[function_component]
fn Settings(props: &StudioProps) -> Html {
    let studio = &props.studio;
    let w = studio.words();
    html! {
        <section aria-labelledby="settings-heading">
            <h2 class="ea-heading-l" id="settings-heading">{ w.settings }</h2>
            <p class="ea-hint">{ w.settings_hint }</p>
            { for studio.views.settings.iter().map(|setting| html! { <SettingRow studio={studio.clone()} setting={setting.clone()} /> }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SettingRowProps {
    studio: UseReducerHandle<Studio>,
    setting: SettingForm,
}

#[function_component]
fn SettingRow(props: &SettingRowProps) -> Html {
    let (studio, setting) = (&props.studio, &props.setting);
    let w = studio.words();
    let id = setting.id.clone();
    let change = |field: String, make: Rc<dyn Fn(String) -> Edit>| on_change(studio, move |value| Action::ChangedField { field: field.clone(), edit: make(value) });
    let inputs = match &setting.value {
        SettingValue::Texts(texts) => texts
            .iter()
            .map(|(lang, text)| {
                let field = setting_field(&id, Some(lang));
                let (id, lang_for_edit) = (id.clone(), lang.clone());
                let onchange = change(field.clone(), Rc::new(move |text| Edit::SettingText { id: id.clone(), lang: lang_for_edit.clone(), text }));
                html! {
                    <div class="ea-studio__lang">
                        <label class="ea-label" for={field.clone()}>{ format!("{} ({lang})", setting.id) }</label>
                        <input class="ea-input" id={field} lang={lang.clone()} value={text.clone()} {onchange} />
                    </div>
                }
            })
            .collect::<Html>(),
        SettingValue::Single { kind, value } => {
            let field = setting_field(&id, None);
            let id = id.clone();
            let onchange = change(field.clone(), Rc::new(move |value| Edit::SettingValue { id: id.clone(), value }));
            let refused = refusal(studio, &field);
            let kind_class = if refused.is_some() { "ea-input ea-input--error" } else { "ea-input" };
            html! {
                <div class={classes!("ea-studio__lang", refused.map(|_| "ea-form-group--error"))}>
                    <label class="ea-label" for={field.clone()}>{ format!("{} ({kind})", setting.id) }</label>
                    if let Some(why) = refused {
                        <p class="ea-error-message" id={format!("{field}-error")}>{ why }</p>
                    }
                    <input class={kind_class} id={field.clone()} value={value.clone()} inputmode={(kind == "amount" || kind == "number").then_some("decimal")}
                        aria-describedby={refused.map(|_| format!("{field}-error"))} {onchange} />
                </div>
            }
        }
    };
    let (status_field, note_field) = (setting_field(&setting.id, Some("status")), setting_field(&setting.id, Some("note")));
    let on_status = {
        let (id, field) = (setting.id.clone(), status_field.clone());
        on_change(studio, move |status| Action::ChangedField { field: field.clone(), edit: Edit::SettingStatus { id: id.clone(), status } })
    };
    let on_note = {
        let (id, field) = (setting.id.clone(), note_field.clone());
        on_change(studio, move |note| Action::ChangedField { field: field.clone(), edit: Edit::SettingNote { id: id.clone(), note } })
    };
    html! {
        <div class="ea-form-group ea-studio__setting">
            <h3 class="ea-heading-s">{ &setting.id }</h3>
            <div class="ea-studio__row">{ inputs }</div>
            <label class="ea-label" for={status_field.clone()}>{ w.status }</label>
            <select class="ea-input ea-studio__select" id={status_field} onchange={on_status}>
                <option value="published" selected={setting.status == "published"}>{ w.published }</option>
                <option value="confirm" selected={setting.status == "confirm"}>{ w.to_confirm }</option>
            </select>
            <label class="ea-label" for={note_field.clone()}>{ w.note }</label>
            <textarea class="ea-input ea-studio__text" id={note_field} rows="2" value={setting.note.clone()} onchange={on_note} />
        </div>
    }
}

#[function_component]
fn Texts(props: &StudioProps) -> Html {
    let studio = &props.studio;
    let w = studio.words();
    let choose = on_change(studio, Action::ChoseFile);

    html! {
        <section aria-labelledby="texts-heading">
            <h2 class="ea-heading-l" id="texts-heading">{ w.texts }</h2>
            <p class="ea-hint">{ w.texts_hint }</p>
            <label class="ea-label" for="studio-file">{ w.file }</label>
            <select class="ea-input ea-studio__select" id="studio-file" onchange={choose}>
                { for studio.workspace.files.iter().map(|f| html! { <option value={f.path.clone()} selected={f.path == studio.text_file}>{ &f.path }</option> }) }
            </select>
            { for studio.views.texts.iter().map(|entry| {
                let was = studio.views.opened_texts.iter().find(|b| b.path == entry.path && b.key == entry.key).cloned();
                html! { <TextRow studio={studio.clone()} entry={entry.clone()} {was} /> }
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TextRowProps {
    studio: UseReducerHandle<Studio>,
    entry: TextEntry,
    /// The same text as it was opened, if it was there.
    was: Option<TextEntry>,
}

#[function_component]
fn TextRow(props: &TextRowProps) -> Html {
    let (studio, entry) = (&props.studio, &props.entry);
    let w = studio.words();
    let name = entry.path.iter().map(|(_, id)| id.as_str()).chain((!entry.key.is_empty()).then_some(entry.key.as_str())).collect::<Vec<_>>().join(" › ");
    // A translation is stale when the first language's text changed and it did not.
    let first_changed = props.was.as_ref().is_some_and(|was| was.texts.first() != entry.texts.first());
    html! {
        <div class="ea-form-group ea-studio__question">
            <h3 class="ea-heading-s">{ name }</h3>
            <div class="ea-studio__row">
                { for entry.texts.iter().enumerate().map(|(i, (lang, text))| {
                    let field = text_field(&entry.path, &entry.key, lang);
                    let stale = i > 0 && first_changed && props.was.as_ref().is_some_and(|was| was.texts.get(i).map(|(_, t)| t) == Some(text));
                    let edit = {
                        let (file, path, key, lang, field) = (studio.text_file.clone(), entry.path.clone(), entry.key.clone(), lang.clone(), field.clone());
                        on_change(studio, move |text| Action::ChangedField { field: field.clone(), edit: Edit::Text { file: file.clone(), path: path.clone(), key: key.clone(), lang: lang.clone(), text } })
                    };
                    html! {
                        <div class="ea-studio__lang">
                            <label class="ea-label" for={field.clone()}>{ lang.clone() }</label>
                            if text.is_empty() {
                                <p class="ea-error-message">{ w.missing }</p>
                            } else if stale {
                                <p class="ea-error-message ea-studio__stale">{ w.stale }</p>
                            }
                            <textarea class="ea-input ea-studio__text" id={field} lang={lang.clone()} rows="3" value={text.clone()} onchange={edit} />
                        </div>
                    }
                }) }
            </div>
        </div>
    }
}

/// The chosen topic's questions: their options and rules (the answers each applies to, where
/// it leads, what it cites), added, removed and moved through forms; and the topic's decision
/// tree as it stands.
#[function_component]
fn Paths(props: &StudioProps) -> Html {
    let studio = &props.studio;
    let w = studio.words();
    let topic_id = studio.views.topics.iter().find(|(file, _)| *file == studio.text_file).map(|(_, id)| id.clone());
    // The tree is laid out and drawn again only when the rules, the topic or the language change.
    let tree_source = {
        let (checked, topic_id) = (studio.checked.clone(), topic_id.clone());
        use_memo((studio.revision, topic_id.clone(), w.lang), move |(_, _, lang)| {
            let pack = checked.pack.as_ref().ok()?;
            let topic = pack.topic(&topic_id?.as_str().into())?;
            let svg = ethics_engine::diagram::svg(pack, topic, pack.language(lang).unwrap_or(0));
            Some(format!("data:image/svg+xml;base64,{}", base64::Engine::encode(&base64::engine::general_purpose::STANDARD, svg)))
        })
    };
    let Some(topic_id) = topic_id else { return html! {} };
    let tree = (*tree_source).clone().map(|source| html! { <img class="ea-studio__tree" id="studio-tree" src={source} alt={format!("{} {topic_id}", w.tree_alt)} /> });
    let questions = &studio.views.questions;
    html! {
        <section aria-labelledby="paths-heading">
            <h2 class="ea-heading-l" id="paths-heading" tabindex="-1">{ w.paths }</h2>
            <p class="ea-hint">{ w.paths_hint }</p>
            { for questions.iter().enumerate().map(|(i, question)| html! {
                <QuestionEditor key={question.id.clone()} studio={studio.clone()} question={question.clone()} first={i == 0} last={i + 1 == questions.len()} />
            }) }
            <AddForm studio={studio.clone()} adds={Adds::Question} />
            <h3 class="ea-heading-m">{ w.tree }</h3>
            { tree.unwrap_or_else(|| html! { <p class="ea-body">{ w.tree_unavailable }</p> }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct QuestionProps {
    studio: UseReducerHandle<Studio>,
    question: QuestionForm,
    first: bool,
    last: bool,
}

#[function_component]
fn QuestionEditor(props: &QuestionProps) -> Html {
    let (studio, question) = (&props.studio, &props.question);
    let w = studio.words();
    let path = vec![("question".to_owned(), question.id.clone())];
    let kind = match question.input.as_str() {
        "yes_no" => w.input_yes_no,
        "choice" => w.input_choice,
        "amount" => w.input_amount,
        other => other,
    };
    html! {
        <div class="ea-studio__question">
            <h3 class="ea-heading-m" id={format!("question-{}", question.id)} tabindex="-1">{ format!("{}{} {} ({kind})", w.question_kind, w.colon, question.id) }</h3>
            { structure_buttons(studio, &path, &question.id, props.first, props.last) }
            if !question.has_hint {
                <button type="button" class="ea-button ea-button--secondary" id={format!("add-hint-{}", question.id)} onclick={{
                    let (studio, edit) = (studio.clone(), Edit::AddText { file: studio.text_file.clone(), path: path.clone(), key: "hint".into() });
                    Callback::from(move |_| studio.dispatch(Action::ChangedField { field: "add-hint".to_owned(), edit: edit.clone() }))
                }}>{ w.add_hint }<span class="ea-visually-hidden">{ format!(" {}", question.id) }</span></button>
            }
            if question.input == "choice" {
                <h4 class="ea-heading-s">{ w.options }</h4>
                <ul class="ea-list">
                    { for question.options.iter().enumerate().map(|(i, option)| {
                        let path = vec![("question".to_owned(), question.id.clone()), ("option".to_owned(), option.clone())];
                        html! {
                            <li key={option.clone()} class="ea-studio__option">
                                <span class="ea-body" id={format!("option-{}-{option}", question.id)} tabindex="-1">{ option }</span>
                                { structure_buttons(studio, &path, option, i == 0, i + 1 == question.options.len()) }
                            </li>
                        }
                    }) }
                </ul>
                <AddForm studio={studio.clone()} adds={Adds::Option(question.id.clone())} />
            }
            { for question.rules.iter().map(|rule| html! { <RuleEditor key={rule.rule.clone()} studio={studio.clone()} rule={rule.clone()} answers={question.answers.clone()} /> }) }
            <AddForm studio={studio.clone()} adds={Adds::Rule(question.id.clone())} />
        </div>
    }
}

/// The buttons that move a question or an option up or down, or remove it: each names what
/// it acts on for screen readers, and the move that is not possible is not offered.
fn structure_buttons(studio: &UseReducerHandle<Studio>, path: &[(String, String)], name: &str, first: bool, last: bool) -> Html {
    let w = studio.words();
    let file = studio.text_file.clone();
    let button = |label: &'static str, edit: Edit| {
        let studio = studio.clone();
        let field = path.iter().map(|(_, id)| id.as_str()).collect::<Vec<_>>().join("-");
        let onclick = Callback::from(move |_| studio.dispatch(Action::ChangedField { field: field.clone(), edit: edit.clone() }));
        html! { <button type="button" class="ea-button ea-button--secondary" {onclick}>{ label }<span class="ea-visually-hidden">{ format!(" {name}") }</span></button> }
    };
    html! {
        <div class="ea-button-group">
            if !first { { button(w.move_up, Edit::Move { file: file.clone(), path: path.to_vec(), up: true }) } }
            if !last { { button(w.move_down, Edit::Move { file: file.clone(), path: path.to_vec(), up: false }) } }
            { button(w.remove, Edit::Remove { file, path: path.to_vec() }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RuleProps {
    studio: UseReducerHandle<Studio>,
    rule: RuleForm,
    /// Every answer the rule's question offers.
    answers: Vec<String>,
}

#[function_component]
fn RuleEditor(props: &RuleProps) -> Html {
    let (studio, rule) = (&props.studio, &props.rule);
    let w = studio.words();
    let file = studio.text_file.clone();
    let (question, id) = (rule.question.clone(), rule.rule.clone());
    let rule_path = vec![("question".to_owned(), question.clone()), ("rule".to_owned(), id.clone())];
    let leads_field = rule_field("leads", &question, &id);
    let on_leads = {
        let (file, question, id, field) = (file.clone(), question.clone(), id.clone(), leads_field.clone());
        on_change(studio, move |to| Action::ChangedField { field: field.clone(), edit: Edit::RuleLeadsTo { file: file.clone(), question: question.clone(), rule: id.clone(), to } })
    };
    let show = |destination: &str| match destination.split_once(':') {
        Some(("question", id)) => format!("{}{} {id}", w.question_kind, w.colon),
        Some((_, id)) => format!("{}{} {id}", w.outcome_kind, w.colon),
        None => destination.to_owned(),
    };
    // A select offers "choose" while its value is not among what it offers.
    let select = |field: String, label: &'static str, current: &str, offered: &[String], show: &dyn Fn(&str) -> String, onchange: Callback<Event>| {
        html! {
            <div class="ea-form-group">
                <label class="ea-label" for={field.clone()}>{ label }</label>
                <select class="ea-input ea-studio__select" id={field} {onchange}>
                    if !offered.iter().any(|o| o == current) { <option value="" selected=true>{ w.choose }</option> }
                    { for offered.iter().map(|o| html! { <option value={o.clone()} selected={o == current}>{ show(o) }</option> }) }
                </select>
            </div>
        }
    };
    let cites = |key: &'static str, label: &'static str, current: &str, offered: &[String]| {
        let field = rule_field(key, &question, &id);
        let onchange = {
            let (file, question, id, field) = (file.clone(), question.clone(), id.clone(), field.clone());
            on_change(studio, move |cited| Action::ChangedField { field: field.clone(), edit: Edit::RuleCites { file: file.clone(), question: question.clone(), rule: id.clone(), key: key.into(), id: cited } })
        };
        select(field, label, current, offered, &|o: &str| o.to_owned(), onchange)
    };
    let when_field = rule_field("when", &question, &id);
    html! {
        <div class="ea-studio__rule">
            <fieldset class="ea-fieldset" id={when_field.clone()} tabindex="-1">
                <legend class="ea-fieldset__legend ea-heading-s">{ format!("{} {} — {}", w.rule, rule.rule, w.answers) }</legend>
                <div class="ea-checkboxes ea-studio__row">
                    { for props.answers.iter().map(|answer| {
                        let field = format!("{when_field}-{answer}");
                        let onchange = {
                            let (studio, file, question, id, answer, field) = (studio.clone(), file.clone(), question.clone(), id.clone(), answer.clone(), field.clone());
                            Callback::from(move |e: Event| {
                                let matches = e.target_unchecked_into::<HtmlInputElement>().checked();
                                studio.dispatch(Action::ChangedField { field: field.clone(), edit: Edit::RuleAnswer { file: file.clone(), question: question.clone(), rule: id.clone(), answer: answer.clone(), matches } })
                            })
                        };
                        html! {
                            <div class="ea-checkboxes__item">
                                <input class="ea-checkboxes__input" type="checkbox" id={field.clone()} checked={rule.when.contains(answer)} {onchange} />
                                <label class="ea-label ea-checkboxes__label" for={field}>{ answer }</label>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
            { select(leads_field, w.leads_to, &rule.leads_to, &studio.views.destinations, &show, on_leads) }
            <div class="ea-studio__row">
                { cites("principle", w.principle, &rule.principle, &studio.views.citations.principles) }
                { cites("source", w.source, &rule.source, &studio.views.citations.sources) }
            </div>
            { structure_buttons(studio, &rule_path, &rule.rule, true, true) }
        </div>
    }
}

/// What an [`AddForm`] adds: a question to the topic, or an option or a rule to a question.
#[derive(Clone, PartialEq)]
enum Adds {
    Question,
    Option(String),
    Rule(String),
}

#[derive(Properties, PartialEq)]
struct AddProps {
    studio: UseReducerHandle<Studio>,
    adds: Adds,
}

/// The ID of a new question, option or rule (and a new question's kind of answer), and the
/// button that adds it.
#[function_component]
fn AddForm(props: &AddProps) -> Html {
    let studio = &props.studio;
    let w = studio.words();
    let (id_input, kind_input) = (use_node_ref(), use_node_ref());
    let (field, button) = match &props.adds {
        Adds::Question => ("add-question".to_owned(), w.add_question),
        Adds::Option(question) => (format!("add-option-{question}"), w.add_option),
        Adds::Rule(question) => (format!("add-rule-{question}"), w.add_rule),
    };
    let onclick = {
        let (studio, adds, field, id_input, kind_input) = (studio.clone(), props.adds.clone(), field.clone(), id_input.clone(), kind_input.clone());
        Callback::from(move |_| {
            let Some(id) = id_input.cast::<HtmlInputElement>().map(|i| i.value().trim().to_owned()) else { return };
            let file = studio.text_file.clone();
            let edit = match &adds {
                Adds::Question => Edit::AddQuestion { file, id, input: kind_input.cast::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default() },
                Adds::Option(question) => Edit::AddOption { file, question: question.clone(), id },
                Adds::Rule(question) => Edit::AddRule { file, question: question.clone(), id },
            };
            studio.dispatch(Action::ChangedField { field: field.clone(), edit });
        })
    };
    // Once what it names is added, the box is emptied for the next one.
    {
        let (id_input, added) = (id_input.clone(), studio.changed_field.as_deref() == Some(field.as_str()));
        use_effect_with((studio.revision, added), move |&(_, added)| {
            if let Some(input) = id_input.cast::<HtmlInputElement>().filter(|_| added) {
                input.set_value("");
            }
        });
    }
    let refused = refusal(studio, &field);
    html! {
        <div class={classes!("ea-form-group", "ea-studio__add", refused.map(|_| "ea-form-group--error"))}>
            <label class="ea-label" for={field.clone()}>{ format!("{} — {}", button, w.new_id) }</label>
            if let Some(why) = refused {
                <p class="ea-error-message" id={format!("{field}-error")}>{ why }</p>
            }
            <input class={classes!("ea-input", "ea-studio__select", refused.map(|_| "ea-input--error"))} id={field.clone()} ref={id_input} spellcheck="false" autocomplete="off"
                aria-describedby={refused.map(|_| format!("{field}-error"))} />
            if props.adds == Adds::Question {
                <label class="ea-label" for="add-question-input">{ w.input_label }</label>
                <select class="ea-input ea-studio__select" id="add-question-input" ref={kind_input}>
                    <option value="yes_no">{ w.input_yes_no }</option>
                    <option value="choice">{ w.input_choice }</option>
                </select>
            }
            <button type="button" class="ea-button ea-button--secondary" id={format!("{field}-button")} {onclick}>{ button }</button>
        </div>
    }
}

#[function_component]
fn CaseLibrary(props: &CheckedProps) -> Html {
    let w = ALL[props.lang];
    let changed = &props.checked.changed_cases;
    html! {
        <section aria-labelledby="cases-heading" id="studio-cases">
            <h2 class="ea-heading-l" id="cases-heading">{ w.cases }</h2>
            if changed.is_empty() {
                <p class="ea-body">{ w.cases_all_pass }</p>
            } else {
                <p class="ea-body">{ w.cases_changed }</p>
                <ul class="ea-list">
                    { for changed.iter().map(|result| html! {
                        <li class="ea-studio__case">
                            <h3 class="ea-heading-s">{ &result.case.id }</h3>
                            <p class="ea-body">{ result.case.story.get(props.lang).or(result.case.story.first()).cloned().unwrap_or_default() }</p>
                            <p class="ea-body">{ format!("{} ({}){} {}", w.expected_got, result.case.expect, w.colon, result.failure.clone().unwrap_or_default()) }</p>
                            <ol class="ea-trace">{ for result.trace.iter().map(|line| html! { <li class="ea-trace__step">{ line.clone() }</li> }) }</ol>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

/// The advisor as it would be published, in a frame beside the forms, made anew after each
/// change while it is shown.
#[function_component]
fn Preview(props: &StudioProps) -> Html {
    let studio = &props.studio;
    let w = studio.words();
    let shown = use_state(|| false);
    let url = use_state(|| None::<String>);
    {
        let (url, checked) = (url.clone(), studio.checked.clone());
        use_effect_with((*shown, studio.revision), move |&(shown, _)| {
            let page = checked.pack.as_ref().ok().filter(|_| shown).and_then(|pack| ethics_engine::shipped::into_page(defaults::ADVISOR_PAGE, pack.clone()).ok());
            let made = page.and_then(|page| blob_url(page.as_bytes(), "text/html"));
            url.set(made.clone());
            move || {
                if let Some(made) = made {
                    let _ = web_sys::Url::revoke_object_url(&made);
                }
            }
        });
    }
    let toggle = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(!*shown))
    };
    html! {
        <section aria-labelledby="preview-heading">
            <h2 class="ea-heading-l" id="preview-heading">{ w.preview }</h2>
            <p class="ea-hint">{ w.preview_hint }</p>
            <button type="button" class="ea-button ea-button--secondary" id="toggle-preview" aria-expanded={(*shown).to_string()} onclick={toggle}>
                { if *shown { w.hide_preview } else { w.show_preview } }
            </button>
            if let Some(url) = (*url).clone() {
                <iframe class="ea-studio__preview" id="studio-preview" title={w.preview} src={url} />
            } else if *shown {
                <p class="ea-body">{ w.cannot_publish }</p>
            }
        </section>
    }
}

#[function_component]
fn Publish(props: &StudioProps) -> Html {
    let studio = &props.studio;
    let w = studio.words();
    let download_advisor = {
        let studio = studio.clone();
        Callback::from(move |_| {
            let Ok(pack) = &studio.checked.pack else { return };
            match publish::advisor_page(pack, &studio.workspace) {
                Ok(page) => {
                    download("ethics-advisor.html", "text/html", page.as_bytes());
                    studio.dispatch(Action::Downloaded);
                }
                Err(why) => web_sys::console::error_1(&why.into()),
            }
        })
    };
    let download_embed = {
        let studio = studio.clone();
        Callback::from(move |_| {
            let Ok(pack) = &studio.checked.pack else { return };
            match publish::embed_archive(pack) {
                Ok(archive) => {
                    download(publish::EMBED_ARCHIVE, "application/zip", &archive);
                    studio.dispatch(Action::Downloaded);
                }
                Err(why) => web_sys::console::error_1(&why.into()),
            }
        })
    };
    html! {
        <section aria-labelledby="publish-heading">
            <h2 class="ea-heading-l" id="publish-heading">{ w.publish }</h2>
            <p class="ea-hint">{ w.publish_hint }</p>
            if studio.checked.pack.is_ok() {
                <div class="ea-button-group">
                    <button type="button" class="ea-button" id="download-advisor" onclick={download_advisor}>{ w.download_advisor }</button>
                    <button type="button" class="ea-button ea-button--secondary" id="download-embed" onclick={download_embed}>{ w.download_embed }</button>
                </div>
                <p class="ea-hint">{ w.embed_hint }</p>
            } else {
                <p class="ea-error-message" id="cannot-publish">{ w.cannot_publish }</p>
            }
        </section>
    }
}

#[function_component]
fn Files(props: &StudioProps) -> Html {
    let studio = &props.studio;
    let w = studio.words();
    let open = {
        let studio = studio.clone();
        Callback::from(move |e: Event| open_files(&studio, e.target_unchecked_into::<HtmlInputElement>().files()))
    };
    // Files dropped anywhere on the section open as if chosen.
    let drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let drop = {
        let studio = studio.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            open_files(&studio, e.data_transfer().and_then(|d| d.files()));
        })
    };
    html! {
        <section aria-labelledby="files-heading" id="studio-files" ondragover={drag_over} ondrop={drop}>
            <h2 class="ea-heading-l" id="files-heading">{ w.files }</h2>
            <p class="ea-hint">{ w.files_hint }</p>
            <label class="ea-label" for="open-files">{ w.open_files }</label>
            if let Some((name, why)) = &studio.cannot_open {
                <p class="ea-error-message" id="cannot-open">{ format!("{name}{} {}", w.colon, match why {
                    SourcesError::NotAnAdvisor => w.not_an_advisor,
                    SourcesError::NotFromTheStudio => w.not_from_the_studio,
                    SourcesError::Damaged(_) => w.advisor_damaged,
                }) }</p>
            }
            <input class="ea-studio__file" type="file" id="open-files" accept=".toml,.html,.htm" multiple=true onchange={open}
                aria-describedby={studio.cannot_open.as_ref().map(|_| "cannot-open")} />
            { for studio.workspace.files.iter().map(|file| {
                let field = file_field(&file.path);
                let edit = {
                    let (path, field) = (file.path.clone(), field.clone());
                    on_change(studio, move |text| Action::ChangedField { field: field.clone(), edit: Edit::FileText { file: path.clone(), text } })
                };
                let save = {
                    let (studio, file) = (studio.clone(), file.clone());
                    Callback::from(move |_| {
                        download(file.path.rsplit('/').next().unwrap_or(&file.path), "application/toml", file.text.as_bytes());
                        studio.dispatch(Action::Downloaded);
                    })
                };
                html! {
                    <details class="ea-studio__file-entry">
                        <summary>{ &file.path }</summary>
                        <label class="ea-label" for={field.clone()}>{ format!("{} — {}", w.edit_as_text, file.path) }</label>
                        <textarea class="ea-input ea-studio__source" id={field} rows="16" value={file.text.clone()} onchange={edit} />
                        <button type="button" class="ea-button ea-button--secondary" onclick={save}>{ format!("{} {}", w.download_file, file.path) }</button>
                    </details>
                }
            }) }
        </section>
    }
}

/// Reads the files chosen or dropped, and opens them in the studio: an advisor page the
/// studio published (its files replace all others), or else TOML files.
fn open_files(studio: &UseReducerHandle<Studio>, list: Option<web_sys::FileList>) {
    let Some(list) = list else { return };
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    let studio = studio.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let mut opened = Vec::new();
        for file in files {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()).unwrap_or_default();
            let name = file.name();
            if name.ends_with(".html") || name.ends_with(".htm") {
                studio.dispatch(match publish::files_in_page(&text) {
                    Ok(files) => Action::OpenedAdvisor(files),
                    Err(why) => Action::CouldNotOpen { name, why },
                });
                return;
            }
            // A topic file goes back under topics/, where the pack keeps it.
            let path = if text.contains("[topic]") { format!("topics/{name}") } else { name };
            opened.push(SourceFile { path, text });
        }
        studio.dispatch(Action::OpenedFiles(opened));
    });
}

/// Why the last edit of this field was refused, in the studio's words, if it was.
fn refusal(studio: &Studio, field: &str) -> Option<&'static str> {
    let w = studio.words();
    studio.refused.as_ref().filter(|(f, _)| f == field).map(|(_, why)| match why.as_str() {
        "number" => w.enter_number,
        "whole number" => w.enter_whole_number,
        "flag" => w.enter_flag,
        "id" => w.enter_id,
        "taken" => w.id_taken,
        _ => w.cannot_change,
    })
}

/// The id of a rule file's text editor.
fn file_field(path: &str) -> String {
    format!("file-{}", path.replace('/', "-"))
}

/// Opens a rule file's text editor at a line: the caret at its start, the editor in view.
fn go_to_line(field: String, line: usize) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        let area = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&field)).and_then(|a| a.dyn_into::<HtmlTextAreaElement>().ok());
        let Some(area) = area else { return };
        if let Ok(Some(details)) = area.closest("details") {
            let _ = details.set_attribute("open", "");
        }
        // Selection offsets count UTF-16 code units, as the browser does.
        let offset: usize = area.value().split('\n').take(line.saturating_sub(1)).map(|l| l.encode_utf16().count() + 1).sum();
        let _ = area.focus();
        let _ = area.set_selection_range(offset as u32, offset as u32);
    })
}

/// A change handler for an input, a text area or a select: what its new value means.
fn on_change(studio: &UseReducerHandle<Studio>, action: impl Fn(String) -> Action + 'static) -> Callback<Event> {
    let studio = studio.clone();
    Callback::from(move |e: Event| {
        let Some(target) = e.target() else { return };
        let value = if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
            input.value()
        } else if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
            area.value()
        } else if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
            select.value()
        } else {
            return;
        };
        studio.dispatch(action(value));
    })
}

/// A `blob:` URL of `bytes` in this page's memory (nothing leaves the machine).
fn blob_url(bytes: &[u8], mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Hands `bytes` to the browser as a file to save, through a blob URL on a link clicked at
/// once (the URL lives as long as the page: revoking it at once can cancel the download).
fn download(name: &str, mime: &str, bytes: &[u8]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(url) = blob_url(bytes, mime) else { return };
    if let Ok(link) = document.create_element("a").map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changed(studio: &Studio) -> Vec<String> {
        studio.checked.changed_cases.iter().map(|r| r.case.id.clone()).collect()
    }

    #[test]
    fn the_shipped_pack_opens_valid_with_every_case_passing() {
        let studio = Studio::new(shipped_workspace());
        assert!(studio.checked.pack.is_ok(), "{:?}", studio.checked.pack.as_ref().err());
        assert_eq!(changed(&studio), Vec::<String>::new());
        assert!(studio.checked.case_problems.is_empty());
        assert_eq!(studio.text_file, "topics/1_gifts.toml");
    }

    #[test]
    fn a_new_threshold_shows_the_cases_it_changes_and_a_broken_next_blocks_publishing() {
        let studio = Rc::new(Studio::new(shipped_workspace()));
        let edit = Edit::SettingValue { id: "nominal_threshold".into(), value: "50".into() };
        let studio = studio.reduce(Action::ChangedField { field: "setting-nominal_threshold".into(), edit });
        assert!(studio.unsaved && studio.checked.pack.is_ok());
        assert!(!changed(&studio).is_empty(), "a case valued between 30 and 50 changes outcome");
        let refused = studio.clone().reduce(Action::ChangedField { field: "setting-nominal_threshold".into(), edit: Edit::SettingValue { id: "nominal_threshold".into(), value: "fifty".into() } });
        assert_eq!(refused.refused, Some(("setting-nominal_threshold".into(), "number".into())));
        assert_eq!(refused.workspace, studio.workspace, "a refused edit changes no file");

        let gifts = studio.workspace.files.iter().find(|f| f.path == "topics/1_gifts.toml").unwrap().clone();
        let broken = gifts.text.replacen("next = \"solicited\"", "next = \"solicted\"", 1);
        assert_ne!(broken, gifts.text, "the gifts topic leads to question solicited");
        let studio = studio.reduce(Action::ChangedField { field: "file".into(), edit: Edit::FileText { file: gifts.path.clone(), text: broken } });
        let errors: Vec<String> = studio.checked.pack.as_ref().unwrap_err().iter().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 1, "one mistake, one message: {errors:?}");
        assert!(errors[0].starts_with("topics/1_gifts.toml:") && errors[0].ends_with("does not have; did you mean \"solicited\"?"), "{errors:?}");
        assert_eq!(studio.views.problem_fields, [Some("leads-exchange-gifts_no_exchange".to_owned())], "the problem links to the rule's destination");
        let went = studio.clone().reduce(Action::WentToField { file: gifts.path.clone(), field: "leads-exchange-gifts_no_exchange".into() });
        assert_eq!((went.text_file.as_str(), went.focus.as_ref().map(|(_, f)| f.as_str())), ("topics/1_gifts.toml", Some("leads-exchange-gifts_no_exchange")));

        let undone = studio.reduce(Action::Undid);
        assert!(undone.checked.pack.is_ok(), "undo takes back the broken next");
        let undone = undone.reduce(Action::Undid);
        assert_eq!(undone.workspace, shipped_workspace(), "and then the threshold");
        assert!(undone.undo.is_empty());
        assert_eq!(undone.clone().reduce(Action::Undid).workspace, undone.workspace, "nothing more to undo");
    }

    #[test]
    fn an_advisor_opened_replaces_every_file_and_one_that_cannot_be_opened_changes_nothing() {
        let studio = Rc::new(Studio::new(shipped_workspace()));
        let edit = Edit::SettingValue { id: "nominal_threshold".into(), value: "50".into() };
        let edited = studio.reduce(Action::ChangedField { field: "setting-nominal_threshold".into(), edit });
        let refused = edited.clone().reduce(Action::CouldNotOpen { name: "page.html".into(), why: SourcesError::NotFromTheStudio });
        assert_eq!((refused.workspace.clone(), refused.cannot_open.clone()), (edited.workspace.clone(), Some(("page.html".into(), SourcesError::NotFromTheStudio))));

        let mut published = shipped_workspace().files;
        let settings = published.iter_mut().find(|f| f.path == "settings.toml").unwrap();
        settings.text = settings.text.replacen("amount = 30", "amount = 70", 1);
        let opened = refused.reduce(Action::OpenedAdvisor(published.clone()));
        assert_eq!(opened.workspace.files, published, "the advisor's files, and only those");
        assert_eq!(*opened.opened, opened.workspace, "what later changes are compared with");
        assert!(opened.undo.is_empty() && !opened.unsaved && opened.cannot_open.is_none());
        assert_eq!(opened.text_file, "topics/1_gifts.toml");
        assert!(opened.checked.pack.is_ok(), "{:?}", opened.checked.pack.as_ref().err());
        let threshold = opened.views.settings.iter().find(|s| s.id == "nominal_threshold").map(|s| s.value.clone());
        assert_eq!(threshold, Some(SettingValue::Single { kind: "amount".into(), value: "70".into() }), "not the 50 edited before");
    }
}
