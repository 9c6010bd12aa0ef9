//! The app's own wording (buttons, headings, errors), one table per language, each tied to
//! the engine's table of that language (its name, the shared answers' labels, how it writes
//! sums). Everything about a topic — questions, outcomes, reasons — comes from the rule pack.

use ethics_engine::locale::{self, Locale};


/// Every string of the app's chrome, in one language.
pub struct Messages {
    /// The engine's table of this language.
    pub locale: &'static Locale,
    pub app_name: &'static str,
    pub service_heading: &'static str,
    pub service_lead: &'static str,
    pub choose_topic: &'static str,
    pub choose_topic_hint: &'static str,
    pub topic_row: &'static str,
    pub start_lead: &'static str,
    pub start_time: &'static str,
    pub start_privacy: &'static str,
    pub start_button: &'static str,
    pub back: &'static str,
    pub continue_button: &'static str,
    pub question_number: &'static str,
    pub error_prefix: &'static str,
    pub error_summary_title: &'static str,
    pub error_choose: &'static str,
    pub error_amount_missing: &'static str,
    pub error_amount_invalid: &'static str,
    pub amount_dont_know: &'static str,
    pub amount_label: &'static str,
    pub or: &'static str,
    pub check_heading: &'static str,
    pub check_lead: &'static str,
    pub change: &'static str,
    pub get_result: &'static str,
    pub result_heading: &'static str,
    pub why_heading: &'static str,
    pub principle: &'static str,
    pub source: &'static str,
    pub also_heading: &'static str,
    /// A colon as the language writes it after a label (French: a no-break space first).
    pub colon: &'static str,
    pub next_heading: &'static str,
    pub contact_heading: &'static str,
    pub contact_text: &'static str,
    pub contact_page: &'static str,
    pub answers_heading: &'static str,
    pub start_again: &'static str,
    pub broken_pack: &'static str,
    pub clear_and_exit: &'static str,
    pub privacy_heading: &'static str,
    pub privacy_keeps: &'static str,
    pub privacy_sends: &'static str,
    pub privacy_sharing: &'static str,
    /// A language whose texts could not be fetched; `{language}` is its name.
    pub language_unavailable: &'static str,
    pub actions_heading: &'static str,
    pub print: &'static str,
    pub copy_summary: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub write_to_eco: &'static str,
    pub mail_subject: &'static str,
    pub mail_intro: &'static str,
    pub save_progress: &'static str,
    pub save_progress_code: &'static str,
    pub save_progress_private: &'static str,
    pub resume_heading: &'static str,
    pub resume_label: &'static str,
    pub resume_hint: &'static str,
    pub resume_button: &'static str,
    pub resume_empty: &'static str,
    pub resume_bad_character: &'static str,
    pub resume_mistyped: &'static str,
    pub resume_outdated: &'static str,
    pub resume_invalid: &'static str,
    /// The footer of a printed result; `{date}` is today's date.
    pub print_note: &'static str,
    pub trainer_mode: &'static str,
    pub leave_trainer_mode: &'static str,
    /// The label of the language switch.
    pub language: &'static str,
}

/// The wording of trainer mode, in one language: apart from [`Messages`], so that the staff
/// embed, built without trainer mode, carries none of it.
pub struct TrainerMessages {
    /// The language, as in [`Messages::locale`].
    pub locale: &'static Locale,
    pub trainer_bar: &'static str,
    pub case_library: &'static str,
    pub case_library_lead: &'static str,
    pub case_label: &'static str,
    pub step_through: &'static str,
    pub reveal: &'static str,
    pub large_text: &'static str,
    pub shortcuts_on: &'static str,
    pub shortcuts_off: &'static str,
    pub fresh_start: &'static str,
    pub what_if_heading: &'static str,
    pub what_if_lead: &'static str,
    pub what_if_more: &'static str,
    pub what_if_question: &'static str,
    pub what_if_answer: &'static str,
    pub what_if_outcome: &'static str,
    pub diagram_heading: &'static str,
    pub diagram_text: &'static str,
    pub leads_to: &'static str,
}

