//! The compiled rule pack: validated, every reference known to resolve, ready to evaluate.
//!
//! This is the form the app embeds (as postcard bytes made at build time), so it holds no
//! TOML spans and no parsing code. Build one with [`crate::load`].

use crate::ids::{LangId, OptionId, OutcomeId, PrincipleId, QuestionId, RuleId, SettingId, SourceId, TopicId};
use crate::eval::Answer;
use crate::locale;
use crate::text::{fill, Text};
use serde::{Deserialize, Serialize};

/// A whole rule pack: settings, outcome tiers, principles, sources and topics.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    /// Configured languages; every [`Text`] has one entry per language, in this order.
    pub languages: Vec<LangId>,
    pub settings: Vec<Setting>,
    pub outcomes: Vec<Outcome>,
    pub principles: Vec<Principle>,
    pub sources: Vec<Source>,
    pub topics: Vec<Topic>,
}

/// An organization-specific value: a threshold, a contact, a name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Setting {
    pub id: SettingId,
    pub value: SettingValue,
    /// Whether the value is a published fact or a default the ethics office must confirm.
    pub status: SettingStatus,
    /// Where the value comes from, for reviewers.
    pub note: String,
}

/// The typed value of a [`Setting`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SettingValue {
    Amount(Amount),
    Number(i64),
    Text(Text),
    Email(String),
    Url(String),
    Flag(bool),
}

/// Whether a setting is a published fact or a default still to confirm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SettingStatus {
    Published,
    Confirm,
}

/// A sum of money in hundredths of the pack's currency (cents), so comparisons are exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Amount(pub u64);

impl Amount {
    /// Reads an amount typed by a person: digits, an optional decimal point or comma with
    /// one or two decimals, and optional spaces or apostrophes between thousands.
    pub fn parse(input: &str) -> Option<Amount> {
        let cleaned: String = input.trim().chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'')).collect();
        let (whole, fraction) = match cleaned.rfind(['.', ',']) {
            Some(at) if cleaned.len() - at - 1 <= 2 => (&cleaned[..at], &cleaned[at + 1..]),
            _ => (cleaned.as_str(), ""),
        };
        let whole: String = whole.chars().filter(|c| !matches!(c, ',' | '.')).collect();
        if whole.is_empty() && fraction.is_empty() {
            return None;
        }
        if !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let units: u64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
        let cents: u64 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<u64>().ok()? * 10,
            _ => fraction.parse().ok()?,
        };
        units.checked_mul(100)?.checked_add(cents).map(Amount)
    }

    /// The amount without its currency, as `30` or `30.50` (what a person types back).
    pub fn plain(self) -> String {
        let (units, cents) = (self.0 / 100, self.0 % 100);
        if cents == 0 {
            units.to_string()
        } else {
            format!("{units}.{cents:02}")
        }
    }

    /// The amount as written in a language: `1,250.50` (en), `1 250,50` (fr, with narrow
    /// no-break spaces), `1.250,50` (es).
    pub fn localized(self, lang: &str) -> String {
        let locale = locale::of(lang);
        let digits = (self.0 / 100).to_string();
        let grouping = digits.len() >= locale.group_from;
        let mut units = String::new();
        for (i, digit) in digits.chars().enumerate() {
            if grouping && i > 0 && (digits.len() - i) % 3 == 0 {
                units.push(locale.thousands);
            }
            units.push(digit);
        }
        match self.0 % 100 {
            0 => units,
            cents => format!("{units}{}{cents:02}", locale.decimal),
        }
    }
}

/// An outcome tier: what the staff member should do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub id: OutcomeId,
    pub title: Text,
    pub summary: Text,
    /// General next steps; the rule that led here may add its own first.
    pub steps: Vec<Text>,
    pub tone: Tone,
}

/// How an outcome looks wherever it is shown: the result panel, the trainer's tree and the
/// exported diagrams. Part of the pack, so that a new outcome is never drawn in a guessed
/// colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    /// Go ahead (as it is, or once declared): green.
    Go,
    /// Ask first (approval, advice, a referral): blue.
    Ask,
    /// Do not (decline, report): red.
    Stop,
}

