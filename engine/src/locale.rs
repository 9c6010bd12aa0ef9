//! What the engine needs of each language the advisor speaks: the language's own name, the
//! labels of the answers every pack shares, and how it writes numbers and sums. One table per
//! language, so that a new language is one table here (and one in the app's `i18n`).

/// How one language names itself, labels the shared answers and writes amounts.
#[derive(Debug, PartialEq, Eq)]
pub struct Locale {
    /// The language code that packs use (`fr`).
    pub code: &'static str,
    /// The language's name in itself, for the language switch (`Français`).
    pub name: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub dont_know: &'static str,
    pub at_or_below: &'static str,
    pub above: &'static str,
    /// Between groups of three digits.
    pub thousands: char,
    /// Before the cents.
    pub decimal: char,
    /// The fewest digits that are grouped (Spanish groups only from five digits on, RAE).
    pub group_from: usize,
    /// `USD 30` rather than `30 USD` (with a no-break space).
    pub currency_first: bool,
}

pub const EN: Locale = Locale {
    code: "en",
    name: "English",
    yes: "Yes",
    no: "No",
    dont_know: "I do not know",
    at_or_below: "At or below the threshold",
    above: "Above the threshold",
    thousands: ',',
    decimal: '.',
    group_from: 4,
    currency_first: true,
};

pub const FR: Locale = Locale {
    code: "fr",
    name: "Français",
    yes: "Oui",
    no: "Non",
    dont_know: "Je ne sais pas",
    at_or_below: "Égal ou inférieur au seuil",
    above: "Supérieur au seuil",
    // A narrow no-break space, as French typography has it.
    thousands: '\u{202f}',
    decimal: ',',
    group_from: 4,
    currency_first: false,
};

pub const ES: Locale = Locale {
    code: "es",
    name: "Español",
    yes: "Sí",
    no: "No",
    dont_know: "No lo sé",
    at_or_below: "Igual o inferior al umbral",
    above: "Superior al umbral",
    thousands: '.',
    decimal: ',',
    group_from: 5,
    currency_first: false,
};

/// Every language the advisor speaks. A pack may use only these (the loader says so).
pub const LOCALES: [&Locale; 3] = [&EN, &FR, &ES];

/// The table of a language, if the advisor speaks it.
pub fn find(code: &str) -> Option<&'static Locale> {
    LOCALES.into_iter().find(|l| l.code == code)
}

/// The table of a language, English if the advisor does not speak it (a pack that loaded
/// never has such a language).
pub fn of(code: &str) -> &'static Locale {
    find(code).unwrap_or(&EN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_has_one_table_with_every_label() {
        for (i, locale) in LOCALES.iter().enumerate() {
            assert!(LOCALES[..i].iter().all(|l| l.code != locale.code), "{} twice", locale.code);
            for label in [locale.name, locale.yes, locale.no, locale.dont_know, locale.at_or_below, locale.above] {
                assert!(!label.trim().is_empty(), "{}: an empty label", locale.code);
            }
            assert_ne!(locale.thousands, locale.decimal, "{}: one mark for thousands and decimals", locale.code);
        }
        assert_eq!(of("de"), &EN);
    }
}
