//! Wording lints: what can be counted about a question's words — its length, two conditions
//! joined by "or" in a yes/no question, a question phrased against its answers, readability in
//! each language — checked after a pack has loaded, with the exceptions its reviewers wrote,
//! and the per-topic figures `check-rules` prints.
//!
//! Readability uses one published formula per language, each from counts of words, sentences
//! and syllables: Flesch–Kincaid grade (English; a school grade, lower is easier), Kandel and
//! Moles' French adaptation of Flesch reading ease, and Fernández Huerta's Spanish one (both
//! 0–100, higher is easier). Syllables are counted by vowel groups with each language's main
//! exceptions (a silent final "e", Spanish hiatus): no dictionary ships here, and a lint needs
//! the same count on every machine more than it needs a linguist's.

use crate::error::{line_of, PackError};
use crate::pack::{Input, OptionLabel, Pack, Question};
use crate::source::{PackFile, QuestionSrc};

pub use crate::pack::Lint;

/// What a language allows. Word limits follow the content style (a question under about 20
/// words, a hint under about 35); French and Spanish say the same in about a fifth more
/// words, so they get a fifth more. Readability limits: see [`Readability`].
struct Limits {
    question_words: usize,
    hint_words: usize,
    option_words: usize,
}

fn limits(lang: &str) -> Limits {
    match lang {
        "en" => Limits { question_words: 20, hint_words: 35, option_words: 20 },
        _ => Limits { question_words: 24, hint_words: 42, option_words: 24 },
    }
}

/// A readability measure in one language, and whether a text passes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Readability {
    pub formula: &'static str,
    pub score: f64,
    /// The worst score a question may have: a highest grade, or a lowest ease.
    pub limit: f64,
    pub higher_is_easier: bool,
}

impl Readability {
    pub fn passes(&self) -> bool {
        if self.higher_is_easier { self.score >= self.limit } else { self.score <= self.limit }
    }
}

/// Counts of a text, the input of every readability formula.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl std::ops::Add for Counts {
    type Output = Counts;
    fn add(self, o: Counts) -> Counts {
        Counts { words: self.words + o.words, sentences: self.sentences + o.sentences, syllables: self.syllables + o.syllables }
    }
}

/// The words of a text: runs between spaces that hold a letter or a digit.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace()).filter(|w| w.chars().any(char::is_alphanumeric))
}

pub fn word_count(text: &str) -> usize {
    words(text).count()
}

pub fn counts(text: &str, lang: &str) -> Counts {
    let sentences = text
        .split(['.', '?', '!', ';', ':'])
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .count()
        .max(1);
    let (mut words_n, mut syllables) = (0, 0);
    for word in words(text) {
        words_n += 1;
        syllables += syllables_in(word, lang);
    }
    Counts { words: words_n, sentences, syllables }
}

/// The syllables of one word, by vowel groups and each language's main exceptions.
pub fn syllables_in(word: &str, lang: &str) -> usize {
    // An apostrophe joins what is said as one word ("l'Organisation", "jusqu'à", "don't"): the
    // letters on both sides are counted together, without it.
    let word: String = word.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    if word.is_empty() {
        return 1; // a number or a code: read as one beat at least
    }
    let vowels: &[char] = match lang {
        "fr" => &['a', 'e', 'i', 'o', 'u', 'y', 'à', 'â', 'ä', 'é', 'è', 'ê', 'ë', 'î', 'ï', 'ô', 'ö', 'ù', 'û', 'ü', 'œ', 'æ'],
        "es" => &['a', 'e', 'i', 'o', 'u', 'á', 'é', 'í', 'ó', 'ú', 'ü'],
        _ => &['a', 'e', 'i', 'o', 'u', 'y'],
    };
    let chars: Vec<char> = word.chars().collect();
    let mut groups: usize = 0;
    let mut previous_vowel: Option<char> = None;
    for &c in &chars {
        let vowel = vowels.contains(&c);
        if vowel {
            match previous_vowel {
                None => groups += 1,
                // Spanish: two strong vowels (or a stressed weak one) are two syllables.
                Some(p) if lang == "es" && strong_es(p) && strong_es(c) => groups += 1,
                Some(_) => {}
            }
            previous_vowel = Some(c);
        } else {
            previous_vowel = None;
        }
    }
    let silent = match lang {
        "en" => {
            let silent_e = word.ends_with('e') && !word.ends_with("le") && !word.ends_with("ee");
            let silent_ed = word.ends_with("ed") && !word.ends_with("ted") && !word.ends_with("ded");
            usize::from(silent_e || silent_ed)
        }
        "fr" => usize::from(word.ends_with('e') || word.ends_with("es")),
        _ => 0,
    };
    groups.saturating_sub(silent).max(1)
}

