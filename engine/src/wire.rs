//! Reads the postcard bytes the build wrote (the shipped pack, the case library) with no serde
//! deserializer in the app's wasm.
//!
//! Why not `postcard::from_bytes`: serde's derived deserializers, monomorphized for postcard
//! with their error messages, were the largest function of the staff wasm (15,344 bytes) and
//! cost the embed's first visit more than this reader does (`docs/size-and-startup.md`, step 11).
//! The build and the tests still write and read with postcard; a test reads the real pack and
//! case library both ways and compares, so the two cannot drift apart.
//!
//! The format (postcard 1.x): integers as LEB128 varints (signed ones zigzagged first), a
//! `bool` or an `Option`'s tag as one byte, a string or a sequence as its length then its
//! items, a struct as its fields in declaration order, an enum as its variant's index then
//! its fields.

use crate::eval::Answer;
use crate::library::Case;
use crate::pack::{
    Amount, AnswerOption, Basis, BuiltinOption, Input, Lint, LintException, Next, OptionLabel, Outcome, Pack, Principle, Question, Rule,
    Setting, SettingStatus, SettingValue, Source, Tone, Topic,
};
use crate::shipped::ShippedPack;
use crate::text::Text;

/// The bytes still to read, how many were read before them, and where reading first failed.
///
/// Reading never stops early: a value that cannot be read comes back as a default and marks
/// the reader failed, and [`from_bytes`] then refuses the whole. Without an early return at
/// each field, the wasm carries no code to drop what was read before it: the pack's decoding
/// took a third less of the staff wasm than with `Option` and `?` (12,541 → 8,258 bytes).
pub struct Reader<'a> {
    rest: &'a [u8],
    read: usize,
    failed_at: Option<usize>,
}

impl<'a> Reader<'a> {
    fn fail(&mut self) {
        self.failed_at.get_or_insert(self.read);
    }

    fn byte(&mut self) -> u8 {
        self.bytes(1).first().copied().unwrap_or_default()
    }

    fn bytes(&mut self, count: usize) -> &'a [u8] {
        if count > self.rest.len() || self.failed_at.is_some() {
            self.fail();
            return &[];
        }
        let (taken, rest) = self.rest.split_at(count);
        self.rest = rest;
        self.read += count;
        taken
    }

    /// An unsigned LEB128 varint of at most ten bytes (a `u64`).
    fn varint(&mut self) -> u64 {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte();
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return value;
            }
        }
        self.fail();
        0
    }

    /// A length or an enum's variant index.
    fn index(&mut self) -> usize {
        let value = self.varint();
        usize::try_from(value).unwrap_or_else(|_| {
            self.fail();
            0
        })
    }
}

/// A value the build wrote with postcard.
pub trait Wire: Sized {
    /// The value, or a default with the reader marked failed.
    fn read(reader: &mut Reader) -> Self;
}

/// The value the bytes hold, all of them; or where they stop making sense.
pub fn from_bytes<T: Wire>(bytes: &[u8]) -> Result<T, String> {
    let mut reader = Reader { rest: bytes, read: 0, failed_at: None };
    let value = T::read(&mut reader);
    match reader.failed_at {
        Some(at) => Err(format!("unreadable at byte {at} of {}", bytes.len())),
        None if reader.rest.is_empty() => Ok(value),
        None => Err(format!("{} bytes too many after byte {}", reader.rest.len(), reader.read)),
    }
}

impl Wire for u64 {
    fn read(reader: &mut Reader) -> Self {
        reader.varint()
    }
}

impl Wire for usize {
    fn read(reader: &mut Reader) -> Self {
        reader.index()
    }
}

impl Wire for i64 {
    fn read(reader: &mut Reader) -> Self {
        let zigzag = reader.varint();
        (zigzag >> 1) as i64 ^ -((zigzag & 1) as i64)
    }
}

