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
}

impl Screen {
    /// The fragment for this screen, such as `#/gifts/cash` (`#/gifts` for a topic's start).
    pub fn fragment(&self, topic: Option<&TopicId>) -> String {
        let Some(topic) = topic else {
            return if *self == Screen::ChooseTopic { "#/topics".to_owned() } else { "#/".to_owned() };
        };
        match self {
            Screen::Start => format!("#/{topic}"),
            Screen::ChooseTopic => "#/topics".to_owned(),
            Screen::Question(q) => format!("#/{topic}/{q}"),
            Screen::CheckAnswers => format!("#/{topic}/check-answers"),
            Screen::Result => format!("#/{topic}/result"),
        }
    }

    /// Reads a fragment back: the topic it names (if any) and the screen.
    pub fn parse(fragment: &str) -> (Option<TopicId>, Screen) {
        let path = fragment.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.splitn(2, '/');
        match (parts.next().filter(|t| !t.is_empty()), parts.next()) {
            (Some("topics"), _) => (None, Screen::ChooseTopic),
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
        assert_eq!(Screen::parse(""), (None, Screen::Start));
        assert_eq!(Screen::parse("#"), (None, Screen::Start));
    }
}