fn strong_es(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'o' | 'á' | 'é' | 'ó' | 'í' | 'ú')
}

/// The readability of counted text in a language, or `None` where no formula is set.
///
/// Limits, for one question with its hint, read by staff who are professionals but often
/// in their second language: English grade 10 or below (the last years of secondary school;
/// GOV.UK aims lower for the general public, and ours need words like "impartiality");
/// French ease 45 and Spanish ease 55 or above (the "fairly difficult" band's lower edge of
/// each scale: the French scale runs about 10 points below the Spanish for the same text).
pub fn readability(c: Counts, lang: &str) -> Option<Readability> {
    if c.words == 0 {
        return None;
    }
    let (w, s, sy) = (c.words as f64, c.sentences as f64, c.syllables as f64);
    Some(match lang {
        "en" => Readability { formula: "Flesch–Kincaid grade", score: 0.39 * (w / s) + 11.8 * (sy / w) - 15.59, limit: 10.0, higher_is_easier: false },
        "fr" => Readability { formula: "Kandel–Moles ease", score: 207.0 - 1.015 * (w / s) - 73.6 * (sy / w), limit: 45.0, higher_is_easier: true },
        "es" => Readability { formula: "Fernández Huerta ease", score: 206.84 - 0.60 * (100.0 * sy / w) - 1.02 * (100.0 * s / w), limit: 55.0, higher_is_easier: true },
        _ => return None,
    })
}

/// Whether a question opens with an interrogative word ("Which…", « Quel… », "¿Cuál…"),
/// after up to two prepositions ("In which…", « À qui… », "¿Con quién…").
pub fn asks_which(ask: &str, lang: &str) -> bool {
    let (interrogatives, prepositions): (&[&str], &[&str]) = match lang {
        "fr" => (
            &["quel", "quelle", "quels", "quelles", "lequel", "laquelle", "lesquels", "lesquelles", "qui", "que", "qu", "quoi", "où", "quand", "comment", "combien", "pourquoi"],
            &["à", "de", "pour", "dans", "par", "avec", "sur", "en", "chez", "auprès", "du", "au", "d"],
        ),
        "es" => (
            &["qué", "quién", "quiénes", "cuál", "cuáles", "cómo", "cuánto", "cuánta", "cuántos", "cuántas", "dónde", "cuándo"],
            &["a", "de", "en", "con", "para", "por", "sobre", "desde", "hacia", "del", "al"],
        ),
        _ => (
            &["which", "what", "who", "whom", "whose", "where", "when", "why", "how"],
            &["in", "for", "with", "to", "from", "of", "about", "on", "at", "by", "under"],
        ),
    };
    let lowered = ask.to_lowercase();
    let mut tokens = lowered.split(|c: char| !(c.is_alphabetic())).filter(|t| !t.is_empty());
    for _ in 0..3 {
        match tokens.next() {
            Some(t) if interrogatives.contains(&t) => return true,
            Some(t) if prepositions.contains(&t) => continue,
            _ => return false,
        }
    }
    false
}

/// The word by which a question joins two conditions ("or", « ou », "o"/"u"), if it has one.
fn joining_or(ask: &str, lang: &str) -> Option<&'static str> {
    let or_words: &[&str] = match lang {
        "fr" => &["ou"],
        "es" => &["o", "u"],
        _ => &["or"],
    };
    let lowered = ask.to_lowercase();
    or_words.iter().copied().find(|or| words(&lowered).any(|w| w.trim_matches(|c: char| !c.is_alphabetic()) == *or))
}

/// One lint that a text fails.
struct Finding {
    lint: Lint,
    lang: String,
    /// Which text, to find its line: `ask`, `hint`, or an option's `label`/`hint`.
    key: &'static str,
    option: Option<String>,
    message: String,
}