impl Messages {
    /// "Question 3 of 7".
    pub fn question_of(&self, number: usize, total: usize) -> String {
        self.question_number.replace("{n}", &number.to_string()).replace("{total}", &total.to_string())
    }

    /// Why a resume code was refused, in words.
    pub fn resume_error(&self, error: &ethics_engine::resume::ResumeError) -> &'static str {
        use ethics_engine::resume::ResumeError;
        match error {
            ResumeError::Empty => self.resume_empty,
            ResumeError::BadCharacter(_) => self.resume_bad_character,
            ResumeError::Mistyped => self.resume_mistyped,
            ResumeError::Outdated => self.resume_outdated,
            ResumeError::Invalid => self.resume_invalid,
        }
    }
}

const EN: Messages = Messages {
    locale: &locale::EN,
    app_name: "Ethics advisor",
    service_heading: "Get confidential advice on an ethics question",
    service_lead: "Use this advisor when you are unsure about:",
    choose_topic: "What would you like advice on?",
    choose_topic_hint: "Choose the one closest to your situation. You can go back and choose another.",
    topic_row: "What it is about",
    start_lead: "Answer a few questions to find out whether this is fine as it is, whether you need to declare it or ask for approval first, or whether you should decline — and why.",
    start_time: "It takes about 2 minutes.",
    start_privacy: "Nothing you enter leaves this page: your answers are not sent anywhere and not stored.",
    start_button: "Start now",
    back: "Back",
    continue_button: "Continue",
    question_number: "Question {n} of {total}",
    error_prefix: "Error: ",
    error_summary_title: "There is a problem",
    error_choose: "Select an answer",
    error_amount_missing: "Enter an amount, or select “I do not know its value”",
    error_amount_invalid: "Enter the amount as a number, like 25 or 25.50",
    amount_dont_know: "I do not know its value",
    amount_label: "Amount",
    or: "or",
    check_heading: "Check your answers",
    check_lead: "You can change any answer before you see the result.",
    change: "Change",
    get_result: "See the result",
    result_heading: "Result",
    why_heading: "Why",
    principle: "Principle:",
    source: "Source:",
    also_heading: "Also",
    colon: ": ",
    next_heading: "What to do next",
    contact_heading: "Contact the {eco_name}",
    contact_text: "For confidential advice, write to",
    contact_page: "More on the intranet page:",
    answers_heading: "Your answers",
    start_again: "Start again",
    broken_pack: "The advisor cannot run because its rule pack is damaged. Please tell the {eco_name}.",
    clear_and_exit: "Clear and exit",
    privacy_heading: "Your privacy",
    privacy_keeps: "Your answers stay in this page only. They are not saved in your browser, and closing the page — or “Clear and exit” at the top — erases them.",
    privacy_sends: "The advisor sends nothing anywhere and uses no cookies. Once the page has loaded, it connects only if you switch language on an intranet page: it then fetches that language's wording from the intranet, without sending anything about your answers.",
    privacy_sharing: "At the end you can print the advice, copy a summary, or open a draft e-mail to the {eco_name} in your own mail program. Only you decide whether to share it.",
    language_unavailable: "This language ({language}) cannot be loaded now. Check your connection, then try again.",
    actions_heading: "Keep or share this advice",
    print: "Print",
    copy_summary: "Copy summary",
    copied: "The summary is copied. You can paste it anywhere you choose.",
    copy_failed: "Your browser did not allow copying. Select the text on this page and copy it instead.",
    write_to_eco: "Write to the {eco_name}",
    mail_subject: "Request for advice",
    mail_intro: "Dear colleagues,\n\nI would like your advice. The ethics advisor gave me this result (you may edit anything below before sending):",
    save_progress: "Save my progress",
    save_progress_code: "Your code to continue later:",
    save_progress_private: "Copy it somewhere safe and keep it private: it holds your answers. Nothing is stored anywhere; to carry on, paste the code on the advisor's start page.",
    resume_heading: "Continue with a code",
    resume_label: "Your code",
    resume_hint: "The code you were given when you chose “Save my progress”, like 0A3F-KM2Q.",
    resume_button: "Continue with this code",
    resume_empty: "Enter the code you were given",
    resume_bad_character: "The code can only contain letters, digits and dashes: check it and try again",
    resume_mistyped: "This code seems mistyped or incomplete: check it and try again",
    resume_outdated: "This code was made with an earlier version of the advisor's rules, so it cannot be used. Please start again",
    resume_invalid: "This code does not match the advisor's questions. Check it, or start again",
    print_note: "Generated on this device on {date}. Nothing was sent anywhere.",
    trainer_mode: "Trainer mode",
    leave_trainer_mode: "Leave trainer mode",
    language: "Language",
};

