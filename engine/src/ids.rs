//! Typed identifiers, so a question ID can never be passed where an outcome ID is meant.

use crate::wire::{Reader, Wire};
use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The identifier as written in the rule pack.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Wire for $name {
            fn read(reader: &mut Reader) -> Self {
                Self(String::read(reader))
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(id)
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(&self.0)
            }
        }
    )*};
}

typed_id! {
    /// A language code configured in the pack, such as `en`.
    LangId,
    /// A setting such as `nominal_threshold` or `eco_email`.
    SettingId,
    /// An outcome tier such as `declare`.
    OutcomeId,
    /// A principle given as a reason, such as `integrity`.
    PrincipleId,
    /// A source a rule cites, such as a staff regulation.
    SourceId,
    /// A topic (questionnaire), such as `gifts`.
    TopicId,
    /// A question within a topic.
    QuestionId,
    /// An answer option within a question.
    OptionId,
    /// A rule: one branch out of a question.
    RuleId,
}
