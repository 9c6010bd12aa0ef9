//! Resume codes: a person's answers as a short code they can copy and paste later to carry
//! on, with no server and no browser storage. A code is only ever shown to the person; it
//! holds their answers, so the app tells them to keep it private.
//!
//! Layout before encoding: version (1 byte), pack fingerprint (2), topic index (1), answer
//! count (1), then per answer the question index (1) and either an option index (1, below
//! 0x80) or 0x80 followed by the amount in cents as a LEB128 varint; last a checksum (1).
//! Encoded in Crockford's base32 (no I, L, O or U to misread), in groups of four.

use crate::eval::{Answer, Answers};
use crate::pack::{Amount, Pack};

const VERSION: u8 = 1;
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Why a code could not be used. Each reads as a plain message for the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResumeError {
    Empty,
    /// A character that no code contains.
    BadCharacter(char),
    /// The code was mistyped or cut short (the checksum does not match).
    Mistyped,
    /// The code was made by another version of the advisor or its rules.
    Outdated,
    /// The code is well formed but does not describe answers this advisor can use.
    Invalid,
}

impl std::fmt::Display for ResumeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ResumeError::Empty => write!(f, "enter the code you were given"),
            ResumeError::BadCharacter(c) => write!(f, "the code cannot contain {c:?}"),
            ResumeError::Mistyped => write!(f, "the code seems mistyped or incomplete"),
            ResumeError::Outdated => write!(f, "the code was made with an earlier version of the advisor's rules"),
            ResumeError::Invalid => write!(f, "the code does not match this advisor's questions"),
        }
    }
}