const FR: Messages = Messages {
    locale: &locale::FR,
    app_name: "Conseiller en déontologie",
    service_heading: "Obtenir un conseil confidentiel sur une question de déontologie",
    service_lead: "Utilisez ce conseiller si vous avez un doute concernant :",
    choose_topic: "Sur quoi souhaitez-vous obtenir un conseil ?",
    choose_topic_hint: "Choisissez le sujet le plus proche de votre situation. Vous pourrez revenir en arrière et en choisir un autre.",
    topic_row: "Sujet",
    start_lead: "Répondez à quelques questions pour savoir si la situation est acceptable telle quelle, si vous devez la déclarer ou demander d'abord une autorisation, ou si vous devez refuser — et pourquoi.",
    start_time: "Cela prend environ 2 minutes.",
    start_privacy: "Rien de ce que vous saisissez ne quitte cette page : vos réponses ne sont envoyées nulle part et ne sont pas enregistrées.",
    start_button: "Commencer",
    back: "Retour",
    continue_button: "Continuer",
    question_number: "Question {n} sur {total}",
    error_prefix: "Erreur : ",
    error_summary_title: "Il y a un problème",
    error_choose: "Sélectionnez une réponse",
    error_amount_missing: "Saisissez un montant ou sélectionnez « Je ne connais pas sa valeur »",
    error_amount_invalid: "Saisissez le montant en chiffres, par exemple 25 ou 25,50",
    amount_dont_know: "Je ne connais pas sa valeur",
    amount_label: "Montant",
    or: "ou",
    check_heading: "Vérifiez vos réponses",
    check_lead: "Vous pouvez modifier n'importe quelle réponse avant de voir le résultat.",
    change: "Modifier",
    get_result: "Voir le résultat",
    result_heading: "Résultat",
    why_heading: "Pourquoi",
    principle: "Principe\u{a0}:",
    source: "Source\u{a0}:",
    also_heading: "Également",
    colon: "\u{a0}: ",
    next_heading: "Que faire ensuite",
    contact_heading: "Contacter le {eco_name}",
    contact_text: "Pour obtenir un conseil confidentiel, écrivez à",
    contact_page: "Pour en savoir plus, consultez la page intranet :",
    answers_heading: "Vos réponses",
    start_again: "Recommencer",
    broken_pack: "Le conseiller ne peut pas fonctionner car son ensemble de règles est endommagé. Veuillez en informer le {eco_name}.",
    clear_and_exit: "Effacer et quitter",
    privacy_heading: "Confidentialité",
    privacy_keeps: "Vos réponses restent dans cette page uniquement. Elles ne sont pas enregistrées dans votre navigateur, et la fermeture de la page — ou le bouton « Effacer et quitter » en haut — les efface.",
    privacy_sends: "Le conseiller n'envoie rien nulle part et n'utilise aucun cookie. Une fois la page chargée, il ne se connecte que si vous changez de langue sur une page intranet : il récupère alors les textes de cette langue sur l'intranet, sans rien transmettre de vos réponses.",
    privacy_sharing: "À la fin, vous pouvez imprimer l'avis, copier un résumé ou ouvrir un projet de courriel au {eco_name} dans votre propre messagerie. Vous seul décidez de le partager.",
    language_unavailable: "Cette langue ({language}) ne peut pas être chargée pour le moment. Vérifiez votre connexion, puis réessayez.",
    actions_heading: "Conserver ou partager cet avis",
    print: "Imprimer",
    copy_summary: "Copier le résumé",
    copied: "Le résumé est copié. Vous pouvez le coller où vous le souhaitez.",
    copy_failed: "Votre navigateur n'a pas autorisé la copie. Sélectionnez le texte de cette page et copiez-le.",
    write_to_eco: "Écrire au {eco_name}",
    mail_subject: "Demande d'avis",
    mail_intro: "Madame, Monsieur,\n\nJe souhaiterais avoir votre avis. Le conseiller en déontologie m'a donné le résultat suivant (vous pouvez modifier ce qui suit avant l'envoi) :",
    save_progress: "Enregistrer ma progression",
    save_progress_code: "Votre code pour reprendre plus tard :",
    save_progress_private: "Copiez-le en lieu sûr et gardez-le pour vous : il contient vos réponses. Rien n'est enregistré nulle part ; pour reprendre, collez le code sur la page d'accueil du conseiller.",
    resume_heading: "Reprendre avec un code",
    resume_label: "Votre code",
    resume_hint: "Le code obtenu avec « Enregistrer ma progression », par exemple 0A3F-KM2Q.",
    resume_button: "Reprendre avec ce code",
    resume_empty: "Saisissez le code que vous avez obtenu",
    resume_bad_character: "Le code ne peut contenir que des lettres, des chiffres et des tirets : vérifiez-le et réessayez",
    resume_mistyped: "Ce code semble mal saisi ou incomplet : vérifiez-le et réessayez",
    resume_outdated: "Ce code a été créé avec une version antérieure des règles du conseiller et ne peut pas être utilisé. Veuillez recommencer",
    resume_invalid: "Ce code ne correspond pas aux questions du conseiller. Vérifiez-le ou recommencez",
    print_note: "Généré sur cet appareil le {date}. Rien n'a été envoyé.",
    trainer_mode: "Mode formateur",
    leave_trainer_mode: "Quitter le mode formateur",
    language: "Langue",
};

