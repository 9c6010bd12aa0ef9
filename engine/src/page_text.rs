//! Bytes as text that a page's data block (`<script type="application/octet-stream">`) holds
//! unchanged, seven bits to a character: 8/7 of the bytes' size where base64 takes 4/3.
//!
//! The bits are read seven at a time, first bit first, and each group becomes the ASCII
//! character of its value: one byte of UTF-8. Three values would not come back as written
//! from a data block — NUL (the HTML parser makes it U+FFFD), CR (made LF) and `<` (which may
//! close the block) — so such a group and the group after it become one character of
//! U+0080–U+01FF (two bytes of UTF-8, no combining marks): `(which + 1) << 7 | next`.
//! The text starts with the number of bytes and a comma, so the last group's padding is
//! never read as a byte, and a block cut short is told from a whole one.
//!
//! The pages decode it with a loop of a few lines of WebAssembly (`xtask/src/page_text.wat`);
//! no browser has a decoder built in for anything denser than base64. README ("How the sizes
//! got there", step 9) has what it saves and costs, measured.

/// The group values a data block cannot hold as themselves: NUL, CR and `<`.
const AWKWARD: [u8; 3] = [0x00, 0x0D, b'<'];

/// `bytes` as data-block text.
pub fn encode(bytes: &[u8]) -> String {
    let mut groups = Vec::with_capacity(bytes.len() * 8 / 7 + 1);
    let (mut bits, mut count) = (0u32, 0u32);
    for &byte in bytes {
        bits = (bits << 8 | u32::from(byte)) & 0x7FFF;
        count += 8;
        while count >= 7 {
            count -= 7;
            groups.push((bits >> count) as u8 & 0x7F);
        }
    }
    if count > 0 {
        groups.push((bits << (7 - count)) as u8 & 0x7F);
    }
    let mut text = format!("{},", bytes.len());
    let mut rest = groups.into_iter();
    while let Some(group) = rest.next() {
        match AWKWARD.iter().position(|&a| a == group) {
            None => text.push(char::from(group)),
            Some(which) => {
                let next = rest.next().unwrap_or(0);
                let code = ((which as u32 + 1) << 7) | u32::from(next);
                text.push(char::from_u32(code).expect("U+0080 to U+01FF are characters"));
            }
        }
    }
    text
}

/// The bytes [`encode`] wrote, or why `text` is not such a text.
pub fn decode(text: &str) -> Result<Vec<u8>, String> {
    let (length, body) = text.split_once(',').ok_or("no byte count before a comma")?;
    let length: usize = length.parse().map_err(|_| format!("the byte count {length:?} is not a number"))?;
    let mut bytes = Vec::with_capacity(length);
    let (mut bits, mut count) = (0u32, 0u32);
    let mut push = |group: u32, bytes: &mut Vec<u8>| {
        bits = (bits << 7 | group) & 0x7FFF;
        count += 7;
        if count >= 8 {
            count -= 8;
            bytes.push((bits >> count) as u8);
        }
    };
    for c in body.chars() {
        if bytes.len() >= length {
            break;
        }
        match u32::from(c) {
            ascii @ 0..=0x7F => push(ascii, &mut bytes),
            pair @ 0x80..=0x1FF => {
                push(u32::from(AWKWARD[(pair >> 7) as usize - 1]), &mut bytes);
                push(pair & 0x7F, &mut bytes);
            }
            other => return Err(format!("U+{other:04X} is not a character this text uses")),
        }
    }
    if bytes.len() < length {
        return Err(format!("{} bytes where the text says {length}: it was cut short", bytes.len()));
    }
    bytes.truncate(length);
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seven_bits_to_a_character() {
        assert_eq!(encode(b""), "0,");
        // 0x41 = 0100_0001: groups 0100000 (0x20, a space) and 1 padded to 1000000 (0x40, @).
        assert_eq!(encode(b"A"), "1, @");
        assert_eq!(decode("1, @").unwrap(), b"A");
        let bytes: Vec<u8> = (0..=255).collect();
        let text = encode(&bytes);
        assert!(text.len() < bytes.len() * 8 / 7 + 16, "{} bytes of text for {}", text.len(), bytes.len());
        assert_eq!(decode(&text).unwrap(), bytes);
    }

    #[test]
    fn never_writes_what_a_data_block_changes() {
        // All zero bits: every group is NUL, so every character is a pair.
        let text = encode(&[0; 70]);
        let body = text.split_once(',').unwrap().1;
        assert!(body.chars().all(|c| c == '\u{80}'), "{body:?}");
        assert_eq!(decode(&text).unwrap(), [0; 70]);
        let mixed: Vec<u8> = (0..5000u32).map(|i| (i * 7919 % 256) as u8).collect();
        let text = encode(&mixed);
        assert!(!text.contains(['\0', '\r', '<']), "no NUL, CR or <");
        assert!(text.chars().all(|c| (c as u32) < 0x200));
        assert_eq!(decode(&text).unwrap(), mixed);
    }

    #[test]
    fn a_text_cut_short_or_changed_is_refused() {
        let text = encode(b"the rule pack");
        assert_eq!(decode(&text[..text.len() - 3]).unwrap_err(), "10 bytes where the text says 13: it was cut short");
        assert_eq!(decode("no count").unwrap_err(), "no byte count before a comma");
        assert_eq!(decode("x,abc").unwrap_err(), "the byte count \"x\" is not a number");
        assert_eq!(decode("1,\u{263A}").unwrap_err(), "U+263A is not a character this text uses");
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_come_back(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600)) {
            let text = encode(&bytes);
            proptest::prop_assert!(!text.contains(['\0', '\r', '<']));
            proptest::prop_assert_eq!(decode(&text).unwrap(), bytes);
        }
    }
}