impl Tone {
    pub const ALL: [Tone; 3] = [Tone::Go, Tone::Ask, Tone::Stop];

    /// The name a pack writes and the stylesheet's class suffix (`ea-panel--stop`).
    pub fn name(self) -> &'static str {
        match self {
            Tone::Go => "go",
            Tone::Ask => "ask",
            Tone::Stop => "stop",
        }
    }

    /// The fill of the tone's boxes and panels (GOV.UK green, blue and a dark red, each with
    /// white text at 4.5:1 or more).
    pub fn colour(self) -> &'static str {
        match self {
            Tone::Go => "#00703c",
            Tone::Ask => "#1d70b8",
            Tone::Stop => "#942514",
        }
    }
}

/// A principle shown as the reason behind a rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Principle {
    pub id: PrincipleId,
    pub name: Text,
    pub says: Text,
}

/// How firmly a source is established (policy brief labels F, P, S).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// Found in a public source.
    Found,
    /// Common practice across organizations.
    Practice,
    /// A suggested rule, a design choice to be confirmed by the ethics office.
    Suggested,
}

/// A regulation, rule, instruction or policy a rule cites.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: SourceId,
    pub cite: Text,
    pub basis: Basis,
    /// The section of the policy brief that records this source.
    pub brief: String,
}

/// One questionnaire, such as gifts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub id: TopicId,
    /// Short name, used in page titles: "Gifts, hospitality and honours".
    pub title: Text,
    /// The start page heading: "Get advice on a gift, hospitality or an honour".
    pub heading: Text,
    pub summary: Text,
    pub start: QuestionId,
    pub questions: Vec<Question>,
    /// Next steps this topic adds to an outcome, shown after the rule's own steps.
    pub outcome_steps: Vec<(OutcomeId, Text)>,
}

/// One question: what is asked, the answers offered, and the rules that route each answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: QuestionId,
    pub ask: Text,
    pub hint: Option<Text>,
    pub input: Input,
    pub options: Vec<AnswerOption>,
    /// Validation guarantees each option is matched by exactly one rule.
    pub rules: Vec<Rule>,
    /// The wording lints this question is excused from, with the reviewers' reasons.
    pub exceptions: Vec<LintException>,
}

/// The wording lints of `check-rules` (see `wording`), as a pack names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lint {
    QuestionLength,
    HintLength,
    OptionLength,
    YesNoOr,
    YesNoShape,
    Readability,
}

impl Lint {
    /// The name a pack uses for it.
    pub fn id(self) -> &'static str {
        match self {
            Lint::QuestionLength => "question_length",
            Lint::HintLength => "hint_length",
            Lint::OptionLength => "option_length",
            Lint::YesNoOr => "yes_no_or",
            Lint::YesNoShape => "yes_no_shape",
            Lint::Readability => "readability",
        }
    }
}

/// A reviewed exception to one wording lint, in one language or in all.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LintException {
    pub lint: Lint,
    pub lang: Option<String>,
    pub reason: String,
}

/// How a question is answered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Input {
    /// One of the pack's own options.
    Choice,
    /// Yes or no (and "I don't know" where the pack allows it).
    YesNo,
    /// A sum of money compared with an amount setting: `at_or_below` or `above` it.
    Amount { compare_with: SettingId },
}

/// An answer a person can choose.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerOption {
    pub id: OptionId,
    pub label: OptionLabel,
}

/// Where an option's label comes from: the pack, or the app's own wording.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum OptionLabel {
    Pack { label: Text, hint: Option<Text> },
    Builtin(BuiltinOption),
}

/// Options every pack shares, worded by the app in each language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BuiltinOption {
    Yes,
    No,
    DontKnow,
    AtOrBelow,
    Above,
}

