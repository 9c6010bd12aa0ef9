//! A size probe: the same three messages in three languages, formatted the app's way or with
//! Project Fluent (feature `fluent`). `cargo xtask bench` builds both for wasm32 and reports
//! the difference, which is what Fluent would cost the shipped app.


#[cfg(not(feature = "fluent"))]
mod messages {

    const QUESTION: [&str; 3] = ["Question {n} of {total}", "Question {n} sur {total}", "Pregunta {n} de {total}"];
    const CONTINUE: [&str; 3] = ["Continue", "Continuer", "Continuar"];
    const ERROR: [&str; 3] = ["Error: ", "Erreur : ", "Error: "];

    pub fn format(lang: usize, id: u32, n: u32, total: u32) -> String {
        let lang = lang % 3;
        match id {
            0 => QUESTION[lang].replace("{n}", &n.to_string()).replace("{total}", &total.to_string()),
            1 => CONTINUE[lang].into(),
            _ => ERROR[lang].into(),
        }
    }
}

#[cfg(feature = "fluent")]
mod messages {
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

    const FTL: [(&str, &str); 3] = [
        ("en", "question = Question { $n } of { $total }\ncontinue = Continue\nerror = Error: \n"),
        ("fr", "question = Question { $n } sur { $total }\ncontinue = Continuer\nerror = Erreur : \n"),
        ("es", "question = Pregunta { $n } de { $total }\ncontinue = Continuar\nerror = Error: \n"),
    ];

    pub fn format(lang: usize, id: u32, n: u32, total: u32) -> String {
        let (code, source) = FTL[lang % 3];
        let Ok(resource) = FluentResource::try_new(source.to_string()) else { return String::new() };
        let Ok(locale) = code.parse() else { return String::new() };
        let mut bundle = FluentBundle::new(Vec::from([locale]));
        if bundle.add_resource(resource).is_err() {
            return String::new();
        }
        let key = ["question", "continue", "error"][(id as usize).min(2)];
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else { return String::new() };
        let mut args = FluentArgs::new();
        args.set("n", n);
        args.set("total", total);
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, Some(&args), &mut errors).into_owned()
    }
}

/// The length of a formatted message: an export keeps the formatting code in the wasm.
#[no_mangle]
pub extern "C" fn message_length(lang: u32, id: u32, n: u32, total: u32) -> u32 {
    let text: String = messages::format(lang as usize, id, n, total);
    text.len() as u32
}