/// A short fingerprint of the pack's questions and options: codes from a pack whose
/// questions changed are refused as outdated instead of being misread.
pub fn fingerprint(pack: &Pack) -> u16 {
    let mut hash: u32 = 0x811c_9dc5; // FNV-1a
    let mut feed = |s: &str| {
        for b in s.bytes().chain([0]) {
            hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    };
    for topic in &pack.topics {
        feed(topic.id.as_str());
        for question in &topic.questions {
            feed(question.id.as_str());
            for option in &question.options {
                feed(option.id.as_str());
            }
        }
    }
    (hash ^ (hash >> 16)) as u16
}

/// The code for the answers given in the topic at `topic`.
pub fn encode(pack: &Pack, topic: usize, answers: &Answers) -> Option<String> {
    let t = pack.topics.get(topic)?;
    let mut bytes = vec![VERSION];
    bytes.extend_from_slice(&fingerprint(pack).to_be_bytes());
    bytes.push(u8::try_from(topic).ok()?);
    let mut entries = Vec::new();
    for (question_id, answer) in answers {
        let Some(q) = t.questions.iter().position(|q| &q.id == question_id) else { continue };
        let mut entry = vec![u8::try_from(q).ok()?];
        match answer {
            Answer::Choice(option) => {
                let o = t.questions[q].options.iter().position(|o| &o.id == option)?;
                entry.push(u8::try_from(o).ok().filter(|o| *o < 0x80)?);
            }
            Answer::Amount(Amount(mut cents)) => {
                entry.push(0x80);
                loop {
                    let byte = (cents & 0x7f) as u8;
                    cents >>= 7;
                    entry.push(if cents == 0 { byte } else { byte | 0x80 });
                    if cents == 0 {
                        break;
                    }
                }
            }
        }
        entries.push(entry);
    }
    bytes.push(u8::try_from(entries.len()).ok()?);
    bytes.extend(entries.into_iter().flatten());
    bytes.push(checksum(&bytes));
    let text = to_base32(&bytes);
    Some(text.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-"))
}

/// The topic index and answers a code holds, checked against the pack.
pub fn decode(pack: &Pack, code: &str) -> Result<(usize, Answers), ResumeError> {
    let symbols: String = code.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    if symbols.is_empty() {
        return Err(ResumeError::Empty);
    }
    let bytes = from_base32(&symbols)?;
    let (&sum, body) = bytes.split_last().ok_or(ResumeError::Mistyped)?;
    if body.len() < 5 || checksum(body) != sum {
        return Err(ResumeError::Mistyped);
    }
    if body[0] != VERSION || u16::from_be_bytes([body[1], body[2]]) != fingerprint(pack) {
        return Err(ResumeError::Outdated);
    }
    let topic = usize::from(body[3]);
    let t = pack.topics.get(topic).ok_or(ResumeError::Invalid)?;
    let count = usize::from(body[4]);
    let mut rest = &body[5..];
    let mut answers = Answers::new();
    for _ in 0..count {
        let (&q, tail) = rest.split_first().ok_or(ResumeError::Invalid)?;
        let question = t.questions.get(usize::from(q)).ok_or(ResumeError::Invalid)?;
        let (&kind, mut tail) = tail.split_first().ok_or(ResumeError::Invalid)?;
        let answer = if kind < 0x80 {
            Answer::Choice(question.options.get(usize::from(kind)).ok_or(ResumeError::Invalid)?.id.clone())
        } else {
            let mut cents: u64 = 0;
            let mut shift = 0;
            loop {
                let (&byte, after) = tail.split_first().ok_or(ResumeError::Invalid)?;
                tail = after;
                // Ten 7-bit groups hold a u64; the tenth may carry only its top bit.
                if shift > 63 || (shift == 63 && byte & 0x7f > 1) {
                    return Err(ResumeError::Invalid);
                }
                cents |= u64::from(byte & 0x7f) << shift;
                shift += 7;
                if byte & 0x80 == 0 {
                    break;
                }
            }
            Answer::Amount(Amount(cents))
        };
        if answers.insert(question.id.clone(), answer).is_some() {
            return Err(ResumeError::Invalid);
        }
        rest = tail;
    }
    if !rest.is_empty() {
        return Err(ResumeError::Invalid);
    }
    Ok((topic, answers))
}

fn checksum(bytes: &[u8]) -> u8 {
    // CRC-8 (polynomial 0x07): catches every single mistyped symbol and most swaps. It
    // starts from 0xFF so that a run of zeros ("0000-0000") is not a valid code.
    bytes.iter().fold(0xFFu8, |crc, &b| {
        (0..8).fold(crc ^ b, |c, _| if c & 0x80 != 0 { (c << 1) ^ 0x07 } else { c << 1 })
    })
}

fn to_base32(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

fn from_base32(symbols: &str) -> Result<Vec<u8>, ResumeError> {
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0);
    for c in symbols.chars() {
        // Crockford: lower case is accepted, and the letters people confuse with digits too.
        let value = match c.to_ascii_uppercase() {
            'O' => 0,
            'I' | 'L' => 1,
            u => ALPHABET.iter().position(|&a| a as char == u).ok_or(ResumeError::BadCharacter(c))? as u32,
        };
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
        buffer &= (1 << bits) - 1;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base32_round_trips() {
        for bytes in [vec![], vec![0], vec![255, 1, 2], (0..=255).collect::<Vec<u8>>()] {
            let decoded = from_base32(&to_base32(&bytes)).unwrap();
            assert_eq!(decoded, bytes);
        }
    }

    #[test]
    fn a_bad_character_is_named() {
        assert_eq!(from_base32("AB*C"), Err(ResumeError::BadCharacter('*')));
    }

    fn fixture() -> Pack {
        crate::load::from_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixture")).expect("the fixture pack")
    }

    /// A well-formed code for one amount answer whose sum is written as `groups` (7 bits a
    /// byte, the top bit saying another follows), as a tampered or corrupted code might be.
    fn amount_code(pack: &Pack, groups: &[u8]) -> String {
        let topic = pack.topics.iter().position(|t| t.id.as_str() == "loans").unwrap();
        let sum = pack.topics[topic].questions.iter().position(|q| q.id.as_str() == "sum").unwrap();
        let mut bytes = vec![VERSION];
        bytes.extend_from_slice(&fingerprint(pack).to_be_bytes());
        bytes.extend_from_slice(&[topic as u8, 1, sum as u8, 0x80]);
        bytes.extend_from_slice(groups);
        bytes.push(checksum(&bytes));
        to_base32(&bytes)
    }

    #[test]
    fn a_sum_past_what_a_u64_holds_is_refused_not_wrapped() {
        let pack = fixture();
        let decoded = |groups: &[u8]| decode(&pack, &amount_code(&pack, groups)).map(|(_, a)| a.get(&"sum".into()).cloned());
        let mut largest = vec![0xFF; 9];
        largest.push(0x01);
        assert_eq!(decoded(&largest), Ok(Some(Answer::Amount(Amount(u64::MAX)))), "the largest sum fits exactly");
        let mut one_bit_over = vec![0xFF; 9];
        one_bit_over.push(0x02);
        assert_eq!(decoded(&one_bit_over), Err(ResumeError::Invalid));
        let mut one_group_over = vec![0xFF; 10];
        one_group_over.push(0x01);
        assert_eq!(decoded(&one_group_over), Err(ResumeError::Invalid));
    }

    #[test]
    fn a_question_with_more_options_than_a_code_can_name_gives_no_code() {
        let mut pack = fixture();
        let topic = pack.topics.iter().position(|t| t.id.as_str() == "loans").unwrap();
        let lender = &mut pack.topics[topic].questions[0];
        let template = lender.options[0].clone();
        for i in lender.options.len()..=0x80 {
            lender.options.push(crate::pack::AnswerOption { id: format!("extra_{i}").as_str().into(), ..template.clone() });
        }
        let answer = |option: &str| [("lender".into(), Answer::Choice(option.into()))].into_iter().collect::<Answers>();
        assert!(encode(&pack, topic, &answer("extra_127")).is_some(), "option 128 of a question still has a code");
        assert_eq!(encode(&pack, topic, &answer("extra_128")), None, "option 129 would read as a sum: no code rather than a wrong one");
    }
}