impl BuiltinOption {
    /// How the option reads in a language, from the language's table in `locale`.
    pub fn label(self, lang: &str) -> &'static str {
        let locale = locale::of(lang);
        match self {
            BuiltinOption::Yes => locale.yes,
            BuiltinOption::No => locale.no,
            BuiltinOption::DontKnow => locale.dont_know,
            BuiltinOption::AtOrBelow => locale.at_or_below,
            BuiltinOption::Above => locale.above,
        }
    }

    /// The option ID a rule names to match this option.
    pub fn id(self) -> &'static str {
        match self {
            BuiltinOption::Yes => "yes",
            BuiltinOption::No => "no",
            BuiltinOption::DontKnow => "dont_know",
            BuiltinOption::AtOrBelow => "at_or_below",
            BuiltinOption::Above => "above",
        }
    }
}

/// One branch out of a question, with the reason it gives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub id: RuleId,
    pub when: Vec<OptionId>,
    pub then: Next,
    /// Further outcomes that apply as well (e.g. decline *and* report).
    pub also: Vec<OutcomeId>,
    pub says: Text,
    pub principle: PrincipleId,
    pub source: SourceId,
    /// Steps specific to this rule, shown before the outcome's general steps.
    pub steps: Vec<Text>,
}

/// Where a rule leads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Next {
    Question(QuestionId),
    Outcome(OutcomeId),
}

impl Pack {
    /// The index of a language code in [`Pack::languages`].
    pub fn language(&self, code: &str) -> Option<usize> {
        self.languages.iter().position(|l| l.as_str() == code)
    }
    pub fn topic(&self, id: &TopicId) -> Option<&Topic> {
        self.topics.iter().find(|t| &t.id == id)
    }
    pub fn outcome(&self, id: &OutcomeId) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| &o.id == id)
    }
    pub fn principle(&self, id: &PrincipleId) -> Option<&Principle> {
        self.principles.iter().find(|p| &p.id == id)
    }
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| &s.id == id)
    }
    pub fn setting(&self, id: &str) -> Option<&Setting> {
        self.settings.iter().find(|s| s.id.as_str() == id)
    }
    /// The amount of an amount setting.
    pub fn amount_setting(&self, id: &SettingId) -> Option<Amount> {
        match self.setting(id.as_str())?.value {
            SettingValue::Amount(amount) => Some(amount),
            _ => None,
        }
    }
    /// The currency code used to show amounts (the `currency` setting).
    pub fn currency(&self) -> &str {
        match self.setting("currency").map(|s| &s.value) {
            Some(SettingValue::Text(code)) => code.get(0),
            _ => "",
        }
    }
    /// A setting's value as words in a language, as it appears in texts.
    pub fn setting_text(&self, id: &str, lang: usize) -> Option<String> {
        Some(match &self.setting(id)?.value {
            SettingValue::Amount(amount) => self.money(*amount, lang),
            SettingValue::Number(n) => n.to_string(),
            SettingValue::Text(text) => text.get(lang).to_owned(),
            SettingValue::Email(s) | SettingValue::Url(s) => s.clone(),
            SettingValue::Flag(b) => b.to_string(),
        })
    }
    /// An amount with the pack's currency in a language: `USD 30` (en), `30 USD` (fr, es).
    pub fn money(&self, amount: Amount, lang: usize) -> String {
        let code = self.languages.get(lang).map_or("en", |l| l.as_str());
        let (number, currency) = (amount.localized(code), self.currency());
        let text = if locale::of(code).currency_first { format!("{currency} {number}") } else { format!("{number}\u{a0}{currency}") };
        text.trim_matches([' ', '\u{a0}']).to_owned()
    }

    /// How an answer reads back to the person: the option's label, or the sum with currency.
    pub fn answer_text(&self, question: &Question, answer: &Answer, lang: usize) -> String {
        match answer {
            Answer::Amount(amount) => self.money(*amount, lang),
            Answer::Choice(option) => question.option(option).map_or_else(|| option.to_string(), |o| self.option_label(o, lang)),
        }
    }
    /// How an option reads in a language: the pack's label, or the shared wording.
    pub fn option_label(&self, option: &AnswerOption, lang: usize) -> String {
        match &option.label {
            OptionLabel::Pack { label, .. } => self.render(label, lang),
            OptionLabel::Builtin(builtin) => builtin.label(self.languages.get(lang).map_or("en", |l| l.as_str())).to_owned(),
        }
    }

    /// A text in a language with its `{setting}` placeholders filled in.
    pub fn render(&self, text: &Text, lang: usize) -> String {
        fill(text.get(lang), |name| self.setting_text(name, lang))
    }
}