impl Wire for bool {
    fn read(reader: &mut Reader) -> Self {
        match reader.byte() {
            0 => false,
            1 => true,
            _ => {
                reader.fail();
                false
            }
        }
    }
}

impl Wire for String {
    fn read(reader: &mut Reader) -> Self {
        let length = reader.index();
        String::from_utf8(reader.bytes(length).to_vec()).unwrap_or_else(|_| {
            reader.fail();
            String::new()
        })
    }
}

impl<T: Wire> Wire for Option<T> {
    fn read(reader: &mut Reader) -> Self {
        bool::read(reader).then(|| T::read(reader))
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn read(reader: &mut Reader) -> Self {
        let length = reader.index();
        // Every item takes a byte at least: a damaged length cannot ask for more room than that.
        let mut items = Vec::with_capacity(length.min(reader.rest.len()));
        for _ in 0..length {
            if reader.failed_at.is_some() {
                break;
            }
            items.push(T::read(reader));
        }
        items
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn read(reader: &mut Reader) -> Self {
        (A::read(reader), B::read(reader))
    }
}

/// Structs read field by field, in the order they are declared (and so written).
macro_rules! wire_structs {
    ($($name:ident { $($field:ident),* })*) => {$(
        impl Wire for $name {
            fn read(reader: &mut Reader) -> Self {
                $name { $($field: Wire::read(reader)),* }
            }
        }
    )*};
}

wire_structs! {
    ShippedPack { structure, texts }
    Pack { languages, settings, outcomes, principles, sources, topics }
    Setting { id, value, status, note }
    Outcome { id, title, summary, steps, tone }
    Principle { id, name, says }
    Source { id, cite, basis, brief }
    Topic { id, title, heading, summary, start, questions, outcome_steps }
    Question { id, ask, hint, input, options, rules, exceptions }
    LintException { lint, lang, reason }
    AnswerOption { id, label }
    Rule { id, when, then, also, says, principle, source, steps }
    Case { id, topic, story, answers, expect, also, source, line }
}

/// Enums without fields, read as their variant's index.
macro_rules! wire_unit_enums {
    ($($name:ident [$first:ident $(, $variant:ident)*])*) => {$(
        impl Wire for $name {
            fn read(reader: &mut Reader) -> Self {
                match [$name::$first $(, $name::$variant)*].get(reader.index()) {
                    Some(&variant) => variant,
                    None => {
                        reader.fail();
                        $name::$first
                    }
                }
            }
        }
    )*};
}

wire_unit_enums! {
    SettingStatus [Published, Confirm]
    Tone [Go, Ask, Stop]
    Basis [Found, Practice, Suggested]
    Lint [QuestionLength, HintLength, OptionLength, YesNoOr, YesNoShape, Readability]
    BuiltinOption [Yes, No, DontKnow, AtOrBelow, Above]
}

impl Wire for Text {
    fn read(reader: &mut Reader) -> Self {
        Text(Wire::read(reader))
    }
}

impl Wire for Amount {
    fn read(reader: &mut Reader) -> Self {
        Amount(Wire::read(reader))
    }
}

/// An enum with fields: its variant's index, then the variant's fields. An unknown index marks
/// the reader failed and gives the first variant (read from a failed reader: defaults).
macro_rules! wire_enums {
    ($($name:ident { $first_index:literal => $first:expr, $($index:literal => $variant:expr,)* })*) => {$(
        impl Wire for $name {
            fn read(reader: &mut Reader) -> Self {
                match reader.index() {
                    $first_index => $first(reader),
                    $($index => $variant(reader),)*
                    _ => {
                        reader.fail();
                        $first(reader)
                    }
                }
            }
        }
    )*};
}

wire_enums! {
    SettingValue {
        0 => |r: &mut Reader| SettingValue::Amount(Wire::read(r)),
        1 => |r: &mut Reader| SettingValue::Number(Wire::read(r)),
        2 => |r: &mut Reader| SettingValue::Text(Wire::read(r)),
        3 => |r: &mut Reader| SettingValue::Email(Wire::read(r)),
        4 => |r: &mut Reader| SettingValue::Url(Wire::read(r)),
        5 => |r: &mut Reader| SettingValue::Flag(Wire::read(r)),
    }
    Input {
        0 => |_: &mut Reader| Input::Choice,
        1 => |_: &mut Reader| Input::YesNo,
        2 => |r: &mut Reader| Input::Amount { compare_with: Wire::read(r) },
    }
    OptionLabel {
        0 => |r: &mut Reader| OptionLabel::Pack { label: Wire::read(r), hint: Wire::read(r) },
        1 => |r: &mut Reader| OptionLabel::Builtin(Wire::read(r)),
    }
    Next {
        0 => |r: &mut Reader| Next::Question(Wire::read(r)),
        1 => |r: &mut Reader| Next::Outcome(Wire::read(r)),
    }
    Answer {
        0 => |r: &mut Reader| Answer::Choice(Wire::read(r)),
        1 => |r: &mut Reader| Answer::Amount(Wire::read(r)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    fn written<T: Serialize>(value: &T) -> Vec<u8> {
        postcard::to_allocvec(value).unwrap()
    }

    #[test]
    fn integers_read_as_postcard_writes_them() {
        for n in [0u64, 1, 127, 128, 300, u32::MAX.into(), u64::MAX] {
            assert_eq!(from_bytes::<u64>(&written(&n)), Ok(n));
        }
        for n in [0i64, 1, -1, 63, -64, 64, i64::MAX, i64::MIN] {
            assert_eq!(from_bytes::<i64>(&written(&n)), Ok(n));
        }
        let mixed = (Some("é".to_owned()), vec![(true, None::<String>)]);
        assert_eq!(from_bytes::<(Option<String>, Vec<(bool, Option<String>)>)>(&written(&mixed)), Ok(mixed));
    }

    #[test]
    fn damaged_bytes_say_where_and_never_panic() {
        assert_eq!(from_bytes::<String>(&[5, b'a']), Err("unreadable at byte 1 of 2".into()));
        assert_eq!(from_bytes::<bool>(&[2]), Err("unreadable at byte 1 of 1".into()));
        assert_eq!(from_bytes::<u64>(&[0xff; 11]), Err("unreadable at byte 10 of 11".into()));
        assert_eq!(from_bytes::<Tone>(&[3]), Err("unreadable at byte 1 of 1".into()));
        assert_eq!(from_bytes::<Next>(&[2, 1, b'x']), Err("unreadable at byte 1 of 3".into()));
        assert_eq!(from_bytes::<Option<bool>>(&[2]), Err("unreadable at byte 1 of 1".into()));
        assert_eq!(from_bytes::<bool>(&[1, 0]), Err("1 bytes too many after byte 1".into()));
        assert_eq!(from_bytes::<String>(&[2, 0xc3, 0x28]), Err("unreadable at byte 3 of 3".into()));
        // A length far beyond the bytes: refused without reserving room for it.
        assert_eq!(from_bytes::<Vec<u64>>(&[0xff, 0xff, 0xff, 0xff, 0x0f]), Err("unreadable at byte 5 of 5".into()));
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_give_a_value_or_an_error(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            let _ = from_bytes::<ShippedPack>(&bytes);
            let _ = from_bytes::<Vec<Case>>(&bytes);
        }

        #[test]
        fn what_postcard_writes_comes_back(values in proptest::collection::vec((proptest::num::u64::ANY, proptest::num::i64::ANY, ".{0,8}", proptest::option::of(proptest::bool::ANY)), 0..20)) {
            let read: Vec<(u64, (i64, (String, Option<bool>)))> = from_bytes(&written(&values)).unwrap();
            let expected: Vec<_> = values.into_iter().map(|(a, b, c, d)| (a, (b, (c, d)))).collect();
            proptest::prop_assert_eq!(read, expected);
        }
    }
}