const ES: Messages = Messages {
    locale: &locale::ES,
    app_name: "Asesor de ética",
    service_heading: "Obtener asesoramiento confidencial sobre una cuestión de ética",
    service_lead: "Utilice este asesor cuando tenga dudas sobre:",
    choose_topic: "¿Sobre qué desea recibir asesoramiento?",
    choose_topic_hint: "Elija el tema más cercano a su situación. Podrá volver atrás y elegir otro.",
    topic_row: "Tema",
    start_lead: "Responda a unas pocas preguntas para saber si la situación es aceptable tal como está, si debe declararla o pedir antes una autorización, o si debe decir que no — y por qué.",
    start_time: "Se tarda unos 2 minutos.",
    start_privacy: "Nada de lo que introduzca sale de esta página: sus respuestas no se envían a ningún sitio ni se guardan.",
    start_button: "Empezar ahora",
    back: "Atrás",
    continue_button: "Continuar",
    question_number: "Pregunta {n} de {total}",
    error_prefix: "Error: ",
    error_summary_title: "Hay un problema",
    error_choose: "Seleccione una respuesta",
    error_amount_missing: "Introduzca un importe o seleccione «No conozco su valor»",
    error_amount_invalid: "Introduzca el importe en cifras, por ejemplo 25 o 25,50",
    amount_dont_know: "No conozco su valor",
    amount_label: "Importe",
    or: "o",
    check_heading: "Revise sus respuestas",
    check_lead: "Puede cambiar cualquier respuesta antes de ver el resultado.",
    change: "Cambiar",
    get_result: "Ver el resultado",
    result_heading: "Resultado",
    why_heading: "Por qué",
    principle: "Principio:",
    source: "Fuente:",
    also_heading: "Además",
    colon: ": ",
    next_heading: "Qué hacer a continuación",
    contact_heading: "Contactar con la {eco_name}",
    contact_text: "Para recibir asesoramiento confidencial, escriba a",
    contact_page: "Más información en la página de la intranet:",
    answers_heading: "Sus respuestas",
    start_again: "Volver a empezar",
    broken_pack: "El asesor no puede funcionar porque su conjunto de reglas está dañado. Le rogamos que lo comunique a la {eco_name}.",
    clear_and_exit: "Borrar y salir",
    privacy_heading: "Su privacidad",
    privacy_keeps: "Sus respuestas permanecen solo en esta página. No se guardan en su navegador y se borran al cerrar la página o al pulsar «Borrar y salir», arriba.",
    privacy_sends: "El asesor no envía nada a ninguna parte y no utiliza cookies. Una vez cargada la página, solo se conecta si cambia de idioma en una página de la intranet: obtiene entonces los textos de ese idioma desde la intranet, sin transmitir nada de sus respuestas.",
    privacy_sharing: "Al final puede imprimir el asesoramiento, copiar un resumen o abrir un borrador de correo a la {eco_name} en su propio programa de correo. Solo usted decide si lo comparte.",
    language_unavailable: "Este idioma ({language}) no se puede cargar ahora. Compruebe su conexión y vuelva a intentarlo.",
    actions_heading: "Guardar o compartir este asesoramiento",
    print: "Imprimir",
    copy_summary: "Copiar el resumen",
    copied: "El resumen se ha copiado. Puede pegarlo donde desee.",
    copy_failed: "Su navegador no ha permitido copiar. Seleccione el texto de esta página y cópielo.",
    write_to_eco: "Escribir a la {eco_name}",
    mail_subject: "Solicitud de asesoramiento",
    mail_intro: "Estimados colegas:\n\nQuisiera recibir su asesoramiento. El asesor de ética me ha dado este resultado (puede modificar lo que sigue antes de enviarlo):",
    save_progress: "Guardar mi progreso",
    save_progress_code: "Su código para continuar más tarde:",
    save_progress_private: "Cópielo en un lugar seguro y no lo comparta: contiene sus respuestas. No se guarda nada en ninguna parte; para continuar, pegue el código en la página de inicio del asesor.",
    resume_heading: "Continuar con un código",
    resume_label: "Su código",
    resume_hint: "El código que obtuvo con «Guardar mi progreso», por ejemplo 0A3F-KM2Q.",
    resume_button: "Continuar con este código",
    resume_empty: "Introduzca el código que obtuvo",
    resume_bad_character: "El código solo puede contener letras, cifras y guiones: compruébelo e inténtelo de nuevo",
    resume_mistyped: "Este código parece mal escrito o incompleto: compruébelo e inténtelo de nuevo",
    resume_outdated: "Este código se creó con una versión anterior de las reglas del asesor y no puede utilizarse. Vuelva a empezar",
    resume_invalid: "Este código no corresponde a las preguntas del asesor. Compruébelo o vuelva a empezar",
    print_note: "Generado en este dispositivo el {date}. No se ha enviado nada.",
    trainer_mode: "Modo formador",
    leave_trainer_mode: "Salir del modo formador",
    language: "Idioma",
};