impl Topic {
    /// The most questions a person can still be asked from `question` on, itself included
    /// (the longest path through the rest of the tree), for "Question 3 of 7".
    pub fn longest_from(&self, question: &QuestionId) -> usize {
        fn depth(topic: &Topic, at: &QuestionId, seen: &mut Vec<QuestionId>) -> usize {
            if seen.contains(at) {
                return 0; // a cycle: only in an unvalidated pack
            }
            let Some(q) = topic.question(at) else { return 0 };
            seen.push(at.clone());
            let deepest = q.rules.iter().filter_map(|r| match &r.then {
                Next::Question(next) => Some(depth(topic, next, seen)),
                Next::Outcome(_) => None,
            }).max().unwrap_or(0);
            seen.pop();
            1 + deepest
        }
        depth(self, question, &mut Vec::new())
    }

    /// The steps this topic adds to `outcome`.
    pub fn steps_for<'t>(&'t self, outcome: &'t OutcomeId) -> impl Iterator<Item = &'t Text> + 't {
        self.outcome_steps.iter().filter(move |(o, _)| o == outcome).map(|(_, t)| t)
    }

    pub fn question(&self, id: &QuestionId) -> Option<&Question> {
        self.questions.iter().find(|q| &q.id == id)
    }
}

impl Question {
    pub fn option(&self, id: &OptionId) -> Option<&AnswerOption> {
        self.options.iter().find(|o| &o.id == id)
    }
    /// The rule that matches an option.
    pub fn rule_for(&self, option: &OptionId) -> Option<&Rule> {
        self.rules.iter().find(|r| r.when.contains(option))
    }
    /// Whether a person may answer "I don't know".
    pub fn allows_dont_know(&self) -> bool {
        self.options.iter().any(|o| o.label == OptionLabel::Builtin(BuiltinOption::DontKnow))
    }
}

#[cfg(test)]
mod tests {
    use super::Amount;

    #[test]
    fn parses_amounts_people_type() {
        assert_eq!(Amount::parse("30"), Some(Amount(3000)));
        assert_eq!(Amount::parse(" 30.5 "), Some(Amount(3050)));
        assert_eq!(Amount::parse("30,50"), Some(Amount(3050)));
        assert_eq!(Amount::parse("1,000"), Some(Amount(100_000)));
        assert_eq!(Amount::parse("1 000,25"), Some(Amount(100_025)));
        assert_eq!(Amount::parse("1'250.00"), Some(Amount(125_000)));
        assert_eq!(Amount::parse(".5"), Some(Amount(50)));
    }

    #[test]
    fn rejects_what_is_not_an_amount() {
        for bad in ["", "  ", "abc", "-5", "3e4", "12.3.4x", "99999999999999999999999", "."] {
            assert_eq!(Amount::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn amounts_are_written_the_way_each_language_writes_them() {
        assert_eq!(Amount(125_050).localized("en"), "1,250.50");
        assert_eq!(Amount(125_050).localized("fr"), "1\u{202f}250,50");
        assert_eq!(Amount(125_050).localized("es"), "1250,50");
        assert_eq!(Amount(125_000_000).localized("es"), "1.250.000");
        assert_eq!(Amount(3000).localized("fr"), "30");
        assert_eq!(Amount(99_999_999).localized("en"), "999,999.99");
    }

    #[test]
    fn shows_cents_only_when_there_are_some() {
        assert_eq!(Amount(3000).plain(), "30");
        assert_eq!(Amount(3005).plain(), "30.05");
    }
}
