//! Screens and their URL fragments. A fragment names a topic and a question at most, never
//! an answer, and hash routing works from `file://` as well as from a server.

use ethics_engine::{QuestionId, TopicId};

/// What the user is looking at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The start page: the service's (with the topic picker next) or, once a topic is
    /// chosen or fixed by the host page, that topic's.
    Start,
    /// The triage question: what the user wants advice on.
    ChooseTopic,
    Question(QuestionId),
    CheckAnswers,
    Result,
    /// Trainer mode: the case library.
    Cases,
    /// Trainer mode: one case's story, before stepping through it.
    Case(String),
}

impl Screen {
    /// The fragment for this screen, such as `#/gifts/cash` (`#/gifts` for a topic's start).
    pub fn fragment(&self, topic: Option<&TopicId>) -> String {
        match (self, topic) {
            (Screen::Cases, _) => "#/trainer".to_owned(),
            (Screen::Case(id), _) => format!("#/trainer/{id}"),
            (Screen::ChooseTopic, _) => "#/topics".to_owned(),
            (_, None) => "#/".to_owned(),
            (Screen::Start, Some(topic)) => format!("#/{topic}"),
            (Screen::Question(q), Some(topic)) => format!("#/{topic}/{q}"),
            (Screen::CheckAnswers, Some(topic)) => format!("#/{topic}/check-answers"),
            (Screen::Result, Some(topic)) => format!("#/{topic}/result"),
        }
    }

    /// Reads a fragment back: the topic it names (if any) and the screen.
    pub fn parse(fragment: &str) -> (Option<TopicId>, Screen) {
        let path = fragment.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.splitn(2, '/');
        match (parts.next().filter(|t| !t.is_empty()), parts.next()) {
            (Some("topics"), _) => (None, Screen::ChooseTopic),
            (Some("trainer"), None | Some("")) => (None, Screen::Cases),
            (Some("trainer"), Some(case)) => (None, Screen::Case(case.to_owned())),
            (Some(topic), Some("check-answers")) => (Some(topic.into()), Screen::CheckAnswers),
            (Some(topic), Some("result")) => (Some(topic.into()), Screen::Result),
            (Some(topic), Some(question)) if !question.is_empty() => (Some(topic.into()), Screen::Question(question.into())),
            (Some(topic), _) => (Some(topic.into()), Screen::Start),
            (None, _) => (None, Screen::Start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Screen;

    #[test]
    fn fragments_round_trip() {
        let topic = "gifts".into();
        for screen in [Screen::Start, Screen::Question("cash".into()), Screen::CheckAnswers, Screen::Result] {
            assert_eq!(Screen::parse(&screen.fragment(Some(&topic))), (Some(topic.clone()), screen));
        }
        assert_eq!(Screen::parse(&Screen::ChooseTopic.fragment(None)), (None, Screen::ChooseTopic));
        assert_eq!(Screen::parse(&Screen::Start.fragment(None)), (None, Screen::Start));
        assert_eq!(Screen::parse(&Screen::Cases.fragment(None)), (None, Screen::Cases));
        assert_eq!(Screen::parse(&Screen::Case("brief_1_wine".into()).fragment(Some(&topic))), (None, Screen::Case("brief_1_wine".into())));
        assert_eq!(Screen::parse(""), (None, Screen::Start));
        assert_eq!(Screen::parse("#"), (None, Screen::Start));
    }
}
