//! The app's own wording (buttons, headings, errors, built-in answers), per language.
//! Everything about a topic — questions, outcomes, reasons — comes from the rule pack.

use ethics_engine::BuiltinOption;

/// Every string of the app's chrome, in one language.
pub struct Messages {
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
    pub next_heading: &'static str,
    pub contact_heading: &'static str,
    pub contact_text: &'static str,
    pub contact_page: &'static str,
    pub answers_heading: &'static str,
    pub start_again: &'static str,
    pub broken_pack: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub dont_know: &'static str,
    pub at_or_below: &'static str,
    pub above: &'static str,
}

impl Messages {
    /// The label of an answer every pack shares.
    pub fn builtin(&self, option: BuiltinOption) -> &'static str {
        match option {
            BuiltinOption::Yes => self.yes,
            BuiltinOption::No => self.no,
            BuiltinOption::DontKnow => self.dont_know,
            BuiltinOption::AtOrBelow => self.at_or_below,
            BuiltinOption::Above => self.above,
        }
    }
}

const EN: Messages = Messages {
    app_name: "Ethics advisor",
    service_heading: "Get confidential advice on an ethics question",
    service_lead: "Use this advisor when you are unsure about:",
    choose_topic: "What would you like advice on?",
    choose_topic_hint: "Choose the one closest to your situation. You can go back and choose another.",
    topic_row: "What it is about",
    start_lead: "Answer a few questions to find out whether this is fine as it is, whether you need to declare it or ask for approval first, or whether you should decline — and why.",
    start_time: "It takes about 2 minutes.",
    start_privacy: "Nothing you enter leaves this page: your answers are not sent anywhere and not stored. Closing the page erases them.",
    start_button: "Start now",
    back: "Back",
    continue_button: "Continue",
    question_number: "Question {n}",
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
    principle: "Principle",
    source: "Source",
    also_heading: "Also",
    next_heading: "What to do next",
    contact_heading: "Contact the {eco_name}",
    contact_text: "For confidential advice, write to",
    contact_page: "More on the intranet page:",
    answers_heading: "Your answers",
    start_again: "Start again",
    broken_pack: "The advisor cannot run because its rule pack is damaged. Please tell the {eco_name}.",
    yes: "Yes",
    no: "No",
    dont_know: "I do not know",
    at_or_below: "At or below the threshold",
    above: "Above the threshold",
};

/// The wording for a language code, falling back to English.
pub fn messages(_lang: &str) -> &'static Messages {
    &EN
}