/// Lints every question of a validated pack against the files it came from, and returns one
/// error per failing text (and per exception that excuses nothing).
pub fn lint(pack: &Pack, files: &[(&str, &str, PackFile)]) -> Vec<PackError> {
    let mut errors = Vec::new();
    for (file, content, pack_file) in files {
        let Some(topic) = pack_file.topic.as_ref().and_then(|t| pack.topic(&t.id.get_ref().as_str().into())) else { continue };
        for src in &pack_file.question {
            let Some(question) = topic.question(&src.id.get_ref().as_str().into()) else { continue };
            let findings = question_findings(pack, question);
            let mut used = vec![false; src.exception.len()];
            for finding in findings {
                let excused = src.exception.iter().position(|e| {
                    *e.lint.get_ref() == finding.lint && e.lang.as_ref().is_none_or(|l| *l.get_ref() == finding.lang)
                });
                match excused {
                    Some(i) => used[i] = true,
                    None => {
                        let line = text_line(content, src, finding.key, finding.option.as_deref(), &finding.lang);
                        let reason = format!(
                            "question {:?} ({}): {}; shorten or reword it, or write a [[question.exception]] with lint = \"{}\" and its reason",
                            src.id.get_ref(), finding.lang, finding.message, finding.lint.id()
                        );
                        errors.push(PackError { file: file.to_string(), line: Some(line), reason });
                    }
                }
            }
            for (exception, used) in src.exception.iter().zip(used) {
                let line = line_of(content, exception.lint.span().start);
                let what = format!("question {:?}: the exception to {}", src.id.get_ref(), exception.lint.get_ref().id());
                if let Some(lang) = exception.lang.as_ref().filter(|l| pack.language(l.get_ref()).is_none()) {
                    errors.push(PackError { file: file.to_string(), line: Some(line), reason: format!("{what} names language {:?}, which the pack does not have", lang.get_ref()) });
                }
                if exception.reason.get_ref().split_whitespace().count() < 3 {
                    errors.push(PackError { file: file.to_string(), line: Some(line), reason: format!("{what} needs a reason a reviewer can weigh (a sentence)") });
                }
                if !used {
                    let scope = exception.lang.as_ref().map_or("every language".to_owned(), |l| format!("{:?}", l.get_ref()));
                    errors.push(PackError { file: file.to_string(), line: Some(line), reason: format!("{what} excuses nothing: the question meets that lint in {scope}; remove the exception") });
                }
            }
        }
    }
    errors
}

fn question_findings(pack: &Pack, question: &Question) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (index, lang) in pack.languages.iter().enumerate() {
        let lang = lang.as_str();
        let limit = limits(lang);
        let ask = pack.render(&question.ask, index);
        let hint = question.hint.as_ref().map(|h| pack.render(h, index));
        let mut found = |lint, key, option: Option<&str>, message: String| {
            findings.push(Finding { lint, lang: lang.to_owned(), key, option: option.map(str::to_owned), message });
        };
        let n = word_count(&ask);
        if n > limit.question_words {
            found(Lint::QuestionLength, "ask", None, format!("the question has {n} words; the limit is {}", limit.question_words));
        }
        if let Some(hint) = &hint {
            let n = word_count(hint);
            if n > limit.hint_words {
                found(Lint::HintLength, "hint", None, format!("the hint has {n} words; the limit is {}", limit.hint_words));
            }
        }
        for option in &question.options {
            let OptionLabel::Pack { label, hint } = &option.label else { continue };
            let id = option.id.as_str();
            let n = word_count(&pack.render(label, index));
            if n > limit.option_words {
                found(Lint::OptionLength, "label", Some(id), format!("option {id:?} has {n} words; the limit is {}", limit.option_words));
            }
            if let Some(hint) = hint {
                let n = word_count(&pack.render(hint, index));
                if n > limit.hint_words {
                    found(Lint::HintLength, "hint", Some(id), format!("the hint of option {id:?} has {n} words; the limit is {}", limit.hint_words));
                }
            }
        }
        match question.input {
            Input::YesNo => {
                if let Some(or) = joining_or(&ask, lang) {
                    found(Lint::YesNoOr, "ask", None, format!("a yes/no question joins two conditions with {or:?}: one person may meet one and not the other"));
                }
                if asks_which(&ask, lang) {
                    found(Lint::YesNoShape, "ask", None, "a yes/no question is phrased as a question with options (which, what, who…)".into());
                }
            }
            Input::Choice if !asks_which(&ask, lang) => {
                let n = question.options.len();
                found(Lint::YesNoShape, "ask", None, format!("a question with {n} answers is phrased as a yes/no question; ask \"which…\", \"what…\" or \"who…\""));
            }
            Input::Choice | Input::Amount { .. } => {}
        }
        let text = match &hint {
            Some(hint) => format!("{ask} {hint}"),
            None => ask.clone(),
        };
        if let Some(r) = readability(counts(&text, lang), lang) {
            if !r.passes() {
                let bound = if r.higher_is_easier { "at least" } else { "at most" };
                found(Lint::Readability, "ask", None, format!("the question and its hint score {:.1} on the {}; the limit is {bound} {:.0}", r.score, r.formula, r.limit));
            }
        }
    }
    findings
}