const TRAINER_EN: TrainerMessages = TrainerMessages {
    locale: &locale::EN,
    trainer_bar: "Trainer tools",
    case_library: "Case library",
    case_library_lead: "Choose a case to present. Step through its questions with the room, then reveal what the rules say and why.",
    case_label: "Case",
    step_through: "Step through the questions",
    reveal: "Reveal the outcome",
    large_text: "Large text",
    shortcuts_on: "Keyboard shortcuts on: N next, B back, R reveal",
    shortcuts_off: "Keyboard shortcuts off",
    fresh_start: "Fresh start",
    what_if_heading: "What if?",
    what_if_lead: "How the outcome would change if one answer were different:",
    what_if_more: "more questions would follow",
    what_if_question: "Question",
    what_if_answer: "If the answer were",
    what_if_outcome: "Outcome",
    diagram_heading: "Decision tree",
    diagram_text: "Text version of the decision tree",
    leads_to: "leads to",
};

const TRAINER_FR: TrainerMessages = TrainerMessages {
    locale: &locale::FR,
    trainer_bar: "Outils du formateur",
    case_library: "Bibliothèque de cas",
    case_library_lead: "Choisissez un cas à présenter. Parcourez ses questions avec le groupe, puis révélez ce que disent les règles, et pourquoi.",
    case_label: "Cas",
    step_through: "Parcourir les questions",
    reveal: "Révéler le résultat",
    large_text: "Grand texte",
    shortcuts_on: "Raccourcis clavier activés : N suivant, B retour, R révéler",
    shortcuts_off: "Raccourcis clavier désactivés",
    fresh_start: "Repartir de zéro",
    what_if_heading: "Et si… ?",
    what_if_lead: "Comment le résultat changerait si une seule réponse était différente :",
    what_if_more: "d'autres questions suivraient",
    what_if_question: "Question",
    what_if_answer: "Si la réponse était",
    what_if_outcome: "Résultat",
    diagram_heading: "Arbre de décision",
    diagram_text: "Version texte de l'arbre de décision",
    leads_to: "mène à",
};

