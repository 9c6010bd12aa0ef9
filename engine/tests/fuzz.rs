//! Fuzzing with proptest: the rule-pack loader and the resume-code decoder take arbitrary
//! input and mutated valid input without panicking, and every rejection is a clear message.
//! `cargo xtask test` runs a short round; `cargo xtask fuzz --cases 1000000` the long one
//! (FUZZ_CASES sets the number of inputs per test).

use ethics_engine::resume::{decode, encode, ResumeError};
mod common;

use common::fixture as pack;
use ethics_engine::{load, Amount, Answer, Answers};
use proptest::prelude::*;

const SMALL_PACK: &str = include_str!("fixture/pack.toml");

fn cases() -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2_000)
}

/// The loader either accepts a pack or explains each problem with a file name and a reason.
fn check_loader(text: String) -> Result<(), TestCaseError> {
    match load::from_sources(&[("fuzzed.toml".into(), text)]) {
        Ok(pack) => prop_assert!(!pack.topics.is_empty()),
        Err(errors) => {
            prop_assert!(!errors.is_empty());
            for e in errors {
                prop_assert_eq!(e.file.as_str(), "fuzzed.toml");
                prop_assert!(!e.reason.trim().is_empty());
            }
        }
    }
    Ok(())
}

/// A valid pack with one edit: a span replaced by arbitrary text, so the loader meets
/// near-misses (a broken string, a missing bracket, a stray key) and not only noise.
fn mutated_pack() -> impl Strategy<Value = String> {
    (0..SMALL_PACK.len(), 0usize..40, ".{0,12}").prop_map(|(at, len, insert)| {
        let start = (0..=at).rev().find(|&i| SMALL_PACK.is_char_boundary(i)).unwrap_or(0);
        let end = (start + len..=SMALL_PACK.len()).find(|&i| SMALL_PACK.is_char_boundary(i)).unwrap_or(SMALL_PACK.len());
        format!("{}{insert}{}", &SMALL_PACK[..start], &SMALL_PACK[end..])
    })
}

/// Random answers to the questions of one topic of the fixture pack.
fn answers() -> impl Strategy<Value = (usize, Answers)> {
    let topics = pack().topics.len();
    (0..topics, proptest::collection::vec((any::<u16>(), any::<u16>(), any::<u64>(), any::<bool>()), 0..12)).prop_map(|(t, raw)| {
        let topic = &pack().topics[t];
        let answers = raw
            .into_iter()
            .map(|(q, o, cents, amount)| {
                let question = &topic.questions[q as usize % topic.questions.len()];
                let answer = if amount && matches!(question.input, ethics_engine::Input::Amount { .. }) {
                    Answer::Amount(Amount(cents))
                } else {
                    Answer::Choice(question.options[o as usize % question.options.len()].id.clone())
                };
                (question.id.clone(), answer)
            })
            .collect();
        (t, answers)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fuzz_the_loader_with_arbitrary_text(text in any::<String>()) {
        check_loader(text)?;
    }

    #[test]
    fn fuzz_the_loader_with_mutated_packs(text in mutated_pack()) {
        check_loader(text)?;
    }

    #[test]
    fn fuzz_the_resume_decoder_with_arbitrary_text(code in any::<String>()) {
        if let Err(e) = decode(pack(), &code) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn fuzz_the_resume_decoder_with_codes_in_its_alphabet(code in "[0-9A-Za-z-]{0,60}") {
        if let Err(e) = decode(pack(), &code) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn a_resume_code_gives_back_exactly_the_answers((topic, answers) in answers()) {
        let code = encode(pack(), topic, &answers).expect("encodable");
        prop_assert!(code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
        prop_assert_eq!(decode(pack(), &code), Ok((topic, answers)));
    }

    #[test]
    fn a_mistyped_symbol_is_caught((topic, answers) in answers(), at in any::<prop::sample::Index>(), with in 0usize..32) {
        let code = encode(pack(), topic, &answers).expect("encodable");
        let symbols: Vec<char> = code.chars().filter(|c| *c != '-').collect();
        let i = at.index(symbols.len());
        let replacement = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".chars().nth(with).unwrap();
        let mut typo = symbols.clone();
        typo[i] = replacement;
        let typo: String = typo.into_iter().collect();
        match decode(pack(), &typo) {
            // Only the unused padding bits of the last symbol may change without notice.
            Ok(decoded) => prop_assert_eq!(decoded, (topic, answers)),
            Err(e) => prop_assert!(matches!(e, ResumeError::Mistyped | ResumeError::Outdated | ResumeError::Invalid), "{e:?}"),
        }
    }
}

#[test]
fn outdated_and_empty_codes_say_so() {
    let answers: Answers = [("lender".into(), Answer::Choice("colleague".into()))].into_iter().collect();
    let loans = pack().topics.iter().position(|t| t.id.as_str() == "loans").unwrap();
    let code = encode(pack(), loans, &answers).unwrap();
    let mut changed = pack().clone();
    changed.topics[loans].questions[0].id = "renamed".into();
    assert_eq!(decode(&changed, &code), Err(ResumeError::Outdated));
    assert_eq!(decode(pack(), "  "), Err(ResumeError::Empty));
    assert_eq!(decode(pack(), "ABCD-EF!"), Err(ResumeError::BadCharacter('!')));
    assert_eq!(decode(pack(), &code.to_lowercase()), Ok((loans, answers)), "lower case is fine");
}

/// A code written down by a person must still open after an update that leaves the questions
/// alone: the code's form (and the pack's fingerprint in it) is fixed, checked against a
/// known code for known answers.
#[test]
fn a_code_keeps_its_form_across_releases() {
    let loans = pack().topics.iter().position(|t| t.id.as_str() == "loans").unwrap();
    let answers: Answers = [
        ("lender".into(), Answer::Choice("colleague".into())),
        ("sum".into(), Answer::Amount(Amount(1_250_050))),
        ("interest".into(), Answer::Choice("yes".into())),
    ]
    .into_iter()
    .collect();
    assert_eq!(ethics_engine::resume::fingerprint(pack()), KNOWN_FINGERPRINT);
    assert_eq!(encode(pack(), loans, &answers).as_deref(), Some(KNOWN_CODE));
    assert_eq!(decode(pack(), KNOWN_CODE), Ok((loans, answers)));
}

const KNOWN_FINGERPRINT: u16 = 8534;
const KNOWN_CODE: &str = "04GN-C003-0800-00G1-G21A-CK4B";