/// The line of a question's (or an option's) text in one language when it is written dotted
/// (`ask.en = …`), searched from its `id` to the next table; otherwise the line of its `id`.
fn text_line(content: &str, src: &QuestionSrc, key: &str, option: Option<&str>, lang: &str) -> usize {
    let id = match option.and_then(|id| src.option.iter().find(|o| o.id.get_ref() == id)) {
        Some(o) => &o.id,
        None => &src.id,
    };
    let id_line = line_of(content, id.span().start);
    let wanted = format!("{key}.{lang}");
    content
        .lines()
        .enumerate()
        .skip(id_line) // the lines after the id's
        .take_while(|(_, l)| !l.trim_start().starts_with("[["))
        .find(|(_, l)| l.trim_start().starts_with(&wanted))
        .map_or(id_line, |(i, _)| i + 1)
}

/// The wording figures of one topic in one language, for `check-rules`.
#[derive(Clone, Debug, PartialEq)]
pub struct TopicFigures {
    pub topic: String,
    pub lang: String,
    pub questions: usize,
    pub mean_question_words: f64,
    pub longest_question_words: usize,
    pub longest_hint_words: usize,
    /// Over every question and hint of the topic, read as one text.
    pub readability: Option<Readability>,
    /// The hardest question to read, with its own score.
    pub hardest: Option<(String, f64)>,
}