const TRAINER_ES: TrainerMessages = TrainerMessages {
    locale: &locale::ES,
    trainer_bar: "Herramientas del formador",
    case_library: "Biblioteca de casos",
    case_library_lead: "Elija un caso para presentar. Recorra sus preguntas con el grupo y luego revele lo que dicen las reglas y por qué.",
    case_label: "Caso",
    step_through: "Recorrer las preguntas",
    reveal: "Revelar el resultado",
    large_text: "Texto grande",
    shortcuts_on: "Atajos de teclado activados: N siguiente, B atrás, R revelar",
    shortcuts_off: "Atajos de teclado desactivados",
    fresh_start: "Empezar de cero",
    what_if_heading: "¿Y si…?",
    what_if_lead: "Cómo cambiaría el resultado si una sola respuesta fuera distinta:",
    what_if_more: "seguirían más preguntas",
    what_if_question: "Pregunta",
    what_if_answer: "Si la respuesta fuera",
    what_if_outcome: "Resultado",
    diagram_heading: "Árbol de decisión",
    diagram_text: "Versión en texto del árbol de decisión",
    leads_to: "lleva a",
};

/// The app's wording in every language it speaks.
const TABLES: [&Messages; 3] = [&EN, &FR, &ES];

/// The app's wording in a language, falling back to English (a test keeps every language the
/// engine speaks covered, and the loader refuses a pack language the engine does not speak,
/// so that the fallback never shows).
pub fn messages(lang: &str) -> &'static Messages {
    TABLES.into_iter().find(|m| m.locale.code == lang).unwrap_or(&EN)
}

/// Trainer mode's wording in every language the app speaks.
const TRAINER_TABLES: [&TrainerMessages; 3] = [&TRAINER_EN, &TRAINER_FR, &TRAINER_ES];

/// Trainer mode's wording in a language, falling back to English as [`messages`] does. Only
/// trainer mode's code calls it, so that a build without trainer mode leaves the tables out.
pub fn trainer_messages(lang: &str) -> &'static TrainerMessages {
    TRAINER_TABLES.into_iter().find(|m| m.locale.code == lang).unwrap_or(&TRAINER_EN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_the_engine_speaks_has_the_app_wording_once() {
        for locale in locale::LOCALES {
            let tables = TABLES.iter().filter(|m| std::ptr::eq(m.locale, locale)).count();
            assert_eq!(tables, 1, "the app has {tables} wording tables for {:?}", locale.code);
        }
        assert_eq!(TABLES.len(), locale::LOCALES.len(), "a wording table for a language the engine does not speak");
    }

    #[test]
    fn every_language_the_engine_speaks_has_the_trainer_wording_once() {
        for locale in locale::LOCALES {
            let tables = TRAINER_TABLES.iter().filter(|m| std::ptr::eq(m.locale, locale)).count();
            assert_eq!(tables, 1, "trainer mode has {tables} wording tables for {:?}", locale.code);
            assert_eq!(trainer_messages(locale.code).locale.code, locale.code, "trainer mode falls back to English from {:?}", locale.code);
        }
        assert_eq!(TRAINER_TABLES.len(), locale::LOCALES.len(), "a trainer wording table for a language the engine does not speak");
    }

    #[test]
    fn every_language_of_the_pack_has_the_app_wording() {
        let pack = crate::embedded_pack::load().unwrap();
        for lang in &pack.languages {
            assert_eq!(messages(lang.as_str()).locale.code, lang.as_str(), "the app has no wording in {lang:?}: it would fall back to English");
        }
    }
}