pub fn figures(pack: &Pack) -> Vec<TopicFigures> {
    let mut rows = Vec::new();
    for topic in &pack.topics {
        for (index, lang) in pack.languages.iter().enumerate() {
            let lang = lang.as_str();
            let (mut total, mut words_sum, mut longest, mut longest_hint) = (Counts::default(), 0, 0, 0);
            let mut hardest: Option<(String, f64)> = None;
            for q in &topic.questions {
                let ask = pack.render(&q.ask, index);
                let hint = q.hint.as_ref().map(|h| pack.render(h, index)).unwrap_or_default();
                let n = word_count(&ask);
                words_sum += n;
                longest = longest.max(n);
                longest_hint = longest_hint.max(word_count(&hint));
                let c = counts(&ask, lang) + if hint.is_empty() { Counts::default() } else { counts(&hint, lang) };
                total = total + c;
                if let Some(r) = readability(c, lang) {
                    let worse = |old: f64| if r.higher_is_easier { r.score < old } else { r.score > old };
                    if hardest.as_ref().is_none_or(|(_, old)| worse(*old)) {
                        hardest = Some((q.id.as_str().to_owned(), r.score));
                    }
                }
            }
            let questions = topic.questions.len();
            rows.push(TopicFigures {
                topic: topic.id.as_str().to_owned(),
                lang: lang.to_owned(),
                questions,
                mean_question_words: words_sum as f64 / questions.max(1) as f64,
                longest_question_words: longest,
                longest_hint_words: longest_hint,
                readability: readability(total, lang),
                hardest,
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_syllables_by_language() {
        for (word, lang, expected) in [
            ("gift", "en", 1), ("offered", "en", 2), ("invited", "en", 3), ("made", "en", 1), ("table", "en", 2),
            ("organization", "en", 5), ("cadeau", "fr", 2), ("personne", "fr", 2), ("l'Organisation", "fr", 5),
            ("día", "es", 2), ("obsequio", "es", 3), ("creo", "es", 2), ("cuál", "es", 1), ("USD", "en", 1), ("30", "en", 1),
            ("été", "fr", 2), ("l’intérêt", "fr", 3), ("jusqu'à", "fr", 2), ("lorsqu’il", "fr", 2), ("don't", "en", 1),
        ] {
            assert_eq!(syllables_in(word, lang), expected, "{word} ({lang})");
        }
    }

    #[test]
    fn counts_words_and_sentences() {
        let c = counts("Did you ask for it? For example, by hinting.", "en");
        assert_eq!((c.words, c.sentences), (9, 2));
        assert_eq!(word_count("Vous l'a-t-on offert ?"), 3, "a lone « ? » is no word");
    }

    #[test]
    fn scores_easy_text_easier_than_hard_text() {
        let easy = readability(counts("Did you ask for it?", "en"), "en").unwrap();
        let hard = readability(counts("Would a reasonable individual, cognisant of the circumstances, question your impartiality regarding acceptance?", "en"), "en").unwrap();
        assert!(easy.passes() && !hard.passes(), "{easy:?} {hard:?}");
        let fr_easy = readability(counts("L'avez-vous demandé ?", "fr"), "fr").unwrap();
        let fr_hard = readability(counts("Considérez-vous qu'une personne raisonnable, informée des circonstances particulières, contesterait votre impartialité institutionnelle ?", "fr"), "fr").unwrap();
        assert!(fr_easy.score > fr_hard.score && !fr_hard.passes(), "{fr_easy:?} {fr_hard:?}");
        let es = readability(counts("¿Lo pidió usted?", "es"), "es").unwrap();
        assert!(es.passes(), "{es:?}");
        assert_eq!(readability(counts("Hallo", "de"), "de"), None, "no formula, no score");
    }

    #[test]
    fn each_formula_gives_its_published_score() {
        let c = Counts { words: 100, sentences: 5, syllables: 150 };
        let score = |lang: &str| readability(c, lang).map(|r| (r.formula, (r.score * 1000.0).round() / 1000.0, r.limit, r.higher_is_easier));
        // Flesch–Kincaid grade: 0.39 × 20 + 11.8 × 1.5 − 15.59.
        assert_eq!(score("en"), Some(("Flesch–Kincaid grade", 9.91, 10.0, false)));
        // Kandel–Moles: 207 − 1.015 × 20 − 73.6 × 1.5.
        assert_eq!(score("fr"), Some(("Kandel–Moles ease", 76.3, 45.0, true)));
        // Fernández Huerta: 206.84 − 0.60 × 150 − 1.02 × 5.
        assert_eq!(score("es"), Some(("Fernández Huerta ease", 111.74, 55.0, true)));
    }

    #[test]
    fn counts_add_up_field_by_field() {
        let (a, b) = (Counts { words: 3, sentences: 1, syllables: 4 }, Counts { words: 10, sentences: 2, syllables: 17 });
        assert_eq!(a + b, Counts { words: 13, sentences: 3, syllables: 21 });
    }

    #[test]
    fn finds_the_word_that_joins_two_conditions_in_each_language() {
        for (ask, lang, or) in [
            ("Is it cash or a cheque?", "en", Some("or")),
            ("Is it (or was it) yours?", "en", Some("or")),
            ("Is it worth more than the organization's limit?", "en", None),
            ("Est-ce de l'argent ou un chèque ?", "fr", Some("ou")),
            ("Est-ce en or ?", "fr", None),
            ("¿Es dinero o un cheque?", "es", Some("o")),
            ("¿Es de plata u oro?", "es", Some("u")),
            ("¿Es dinero?", "es", None),
        ] {
            assert_eq!(joining_or(ask, lang), or, "{ask}");
        }
    }

    #[test]
    fn tells_which_questions_from_yes_no_questions() {
        for (ask, lang, which) in [
            ("Which of these describes the giver?", "en", true),
            ("In which unit does your relative work?", "en", true),
            ("Who is offering it?", "en", true),
            ("Is it cash?", "en", false),
            ("Did you ask for it?", "en", false),
            ("Qui vous l'offre ?", "fr", true),
            ("À qui votre parent rend-il compte ?", "fr", true),
            ("Laquelle de ces situations est la vôtre ?", "fr", true),
            ("S'agit-il d'argent ?", "fr", false),
            ("Est-ce que vous l'avez demandé ?", "fr", false),
            ("¿Quién se lo ofrece?", "es", true),
            ("¿Con quién trabaja?", "es", true),
            ("¿Se trata de dinero?", "es", false),
        ] {
            assert_eq!(asks_which(ask, lang), which, "{ask}");
        }
    }
}
